import type { z } from 'zod';
import { getDeposit, getSettings, listDonations, listExpenses, printRunPayments } from '../../../db/repositories/treasury.ts';
import type { Contest } from '../../../shared/contract/contests.ts';
import type { Donation, DonationRow, LedgerLine, depositStatus } from '../../../shared/contract/treasury.ts';
import { deadlineState, isDonation } from '../../../shared/domain/donations.ts';
import { buildReturn } from '../../../shared/domain/election-return.ts';
import { expenseWarnings } from '../../../shared/domain/expenses.ts';
import { requireContest } from '../contests.ts';
import type { Ctx } from '../context.ts';
import { invalid } from '../records.ts';
import type { FieldProblem } from '../../../shared/domain/problems.ts';
import { limitOf, periodSpend, spendOf } from './limits.ts';
import { type PostPoll, depositFacts, depositRefundDue, postPollDeadlines, printRunsOf, today } from './links.ts';

type DepositStatus = z.infer<typeof depositStatus>;

/** Field problems from the domain rules → one AppError naming each field (in the contract's names). */
export function refuse(problems: FieldProblem[], rename: Record<string, string> = {}): void {
  if (problems.length > 0) throw invalid(problems, { lead: 'Nothing was saved: ', separator: '; ', rename });
}

export function titleOf(c: Contest): string {
  return `${c.areaName} — ${c.electionName}`;
}

function donationRow(d: Donation, on: string): DonationRow {
  const s = deadlineState(d, on);
  return {
    ...d,
    ref: `donation:${d.id}`,
    isDonation: isDonation(d.valuePence),
    deadline: s.kind === 'open' || s.kind === 'lapsed' ? s.deadline : null,
    deadlineState: s.kind,
    deadlineMessage: s.message,
    daysLeft: s.kind === 'open' ? s.daysLeft : null,
  };
}

async function depositOf(ctx: Ctx, contest: Contest): Promise<DepositStatus> {
  const facts = await depositFacts(ctx, contest);
  const recorded = (await getDeposit(ctx.db, contest.id)) ?? null;
  return {
    expectedPence: facts.expectedPence,
    expectedRule: facts.expectedRule,
    recorded,
    outcome: facts.outcome,
    outcomeReason: facts.outcomeReason,
    refundDue: facts.outcome === 'returned' ? await depositRefundDue(ctx, contest) : null,
  };
}

async function linesOf(ctx: Ctx, contestId: number, postPoll: PostPoll | null): Promise<LedgerLine[]> {
  const deadlines = postPoll && { invoicesBy: postPoll.invoicesBy, paidBy: postPoll.paidBy };
  const entries: LedgerLine[] = (await listExpenses(ctx.db, contestId)).map((e) => ({
    ref: `expense:${e.id}`,
    source: 'ledger',
    sourceId: e.id,
    kind: e.kind,
    category: e.category,
    supplier: e.supplier,
    description: e.description,
    amountPence: e.amountPence,
    invoiceOn: e.invoiceOn,
    paidOn: e.paidOn,
    notional: e.notional,
    warnings: expenseWarnings(e, deadlines),
  }));
  const printRuns = await printRunsOf(ctx, contestId);
  const paid = await printRunPayments(
    ctx.db,
    printRuns.map((r) => r.id),
  );
  const runs: LedgerLine[] = printRuns.map((r) => ({
    ref: `print-run:${r.id}`,
    source: 'print-run',
    sourceId: r.id,
    kind: 'expense',
    category: 'unsolicited-material',
    supplier: r.printer || 'Printer not recorded',
    description: `${r.leafletTitle}: ${r.quantity.toLocaleString('en-GB')} printed`,
    amountPence: r.costPence,
    invoiceOn: r.printedOn,
    paidOn: paid.get(r.id) ?? null,
    notional: false,
    warnings:
      r.costPence === 0
        ? ['No cost recorded for this print run: enter it on the print run, or record free or discounted printing as notional spending']
        : expenseWarnings({ kind: 'expense', notional: false, invoiceOn: r.printedOn, paidOn: paid.get(r.id) ?? null }, deadlines),
  }));
  return [...entries, ...runs].sort(
    (a, b) => (a.invoiceOn ?? a.paidOn ?? '9999').localeCompare(b.invoiceOn ?? b.paidOn ?? '9999') || a.ref.localeCompare(b.ref),
  );
}

export async function everything(ctx: Ctx, contestId: number) {
  const contest = await requireContest(ctx, contestId);
  const settings = await getSettings(ctx.db, contestId);
  const postPoll = await postPollDeadlines(ctx, contest);
  const on = today();
  const [{ limit, periods: limitPeriods }, deposit, donations, lines] = await Promise.all([
    limitOf(ctx, contest, settings),
    depositOf(ctx, contest),
    listDonations(ctx.db, contestId),
    linesOf(ctx, contestId, postPoll),
  ]);
  const rows = donations.map((d) => donationRow(d, on));
  const ret = buildReturn({ expenses: lines, donations: rows, deposit: null });
  const periods = periodSpend(limitPeriods, ret);
  // With an earlier period (long campaign, pre-candidacy), the limit is the final period's and so is its spend.
  const spend = periods.length > 1 ? periods[periods.length - 1].spend : spendOf(ret.totalSpendPence, limit);
  return { contest, settings, postPoll, limit, periods, deposit, donations: rows, lines, ret, spend };
}

/** The date nothing on the return may be dated after: when it was delivered, or else when it is due. */
export async function returnDateOf(ctx: Ctx, contest: Contest): Promise<string | null> {
  const s = await getSettings(ctx.db, contest.id);
  return s.returnDeliveredOn ?? (await postPollDeadlines(ctx, contest))?.returnDue ?? null;
}
