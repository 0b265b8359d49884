/**
 * What the treasury reads from other features: the deposit rule and result (candidates), the
 * post-poll deadlines and working days (timetable), leaflet print runs (leaflets).
 */
import { listMembers, partyListOfContest } from '../../../db/repositories/party-lists.ts';
import { listPrintRuns } from '../../../db/repositories/print-runs.ts';
import type { Contest } from '../../../shared/contract/contests.ts';
import { describeReturnRule } from '../../../shared/domain/deposits.ts';
import { formatPence } from '../../../shared/domain/money.ts';
import { type ListLimit, seneddPartyListLimit } from '../../../shared/domain/party-lists.ts';
import type { MilestoneKey } from '../../../shared/domain/timetable.ts';
import { divisionOf, workingDaysAfter } from '../../../shared/domain/working-days.ts';
import { candidatesHandlers } from '../candidates.ts';
import type { Ctx } from '../context.ts';
import { requireElection } from '../elections.ts';
import { listDeposit, listResult } from '../party-lists/detail.ts';
import { contestTimetable, loadHolidays, loadTimetableData } from '../timetable.ts';

export interface DepositFacts {
  expectedPence: number | null;
  expectedRule: string;
  outcome: 'no-deposit' | 'awaiting-result' | 'returned' | 'forfeited';
  outcomeReason: string;
}

/**
 * The deposit the election's rules ask for and whether it came back, from the candidates
 * feature's nomination rules and recorded result (the contest's first candidacy with an outcome).
 */
export async function depositFacts(ctx: Ctx, contest: Contest): Promise<DepositFacts> {
  const list = await partyListOfContest(ctx.db, contest.id);
  if (list) return listDepositFacts(ctx, contest, list.id);
  const rules = await candidatesHandlers['nominations.rules'](ctx, { contestId: contest.id });
  const rule = rules.requirements.deposit;
  if (!rule)
    return {
      expectedPence: null,
      expectedRule: 'No deposit for this election',
      outcome: 'no-deposit',
      outcomeReason: 'No deposit is required for this election',
    };
  const source =
    rule.amountSource === 'unconfirmed' ? ' (unconfirmed default)' : rule.amountSource === 'override' ? ' (as corrected on the nominations page)' : '';
  const expected = { expectedPence: rule.amountPence, expectedRule: `${formatPence(rule.amountPence)}${source}, ${rule.returnRuleText}` };
  const result = await candidatesHandlers['results.get'](ctx, { contestId: contest.id });
  if (!result) return { ...expected, outcome: 'awaiting-result', outcomeReason: 'Record the result to see whether the deposit comes back' };
  const ours = result.rows.find((r) => r.candidacyId !== null && r.deposit && r.deposit.outcome !== 'no-deposit');
  if (!ours?.deposit || ours.deposit.outcome === 'no-deposit') {
    return {
      ...expected,
      outcome: 'awaiting-result',
      outcomeReason: 'The result has no row for your candidate: link their row in the result to decide the deposit',
    };
  }
  return { ...expected, outcome: ours.deposit.outcome, outcomeReason: `${ours.name}: ${ours.deposit.reason}` };
}

/** A party list pays one deposit for the whole list; its fate follows the list's votes. */
async function listDepositFacts(ctx: Ctx, contest: Contest, listId: number): Promise<DepositFacts> {
  const rule = await listDeposit(ctx, contest);
  if (!rule) return { expectedPence: null, expectedRule: 'No deposit for this list', outcome: 'no-deposit', outcomeReason: 'No deposit is set for this list' };
  const source =
    rule.amountSource === 'unconfirmed' ? ' (unconfirmed default)' : rule.amountSource === 'override' ? ' (as corrected on the nominations page)' : '';
  const expected = {
    expectedPence: rule.amountPence,
    expectedRule: `${formatPence(rule.amountPence)} for the party list${source}, ${describeReturnRule(rule.returnRule)}`,
  };
  const result = await listResult(ctx, contest, listId, rule);
  if (!result?.deposit || result.deposit.outcome === 'no-deposit') {
    return {
      ...expected,
      outcome: 'awaiting-result',
      outcomeReason: 'Record the result with the list’s row marked as ours to see whether the deposit comes back',
    };
  }
  return { ...expected, outcome: result.deposit.outcome, outcomeReason: `${result.row.name}: ${result.deposit.reason}` };
}

/** A Senedd party list's spending limit, counted from the names on the list; null for any other contest. */
export async function listSpendingLimit(ctx: Ctx, contest: Contest): Promise<ListLimit | null> {
  const list = await partyListOfContest(ctx.db, contest.id);
  if (!list || contest.electionType !== 'senedd') return null;
  return seneddPartyListLimit((await listMembers(ctx.db, list.id)).length);
}

export interface PostPoll {
  declaredOn: string;
  invoicesBy: string;
  paidBy: string;
  returnDue: string;
}

/** The post-poll deadlines of the contest's timetable (with the user's holidays), once declared. */
export async function postPollDeadlines(ctx: Ctx, contest: Contest): Promise<PostPoll | null> {
  if (!contest.declaredOn) return null;
  const election = await requireElection(ctx, contest.electionId);
  const data = await loadTimetableData(ctx.db, [election.id]);
  const t = await contestTimetable(ctx.db, contest, election, data);
  const date = (key: MilestoneKey) => t.milestones.find((m) => m.key === key)?.date;
  const invoicesBy = date('expense_invoices_received');
  const paidBy = date('expense_invoices_paid');
  const returnDue = date('expense_return');
  if (!invoicesBy || !paidBy || !returnDue) return null;
  return { declaredOn: contest.declaredOn, invoicesBy, paidBy, returnDue };
}

/** The deposit is returned the next working day after the declaration (in the contest's nation). */
export async function depositRefundDue(ctx: Ctx, contest: Contest): Promise<string | null> {
  if (!contest.declaredOn) return null;
  const holidays = await loadHolidays(ctx.db);
  return workingDaysAfter(contest.declaredOn, 1, { divisions: [divisionOf(contest.nation)] }, holidays);
}

export { ukToday as today } from '../../../shared/domain/working-days.ts';

/** The leaflet print runs charged to a contest: they flow into its ledger as unsolicited material. */
export async function printRunsOf(ctx: Ctx, contestId: number) {
  return listPrintRuns(ctx.db, { contestId });
}
