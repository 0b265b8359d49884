/**
 * The return of election expenses as PDF: spending by category with each line and the category's
 * total, the totals, the donations schedule, returned donations, the deposit, the limit and the
 * agent's signature, under the contest and its candidates on every page. Read through
 * `treasury.getReturn`, the figures the screen and the CSV show.
 */
import type { Writable } from 'node:stream';
import { DEPOSIT_METHOD_LABELS, type ElectionReturnView } from '../../shared/contract/treasury.ts';
import { DONATION_KIND_LABELS, PERMISSIBLE_SOURCE_LABELS } from '../../shared/domain/donations.ts';
import { formatPence } from '../../shared/domain/money.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import { call } from './dispatch-call.ts';
import { formatDateLong } from '../../shared/domain/working-days.ts';
import { type Section, type SheetFrame, openSheet } from './sheet-layout.ts';

type Row = string[];
const blank = (cells: Row): Row => [...cells, '', '', '', '', ''].slice(0, 5);
const minus = (pence: number) => (pence > 0 ? `−${formatPence(pence)}` : formatPence(0));
const OUTCOMES: Record<ElectionReturnView['deposit']['outcome'], string> = {
  'no-deposit': 'No deposit',
  'awaiting-result': 'Awaiting the result',
  returned: 'Returned',
  forfeited: 'Forfeited',
};

/** Checks the contest exists (AppError otherwise) before a byte is written. */
export function planExpensesReturn(dispatch: Dispatch, contestId: number): Promise<ElectionReturnView> {
  return call<ElectionReturnView>(dispatch, 'treasury.getReturn', { contestId });
}

export function expensesReturnFileName(ret: ElectionReturnView): string {
  return `return-of-expenses-contest-${ret.contestId}.pdf`;
}

function spending(ret: ElectionReturnView): Section[] {
  if (ret.nil)
    return [{ heading: 'Nil return', groups: [[blank(['Nil return', 'No election expenses incurred, no donations received', '', '', formatPence(0)])]] }];
  const categories = ret.categories.map((c): Section => {
    const lines = c.lines.map((l) => [
      blank([
        l.supplier,
        `${l.description}${l.kind === 'refund' ? ' (refund)' : ''}${l.notional ? ' (notional)' : ''}`,
        formatDateLong(l.invoiceOn),
        l.notional ? 'Notional' : l.kind === 'refund' ? '—' : formatDateLong(l.paidOn),
        l.kind === 'refund' ? `−${formatPence(l.amountPence)}` : formatPence(l.amountPence),
      ]),
    ]);
    const parts = [`paid ${formatPence(c.paidPence)}`];
    if (c.unpaidPence > 0) parts.push(`unpaid ${formatPence(c.unpaidPence)}`);
    if (c.notionalPence > 0) parts.push(`notional ${formatPence(c.notionalPence)}`);
    if (c.refundsPence > 0) parts.push(`less refunds ${formatPence(c.refundsPence)}`);
    return {
      heading: `Spending: ${c.label}`,
      groups: [
        ...(lines.length > 0 ? lines : [[blank(['', 'Nothing in this category'])]]),
        [blank([`Total: ${c.label}`, parts.join(', '), '', '', formatPence(c.totalPence)])],
      ],
    };
  });
  const totals: Section = {
    heading: 'Totals',
    groups: [
      ['Paid', formatPence(ret.totalPaidPence)],
      ['Incurred, not yet paid', formatPence(ret.totalUnpaidPence)],
      ['Notional', formatPence(ret.totalNotionalPence)],
      ['Less refunds', minus(ret.totalRefundsPence)],
      ['Total election spending', formatPence(ret.totalSpendPence)],
    ].map(([what, amount]) => [blank([what, '', '', '', amount])]),
  };
  return [...categories, totals];
}

function donations(ret: ElectionReturnView): Section[] {
  const accepted = ret.donationsSchedule.map((d) => [
    blank([
      d.donorName,
      `${DONATION_KIND_LABELS[d.kind]}${d.description ? `: ${d.description}` : ''}`,
      formatDateLong(d.receivedOn),
      d.acceptedOn ? formatDateLong(d.acceptedOn) : 'Not decided',
      formatPence(d.valuePence),
    ]),
    blank([
      d.donorAddress.replace(/\s*\n\s*/g, ', '),
      `Permissible as: ${d.permissibleSource ? PERMISSIBLE_SOURCE_LABELS[d.permissibleSource] : 'not yet checked'}${d.electorNumber ? ` (${d.electorNumber})` : ''}${d.companyNumber ? ` (${d.companyNumber})` : ''}`,
    ]),
  ]);
  const sections: Section[] = [
    {
      heading: 'Donations over £50 accepted',
      groups:
        accepted.length === 0
          ? [[blank(['', 'No donations over £50 were accepted'])]]
          : [...accepted, [blank(['Total donations', '', '', '', formatPence(ret.totalDonationsPence)])]],
    },
  ];
  if (ret.returnedDonations.length > 0) {
    sections.push({
      heading: 'Impermissible donations returned (received / returned)',
      groups: ret.returnedDonations.map((d) => [
        blank([d.donorName, d.reason ?? '', formatDateLong(d.receivedOn), formatDateLong(d.returnedOn), formatPence(d.valuePence)]),
        blank([d.donorAddress.replace(/\s*\n\s*/g, ', ')]),
      ]),
    });
  }
  return sections;
}

function depositAndLimit(ret: ElectionReturnView): Section[] {
  const d = ret.deposit;
  const r = d.recorded;
  const deposit = r
    ? blank([
        `${DEPOSIT_METHOD_LABELS[r.method]}${r.receipt ? `, receipt ${r.receipt}` : ''}`,
        `${OUTCOMES[d.outcome]}${d.outcome === 'returned' && d.refundDue ? `, due back by ${formatDateLong(d.refundDue)}` : ''}${r.refundedOn ? `, refunded ${formatDateLong(r.refundedOn)}` : ''}`,
        formatDateLong(r.paidOn),
        '',
        formatPence(r.amountPence),
      ])
    : blank(['', d.outcome === 'no-deposit' ? 'No deposit is required for this election' : 'No deposit recorded']);
  return [
    { heading: 'Deposit (not an election expense)', groups: [[deposit]] },
    {
      heading: 'Spending limit',
      groups: [
        [blank(['Limit', ret.limit.working, '', '', ret.limit.limitPence === null ? '—' : formatPence(ret.limit.limitPence)])],
        [blank(['Total spending against it', '', '', '', formatPence(ret.totalSpendPence)])],
      ],
    },
    { heading: 'Declaration', groups: [[blank(['Signed (election agent)', '______________________________', 'Date', '______________'])]] },
  ];
}

/** Writes the return to `out` and ends it. */
export async function writeExpensesReturn(ret: ElectionReturnView, out: Writable): Promise<{ pages: number }> {
  const people =
    ret.candidates.length === 0
      ? 'No candidate entered for this contest'
      : ret.candidates.map((c) => `Candidate ${c.name}, election agent ${c.agentName || `${c.name} (own agent)`}`).join('; ');
  const frame: SheetFrame = {
    columns: [
      { title: 'Supplier or donor', width: 135 },
      { title: 'Description', width: 194 },
      { title: 'Invoiced / received', width: 76 },
      { title: 'Paid / accepted', width: 70 },
      { title: 'Amount', width: 64 },
    ],
    boxes: [],
    fillIn: ret.returnDue ? `Due ${formatDateLong(ret.returnDue)}` : '',
    pageSummary: () => people,
    footer: `Return of election expenses: ${ret.title}. Produced by Hustings from the contest’s ledger; check each line against its invoice or receipt before signing.`,
  };
  const sheet = openSheet(out, `Return of election expenses: ${ret.title}`);
  const pages = sheet.run(frame, {
    title: `Return of election expenses: ${ret.title}`,
    sections: [...spending(ret), ...donations(ret), ...depositAndLimit(ret)],
  });
  await sheet.end();
  return { pages };
}
