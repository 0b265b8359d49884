import { deleteDeposit, getDeposit, saveDeposit } from '../../../db/repositories/treasury.ts';
import type { Deposit, treasuryContract } from '../../../shared/contract/treasury.ts';
import { DEPOSIT_METHOD_LABELS } from '../../../shared/contract/treasury.ts';
import { depositProblems } from '../../../shared/domain/deposits.ts';
import { formatPence } from '../../../shared/domain/money.ts';
import { requireContest } from '../contests.ts';
import type { HandlersFor } from '../context.ts';
import { titleOf } from './figures.ts';
import { invalid } from '../records.ts';
import { depositFacts, today } from './links.ts';
import { formatDateLong } from '../../../shared/domain/working-days.ts';

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
    const facts = await depositFacts(ctx, contest);
    const problems = depositProblems(after, { expectedPence: facts.expectedPence, today: today(), declaredOn: contest.declaredOn, outcome: facts.outcome });
    if (problems.length > 0) throw invalid(problems, { lead: 'Nothing was saved: ', separator: '; ' });
    await saveDeposit(ctx.db, after);
    await ctx.audit({
      action: before ? 'update' : 'create',
      entity: 'deposit',
      entityId: contest.id,
      summary: `Deposit of ${formatPence(after.amountPence)} paid ${formatDateLong(after.paidOn)} by ${DEPOSIT_METHOD_LABELS[after.method].toLowerCase()} for ${titleOf(contest)}`,
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
