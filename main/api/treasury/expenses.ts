import type { z } from 'zod';
import { getPrintRun } from '../../../db/repositories/print-runs.ts';
import { deleteExpense, getExpense, insertExpense, printRunPayments, setPrintRunPaid, updateExpense } from '../../../db/repositories/treasury.ts';
import type { Contest } from '../../../shared/contract/contests.ts';
import type { Expense, treasuryContract } from '../../../shared/contract/treasury.ts';
import { SPENDING_CATEGORY_LABELS, expenseProblems } from '../../../shared/domain/expenses.ts';
import { formatPence } from '../../../shared/domain/money.ts';
import { requireContest } from '../contests.ts';
import type { Ctx, HandlersFor } from '../context.ts';

import { refuse, returnDateOf } from './figures.ts';
import { invalid, requireRecord } from '../records.ts';
import { today } from './links.ts';
import { formatDateLong } from '../../../shared/domain/working-days.ts';

async function requireExpense(ctx: Ctx, id: number) {
  return requireRecord(await getExpense(ctx.db, id), 'expense', id);
}

type ExpenseInput = z.output<(typeof treasuryContract)['treasury.createExpense']['input']>;

async function checkedExpense(ctx: Ctx, contest: Contest, input: Omit<ExpenseInput, 'contestId'>): Promise<Omit<Expense, 'id'>> {
  const e: Omit<Expense, 'id'> = {
    contestId: contest.id,
    kind: input.kind,
    category: input.category,
    supplier: input.supplier,
    description: input.description,
    amountPence: input.amount,
    invoiceOn: input.invoiceOn,
    paidOn: input.paidOn,
    notional: input.notional,
  };
  refuse(expenseProblems(e, { today: today(), returnOn: await returnDateOf(ctx, contest) }), { amountPence: 'amount' });
  return e;
}

function describeExpense(e: Omit<Expense, 'id'>): string {
  return `${e.kind === 'refund' ? 'refund' : e.notional ? 'notional spending' : 'expense'} ${formatPence(e.amountPence)} to ${e.supplier} (${SPENDING_CATEGORY_LABELS[e.category]})`;
}

export const expenseHandlers = {
  'treasury.createExpense': async (ctx, { contestId, ...input }) => {
    const contest = await requireContest(ctx, contestId);
    const e = await checkedExpense(ctx, contest, input);
    const id = await insertExpense(ctx.db, e);
    const after = (await getExpense(ctx.db, id))!;
    await ctx.audit({ action: 'create', entity: 'expense', entityId: id, summary: `Recorded ${describeExpense(e)}`, after });
    return after;
  },
  'treasury.updateExpense': async (ctx, { id, ...input }) => {
    const before = await requireExpense(ctx, id);
    const contest = await requireContest(ctx, before.contestId);
    const e = await checkedExpense(ctx, contest, input);
    await updateExpense(ctx.db, id, e);
    const after = (await getExpense(ctx.db, id))!;
    await ctx.audit({ action: 'update', entity: 'expense', entityId: id, summary: `Changed ${describeExpense(e)}`, before, after });
    return after;
  },
  'treasury.setPrintRunPaid': async (ctx, { printRunId, paidOn }) => {
    const run = requireRecord(await getPrintRun(ctx.db, printRunId), 'print run', printRunId, { field: 'printRunId' });
    if (run.contestId === null) {
      throw invalid('This print run is not charged to a contest: choose its contest on the print run first', { printRunId: 'Not charged to a contest' });
    }
    const contest = await requireContest(ctx, run.contestId);
    const before = (await printRunPayments(ctx.db, [printRunId])).get(printRunId) ?? null;
    if (paidOn) {
      const returnOn = await returnDateOf(ctx, contest);
      if (returnOn && paidOn > returnOn)
        throw invalid(`Date paid ${formatDateLong(paidOn)} is after the return (${formatDateLong(returnOn)})`, {
          paidOn: `After the return (${formatDateLong(returnOn)})`,
        });
      if (paidOn > today()) throw invalid(`Date paid ${formatDateLong(paidOn)} is in the future`, { paidOn: `${formatDateLong(paidOn)} is in the future` });
    }
    await setPrintRunPaid(ctx.db, printRunId, paidOn);
    await ctx.audit({
      action: 'update',
      entity: 'print-run-payment',
      entityId: printRunId,
      summary: paidOn
        ? `Print run of ${run.leafletTitle} (${formatPence(run.costPence)}, ${run.printer || 'printer not recorded'}) paid ${formatDateLong(paidOn)}`
        : `Print run of ${run.leafletTitle}: date paid cleared`,
      before: { printRunId, paidOn: before },
      after: { printRunId, paidOn },
    });
    return { printRunId, paidOn };
  },
  'treasury.deleteExpense': async (ctx, { id }) => {
    const before = await requireExpense(ctx, id);
    await deleteExpense(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'expense', entityId: id, summary: `Deleted ${describeExpense(before)}`, before });
    return { deleted: true };
  },
} satisfies Partial<HandlersFor<typeof treasuryContract>>;
