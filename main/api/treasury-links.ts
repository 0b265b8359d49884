/**
 * What the treasury reads from other features: the deposit rule and result (candidates), the
 * post-poll deadlines and working days (timetable), leaflet print runs (leaflets).
 * Until those features are in main, these are minimal stand-ins; each says so.
 */
import type { Contest } from '../../shared/contract/contests.ts';
import { addCalendarDays } from '../../shared/domain/calendar.ts';
import type { Ctx } from './context.ts';

export interface DepositFacts {
  expectedPence: number | null;
  expectedRule: string;
  outcome: 'no-deposit' | 'awaiting-result' | 'returned' | 'forfeited';
  outcomeReason: string;
}

/** Stand-in until the candidates feature is in main. */
export async function depositFacts(_ctx: Ctx, _contest: Contest): Promise<DepositFacts> {
  return { expectedPence: null, expectedRule: '', outcome: 'awaiting-result', outcomeReason: 'Record the result to see whether the deposit comes back' };
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

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

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
