/**
 * The paperwork tests' campaign, shared by papers-pdf.test.ts (in process) and
 * papers-pdf-cli.test.ts (the CLI): a delivery round long enough for two pages of round sheet,
 * and a contest whose return of expenses runs over pages.
 */
import { ok, tempHustings } from './db.ts';

/** 60 streets: more than one A4 page of rows. */
export const STREETS = Array.from({ length: 60 }, (_, i) => ({ name: `Street ${i + 1}`, households: 10 + i, notes: i === 0 ? 'Dog at no. 4' : '' }));

export interface Paperwork {
  app: Awaited<ReturnType<typeof tempHustings>>;
  roundId: number;
  contestId: number;
}

export async function paperwork(): Promise<Paperwork> {
  const app = await tempHustings();
  const area = await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: 7_500, classification: null });
  const round = await ok(app, 'rounds.create', { name: 'Elm Estate', areaId: area.id, pollingDistrict: 'AA', streets: STREETS });
  const roundId = round.id;
  const ann = await ok(app, 'volunteers.create', { name: 'Ann Deliverer', roles: ['deliver'], consentToContact: true });
  await ok(app, 'rounds.assign', { roundId, volunteerId: ann.id, plannedOn: '2026-04-20' });

  const le = await ok(app, 'elections.create', { name: 'Newtown 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const contestId = (await ok(app, 'contests.create', { electionId: le.id, areaId: area.id, status: 'contesting' })).id;
  // 70 adverts: the return runs over pages.
  for (let i = 1; i <= 70; i++) {
    await ok(app, 'treasury.createExpense', {
      contestId,
      category: 'advertising',
      supplier: `Printer ${i}`,
      description: `Advert ${i}`,
      amount: '£10.00',
      invoiceOn: '2026-04-25',
      paidOn: '2026-04-30',
    });
  }
  await ok(app, 'treasury.createDonation', {
    contestId,
    donorName: 'Cy Donor',
    donorAddress: '1 High St\nNewtown',
    kind: 'cash',
    value: '£250',
    receivedOn: '2026-04-20',
  });
  return { app, roundId, contestId };
}
