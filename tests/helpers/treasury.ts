/**
 * The treasury tests' contests and records, shared by treasury.test.ts (in process) and
 * treasury-cli.test.ts (the CLI).
 */
import { ok, tempHustings } from './db.ts';

export interface TreasuryContests {
  app: Awaited<ReturnType<typeof tempHustings>>;
  /** Banbury-like county seat of 69,943 electors, at a general election. */
  county: number;
  /** English ward of 7,500 electors, at a council election. */
  ward: number;
}

export async function treasuryContests(): Promise<TreasuryContests> {
  const app = await tempHustings();
  const ge = await ok(app, 'elections.create', { name: 'GE 2026', type: 'uk-parliament', pollingDay: '2026-05-07', nation: 'england' });
  const seat = await ok(app, 'areas.create', { name: 'Banbury', kind: 'constituency', electorate: 69_943, classification: 'county', nation: 'england' });
  const county = (await ok(app, 'contests.create', { electionId: ge.id, areaId: seat.id, status: 'contesting' })).id;
  const le = await ok(app, 'elections.create', { name: 'Leeds 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const w = await ok(app, 'areas.create', { name: 'Hyde Park', kind: 'ward', electorate: 7_500, classification: null, nation: 'england' });
  const ward = (await ok(app, 'contests.create', { electionId: le.id, areaId: w.id, status: 'contesting' })).id;
  return { app, county, ward };
}

/** A cash donation of £250 to the contest, with `over` changed. */
export const donationTo = (contestId: number, over: Record<string, unknown> = {}) => ({
  contestId,
  donorName: 'Ann Elector',
  donorAddress: '1 High St, Banbury',
  kind: 'cash',
  value: '£250',
  receivedOn: '2026-04-20',
  ...over,
});

/** A £400 advert paid for the contest, with `over` changed. */
export const expenseOf = (contestId: number, over: Record<string, unknown> = {}) => ({
  contestId,
  category: 'advertising',
  supplier: 'Banbury Guardian',
  description: 'Quarter-page advert',
  amount: '£400.00',
  invoiceOn: '2026-04-25',
  paidOn: '2026-04-30',
  ...over,
});
