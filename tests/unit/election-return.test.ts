import { describe, expect, it } from 'vitest';
import { buildReturn, returnCsvRows } from '../../shared/domain/election-return.ts';
import type { ReturnDonation, ReturnExpense } from '../../shared/domain/election-return.ts';
import { expenseProblems, expenseWarnings } from '../../shared/domain/expenses.ts';
import type { ExpenseContext, ExpenseFacts } from '../../shared/domain/expenses.ts';

const expense = (over: Partial<ReturnExpense>): ReturnExpense => ({
  ref: 'expense:1',
  source: 'ledger',
  kind: 'expense',
  category: 'advertising',
  supplier: 'Supplier',
  description: 'Thing',
  invoiceOn: '2024-06-10',
  paidOn: '2024-06-12',
  amountPence: 10_000,
  notional: false,
  ...over,
});

const donation = (over: Partial<ReturnDonation>): ReturnDonation => ({
  ref: 'donation:1',
  donorName: 'A Donor',
  donorAddress: '1 High St',
  electorNumber: 'AB-1',
  companyNumber: null,
  kind: 'cash',
  description: '',
  valuePence: 20_000,
  receivedOn: '2024-06-01',
  status: 'accepted',
  permissibleSource: 'elector',
  acceptedOn: '2024-06-02',
  returnedOn: null,
  reason: null,
  ...over,
});

describe('expense rules', () => {
  const facts: ExpenseFacts = {
    kind: 'expense',
    category: 'transport',
    supplier: 'Cabs Ltd',
    description: 'Taxi to the count',
    amountPence: 2_500,
    invoiceOn: '2024-07-04',
    paidOn: '2024-07-05',
    notional: false,
  };
  const ctx: ExpenseContext = { today: '2024-08-01', returnOn: '2024-08-08' };
  const fields = (e: Partial<ExpenseFacts>, c = ctx) => expenseProblems({ ...facts, ...e }, c).map((p) => p.field);

  it('accepts a well-formed expense', () => {
    expect(fields({})).toEqual([]);
  });

  it('refuses negative or zero amounts, pointing at refunds', () => {
    const p = expenseProblems({ ...facts, amountPence: -2_500 }, ctx);
    expect(p.map((x) => x.field)).toEqual(['amountPence']);
    expect(p[0].message).toMatch(/refund/);
    expect(fields({ amountPence: 0 })).toEqual(['amountPence']);
  });

  it('refuses an expense dated after the return', () => {
    const p = expenseProblems({ ...facts, invoiceOn: '2024-08-09', paidOn: '2024-08-09' }, { today: '2024-09-01', returnOn: '2024-08-08' });
    expect(p.map((x) => x.field)).toEqual(['invoiceOn', 'paidOn']);
    expect(p[0].message).toMatch(/after the return \(Thu 8 Aug 2024\)/);
  });

  it('refuses dates in the future, empty supplier and description', () => {
    expect(fields({ paidOn: '2024-08-02' }, { today: '2024-08-01', returnOn: null })).toEqual(['paidOn']);
    expect(fields({ supplier: ' ', description: '' })).toEqual(['supplier', 'description']);
  });

  it('keeps notional spending unpaid and refunds real', () => {
    expect(fields({ notional: true })).toEqual(['paidOn']);
    expect(fields({ notional: true, paidOn: null })).toEqual([]);
    expect(fields({ kind: 'refund', notional: true, paidOn: null })).toEqual(['notional']);
    expect(fields({ kind: 'refund', invoiceOn: null, paidOn: null })).toEqual(['invoiceOn']);
  });

  it('warns about invoices and payments after the post-poll deadlines', () => {
    const deadlines = { invoicesBy: '2024-07-25', paidBy: '2024-08-01' };
    expect(expenseWarnings({ kind: 'expense', notional: false, invoiceOn: '2024-07-20', paidOn: '2024-07-30' }, deadlines)).toEqual([]);
    expect(expenseWarnings({ kind: 'expense', notional: false, invoiceOn: '2024-07-26', paidOn: '2024-08-02' }, deadlines)).toHaveLength(2);
    expect(expenseWarnings({ kind: 'expense', notional: false, invoiceOn: '2024-07-20', paidOn: null }, deadlines)).toEqual([
      'Not yet paid: pay by 2024-08-01',
    ]);
    expect(expenseWarnings({ kind: 'expense', notional: false, invoiceOn: '2024-07-26', paidOn: null }, null)).toEqual([]);
  });
});

describe('the return', () => {
  it('is a nil return when nothing was spent or given', () => {
    const ret = buildReturn({ expenses: [], donations: [donation({ valuePence: 5_000 })], deposit: null });
    expect(ret.nil).toBe(true);
    expect(ret.totalSpendPence).toBe(0);
    expect(ret.categories).toHaveLength(6);
    expect(ret.categories.every((c) => c.totalPence === 0)).toBe(true);
    expect(returnCsvRows(ret).at(-1)?.[0]).toBe('nil-return');
  });

  it('groups by category with paid, unpaid, notional and refunds, all in whole pence', () => {
    const ret = buildReturn({
      expenses: [
        expense({ ref: 'expense:1', amountPence: 45_000, category: 'unsolicited-material', invoiceOn: '2024-06-03' }),
        expense({ ref: 'print-run:7', source: 'print-run', amountPence: 31_050, category: 'unsolicited-material', invoiceOn: '2024-06-01', paidOn: null }),
        expense({ ref: 'expense:2', amountPence: 6_000, category: 'public-meetings', paidOn: null, notional: true }),
        expense({ ref: 'expense:3', amountPence: 12_000, category: 'public-meetings' }),
        expense({ ref: 'expense:4', kind: 'refund', amountPence: 2_000, category: 'public-meetings' }),
      ],
      donations: [],
      deposit: null,
    });
    const um = ret.categories.find((c) => c.category === 'unsolicited-material')!;
    expect(um.lines.map((l) => l.ref)).toEqual(['print-run:7', 'expense:1']); // by date
    expect(um).toMatchObject({ paidPence: 45_000, unpaidPence: 31_050, notionalPence: 0, refundsPence: 0, totalPence: 76_050 });
    const pm = ret.categories.find((c) => c.category === 'public-meetings')!;
    expect(pm).toMatchObject({ paidPence: 12_000, notionalPence: 6_000, refundsPence: 2_000, totalPence: 16_000 });
    expect(ret.totalSpendPence).toBe(92_050);
    expect(ret.totalNotionalPence).toBe(6_000);
    expect(ret.totalRefundsPence).toBe(2_000);
    expect(ret.nil).toBe(false);
    expect(ret.problems).toEqual([]);
  });

  it('flags refunds larger than the spending in a category', () => {
    const ret = buildReturn({ expenses: [expense({ kind: 'refund', amountPence: 500, category: 'transport' })], donations: [], deposit: null });
    expect(ret.problems[0]).toMatch(/^Transport: refunds are more than the spending/);
  });

  it('schedules donations over £50, separating returned ones and flagging undecided ones', () => {
    const ret = buildReturn({
      expenses: [],
      donations: [
        donation({ ref: 'donation:2', receivedOn: '2024-06-05', valuePence: 30_000 }),
        donation({ ref: 'donation:1', receivedOn: '2024-06-01' }),
        donation({ ref: 'donation:3', valuePence: 5_000 }),
        donation({ ref: 'donation:4', status: 'returned', permissibleSource: null, acceptedOn: null, returnedOn: '2024-06-09', reason: 'Overseas donor' }),
        donation({ ref: 'donation:5', status: 'pending', acceptedOn: null, receivedOn: '2024-06-10', donorName: 'Pat' }),
      ],
      deposit: null,
    });
    expect(ret.donationsSchedule.map((d) => d.ref)).toEqual(['donation:1', 'donation:2', 'donation:5']);
    expect(ret.returnedDonations.map((d) => d.ref)).toEqual(['donation:4']);
    expect(ret.totalDonationsPence).toBe(70_000);
    expect(ret.nil).toBe(false);
    expect(ret.problems).toEqual(['Donation from Pat (received Mon 10 Jun 2024) is not yet decided: accept or return it by Wed 10 Jul 2024']);
  });

  it('exports every line to CSV with plain decimal amounts', () => {
    const ret = buildReturn({
      expenses: [expense({ amountPence: 12_345, supplier: 'Print, "Fast" Ltd' })],
      donations: [donation({})],
      deposit: {
        recorded: { amountPence: 50_000, paidOn: '2024-06-05', method: 'bankers-draft', receipt: 'R1', refundedOn: null },
        outcome: 'returned',
        refundDue: '2024-07-05',
      },
    });
    const rows = returnCsvRows(ret);
    expect(rows[0][0]).toBe('section');
    expect(rows.filter((r) => r[0] === 'spending')).toEqual([
      ['spending', 'expense:1', 'Advertising', 'expense', 'Print, "Fast" Ltd', 'Thing', '2024-06-10', '2024-06-12', '123.45', 'no', '', '', '', ''],
    ]);
    expect(rows.find((r) => r[2] === 'All categories')?.[8]).toBe('123.45');
    expect(rows.find((r) => r[0] === 'donation')?.slice(8)).toEqual([
      '200.00',
      '',
      'An individual on a UK electoral register',
      'accepted',
      '1 High St',
      'AB-1',
    ]);
    expect(rows.find((r) => r[0] === 'deposit')?.slice(8)).toEqual(['500.00', '', '', 'returned', '', '']);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  });

  it('writes a refund as a negative amount, so each category’s lines add up to its total', () => {
    const ret = buildReturn({
      expenses: [expense({ amountPence: 50_000 }), expense({ ref: 'expense:2', kind: 'refund', amountPence: 5_000, paidOn: null })],
      donations: [],
      deposit: null,
    });
    const rows = returnCsvRows(ret);
    const lines = rows.filter((r) => r[0] === 'spending' && r[2] === 'Advertising').map((r) => r[8]);
    expect(lines).toEqual(['500.00', '-50.00']);
    const total = rows.find((r) => r[0] === 'spending-total' && r[2] === 'Advertising')![8];
    expect(total).toBe('450.00');
    expect(lines.reduce((a, x) => a + Math.round(Number(x) * 100), 0)).toBe(45_000);
  });
});
