/**
 * Every rule of one kind of contest in one place: ballot, deposit, subscribers, spending limit and
 * its regulated periods, and the post-poll deadlines. The figures themselves live where each rule
 * is kept (nominations.ts, spending-limits.ts, pcc-limits.ts, timetable.ts, regulated-periods.ts);
 * this puts them together for `hustings rules` and for the app, so both show the same figures.
 */
import type { ElectionType, Nation } from './election-types.ts';
import { ELECTION_TYPE_INFO, ELECTION_TYPES, NATIONS, electionTypeLabel } from './election-types.ts';
import type { Ballot, NominationRequirements, PostKind } from './nominations.ts';
import { POST_KINDS, ballotOf, defaultPostKind, nominationRequirements, postKindsFor } from './nominations.ts';
import type { AreaKind, GlaPost, LimitRule } from './spending-limits.ts';
import {
  LONG_CAMPAIGN_RULE,
  MAX_COUNCILS,
  MAX_ELECTORS,
  computeSpendingLimit,
  findLimitRule,
  fixedPartOf,
  noRuleMessage,
  perElectorRate,
} from './spending-limits.ts';
import { formatPence, mulDivFloor } from './money.ts';
import type { PeriodDates } from './regulated-periods.ts';
import { regulatedPeriodDates } from './regulated-periods.ts';
import { defaultNation, ruleSetFor } from './timetable.ts';
import { SHIPPED_HOLIDAYS, addDays, divisionOf, isoDateProblem, nextWorkingDay } from './working-days.ts';
import type { Holidays } from './working-days.ts';

export interface RulesQuery {
  type: ElectionType;
  nation?: Nation | null;
  /** The post where an election has several (GLA, Scottish Parliament); the type's default otherwise. */
  post?: PostKind | null;
  designation?: AreaKind | null;
  electorate?: number | null;
  councils?: number | null;
  policeArea?: string | null;
  /** Council elections: two or more joint candidates share a reduced limit. */
  jointCandidates?: number;
  poll?: string | null;
  declared?: string | null;
  holidays?: Holidays;
}

/** Bad input to rulesFor; `field` names the input at fault. */
export class RulesInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'RulesInputError';
    this.field = field;
  }
}

interface LimitFacts {
  rule: LimitRule | null;
  fixedPence: number | null;
  perElectorPence: number | null;
  limitPence: number | null;
  instrument: string | null;
  confirmed: boolean;
  checkedOn: string | null;
  /** The working when the limit is known, otherwise what is missing. */
  working: string;
  note: string | null;
  /** The input that would decide the limit, when it is not known. */
  missing: string | null;
}

interface RegulatedPeriod extends PeriodDates {
  limitPence: number | null;
  working: string;
  instrument: string | null;
  confirmed: boolean;
}

export interface ElectionRules {
  type: ElectionType;
  nation: Nation;
  post: PostKind;
  label: string;
  ballot: Ballot;
  nominations: NominationRequirements;
  limit: LimitFacts;
  /** Null without a polling day. */
  periods: RegulatedPeriod[] | null;
  returnDue: { days: number; countedFrom: 'declaration' | 'polling_day'; source: string };
  invoicesDueDays: number;
  paymentDueDays: number;
  returnDueDate: string | null;
  warnings: string[];
}

const GLA_POST_OF: Partial<Record<PostKind, GlaPost>> = { 'gla-mayor': 'mayor', 'gla-constituency': 'constituency', 'gla-list': 'list' };

/** The treasury's GLA post for a nominations post kind. */
function glaPostOf(post: PostKind): GlaPost | null {
  return GLA_POST_OF[post] ?? null;
}

function checkInputs(q: RulesQuery): { nation: Nation; post: PostKind } {
  if (!(ELECTION_TYPES as readonly string[]).includes(q.type)) {
    throw new RulesInputError('type', `Unknown election type "${q.type}": use one of ${ELECTION_TYPES.join(', ')}`);
  }
  const info = ELECTION_TYPE_INFO[q.type];
  const nation = q.nation ?? defaultNation(q.type);
  if (!(NATIONS as readonly string[]).includes(nation)) throw new RulesInputError('nation', `Unknown nation "${nation}": use one of ${NATIONS.join(', ')}`);
  if (!info.nations.includes(nation))
    throw new RulesInputError('nation', `${info.label} elections are not held in ${nation}: use ${info.nations.join(' or ')}`);
  const post = q.post ?? defaultPostKind(q.type);
  if (!(POST_KINDS as readonly string[]).includes(post) || !postKindsFor(q.type).includes(post)) {
    throw new RulesInputError('post', `"${post}" is not a post of a ${info.label} election: use ${postKindsFor(q.type).join(' or ')}`);
  }
  const e = q.electorate;
  if (e !== null && e !== undefined && (!Number.isInteger(e) || e < 1 || e > MAX_ELECTORS)) {
    throw new RulesInputError('electorate', `The electorate must be a whole number from 1 to ${MAX_ELECTORS}, got ${e}`);
  }
  const c = q.councils;
  if (c !== null && c !== undefined && (!Number.isInteger(c) || c < 1 || c > MAX_COUNCILS)) {
    throw new RulesInputError('councils', `Constituent councils must be a whole number from 1 to ${MAX_COUNCILS}, got ${c}`);
  }
  for (const field of ['poll', 'declared'] as const) {
    const d = q[field];
    const problem = d ? isoDateProblem(d) : null;
    if (problem) throw new RulesInputError(field, `${field === 'poll' ? 'Polling day' : 'Declaration date'}: ${problem}`);
  }
  if (q.poll && q.declared && q.declared < q.poll)
    throw new RulesInputError('declared', `The result cannot be declared (${q.declared}) before polling day (${q.poll})`);
  return { nation, post };
}

function limitFacts(q: RulesQuery, type: ElectionType, nation: Nation, post: PostKind): LimitFacts {
  const glaPost = glaPostOf(post);
  const rule = findLimitRule(type, nation, glaPost, post);
  if (!rule) {
    const message = noRuleMessage(type, nation, glaPost, post);
    return {
      rule: null,
      fixedPence: null,
      perElectorPence: null,
      limitPence: null,
      instrument: null,
      confirmed: false,
      checkedOn: null,
      working: message,
      note: null,
      missing: null,
    };
  }
  const fixed = fixedPartOf(rule, q);
  const rate = perElectorRate(rule, q.designation);
  const base = {
    rule,
    fixedPence: fixed.ok ? fixed.pence : null,
    perElectorPence: rule.perElector === null ? null : rate,
    instrument: fixed.ok ? fixed.instrument : rule.instrument,
    confirmed: fixed.ok ? fixed.confirmed : rule.confirmed,
    checkedOn: rule.checkedOn,
    note: fixed.ok ? fixed.note : (rule.note ?? null),
  };
  const r = computeSpendingLimit(rule, {
    electors: q.electorate,
    areaKind: q.designation,
    nation,
    councils: q.councils,
    policeArea: q.policeArea,
    jointCandidates: q.jointCandidates,
  });
  if (!r.ok) return { ...base, limitPence: null, working: r.message, missing: r.field };
  return { ...base, limitPence: r.value.limitPence, working: r.value.working, missing: null };
}

/** The long campaign's limit: the full amount for the seat, scaled by the month of dissolution. */
function longCampaignLimit(q: RulesQuery, nation: Nation, percent: number): Pick<RegulatedPeriod, 'limitPence' | 'working'> {
  const full = computeSpendingLimit(LONG_CAMPAIGN_RULE, { electors: q.electorate, areaKind: q.designation, nation });
  if (!full.ok) return { limitPence: null, working: full.message };
  const limitPence = mulDivFloor(full.value.limitPence, percent, 100);
  return { limitPence, working: `${percent}% of (${full.value.working}) = ${formatPence(limitPence)}` };
}

function periodsOf(q: RulesQuery, type: ElectionType, nation: Nation, limit: LimitFacts, warnings: string[]): RegulatedPeriod[] | null {
  if (!q.poll) return null;
  const dates = regulatedPeriodDates(type, nation, q.poll, q.holidays ?? SHIPPED_HOLIDAYS);
  warnings.push(...dates.warnings);
  return dates.periods.map((p): RegulatedPeriod => {
    if (p.key === 'long-campaign') {
      return {
        ...p,
        ...longCampaignLimit(q, nation, dates.longCampaignPercent ?? 100),
        instrument: LONG_CAMPAIGN_RULE.instrument,
        confirmed: LONG_CAMPAIGN_RULE.confirmed,
      };
    }
    if (p.key === 'pre-candidacy') {
      return {
        ...p,
        limitPence: null,
        working: "The pre-candidacy limit (SSI 2015/425 art.43) was not found: enter it from the returning officer's notice",
        instrument: 'the Scottish Parliament (Elections etc.) Order 2015 (SSI 2015/425) art.43',
        confirmed: false,
      };
    }
    return { ...p, limitPence: limit.limitPence, working: limit.working, instrument: limit.instrument, confirmed: limit.confirmed };
  });
}

/** Everything Hustings knows about the rules of one kind of contest. Throws RulesInputError for bad input. */
export function rulesFor(q: RulesQuery): ElectionRules {
  const { nation, post } = checkInputs(q);
  const type = q.type;
  const nominations = nominationRequirements(type, nation, post, {}, { councils: q.councils });
  const limit = limitFacts(q, type, nation, post);
  const warnings: string[] = [];
  const periods = periodsOf(q, type, nation, limit, warnings);

  const rules = ruleSetFor(type, nation, glaPartOf(post)).rules;
  const after = (key: 'expense_invoices_received' | 'expense_invoices_paid' | 'expense_return') => {
    const r = rules.find((x) => x.key === key);
    if (r?.kind !== 'after-declaration') throw new Error(`no ${key} rule for ${type}`);
    return r;
  };
  const ret = after('expense_return');
  const countedFrom = ret.from === 'declaration' ? 'declaration' : 'polling_day';
  const from = countedFrom === 'declaration' ? (q.declared ?? null) : (q.poll ?? null);
  const returnDueDate = from === null ? null : nextWorkingDay(addDays(from, ret.days), { divisions: [divisionOf(nation)] }, q.holidays ?? SHIPPED_HOLIDAYS);

  return {
    type,
    nation,
    post,
    label: type === 'local' ? electionTypeLabel(type, nation) : nominations.label,
    ballot: ballotOf(type, post),
    nominations,
    limit,
    periods,
    returnDue: { days: ret.days, countedFrom, source: ret.source },
    invoicesDueDays: after('expense_invoices_received').days,
    paymentDueDays: after('expense_invoices_paid').days,
    returnDueDate,
    warnings,
  };
}

function glaPartOf(post: PostKind): 'mayor' | 'london-wide' | 'constituency' {
  return post === 'gla-list' ? 'london-wide' : post === 'gla-constituency' ? 'constituency' : 'mayor';
}

/** The `hustings rules --json` object: its keys are a contract. */
export function rulesJson(r: ElectionRules) {
  const deposit = r.nominations.deposit;
  const share = deposit?.returnRule.kind === 'share-above' ? deposit.returnRule.basisPoints / 10_000 : null;
  return {
    type: r.type,
    nation: r.nation,
    post: r.post,
    ballot: r.ballot,
    deposit_pence: deposit?.amountPence ?? null,
    deposit_returned_above_share: share,
    deposit_confirmed: deposit ? deposit.amountSource === 'rules' : true,
    subscribers: r.nominations.subscribers.required,
    subscribers_confirmed: r.nominations.subscribers.source === 'rules',
    nomination_instrument: r.nominations.instrument,
    spending_limit: {
      fixed_pence: r.limit.fixedPence,
      per_elector_pence: r.limit.perElectorPence,
      limit_pence: r.limit.limitPence,
      instrument: r.limit.instrument,
      confirmed: r.limit.confirmed,
      checked_on: r.limit.checkedOn,
    },
    regulated_periods: (r.periods ?? []).map((p) => ({ key: p.key, starts: p.starts, ends: p.ends, limit_pence: p.limitPence })),
    return_due: { days: r.returnDue.days, counted_from: r.returnDue.countedFrom },
    invoices_due_days: r.invoicesDueDays,
    payment_due_days: r.paymentDueDays,
    return_due_date: r.returnDueDate,
  };
}
