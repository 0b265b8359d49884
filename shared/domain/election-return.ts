/**
 * The return of election expenses: spending grouped by category with totals (paid, notional,
 * refunds), the donations schedule, the deposit, and a nil return when there is nothing to report.
 * Also what counts towards the spending limit.
 */
import type { DonationKind, DonationStatus, PermissibleSource } from './donations.ts';
import { DONATION_KIND_LABELS, PERMISSIBLE_SOURCE_LABELS, isDonation, donationDeadline } from './donations.ts';
import type { ExpenseKind, SpendingCategory } from './expenses.ts';
import { SPENDING_CATEGORIES, SPENDING_CATEGORY_LABELS } from './expenses.ts';
import { penceToDecimal, sumPence } from './money.ts';
import { formatDateLong } from './working-days.ts';

export interface ReturnExpense {
  /** Stable reference for the line, e.g. `expense:12` or `print-run:4`. */
  ref: string;
  /** Where the line comes from: entered in the ledger, or a leaflet print run. */
  source: 'ledger' | 'print-run';
  kind: ExpenseKind;
  category: SpendingCategory;
  supplier: string;
  description: string;
  invoiceOn: string | null;
  paidOn: string | null;
  amountPence: number;
  notional: boolean;
}

export interface ReturnDonation {
  ref: string;
  donorName: string;
  donorAddress: string;
  electorNumber: string | null;
  companyNumber: string | null;
  kind: DonationKind;
  description: string;
  valuePence: number;
  receivedOn: string;
  status: DonationStatus;
  permissibleSource: PermissibleSource | null;
  acceptedOn: string | null;
  returnedOn: string | null;
  reason: string | null;
}

/** The deposit as the return shows it: what was paid (if recorded) and what became of it. */
export interface ReturnDeposit {
  recorded: { amountPence: number; paidOn: string; method: string; receipt: string; refundedOn: string | null } | null;
  outcome: string;
  refundDue: string | null;
}

interface CategoryTotals<E extends ReturnExpense = ReturnExpense> {
  category: SpendingCategory;
  label: string;
  lines: E[];
  paidPence: number;
  /** Expenses incurred but not (yet) paid. */
  unpaidPence: number;
  notionalPence: number;
  refundsPence: number;
  /** Counts towards the limit: paid + unpaid + notional − refunds. */
  totalPence: number;
}

export interface ElectionReturn<E extends ReturnExpense = ReturnExpense, D extends ReturnDonation = ReturnDonation> {
  categories: CategoryTotals<E>[];
  totalPaidPence: number;
  totalUnpaidPence: number;
  totalNotionalPence: number;
  totalRefundsPence: number;
  /** What counts against the spending limit. */
  totalSpendPence: number;
  /** Donations over £50 received (kept, or still to be decided), in the order received. */
  donationsSchedule: D[];
  /** Donations over £50 that were returned as impermissible. */
  returnedDonations: D[];
  totalDonationsPence: number;
  deposit: ReturnDeposit | null;
  /** Nothing spent and no donations: a nil return is still required. */
  nil: boolean;
  problems: string[];
}

function byDateThenRef<T extends { ref: string }>(date: (x: T) => string | null) {
  return (a: T, b: T) => (date(a) ?? '9999').localeCompare(date(b) ?? '9999') || a.ref.localeCompare(b.ref);
}

export function buildReturn<E extends ReturnExpense, D extends ReturnDonation>(input: {
  expenses: readonly E[];
  donations: readonly D[];
  deposit: ReturnDeposit | null;
}): ElectionReturn<E, D> {
  const problems: string[] = [];
  const categories = SPENDING_CATEGORIES.map((category): CategoryTotals<E> => {
    const lines = input.expenses.filter((e) => e.category === category).sort(byDateThenRef((e) => e.invoiceOn ?? e.paidOn));
    const spend = lines.filter((e) => e.kind === 'expense');
    const paidPence = sumPence(spend.filter((e) => !e.notional && e.paidOn).map((e) => e.amountPence));
    const unpaidPence = sumPence(spend.filter((e) => !e.notional && !e.paidOn).map((e) => e.amountPence));
    const notionalPence = sumPence(spend.filter((e) => e.notional).map((e) => e.amountPence));
    const refundsPence = sumPence(lines.filter((e) => e.kind === 'refund').map((e) => e.amountPence));
    const totalPence = paidPence + unpaidPence + notionalPence - refundsPence;
    const label = SPENDING_CATEGORY_LABELS[category];
    if (totalPence < 0) problems.push(`${label}: refunds are more than the spending recorded — check for a missing expense`);
    return { category, label, lines, paidPence, unpaidPence, notionalPence, refundsPence, totalPence };
  });
  const total = (pick: (c: CategoryTotals<E>) => number) => sumPence(categories.map(pick));

  const donations = input.donations.filter((d) => isDonation(d.valuePence)).sort(byDateThenRef((d) => d.receivedOn));
  const donationsSchedule = donations.filter((d) => d.status !== 'returned');
  const returnedDonations = donations.filter((d) => d.status === 'returned');
  for (const d of donationsSchedule) {
    if (d.status === 'pending')
      problems.push(
        `Donation from ${d.donorName} (received ${formatDateLong(d.receivedOn)}) is not yet decided: accept or return it by ${formatDateLong(donationDeadline(d.receivedOn))}`,
      );
    else if (!d.permissibleSource) problems.push(`Donation from ${d.donorName} has no permissible source recorded`);
  }

  const hasSpending = input.expenses.length > 0;
  return {
    categories,
    totalPaidPence: total((c) => c.paidPence),
    totalUnpaidPence: total((c) => c.unpaidPence),
    totalNotionalPence: total((c) => c.notionalPence),
    totalRefundsPence: total((c) => c.refundsPence),
    totalSpendPence: total((c) => c.totalPence),
    donationsSchedule,
    returnedDonations,
    totalDonationsPence: sumPence(donationsSchedule.map((d) => d.valuePence)),
    deposit: input.deposit,
    nil: !hasSpending && donations.length === 0,
    problems,
  };
}

const RETURN_CSV_HEADER = [
  'section',
  'reference',
  'category',
  'kind',
  'supplier_or_donor',
  'description',
  'date',
  'paid_or_decided_on',
  'amount',
  'notional',
  'permissible_source',
  'status',
  'donor_address',
  'donor_number',
] as const;

/**
 * Every line of the return as CSV rows (amounts as plain decimals, e.g. 1234.50), header first.
 * A refund is negative, so each category's lines add up to its total; a donor's address and
 * elector or company number are there as on the printed return.
 */
export function returnCsvRows(ret: ElectionReturn<ReturnExpense, ReturnDonation>): string[][] {
  const rows: string[][] = [[...RETURN_CSV_HEADER]];
  for (const c of ret.categories) {
    for (const e of c.lines) {
      rows.push([
        'spending',
        e.ref,
        c.label,
        e.kind === 'refund' ? 'refund' : e.notional ? 'notional' : 'expense',
        e.supplier,
        e.description,
        e.invoiceOn ?? '',
        e.paidOn ?? '',
        penceToDecimal(e.kind === 'refund' ? -e.amountPence : e.amountPence),
        e.notional ? 'yes' : 'no',
        '',
        e.source === 'print-run' ? 'from leaflet print run' : '',
        '',
        '',
      ]);
    }
    rows.push(['spending-total', '', c.label, 'total', '', '', '', '', penceToDecimal(c.totalPence), '', '', '', '', '']);
  }
  rows.push(['spending-total', '', 'All categories', 'total', '', '', '', '', penceToDecimal(ret.totalSpendPence), '', '', '', '', '']);
  for (const d of [...ret.donationsSchedule, ...ret.returnedDonations]) {
    rows.push([
      'donation',
      d.ref,
      '',
      DONATION_KIND_LABELS[d.kind].toLowerCase(),
      d.donorName,
      d.description,
      d.receivedOn,
      d.acceptedOn ?? d.returnedOn ?? '',
      penceToDecimal(d.valuePence),
      '',
      d.permissibleSource ? PERMISSIBLE_SOURCE_LABELS[d.permissibleSource] : '',
      d.status,
      d.donorAddress,
      d.electorNumber ?? d.companyNumber ?? '',
    ]);
  }
  const dep = ret.deposit?.recorded;
  if (dep) {
    const receipt = dep.receipt ? `receipt ${dep.receipt}` : '';
    rows.push([
      'deposit',
      '',
      '',
      dep.method,
      'Returning officer',
      receipt,
      dep.paidOn,
      dep.refundedOn ?? '',
      penceToDecimal(dep.amountPence),
      '',
      '',
      ret.deposit!.outcome,
      '',
      '',
    ]);
  }
  if (ret.nil) rows.push(['nil-return', '', '', '', '', 'No spending and no donations to report', '', '', '0.00', '', '', '', '', '']);
  return rows;
}
