/**
 * Candidates' deposits (domain notes §4): how much, and whether it comes back after the count.
 * Pure rules, shared by nominations (what to pay) and the treasury (returned or forfeited).
 */
import type { FieldProblem } from './problems.ts';
import { formatPence } from './money.ts';

/** Where a rule's figure comes from: the notes, an editable default marked (unconfirmed), or the user. */
export type RuleSource = 'rules' | 'unconfirmed' | 'override';

/**
 * When the deposit comes back.
 * - `share-above`: the candidate (or list) polled MORE than basisPoints/100 % of the valid votes
 *   (500 = 5%, 250 = 2.5%); exactly on the threshold is forfeited.
 * - `elected-or-quota-fraction`: elected, or more than numerator/denominator of the quota at some
 *   stage of an STV count (Northern Ireland Assembly: a quarter).
 */
export type DepositReturnRule = { kind: 'share-above'; basisPoints: number } | { kind: 'elected-or-quota-fraction'; numerator: number; denominator: number };

export interface DepositRule {
  amountPence: number;
  amountSource: RuleSource;
  returnRule: DepositReturnRule;
}

export interface DepositResultInput {
  /** The candidate's votes; in an STV count, the highest total credited at any stage. */
  votes: number;
  /** Valid votes cast in the contest (first preferences in STV). */
  totalValidVotes: number;
  /** Elected (STV rule); ignored by the share rule. */
  elected?: boolean;
  /** Seats filled in the contest, needed for the STV quota. */
  seats?: number;
  /** No poll was held (candidates returned unopposed): every deposit comes back. */
  uncontested?: boolean;
}

export type DepositOutcome = { outcome: 'no-deposit'; reason: string } | { outcome: 'returned' | 'forfeited'; amountPence: number; reason: string };

/** Human text of a return rule, e.g. "returned if more than 5% of the valid votes". */
export function describeReturnRule(rule: DepositReturnRule): string {
  if (rule.kind === 'share-above') return `returned if more than ${formatBasisPoints(rule.basisPoints)} of the valid votes`;
  return `returned if elected, or more than ${rule.numerator}/${rule.denominator} of the quota at any stage of the count`;
}

function formatBasisPoints(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** Droop quota as used in Northern Ireland: valid votes / (seats + 1), fractions dropped, plus one. */
export function droopQuota(totalValidVotes: number, seats: number): number {
  return Math.floor(totalValidVotes / (seats + 1)) + 1;
}

function checkCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number of 0 or more (got ${n})`);
}

/**
 * Whether a deposit is returned or forfeited once the result is known. Comparisons are done in
 * integers, so "more than 5%" is exact: 50 of 1000 is forfeited, 51 of 1000 is returned.
 * Throws RangeError for impossible input (negative or fractional counts, more votes than valid votes).
 */
export function depositOutcome(deposit: DepositRule | null, result: DepositResultInput): DepositOutcome {
  if (!deposit || deposit.amountPence === 0) return { outcome: 'no-deposit', reason: 'no deposit is required for this election' };
  checkCount('votes', result.votes);
  checkCount('total valid votes', result.totalValidVotes);
  if (result.votes > result.totalValidVotes) {
    throw new RangeError(`votes (${result.votes}) cannot exceed the total valid votes (${result.totalValidVotes})`);
  }
  const amountPence = deposit.amountPence;
  if (result.uncontested) return { outcome: 'returned', amountPence, reason: 'returned: no poll was held' };
  const rule = deposit.returnRule;
  if (rule.kind === 'share-above') {
    const threshold = formatBasisPoints(rule.basisPoints);
    const returned = result.votes * 10_000 > rule.basisPoints * result.totalValidVotes;
    return returned
      ? { outcome: 'returned', amountPence, reason: `returned: more than ${threshold} of the valid votes` }
      : { outcome: 'forfeited', amountPence, reason: `forfeited: not more than ${threshold} of the valid votes` };
  }
  if (result.elected) return { outcome: 'returned', amountPence, reason: 'returned: elected' };
  const seats = result.seats ?? 0;
  if (!Number.isSafeInteger(seats) || seats < 1) throw new RangeError('seats must be 1 or more to work out the quota');
  const quota = droopQuota(result.totalValidVotes, seats);
  const fraction = `${rule.numerator}/${rule.denominator}`;
  const returned = result.votes * rule.denominator > rule.numerator * quota;
  return returned
    ? { outcome: 'returned', amountPence, reason: `returned: more than ${fraction} of the quota (${quota})` }
    : { outcome: 'forfeited', amountPence, reason: `forfeited: not elected and not more than ${fraction} of the quota (${quota})` };
}

/** £ text of an amount in pence: 50000 → "£500", 123456 → "£1,234.56" (money.ts, round pounds without pence). */
/**
 * Why a payment cannot stand as the deposit: less than the rules (or the user's correction) ask
 * for, which the returning officer would refuse. null when it covers the deposit.
 */
export function depositShortfall(paidPence: number, requiredPence: number): string | null {
  if (paidPence >= requiredPence) return null;
  return `${formatPence(paidPence)} is ${formatPence(requiredPence - paidPence)} short of the ${formatPence(requiredPence, { wholePounds: true })} deposit for this election`;
}

/** What the deposit a user records is checked against: the rules' amount, today and the result. */
export interface DepositContext {
  expectedPence: number | null;
  today: string;
  declaredOn: string | null;
  outcome: string | null;
}

/**
 * Why a deposit record cannot be saved, field by field (`amount`, `paidOn`, `refundedOn`): short
 * of the amount asked, paid or refunded in the future, refunded before the declaration, or
 * refunded although it was forfeited.
 */
export function depositProblems(d: { amountPence: number; paidOn: string; refundedOn: string | null }, c: DepositContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const short = c.expectedPence === null ? null : depositShortfall(d.amountPence, c.expectedPence);
  if (short) {
    problems.push({
      field: 'amount',
      message: `${short}: the returning officer will not accept less (if they ask for a different amount, correct the deposit in the contest’s nomination rules)`,
    });
  }
  if (d.paidOn > c.today) problems.push({ field: 'paidOn', message: `${d.paidOn} is in the future` });
  const refund = d.refundedOn && refundProblem(d.refundedOn, c);
  if (refund) problems.push({ field: 'refundedOn', message: refund });
  return problems;
}

function refundProblem(refundedOn: string, c: DepositContext): string | null {
  if (c.outcome === 'forfeited') return 'This deposit was forfeited, so it is not refunded';
  if (refundedOn > c.today) return `${refundedOn} is in the future`;
  if (!c.declaredOn) return 'A deposit is refunded after the result is declared: record the result first';
  if (refundedOn < c.declaredOn) return `The result was declared on ${c.declaredOn}: the refund cannot be earlier`;
  return null;
}
