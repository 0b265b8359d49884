import { logErasure } from '../../../db/erasure-log.ts';
import { donorIdentifiers, eraseDonor } from '../../../db/repositories/person-erasure.ts';
import { listAllDonations } from '../../../db/repositories/treasury.ts';
import type { Contest } from '../../../shared/contract/contests.ts';
import { AppError } from '../../../shared/contract/result.ts';
import type { Donor, treasuryContract } from '../../../shared/contract/treasury.ts';
import { donorErasureRefusal, donorRetention } from '../../../shared/domain/donations.ts';
import { ERASED_TEXT } from '../../../shared/domain/erasure.ts';
import { requireContest } from '../contests.ts';
import type { Ctx, HandlersFor } from '../context.ts';
import { accountsNote, accountsReached, confirmErasure, personTrail, recordErasure } from '../erasure.ts';
import { requireDonation } from './donations.ts';
import { returnDateOf } from './figures.ts';
import { today } from './links.ts';

const donorKey = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** A donor, found from one of their donations: every donation with the same name and address. */
async function donorOf(ctx: Ctx, donationId: number): Promise<Donor> {
  const first = await requireDonation(ctx, donationId);
  if (first.donorName === ERASED_TEXT) {
    throw new AppError('not_found', `The donor of donation ${donationId} has already been erased`, { donationId: 'The donor’s details were erased' });
  }
  const key = `${donorKey(first.donorName)}\n${donorKey(first.donorAddress)}`;
  const mine = (await listAllDonations(ctx.db)).filter((d) => `${donorKey(d.donorName)}\n${donorKey(d.donorAddress)}` === key);
  const on = today();
  const contests = new Map<number, Contest>();
  const donations = [];
  for (const d of mine) {
    if (!contests.has(d.contestId)) contests.set(d.contestId, await requireContest(ctx, d.contestId));
    const contest = contests.get(d.contestId)!;
    const returnDate = await returnDateOf(ctx, contest);
    const r = donorRetention(d.valuePence, returnDate, on);
    donations.push({
      ...d,
      contestName: `${contest.areaName}, ${contest.electionName}`,
      returnDate,
      mustKeep: r.mustKeep,
      keptUntil: r.keptUntil,
      retentionReason: r.reason,
    });
  }
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  return {
    name: first.donorName,
    address: first.donorAddress,
    electorNumbers: await distinct(mine.map((d) => d.electorNumber)),
    companyNumbers: await distinct(mine.map((d) => d.companyNumber)),
    donations,
    erasureRefusal: donorErasureRefusal(first.donorName, donations),
  };
}

export const donorHandlers = {
  'treasury.getDonor': async (ctx, { donationId }) => donorOf(ctx, donationId),
  'treasury.getDonorExport': async (ctx, { donationId }) => {
    const donor = await donorOf(ctx, donationId);
    return { ...(await personTrail(ctx, [{ entity: 'donation', ids: donor.donations.map((d) => d.id) }], donorIdentifiers(donor))), donor };
  },
  'treasury.eraseDonor': async (ctx, { donationId, confirm }) => {
    const donor = await donorOf(ctx, donationId);
    if (donor.erasureRefusal) throw new AppError('conflict', donor.erasureRefusal);
    const n = donor.donations.length;
    const accounts = await accountsReached(ctx, [donor.name]);
    confirmErasure(
      confirm,
      `Erasing ${donor.name} blanks their name, address and elector or company number on ${n === 1 ? 'their donation' : `all ${n} of their donations`}, takes their name out of notes and blanks it in the activity log, leaving only a note that an erasure happened. What was given, when, and whether it was accepted stay in the accounts.${accountsNote(accounts)}`,
    );
    const ids = donor.donations.map((d) => d.id);
    const identity = { name: donor.name, address: donor.address, donationIds: ids, electorNumbers: donor.electorNumbers, companyNumbers: donor.companyNumbers };
    logErasure(ctx.db, ctx.dbPath, ctx.encryption.key, 'donor', identity);
    const traces = await eraseDonor(ctx.db, identity);
    return recordErasure(ctx, { entity: 'donor', entityId: null, whose: 'a donor’s', extra: { donations: ids } }, traces, accounts);
  },
} satisfies Partial<HandlersFor<typeof treasuryContract>>;
