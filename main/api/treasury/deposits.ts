import { deleteDeposit, getDeposit, saveDeposit } from '../../../db/repositories/treasury.ts';
import type { Deposit, treasuryContract } from '../../../shared/contract/treasury.ts';
import { DEPOSIT_METHOD_LABELS } from '../../../shared/contract/treasury.ts';
import { depositShortfall } from '../../../shared/domain/deposits.ts';
import { formatPence } from '../../../shared/domain/money.ts';
import { requireContest } from '../contests.ts';
import type { HandlersFor } from '../context.ts';
import { titleOf } from './figures.ts';
import { invalid } from '../records.ts';
import { depositFacts, today } from './links.ts';

export const depositHandlers = {
  'treasury.saveDeposit': async (ctx, input) => {
    const contest = await requireContest(ctx, input.contestId);
    const before = (await getDeposit(ctx.db, contest.id)) ?? null;
    const after: Deposit = {
      contestId: contest.id,
      amountPence: input.amount,
      paidOn: input.paidOn,
      method: input.method,
      receipt: input.receipt,
      refundedOn: input.refundedOn,
      notes: input.notes,
    };
    const fields: Record<string, string> = {};
    const on = today();
    const facts = await depositFacts(ctx, contest);
    const short = facts.expectedPence === null ? null : depositShortfall(after.amountPence, facts.expectedPence);
    if (short) fields.amount = `${short}: the returning officer will not accept less (if they ask for a different amount, correct the deposit in the contest’s nomination rules)`;
    if (after.paidOn > on) fields.paidOn = `${after.paidOn} is in the future`;
    if (after.refundedOn) {
      if (after.refundedOn > on) fields.refundedOn = `${after.refundedOn} is in the future`;
      else if (!contest.declaredOn) fields.refundedOn = 'A deposit is refunded after the result is declared: record the result first';
      else if (after.refundedOn < contest.declaredOn) fields.refundedOn = `The result was declared on ${contest.declaredOn}: the refund cannot be earlier`;
      if (facts.outcome === 'forfeited') fields.refundedOn = 'This deposit was forfeited, so it is not refunded';
    }
    if (Object.keys(fields).length > 0) throw invalid(`Nothing was saved: ${Object.values(fields).join('; ')}`, fields);
    await saveDeposit(ctx.db, after);
    await ctx.audit({
      action: before ? 'update' : 'create',
      entity: 'deposit',
      entityId: contest.id,
      summary: `Deposit of ${formatPence(after.amountPence)} paid ${after.paidOn} by ${DEPOSIT_METHOD_LABELS[after.method].toLowerCase()} for ${titleOf(contest)}`,
      before: before ?? undefined,
      after,
    });
    return after;
  },
  'treasury.deleteDeposit': async (ctx, { contestId }) => {
    const contest = await requireContest(ctx, contestId);
    const before = await getDeposit(ctx.db, contestId);
    if (!before) return { deleted: false };
    await deleteDeposit(ctx.db, contestId);
    await ctx.audit({ action: 'delete', entity: 'deposit', entityId: contestId, summary: `Removed the deposit record for ${titleOf(contest)}`, before });
    return { deleted: true };
  },
} satisfies Partial<HandlersFor<typeof treasuryContract>>;
