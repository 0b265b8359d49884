/**
 * Candidates' election expenses (domain notes §3, §5): the categories of the spending return,
 * paid and notional spending, refunds as their own kind of entry (amounts are never negative),
 * and the post-poll rules on invoices and payments.
 */
import { formatDateLong } from './working-days.ts';

export const SPENDING_CATEGORIES = ['advertising', 'unsolicited-material', 'transport', 'public-meetings', 'agent-staff', 'accommodation-admin'] as const;
export type SpendingCategory = (typeof SPENDING_CATEGORIES)[number];

export const SPENDING_CATEGORY_LABELS: Record<SpendingCategory, string> = {
  advertising: 'Advertising',
  'unsolicited-material': 'Unsolicited material to electors',
  transport: 'Transport',
  'public-meetings': 'Public meetings',
  'agent-staff': 'Agent and other staff costs',
  'accommodation-admin': 'Accommodation and administration',
};

/** `expense`: money spent (or, when notional, the value of something given free or at a discount).
 *  `refund`: money a supplier paid back; it reduces its category's total. */
export const EXPENSE_KINDS = ['expense', 'refund'] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];

export interface ExpenseFacts {
  kind: ExpenseKind;
  category: SpendingCategory;
  supplier: string;
  description: string;
  amountPence: number;
  invoiceOn: string | null;
  paidOn: string | null;
  /** Notional spending: the value of goods or services given free or at a discount, not paid. */
  notional: boolean;
}

export interface ExpenseContext {
  today: string;
  /** The date of the return: the date it was delivered if recorded, otherwise the day it is due. */
  returnOn: string | null;
}

export interface ExpenseProblem {
  field: keyof ExpenseFacts;
  message: string;
}

/** Rules a ledger entry must satisfy before it is written; each problem names its field. */
export function expenseProblems(e: ExpenseFacts, ctx: ExpenseContext): ExpenseProblem[] {
  const problems: ExpenseProblem[] = [];
  if (!Number.isSafeInteger(e.amountPence) || e.amountPence <= 0) {
    problems.push({
      field: 'amountPence',
      message:
        e.kind === 'refund'
          ? 'A refund must be more than £0.00'
          : 'Amount must be more than £0.00 (record money coming back as a refund, not a negative amount)',
    });
  }
  if (e.supplier.trim() === '') problems.push({ field: 'supplier', message: e.kind === 'refund' ? 'Say who paid the refund' : 'Enter the supplier' });
  if (e.description.trim() === '') problems.push({ field: 'description', message: 'Describe what it was for' });
  if (e.kind === 'refund' && e.notional) problems.push({ field: 'notional', message: 'A refund is money paid back, so it cannot be notional' });
  if (e.notional && e.paidOn) {
    problems.push({ field: 'paidOn', message: 'Notional spending is not paid: leave the date paid empty (record any part actually paid as its own expense)' });
  }
  for (const field of ['invoiceOn', 'paidOn'] as const) {
    const date = e[field];
    if (!date) continue;
    const what = field === 'invoiceOn' ? (e.kind === 'refund' ? 'Date of the refund' : 'Invoice date') : 'Date paid';
    if (ctx.returnOn && date > ctx.returnOn) {
      problems.push({
        field,
        message: `${what} ${formatDateLong(date)} is after the return (${formatDateLong(ctx.returnOn)}): an expense on the return cannot be dated after it`,
      });
    } else if (date > ctx.today) {
      problems.push({ field, message: `${what} ${formatDateLong(date)} is in the future` });
    }
  }
  if (e.kind === 'refund' && !e.invoiceOn) problems.push({ field: 'invoiceOn', message: 'Enter the date of the refund' });
  return problems;
}

export interface PostPollDeadlines {
  /** Invoices must be received by this date (21 days after the declaration). */
  invoicesBy: string;
  /** … and paid by this date (28 days after). */
  paidBy: string;
}

/**
 * Late invoices and payments are not refused (they happen, and need the court's leave) but they
 * are flagged on the ledger.
 */
export function expenseWarnings(e: Pick<ExpenseFacts, 'kind' | 'invoiceOn' | 'paidOn' | 'notional'>, deadlines: PostPollDeadlines | null): string[] {
  if (!deadlines || e.kind === 'refund' || e.notional) return [];
  const warnings: string[] = [];
  if (e.invoiceOn && e.invoiceOn > deadlines.invoicesBy) {
    warnings.push(`Invoice dated after ${deadlines.invoicesBy}, the last day for claims: paying it needs the court's permission`);
  }
  if (e.paidOn && e.paidOn > deadlines.paidBy) {
    warnings.push(`Paid after ${deadlines.paidBy}, the last day for payment: this needs the court's permission`);
  }
  if (!e.paidOn && e.invoiceOn) warnings.push(`Not yet paid: pay by ${deadlines.paidBy}`);
  return warnings;
}
