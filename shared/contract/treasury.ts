import { z } from 'zod';
import { DONATION_KINDS, DONATION_STATUSES, PERMISSIBLE_SOURCES } from '../domain/donations.ts';
import { EXPENSE_KINDS, SPENDING_CATEGORIES } from '../domain/expenses.ts';
import { MAX_PENCE, parseMoney } from '../domain/money.ts';
import { AREA_KINDS, GLA_POSTS, MAX_ELECTORS } from '../domain/spending-limits.ts';
import { PERIOD_KEYS } from '../domain/regulated-periods.ts';
import { confirmFlag, erasureResult, id, isoDate, mention, optionalText, requiredText } from './common.ts';
import { EVERY_MEMBER, mutation, query } from './define.ts';

/**
 * An amount of money: whole pence as a number, or text a person typed ("£1,234.56"), read
 * without floating point. Always comes out as positive integer pence.
 */
function money(label: string) {
  return z
    .union([z.number(), z.string()], { error: `${label} must be an amount of money, e.g. £1,234.56` })
    .transform((value, ctx) => {
      if (typeof value === 'number') return value;
      const r = parseMoney(value, label);
      if (r.ok) return r.pence;
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    })
    .pipe(
      z
        .number()
        .int(`${label} must be a whole number of pence`)
        .min(1, `${label} must be more than £0.00 (amounts are never negative; record money coming back as a refund)`)
        .max(MAX_PENCE, `${label} is more than £10,000,000.00: check the figure`),
    );
}

/** An optional date: '' or null means none. */
const optionalDate = z.union([z.literal(''), z.null(), isoDate]).transform((v) => (v ? v : null));
const pence = z.number().int();

const contestInput = z.strictObject({ contestId: id });

const permissibleSource = z.enum(PERMISSIBLE_SOURCES, { error: 'Choose one of the permissible sources' });
const donationKind = z.enum(DONATION_KINDS, { error: 'Choose cash or in kind' });
const donationStatus = z.enum(DONATION_STATUSES, { error: 'Choose pending, accepted or returned' });
const spendingCategory = z.enum(SPENDING_CATEGORIES, { error: 'Choose a spending category' });
const expenseKind = z.enum(EXPENSE_KINDS, { error: 'Choose expense or refund' });
export const DEPOSIT_METHODS = ['bankers-draft', 'cash', 'bank-transfer', 'card', 'other'] as const;
export const DEPOSIT_METHOD_LABELS: Record<(typeof DEPOSIT_METHODS)[number], string> = {
  'bankers-draft': "Banker's draft",
  cash: 'Cash',
  'bank-transfer': 'Bank transfer',
  card: 'Card',
  other: 'Other',
};
const depositMethod = z.enum(DEPOSIT_METHODS, { error: 'Choose how the deposit was paid' });

// ---------------------------------------------------------------------------------------------
// Inputs

export const settingsInput = z.strictObject({
  contestId: id,
  electors: z
    .number({ error: 'Electors must be a number' })
    .int('Electors must be a whole number')
    .min(1, 'Electors must be at least 1')
    .max(MAX_ELECTORS, 'Electors is larger than any UK area')
    .nullable()
    .default(null),
  areaKind: z.enum(AREA_KINDS, { error: 'Choose county or borough (burgh)' }).nullable().default(null),
  glaPost: z.enum(GLA_POSTS, { error: 'Choose Mayor, constituency or London-wide' }).nullable().default(null),
  jointCandidates: z
    .number({ error: 'Joint candidates must be a number' })
    .int('Joint candidates must be a whole number')
    .min(1, 'At least 1 (yourself)')
    .max(50)
    .default(1),
  limitOverride: z
    .union([z.literal(''), z.null(), money('Limit')])
    .transform((v) => (v === '' ? null : v))
    .default(null),
  limitSource: optionalText('Where the limit comes from', 300),
  returnDeliveredOn: optionalDate.default(null),
  /** Police and crime commissioner: the police area whose fixed limit applies (null: the area's name decides). */
  policeArea: z
    .union([z.literal(''), z.null(), z.string().trim().max(100, 'The police area’s name is too long')])
    .transform((v) => (v ? v : null))
    .default(null),
  /** The long campaign's or pre-candidacy period's limit from the returning officer's notice. */
  earlyLimitOverride: z
    .union([z.literal(''), z.null(), money('Earlier period’s limit')])
    .transform((v) => (v === '' ? null : v))
    .default(null),
});

export const depositInput = z.strictObject({
  contestId: id,
  amount: money('Deposit'),
  paidOn: isoDate,
  method: depositMethod,
  receipt: optionalText('Receipt', 100),
  refundedOn: optionalDate.default(null),
  notes: optionalText('Notes', 1000),
});

const donationFields = {
  donorName: requiredText('Donor name'),
  donorAddress: optionalText('Donor address', 500),
  electorNumber: optionalText('Elector number', 20),
  companyNumber: optionalText('Company number', 20),
  kind: donationKind,
  description: optionalText('What was given', 500),
  value: money('Value'),
  receivedOn: isoDate,
  status: donationStatus.default('pending'),
  permissibleSource: z
    .union([z.literal(''), z.null(), permissibleSource])
    .transform((v) => (v ? v : null))
    .default(null),
  reason: optionalText('Reason', 500),
  acceptedOn: optionalDate.default(null),
  returnedOn: optionalDate.default(null),
};
export const donationCreateInput = z.strictObject({ contestId: id, ...donationFields });
const donationUpdateInput = z.strictObject({ id, ...donationFields });

const expenseFields = {
  kind: expenseKind.default('expense'),
  category: spendingCategory,
  supplier: requiredText('Supplier'),
  description: requiredText('Description', 500),
  amount: money('Amount'),
  invoiceOn: optionalDate.default(null),
  paidOn: optionalDate.default(null),
  notional: z.boolean({ error: 'Notional must be true or false' }).default(false),
};
export const expenseCreateInput = z.strictObject({ contestId: id, ...expenseFields });
const expenseUpdateInput = z.strictObject({ id, ...expenseFields });

export const printRunPaidInput = z.strictObject({ printRunId: id, paidOn: optionalDate.default(null) });

// ---------------------------------------------------------------------------------------------
// Outputs

const limitInfo = z.object({
  contestId: id,
  /** computed from a rule, entered by the user, or unknown (no rule and nothing entered). */
  basis: z.enum(['rule', 'override', 'unknown']),
  limitPence: pence.nullable(),
  working: z.string(),
  ruleLabel: z.string().nullable(),
  instrument: z.string().nullable(),
  confirmed: z.boolean(),
  /** The day the rule's figures were last checked against their sources. */
  checkedOn: z.string().nullable(),
  note: z.string().nullable(),
  electors: z.number().nullable(),
  electorsFrom: z.enum(['area', 'settings']).nullable(),
  areaKind: z.enum(AREA_KINDS).nullable(),
  glaPost: z.enum(GLA_POSTS).nullable(),
  jointCandidates: z.number(),
  /** Whether joint-candidate reductions apply to this kind of election. */
  jointReductions: z.boolean(),
  /** Whether the rule counts electors, and whether it tells county from borough seats. */
  usesElectors: z.boolean(),
  usesAreaKind: z.boolean(),
  /** Police and crime commissioner: the limit is the police area's fixed sum. */
  usesPoliceArea: z.boolean(),
  policeArea: z.string().nullable(),
  /** Combined authority mayor: the number of constituent councils (set with the nomination rules). */
  usesCouncils: z.boolean(),
  councils: z.number().nullable(),
  /** Why the limit could not be computed, if it could not. */
  problem: z.string().nullable(),
});
export type LimitInfo = z.infer<typeof limitInfo>;

export const spendInfo = z.object({
  spentPence: pence,
  level: z.enum(['ok', 'warning', 'over', 'no-limit']),
  percent: z.number().nullable(),
  headroomPence: pence.nullable(),
  overByPence: pence.nullable(),
  message: z.string(),
});

/** A regulated period with its own limit, and the spending dated in it (regulated-periods.ts). */
const periodInfo = z.object({
  key: z.enum(PERIOD_KEYS),
  label: z.string(),
  starts: z.string(),
  ends: z.string(),
  /** How the dates are worked out. */
  basis: z.string(),
  limitBasis: z.enum(['rule', 'override', 'unknown']),
  limitPence: pence.nullable(),
  working: z.string(),
  instrument: z.string().nullable(),
  confirmed: z.boolean(),
});
export type PeriodInfo = z.infer<typeof periodInfo>;

const settings = z.object({
  contestId: id,
  electors: z.number().nullable(),
  areaKind: z.enum(AREA_KINDS).nullable(),
  glaPost: z.enum(GLA_POSTS).nullable(),
  jointCandidates: z.number(),
  limitOverridePence: pence.nullable(),
  limitSource: z.string(),
  returnDeliveredOn: z.string().nullable(),
  policeArea: z.string().nullable(),
  earlyLimitOverridePence: pence.nullable(),
});
export type TreasurySettings = z.infer<typeof settings>;

const deposit = z.object({
  contestId: id,
  amountPence: pence,
  paidOn: z.string(),
  method: depositMethod,
  receipt: z.string(),
  refundedOn: z.string().nullable(),
  notes: z.string(),
});
export type Deposit = z.infer<typeof deposit>;

export const depositStatus = z.object({
  /** What the election type's rules say the deposit is (null: none required / not known). */
  expectedPence: pence.nullable(),
  expectedRule: z.string(),
  recorded: deposit.nullable(),
  outcome: z.enum(['no-deposit', 'awaiting-result', 'returned', 'forfeited']),
  outcomeReason: z.string(),
  /** The next working day after the declaration, when the deposit is returned. */
  refundDue: z.string().nullable(),
});

const donation = z.object({
  id,
  contestId: id,
  donorName: z.string(),
  donorAddress: z.string(),
  electorNumber: z.string().nullable(),
  companyNumber: z.string().nullable(),
  kind: donationKind,
  description: z.string(),
  valuePence: pence,
  receivedOn: z.string(),
  status: donationStatus,
  permissibleSource: permissibleSource.nullable(),
  reason: z.string(),
  acceptedOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
});
export type Donation = z.infer<typeof donation>;

const donationRow = donation.extend({
  ref: z.string(),
  isDonation: z.boolean(),
  deadline: z.string().nullable(),
  deadlineState: z.enum(['decided', 'not-a-donation', 'open', 'lapsed']),
  deadlineMessage: z.string(),
  daysLeft: z.number().nullable(),
});
export type DonationRow = z.infer<typeof donationRow>;

const expense = z.object({
  id,
  contestId: id,
  kind: expenseKind,
  category: spendingCategory,
  supplier: z.string(),
  description: z.string(),
  amountPence: pence,
  invoiceOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  notional: z.boolean(),
});
export type Expense = z.infer<typeof expense>;

/** A line of the ledger: an entry, or a leaflet print run read from the leaflets' records. */
const ledgerLine = z.object({
  ref: z.string(),
  source: z.enum(['ledger', 'print-run']),
  /** The expense id for ledger entries, the print run id for print runs. */
  sourceId: id,
  kind: expenseKind,
  category: spendingCategory,
  supplier: z.string(),
  description: z.string(),
  amountPence: pence,
  invoiceOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  notional: z.boolean(),
  warnings: z.array(z.string()),
});
export type LedgerLine = z.infer<typeof ledgerLine>;

const postPollDeadlines = z.object({
  declaredOn: z.string(),
  invoicesBy: z.string(),
  paidBy: z.string(),
  returnDue: z.string(),
});

const categoryTotals = z.object({
  category: spendingCategory,
  label: z.string(),
  lines: z.array(ledgerLine),
  paidPence: pence,
  unpaidPence: pence,
  notionalPence: pence,
  refundsPence: pence,
  totalPence: pence,
});

const electionReturn = z.object({
  contestId: id,
  title: z.string(),
  /** Our candidates in the contest, each with their election agent ('' when they act as their own). */
  candidates: z.array(z.object({ name: z.string(), agentName: z.string() })),
  categories: z.array(categoryTotals),
  totalPaidPence: pence,
  totalUnpaidPence: pence,
  totalNotionalPence: pence,
  totalRefundsPence: pence,
  totalSpendPence: pence,
  donationsSchedule: z.array(donationRow),
  returnedDonations: z.array(donationRow),
  totalDonationsPence: pence,
  deposit: depositStatus,
  limit: limitInfo,
  nil: z.boolean(),
  problems: z.array(z.string()),
  returnDue: z.string().nullable(),
  returnDeliveredOn: z.string().nullable(),
});
export type ElectionReturnView = z.infer<typeof electionReturn>;

const ledger = z.object({
  contestId: id,
  title: z.string(),
  /** The election type's key (e.g. `gla`) and its label. */
  type: z.string(),
  electionType: z.string(),
  nation: z.string(),
  settings,
  limit: limitInfo,
  spend: spendInfo,
  /** Each regulated period with its limit and the spending dated in it (one period for most elections). */
  periods: z.array(periodInfo.extend({ spend: spendInfo })),
  deposit: depositStatus,
  donations: z.array(donationRow),
  lines: z.array(ledgerLine),
  postPoll: postPollDeadlines.nullable(),
  returnDeliveredOn: z.string().nullable(),
});
export type Ledger = z.infer<typeof ledger>;

const overviewRow = z.object({
  contestId: id,
  electionName: z.string(),
  areaName: z.string(),
  pollingDay: z.string(),
  limitPence: pence.nullable(),
  spend: spendInfo,
  donationsPence: pence,
  undecidedDonations: z.number(),
  nextDonationDeadline: z.string().nullable(),
  depositOutcome: depositStatus.shape.outcome,
  depositPence: pence.nullable(),
  returnDue: z.string().nullable(),
});
export type OverviewRow = z.infer<typeof overviewRow>;

/** One donation of a donor, with how long the law needs the donor's details kept. */
const donorDonation = donation.extend({
  contestName: z.string(),
  /** The return's delivery date, else its due date; null while the result is not declared. */
  returnDate: z.string().nullable(),
  /** Whether the law needs the donor's details kept today. */
  mustKeep: z.boolean(),
  /** The last day they must be kept; null when they need not be kept or it is not known yet. */
  keptUntil: z.string().nullable(),
  retentionReason: z.string(),
});

/** A donor: the donations recorded with the same name and address (spacing and case aside). */
const donor = z.object({
  name: z.string(),
  address: z.string(),
  electorNumbers: z.array(z.string()),
  companyNumbers: z.array(z.string()),
  donations: z.array(donorDonation),
  /** Why their details cannot be erased yet, or null when they can. */
  erasureRefusal: z.string().nullable(),
});
export type Donor = z.infer<typeof donor>;

const donorInput = z.strictObject({ donationId: id });

export const treasuryContract = {
  'treasury.getDonor': query(
    ['treasurer'],
    'A donor (found from one of their donations) with all their donations and whether their details may be erased',
    donorInput,
    donor,
  ),
  'treasury.getDonorExport': query(
    ['admin'],
    'Everything Hustings holds about one donor (subject access), as one JSON document',
    donorInput,
    z.object({ exportedAt: z.string(), donor, mentions: z.array(mention), audit: z.array(z.unknown()) }),
  ),
  'treasury.eraseDonor': mutation(
    ['admin'],
    'Erase a donor’s personal data from every donation they made, keeping the amounts; refused while a return of election expenses must still show them (needs confirm: true)',
    z.strictObject({ donationId: id, confirm: confirmFlag }),
    erasureResult,
  ),
  // Totals against each limit, with no donor in them: every member's. The rest is the treasurer's.
  'treasury.listOverview': query(
    EVERY_MEMBER,
    'Every contest’s money at a glance: spend against limit, donations, deposit',
    z.strictObject({}),
    z.array(overviewRow),
  ),
  'treasury.getLedger': query(['treasurer'], 'Everything about one contest’s money', contestInput, ledger),
  'treasury.getLimit': query(
    EVERY_MEMBER,
    'The spending limit of a contest with its working and spend against it',
    contestInput,
    limitInfo.extend({ spend: spendInfo, periods: z.array(periodInfo.extend({ spend: spendInfo })) }),
  ),
  'treasury.getReturn': query(['treasurer'], 'The return of election expenses: grouped spending, donations schedule, deposit', contestInput, electionReturn),
  'treasury.updateSettings': mutation(['treasurer'], 'Set what the spending limit is worked out from, or the limit itself', settingsInput, settings),
  'treasury.saveDeposit': mutation(['treasurer'], 'Record or change the deposit paid', depositInput, deposit),
  'treasury.deleteDeposit': mutation(['treasurer'], 'Remove the deposit record', contestInput, z.object({ deleted: z.boolean() })),
  'treasury.createDonation': mutation(['treasurer'], 'Record a donation', donationCreateInput, donation),
  'treasury.updateDonation': mutation(['treasurer'], 'Change a donation, or record its acceptance or return', donationUpdateInput, donation),
  'treasury.deleteDonation': mutation(['treasurer'], 'Delete a donation recorded in error', z.strictObject({ id }), z.object({ deleted: z.boolean() })),
  'treasury.createExpense': mutation(['treasurer'], 'Record an expense or a refund', expenseCreateInput, expense),
  'treasury.updateExpense': mutation(['treasurer'], 'Change an expense or refund', expenseUpdateInput, expense),
  'treasury.setPrintRunPaid': mutation(
    ['treasurer'],
    'Record (or clear) when a leaflet print run charged to a contest was paid',
    printRunPaidInput,
    z.object({ printRunId: id, paidOn: z.string().nullable() }),
  ),
  'treasury.deleteExpense': mutation(
    ['treasurer'],
    'Delete an expense or refund recorded in error',
    z.strictObject({ id }),
    z.object({ deleted: z.boolean() }),
  ),
};
