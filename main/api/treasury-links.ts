/**
 * What the treasury reads from other features: the deposit rule and result (candidates), the
 * post-poll deadlines and working days (timetable), leaflet print runs (leaflets).
 * Until the timetable and leaflets are in main, their parts are minimal stand-ins; each says so.
 */
import type { Contest } from '../../shared/contract/contests.ts';
import { addCalendarDays } from '../../shared/domain/calendar.ts';
import { formatPence } from '../../shared/domain/money.ts';
import { candidatesHandlers } from './candidates.ts';
import type { Ctx } from './context.ts';

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
  const rules = await candidatesHandlers['nominations.rules'](ctx, { contestId: contest.id });
  const rule = rules.requirements.deposit;
  if (!rule) return { expectedPence: null, expectedRule: 'No deposit for this election', outcome: 'no-deposit', outcomeReason: 'No deposit is required for this election' };
  const source = rule.amountSource === 'unconfirmed' ? ' (unconfirmed default)' : rule.amountSource === 'override' ? ' (as corrected on the nominations page)' : '';
  const expected = { expectedPence: rule.amountPence, expectedRule: `${formatPence(rule.amountPence)}${source}, ${rule.returnRuleText}` };
  const result = await candidatesHandlers['results.get'](ctx, { contestId: contest.id });
  if (!result) return { ...expected, outcome: 'awaiting-result', outcomeReason: 'Record the result to see whether the deposit comes back' };
  const ours = result.rows.find((r) => r.candidacyId !== null && r.deposit && r.deposit.outcome !== 'no-deposit');
  if (!ours?.deposit || ours.deposit.outcome === 'no-deposit') {
    return { ...expected, outcome: 'awaiting-result', outcomeReason: 'The result has no row for your candidate: link their row in the result to decide the deposit' };
  }
  return { ...expected, outcome: ours.deposit.outcome, outcomeReason: `${ours.name}: ${ours.deposit.reason}` };
}

export interface PostPoll {
  declaredOn: string;
  invoicesBy: string;
  paidBy: string;
  returnDue: string;
}

function nextWeekday(iso: string): string {
  let d = iso;
  for (;;) {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) return d;
    d = addCalendarDays(d, 1);
  }
}

/** Stand-in until the timetable feature is in main. */
export function postPollDeadlines(contest: Contest): PostPoll | null {
  if (!contest.declaredOn) return null;
  const d = contest.declaredOn;
  return { declaredOn: d, invoicesBy: addCalendarDays(d, 21), paidBy: addCalendarDays(d, 28), returnDue: nextWeekday(addCalendarDays(d, 35)) };
}

/** The deposit is returned the next working day after the declaration. Stand-in. */
export function depositRefundDue(contest: Contest): string | null {
  return contest.declaredOn ? nextWeekday(addCalendarDays(contest.declaredOn, 1)) : null;
}

export { ukToday as today } from './candidates.ts';

export interface PrintRunLine {
  id: number;
  printer: string;
  leafletTitle: string;
  quantity: number;
  printedOn: string;
  costPence: number;
}

/** Stand-in until the leaflets feature is in main. */
export async function printRunsOf(_ctx: Ctx, _contestId: number): Promise<PrintRunLine[]> {
  return [];
}
