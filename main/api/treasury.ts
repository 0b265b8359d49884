import type { Contest } from '../../shared/contract/contests.ts';
import { AppError } from '../../shared/contract/result.ts';
import type {
  Donor,
  Deposit,
  Donation,
  DonationRow,
  Expense,
  LedgerLine,
  LimitInfo,
  PeriodInfo,
  TreasurySettings,
  depositStatus,
  spendInfo,
  treasuryContract,
} from '../../shared/contract/treasury.ts';
import { DEPOSIT_METHOD_LABELS } from '../../shared/contract/treasury.ts';
import type { z } from 'zod';
import { deadlineState, donationProblems, donorErasureRefusal, donorRetention, isDonation, normaliseIdentifiers } from '../../shared/domain/donations.ts';
import { ERASED_TEXT } from '../../shared/domain/erasure.ts';
import { depositShortfall } from '../../shared/domain/deposits.ts';
import { buildReturn } from '../../shared/domain/election-return.ts';
import { electionTypeLabel } from '../../shared/domain/election-types.ts';
import { SPENDING_CATEGORY_LABELS, expenseProblems, expenseWarnings } from '../../shared/domain/expenses.ts';
import { formatPence } from '../../shared/domain/money.ts';
import { findLimitRule, noRuleMessage, spendStatus } from '../../shared/domain/spending-limits.ts';
import { type ElectionRules, RulesInputError, rulesFor } from '../../shared/domain/election-rules.ts';
import { findPoliceArea } from '../../shared/domain/pcc-limits.ts';
import { periodOf } from '../../shared/domain/regulated-periods.ts';
import type { ElectionReturn } from '../../shared/domain/election-return.ts';
import { getCandidacyPapers, getContestRules, listCandidacies } from '../../db/repositories/candidacies.ts';
import { candidatesHandlers } from './candidates.ts';
import { loadHolidays } from './timetable.ts';
import { listContests } from '../../db/repositories/contests.ts';
import { getPrintRun } from '../../db/repositories/print-runs.ts';
import {
  contestIdsWithMoney,
  deleteDeposit,
  deleteDonation,
  deleteExpense,
  getAreaFigures,
  getDeposit,
  getDonation,
  getExpense,
  getSettings,
  insertDonation,
  insertExpense,
  latestExpenseDate,
  listAllDonations,
  listDonations,
  listExpenses,
  printRunPayments,
  saveDeposit,
  saveSettings,
  setPrintRunPaid,
  updateDonation,
  updateExpense,
} from '../../db/repositories/treasury.ts';
import { requireContest } from './contests.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { confirmErasure, personTrail, recordErasure } from './erasure.ts';
import { logErasure } from '../../db/erasure-log.ts';
import { donorIdentifiers, eraseDonor } from '../../db/repositories/person-erasure.ts';
import { type PostPoll, depositFacts, depositRefundDue, listSpendingLimit, postPollDeadlines, printRunsOf, today } from './treasury-links.ts';

type SpendInfo = z.infer<typeof spendInfo>;
type DepositStatus = z.infer<typeof depositStatus>;

const invalid = (message: string, fields: Record<string, string>) => new AppError('invalid_input', message, fields);

/** Field problems from the domain rules → one AppError naming each field (in the contract's names). */
function refuse(problems: { field: string; message: string }[], rename: Record<string, string> = {}): void {
  if (problems.length === 0) return;
  const fields: Record<string, string> = {};
  for (const p of problems) fields[rename[p.field] ?? p.field] ??= p.message;
  throw invalid(`Nothing was saved: ${problems.map((p) => p.message).join('; ')}`, fields);
}

function titleOf(c: Contest): string {
  return `${c.areaName} — ${c.electionName}`;
}

// ---------------------------------------------------------------------------------------------
// Derived figures

const GLA_POST_KIND = { mayor: 'gla-mayor', constituency: 'gla-constituency', list: 'gla-list' } as const;

/**
 * The contest's limit and regulated periods from the election rules (election-rules.ts, the same
 * figures `hustings rules` prints), with the area's figures, the settings and the nomination
 * rules' post and councils; the user's figures from the returning officer's notice replace them.
 */
async function limitOf(ctx: Ctx, contest: Contest, settings: TreasurySettings): Promise<{ limit: LimitInfo; periods: PeriodInfo[] }> {
  const area = await getAreaFigures(ctx.db, contest.id);
  const nominations = await candidatesHandlers['nominations.rules'](ctx, { contestId: contest.id });
  const electors = settings.electors ?? area?.electorate ?? null;
  const electorsFrom = settings.electors !== null ? 'settings' : area?.electorate != null ? 'area' : null;
  const areaKind = settings.areaKind ?? area?.classification ?? null;
  const isPcc = contest.electionType === 'pcc';
  const policeArea = isPcc ? (settings.policeArea ?? (area && findPoliceArea(area.name)?.policeArea) ?? null) : null;
  // A GLA contest's post is chosen here (the Mayor's rule says which inputs matter until it is).
  const post = contest.electionType === 'gla' ? GLA_POST_KIND[settings.glaPost ?? 'mayor'] : nominations.postKind;
  const query = {
    type: contest.electionType,
    nation: contest.nation,
    post,
    designation: areaKind,
    electorate: electors,
    councils: nominations.councils,
    policeArea,
    jointCandidates: settings.jointCandidates,
    poll: contest.pollingDay,
    holidays: await loadHolidays(ctx.db),
  };
  let rules: ElectionRules | null = null;
  let refusal: string | null = null;
  try {
    rules = rulesFor(query);
  } catch (e) {
    if (!(e instanceof RulesInputError)) throw e;
    refusal = e.message;
  }
  const rule = rules?.limit.rule ?? null;
  const base = {
    contestId: contest.id,
    electors,
    electorsFrom,
    areaKind,
    glaPost: settings.glaPost,
    jointCandidates: settings.jointCandidates,
    jointReductions: rule?.jointReductions ?? false,
    usesElectors: rule !== null && rule.perElector !== null,
    usesAreaKind: rule?.perElector != null && 'county' in rule.perElector,
    usesPoliceArea: rule?.byPoliceArea === true,
    policeArea,
    usesCouncils: rule?.perCouncil === true,
    councils: nominations.councils,
    ruleLabel: rule?.label ?? null,
    instrument: rules?.limit.instrument ?? null,
    confirmed: rules?.limit.confirmed ?? false,
    checkedOn: rules?.limit.checkedOn ?? null,
    note: rules?.limit.note ?? null,
  } as const;
  const known = rules?.limit.limitPence ?? null;
  const listLimit = await listSpendingLimit(ctx, contest);
  let limit: LimitInfo;
  if (settings.limitOverridePence !== null) {
    limit = {
      ...base,
      basis: 'override',
      limitPence: settings.limitOverridePence,
      working: `Entered by hand${settings.limitSource ? ` from ${settings.limitSource}` : ''}: ${formatPence(settings.limitOverridePence)}`,
      confirmed: true,
      problem: null,
    };
  } else if (listLimit) {
    const { limitPence, working, label, instrument, confirmed, note } = listLimit;
    limit = { ...base, usesElectors: false, usesAreaKind: false, ruleLabel: label, instrument, confirmed, note, basis: 'rule', limitPence, working, problem: null };
  } else if (contest.electionType === 'gla' && !settings.glaPost) {
    const problem = noRuleMessage('gla', contest.nation, null);
    limit = { ...base, basis: 'unknown', limitPence: null, working: problem, problem };
  } else if (rules === null || known === null) {
    const problem = refusal ?? rules!.limit.working;
    limit = { ...base, basis: 'unknown', limitPence: null, working: problem, problem };
  } else {
    limit = { ...base, basis: 'rule', limitPence: known, working: rules.limit.working, problem: null };
  }
  const periods = (rules?.periods ?? []).map((p, i, all): PeriodInfo => {
    const last = i === all.length - 1;
    const entered = last ? settings.limitOverridePence : settings.earlyLimitOverridePence;
    if (entered !== null) {
      return { ...p, limitBasis: 'override', limitPence: entered, working: `Entered by hand: ${formatPence(entered)}`, confirmed: true };
    }
    const limitPence = last ? limit.limitPence : p.limitPence;
    return { ...p, limitBasis: limitPence === null ? 'unknown' : 'rule', limitPence, working: last ? limit.working : p.working };
  });
  return { limit, periods };
}

function spendOf(spentPence: number, limit: Pick<LimitInfo, 'limitPence'>): SpendInfo {
  if (limit.limitPence === null) {
    return { spentPence, level: 'no-limit', percent: null, headroomPence: null, overByPence: null, message: `${formatPence(spentPence)} spent; no limit set yet` };
  }
  const s = spendStatus(spentPence, limit.limitPence);
  return { spentPence, level: s.level, percent: s.percent, headroomPence: s.headroomPence, overByPence: s.overByPence, message: s.message };
}

/** Spending in each regulated period, assigned by the line's date (invoice, else payment). */
function periodSpend(periods: PeriodInfo[], ret: ElectionReturn<LedgerLine>): (PeriodInfo & { spend: SpendInfo })[] {
  const totals = new Map(periods.map((p) => [p.key, 0]));
  for (const c of ret.categories) {
    for (const line of c.lines) {
      const p = periodOf(line.invoiceOn ?? line.paidOn, periods);
      totals.set(p.key, totals.get(p.key)! + (line.kind === 'refund' ? -line.amountPence : line.amountPence));
    }
  }
  return periods.map((p) => ({ ...p, spend: spendOf(totals.get(p.key)!, p) }));
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
  const paid = await printRunPayments(ctx.db, printRuns.map((r) => r.id));
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
  return [...entries, ...runs].sort((a, b) => (a.invoiceOn ?? a.paidOn ?? '9999').localeCompare(b.invoiceOn ?? b.paidOn ?? '9999') || a.ref.localeCompare(b.ref));
}

async function everything(ctx: Ctx, contestId: number) {
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
async function returnDateOf(ctx: Ctx, contest: Contest): Promise<string | null> {
  const s = await getSettings(ctx.db, contest.id);
  return s.returnDeliveredOn ?? (await postPollDeadlines(ctx, contest))?.returnDue ?? null;
}

// ---------------------------------------------------------------------------------------------
// Donors (docs/reliability.md §8)

const donorKey = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** A donor, found from one of their donations: every donation with the same name and address. */
async function donorOf(ctx: Ctx, donationId: number): Promise<Donor> {
  const first = await requireDonation(ctx, donationId);
  if (first.donorName === ERASED_TEXT) {
    throw new AppError('not_found', `The donor of donation ${donationId} has already been erased`, { donationId: 'The donor’s details were erased' });
  }
  const key = `${donorKey(first.donorName)}\n${donorKey(first.donorAddress)}`;
  const mine = (await listAllDonations(ctx.db)).filter((d) => `${donorKey(d.donorName)}\n${donorKey(d.donorAddress)}` === key);
  const on = today();
  const contests = new Map<number, Contest>();
  const donations = [];
  for (const d of mine) {
    if (!contests.has(d.contestId)) contests.set(d.contestId, await requireContest(ctx, d.contestId));
    const contest = contests.get(d.contestId)!;
    const returnDate = await returnDateOf(ctx, contest);
    const r = donorRetention(d.valuePence, returnDate, on);
    donations.push({ ...d, contestName: `${contest.areaName}, ${contest.electionName}`, returnDate, mustKeep: r.mustKeep, keptUntil: r.keptUntil, retentionReason: r.reason });
  }
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  return {
    name: first.donorName,
    address: first.donorAddress,
    electorNumbers: distinct(mine.map((d) => d.electorNumber)),
    companyNumbers: distinct(mine.map((d) => d.companyNumber)),
    donations,
    erasureRefusal: donorErasureRefusal(first.donorName, donations),
  };
}

// ---------------------------------------------------------------------------------------------
// Writes

async function requireDonation(ctx: Ctx, id: number) {
  const d = await getDonation(ctx.db, id);
  if (!d) throw new AppError('not_found', `There is no donation with id ${id}`, { id: 'No such donation' });
  return d;
}

async function requireExpense(ctx: Ctx, id: number) {
  const e = await getExpense(ctx.db, id);
  if (!e) throw new AppError('not_found', `There is no expense with id ${id}`, { id: 'No such expense' });
  return e;
}

type DonationInput = z.output<(typeof treasuryContract)['treasury.createDonation']['input']>;

function checkedDonation(contestId: number, input: Omit<DonationInput, 'contestId'>): Omit<Donation, 'id'> {
  const ids = normaliseIdentifiers(input.electorNumber, input.companyNumber);
  const d: Omit<Donation, 'id'> = {
    contestId,
    donorName: input.donorName,
    donorAddress: input.donorAddress,
    electorNumber: ids.electorNumber,
    companyNumber: ids.companyNumber,
    kind: input.kind,
    description: input.description,
    valuePence: input.value,
    receivedOn: input.receivedOn,
    status: input.status,
    permissibleSource: input.permissibleSource,
    reason: input.reason,
    acceptedOn: input.acceptedOn,
    returnedOn: input.returnedOn,
  };
  const problems: { field: string; message: string }[] = donationProblems(d, today());
  if (d.kind === 'in-kind' && d.description.trim() === '') problems.push({ field: 'description', message: 'Say what was given (a donation in kind)' });
  refuse(problems, { valuePence: 'value' });
  return d;
}

type ExpenseInput = z.output<(typeof treasuryContract)['treasury.createExpense']['input']>;

async function checkedExpense(ctx: Ctx, contest: Contest, input: Omit<ExpenseInput, 'contestId'>): Promise<Omit<Expense, 'id'>> {
  const e: Omit<Expense, 'id'> = {
    contestId: contest.id,
    kind: input.kind,
    category: input.category,
    supplier: input.supplier,
    description: input.description,
    amountPence: input.amount,
    invoiceOn: input.invoiceOn,
    paidOn: input.paidOn,
    notional: input.notional,
  };
  refuse(expenseProblems(e, { today: today(), returnOn: await returnDateOf(ctx, contest) }), { amountPence: 'amount' });
  return e;
}

function describeDonation(d: Omit<Donation, 'id'>): string {
  return `${formatPence(d.valuePence)} from ${d.donorName}`;
}

function describeExpense(e: Omit<Expense, 'id'>): string {
  return `${e.kind === 'refund' ? 'refund' : e.notional ? 'notional spending' : 'expense'} ${formatPence(e.amountPence)} to ${e.supplier} (${SPENDING_CATEGORY_LABELS[e.category]})`;
}

export const treasuryHandlers: HandlersFor<typeof treasuryContract> = {
  'treasury.listOverview': async (ctx) => {
    const withMoney = new Set(await contestIdsWithMoney(ctx.db));
    const contests = (await listContests(ctx.db)).filter((c) => c.status === 'contesting' || withMoney.has(c.id));
    const rows = [];
    for (const c of contests) {
      const x = await everything(ctx, c.id);
      const undecided = x.donations.filter((d) => d.deadlineState === 'open' || d.deadlineState === 'lapsed');
      rows.push({
        contestId: c.id,
        electionName: c.electionName,
        areaName: c.areaName,
        pollingDay: c.pollingDay,
        limitPence: x.limit.limitPence,
        spend: x.spend,
        donationsPence: x.ret.totalDonationsPence,
        undecidedDonations: undecided.length,
        nextDonationDeadline: undecided.map((d) => d.deadline!).sort()[0] ?? null,
        depositOutcome: x.deposit.outcome,
        depositPence: x.deposit.recorded?.amountPence ?? null,
        returnDue: x.postPoll?.returnDue ?? null,
      });
    }
    return rows;
  },

  'treasury.getLedger': async (ctx, { contestId }) => {
    const x = await everything(ctx, contestId);
    return {
      contestId,
      title: titleOf(x.contest),
      type: x.contest.electionType,
      electionType: electionTypeLabel(x.contest.electionType, x.contest.nation),
      nation: x.contest.nation,
      settings: x.settings,
      limit: x.limit,
      spend: x.spend,
      periods: x.periods,
      deposit: x.deposit,
      donations: x.donations,
      lines: x.lines,
      postPoll: x.postPoll,
      returnDeliveredOn: x.settings.returnDeliveredOn,
    };
  },

  'treasury.getLimit': async (ctx, { contestId }) => {
    const x = await everything(ctx, contestId);
    return { ...x.limit, spend: x.spend, periods: x.periods };
  },

  'treasury.getReturn': async (ctx, { contestId }) => {
    const x = await everything(ctx, contestId);
    const { ret } = x;
    const candidacies = await listCandidacies(ctx.db, { contestId });
    const candidates = await Promise.all(
      candidacies.map(async (k) => ({ name: k.candidateName, agentName: (await getCandidacyPapers(ctx.db, k.id))?.agentName ?? '' })),
    );
    return {
      contestId,
      title: titleOf(x.contest),
      candidates,
      categories: ret.categories,
      totalPaidPence: ret.totalPaidPence,
      totalUnpaidPence: ret.totalUnpaidPence,
      totalNotionalPence: ret.totalNotionalPence,
      totalRefundsPence: ret.totalRefundsPence,
      totalSpendPence: ret.totalSpendPence,
      donationsSchedule: ret.donationsSchedule,
      returnedDonations: ret.returnedDonations,
      totalDonationsPence: ret.totalDonationsPence,
      deposit: x.deposit,
      limit: x.limit,
      nil: ret.nil,
      problems: ret.problems,
      returnDue: x.postPoll?.returnDue ?? null,
      returnDeliveredOn: x.settings.returnDeliveredOn,
    };
  },

  'treasury.updateSettings': async (ctx, input) => {
    const contest = await requireContest(ctx, input.contestId);
    const before = await getSettings(ctx.db, contest.id);
    const after: TreasurySettings = {
      contestId: contest.id,
      electors: input.electors,
      areaKind: input.areaKind,
      glaPost: contest.electionType === 'gla' ? input.glaPost : null,
      jointCandidates: input.jointCandidates,
      limitOverridePence: input.limitOverride,
      limitSource: input.limitOverride === null ? '' : input.limitSource,
      returnDeliveredOn: input.returnDeliveredOn,
      policeArea: contest.electionType === 'pcc' ? input.policeArea : null,
      earlyLimitOverridePence: input.earlyLimitOverride,
    };
    if (after.policeArea !== null) {
      const area = findPoliceArea(after.policeArea);
      if (!area) throw invalid(`"${after.policeArea}" is not a police area`, { policeArea: 'Choose a police area from the list' });
      after.policeArea = area.policeArea;
    }
    if (after.returnDeliveredOn) {
      if (after.returnDeliveredOn > today()) throw invalid('The return cannot be delivered in the future', { returnDeliveredOn: `${after.returnDeliveredOn} is in the future` });
      const latest = await latestExpenseDate(ctx.db, contest.id);
      if (latest && latest > after.returnDeliveredOn) {
        throw invalid(`An expense is dated ${latest}, after ${after.returnDeliveredOn}: nothing on the return may be dated after it`, {
          returnDeliveredOn: `An expense is dated ${latest}, after this date`,
        });
      }
    }
    if (after.jointCandidates > 1 && !findLimitRule(contest.electionType, contest.nation, after.glaPost, (await getContestRules(ctx.db, contest.id))?.postKind ?? undefined)?.jointReductions) {
      throw invalid('Joint-candidate reductions apply to council elections only', { jointCandidates: 'Only council elections have joint candidates' });
    }
    await saveSettings(ctx.db, after);
    await ctx.audit({ action: 'update', entity: 'treasury-settings', entityId: contest.id, summary: `Spending-limit settings for ${titleOf(contest)}`, before, after });
    return after;
  },

  'treasury.saveDeposit': async (ctx, input) => {
    const contest = await requireContest(ctx, input.contestId);
    const before = (await getDeposit(ctx.db, contest.id)) ?? null;
    const after: Deposit = {
      contestId: contest.id,
      amountPence: input.amount,
      paidOn: input.paidOn,
      method: input.method,
      receipt: input.receipt,
      refundedOn: input.refundedOn,
      notes: input.notes,
    };
    const fields: Record<string, string> = {};
    const on = today();
    const facts = await depositFacts(ctx, contest);
    const short = facts.expectedPence === null ? null : depositShortfall(after.amountPence, facts.expectedPence);
    if (short) fields.amount = `${short}: the returning officer will not accept less (if they ask for a different amount, correct the deposit in the contest’s nomination rules)`;
    if (after.paidOn > on) fields.paidOn = `${after.paidOn} is in the future`;
    if (after.refundedOn) {
      if (after.refundedOn > on) fields.refundedOn = `${after.refundedOn} is in the future`;
      else if (!contest.declaredOn) fields.refundedOn = 'A deposit is refunded after the result is declared: record the result first';
      else if (after.refundedOn < contest.declaredOn) fields.refundedOn = `The result was declared on ${contest.declaredOn}: the refund cannot be earlier`;
      if (facts.outcome === 'forfeited') fields.refundedOn = 'This deposit was forfeited, so it is not refunded';
    }
    if (Object.keys(fields).length > 0) throw invalid(`Nothing was saved: ${Object.values(fields).join('; ')}`, fields);
    await saveDeposit(ctx.db, after);
    await ctx.audit({
      action: before ? 'update' : 'create',
      entity: 'deposit',
      entityId: contest.id,
      summary: `Deposit of ${formatPence(after.amountPence)} paid ${after.paidOn} by ${DEPOSIT_METHOD_LABELS[after.method].toLowerCase()} for ${titleOf(contest)}`,
      before: before ?? undefined,
      after,
    });
    return after;
  },

  'treasury.deleteDeposit': async (ctx, { contestId }) => {
    const contest = await requireContest(ctx, contestId);
    const before = await getDeposit(ctx.db, contestId);
    if (!before) return { deleted: false };
    await deleteDeposit(ctx.db, contestId);
    await ctx.audit({ action: 'delete', entity: 'deposit', entityId: contestId, summary: `Removed the deposit record for ${titleOf(contest)}`, before });
    return { deleted: true };
  },

  'treasury.getDonor': async (ctx, { donationId }) => donorOf(ctx, donationId),
  'treasury.getDonorExport': async (ctx, { donationId }) => {
    const donor = await donorOf(ctx, donationId);
    return { ...(await personTrail(ctx, [{ entity: 'donation', ids: donor.donations.map((d) => d.id) }], donorIdentifiers(donor))), donor };
  },
  'treasury.eraseDonor': async (ctx, { donationId, confirm }) => {
    const donor = await donorOf(ctx, donationId);
    if (donor.erasureRefusal) throw new AppError('conflict', donor.erasureRefusal);
    const n = donor.donations.length;
    confirmErasure(
      confirm,
      `Erasing ${donor.name} blanks their name, address and elector or company number on ${n === 1 ? 'their donation' : `all ${n} of their donations`}, takes their name out of notes and blanks it in the activity log, leaving only a note that an erasure happened. What was given, when, and whether it was accepted stay in the accounts.`,
    );
    const ids = donor.donations.map((d) => d.id);
    const identity = { name: donor.name, address: donor.address, donationIds: ids, electorNumbers: donor.electorNumbers, companyNumbers: donor.companyNumbers };
    logErasure(ctx.db, ctx.dbPath, ctx.encryption.key, 'donor', identity);
    const traces = await eraseDonor(ctx.db, identity);
    return recordErasure(ctx, { entity: 'donor', entityId: null, whose: 'a donor’s', extra: { donations: ids } }, traces);
  },
  'treasury.createDonation': async (ctx, { contestId, ...input }) => {
    const contest = await requireContest(ctx, contestId);
    const d = checkedDonation(contest.id, input);
    const id = await insertDonation(ctx.db, d);
    const after = (await getDonation(ctx.db, id))!;
    await ctx.audit({ action: 'create', entity: 'donation', entityId: id, summary: `Donation of ${describeDonation(d)} received ${d.receivedOn}`, after });
    return after;
  },

  'treasury.updateDonation': async (ctx, { id, ...input }) => {
    const before = await requireDonation(ctx, id);
    const d = checkedDonation(before.contestId, input);
    await updateDonation(ctx.db, id, d);
    const after = (await getDonation(ctx.db, id))!;
    const what =
      before.status !== after.status && after.status !== 'pending'
        ? `${after.status === 'accepted' ? 'Accepted' : 'Returned'} the donation of ${describeDonation(d)}`
        : `Changed the donation of ${describeDonation(d)}`;
    await ctx.audit({ action: 'update', entity: 'donation', entityId: id, summary: what, before, after });
    return after;
  },

  'treasury.deleteDonation': async (ctx, { id }) => {
    const before = await requireDonation(ctx, id);
    await deleteDonation(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'donation', entityId: id, summary: `Deleted the donation of ${describeDonation(before)}`, before });
    return { deleted: true };
  },

  'treasury.createExpense': async (ctx, { contestId, ...input }) => {
    const contest = await requireContest(ctx, contestId);
    const e = await checkedExpense(ctx, contest, input);
    const id = await insertExpense(ctx.db, e);
    const after = (await getExpense(ctx.db, id))!;
    await ctx.audit({ action: 'create', entity: 'expense', entityId: id, summary: `Recorded ${describeExpense(e)}`, after });
    return after;
  },

  'treasury.updateExpense': async (ctx, { id, ...input }) => {
    const before = await requireExpense(ctx, id);
    const contest = await requireContest(ctx, before.contestId);
    const e = await checkedExpense(ctx, contest, input);
    await updateExpense(ctx.db, id, e);
    const after = (await getExpense(ctx.db, id))!;
    await ctx.audit({ action: 'update', entity: 'expense', entityId: id, summary: `Changed ${describeExpense(e)}`, before, after });
    return after;
  },

  'treasury.setPrintRunPaid': async (ctx, { printRunId, paidOn }) => {
    const run = await getPrintRun(ctx.db, printRunId);
    if (!run) throw new AppError('not_found', `There is no print run with id ${printRunId}`, { printRunId: 'No such print run' });
    if (run.contestId === null) {
      throw invalid('This print run is not charged to a contest: choose its contest on the print run first', { printRunId: 'Not charged to a contest' });
    }
    const contest = await requireContest(ctx, run.contestId);
    const before = (await printRunPayments(ctx.db, [printRunId])).get(printRunId) ?? null;
    if (paidOn) {
      const returnOn = await returnDateOf(ctx, contest);
      if (returnOn && paidOn > returnOn) throw invalid(`Date paid ${paidOn} is after the return (${returnOn})`, { paidOn: `After the return (${returnOn})` });
      if (paidOn > today()) throw invalid(`Date paid ${paidOn} is in the future`, { paidOn: `${paidOn} is in the future` });
    }
    await setPrintRunPaid(ctx.db, printRunId, paidOn);
    await ctx.audit({
      action: 'update',
      entity: 'print-run-payment',
      entityId: printRunId,
      summary: paidOn
        ? `Print run of ${run.leafletTitle} (${formatPence(run.costPence)}, ${run.printer || 'printer not recorded'}) paid ${paidOn}`
        : `Print run of ${run.leafletTitle}: date paid cleared`,
      before: { printRunId, paidOn: before },
      after: { printRunId, paidOn },
    });
    return { printRunId, paidOn };
  },

  'treasury.deleteExpense': async (ctx, { id }) => {
    const before = await requireExpense(ctx, id);
    await deleteExpense(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'expense', entityId: id, summary: `Deleted ${describeExpense(before)}`, before });
    return { deleted: true };
  },
};
