import type { z } from 'zod';
import { deleteDonation, getDonation, insertDonation, updateDonation } from '../../../db/repositories/treasury.ts';
import type { Donation, treasuryContract } from '../../../shared/contract/treasury.ts';
import { donationProblems, normaliseIdentifiers } from '../../../shared/domain/donations.ts';
import { formatPence } from '../../../shared/domain/money.ts';
import { requireContest } from '../contests.ts';
import type { Ctx, HandlersFor } from '../context.ts';
import { requireRecord } from '../records.ts';
import { refuse } from './figures.ts';
import { today } from './links.ts';
import { formatDateLong } from '../../../shared/domain/working-days.ts';

export async function requireDonation(ctx: Ctx, id: number) {
  return requireRecord(await getDonation(ctx.db, id), 'donation', id);
}

type DonationInput = z.output<(typeof treasuryContract)['treasury.createDonation']['input']>;

function checkedDonation(contestId: number, input: Omit<DonationInput, 'contestId'>): Omit<Donation, 'id'> {
  const ids = normaliseIdentifiers(input.electorNumber, input.companyNumber);
  const d: Omit<Donation, 'id'> = {
    contestId,
    donorName: input.donorName,
    donorAddress: input.donorAddress,
    electorNumber: ids.electorNumber,
    companyNumber: ids.companyNumber,
    kind: input.kind,
    description: input.description,
    valuePence: input.value,
    receivedOn: input.receivedOn,
    status: input.status,
    permissibleSource: input.permissibleSource,
    reason: input.reason,
    acceptedOn: input.acceptedOn,
    returnedOn: input.returnedOn,
  };
  const problems: { field: string; message: string }[] = donationProblems(d, today());
  if (d.kind === 'in-kind' && d.description.trim() === '') problems.push({ field: 'description', message: 'Say what was given (a donation in kind)' });
  refuse(problems, { valuePence: 'value' });
  return d;
}

function describeDonation(d: Omit<Donation, 'id'>): string {
  return `${formatPence(d.valuePence)} from ${d.donorName}`;
}

export const donationHandlers = {
  'treasury.createDonation': async (ctx, { contestId, ...input }) => {
    const contest = await requireContest(ctx, contestId);
    const d = checkedDonation(contest.id, input);
    const id = await insertDonation(ctx.db, d);
    const after = (await getDonation(ctx.db, id))!;
    await ctx.audit({
      action: 'create',
      entity: 'donation',
      entityId: id,
      summary: `Donation of ${describeDonation(d)} received ${formatDateLong(d.receivedOn)}`,
      after,
    });
    return after;
  },
  'treasury.updateDonation': async (ctx, { id, ...input }) => {
    const before = await requireDonation(ctx, id);
    const d = checkedDonation(before.contestId, input);
    await updateDonation(ctx.db, id, d);
    const after = (await getDonation(ctx.db, id))!;
    const what =
      before.status !== after.status && after.status !== 'pending'
        ? `${after.status === 'accepted' ? 'Accepted' : 'Returned'} the donation of ${describeDonation(d)}`
        : `Changed the donation of ${describeDonation(d)}`;
    await ctx.audit({ action: 'update', entity: 'donation', entityId: id, summary: what, before, after });
    return after;
  },
  'treasury.deleteDonation': async (ctx, { id }) => {
    const before = await requireDonation(ctx, id);
    await deleteDonation(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'donation', entityId: id, summary: `Deleted the donation of ${describeDonation(before)}`, before });
    return { deleted: true };
  },
} satisfies Partial<HandlersFor<typeof treasuryContract>>;
