/**
 * The contest planner: is standing here practical? Cost, people and papers side by side, each
 * judged against what the campaign has, and a verdict with every reason written as a sentence a
 * member can read out at the meeting. Money is integer pence throughout; nothing here guesses a
 * figure it does not have — an unknown stays unknown and is said to be.
 *
 * The facts (deposit, subscribers required, spending limit, close of nominations, households on
 * the register) come from the other features' rules; this module only does the planner's own
 * arithmetic and judgement.
 */
import { formatPence, groupThousands } from './money.ts';
import { formatDateLong } from './working-days.ts';

export type Verdict = 'practical' | 'stretch' | 'not-practical';
export const VERDICT_LABELS: Record<Verdict, string> = {
  practical: 'Practical',
  stretch: 'A stretch',
  'not-practical': 'Not practical',
};

/** The rates and margins a meeting may change; each has a default shown beside it. */
export interface PlanAssumptions {
  /** Leaflet deliveries to every household before polling day. */
  plannedRounds: number;
  /** Printing cost of 1,000 leaflets, in pence. */
  costPerThousandPence: number;
  /** Letterboxes one volunteer reaches in an hour. */
  deliveriesPerHour: number;
  /** Used to estimate households from the electorate when neither the register nor a count is in. */
  electorsPerHousehold: number;
  /** Volunteer hours of door-knocking planned, on top of delivery. */
  canvassHours: number;
  /** Other planned election spending (posters, hall hire, ...), in pence. */
  otherSpendingPence: number;
  /** A shortfall of up to this share of what is needed is a stretch; more is not practical. */
  stretchPercent: number;
  /** Fewer working days than this before nominations close makes gathering papers a stretch. */
  minWorkingDaysForPapers: number;
}

export type AssumptionKey = keyof PlanAssumptions;

/**
 * Defaults: two rounds is the least most campaigns attempt; £40 per thousand is a typical quote
 * for A5 two-sided colour leaflets; 100 letterboxes an hour on foot across mixed housing; about
 * 1.9 electors per household in Great Britain (Census 2021: 2.36 people per household, about 80%
 * of them on the register).
 */
export const DEFAULT_ASSUMPTIONS: PlanAssumptions = {
  plannedRounds: 2,
  costPerThousandPence: 4_000,
  deliveriesPerHour: 100,
  electorsPerHousehold: 1.9,
  canvassHours: 0,
  otherSpendingPence: 0,
  stretchPercent: 20,
  minWorkingDaysForPapers: 5,
};

export const ASSUMPTION_LABELS: Record<AssumptionKey, string> = {
  plannedRounds: 'Leaflet rounds planned',
  costPerThousandPence: 'Printing cost per 1,000 leaflets',
  deliveriesPerHour: 'Letterboxes per volunteer hour',
  electorsPerHousehold: 'Electors per household (to estimate households)',
  canvassHours: 'Canvassing hours planned',
  otherSpendingPence: 'Other planned spending',
  stretchPercent: 'Shortfall still counted a stretch (%)',
  minWorkingDaysForPapers: 'Working days needed to gather nomination papers',
};

/** Allowed ranges; `decimals` is the number of decimal places a value may have. */
export const ASSUMPTION_RANGES: Record<AssumptionKey, { min: number; max: number; decimals: number }> = {
  plannedRounds: { min: 0, max: 20, decimals: 0 },
  costPerThousandPence: { min: 0, max: 10_000_000, decimals: 0 },
  deliveriesPerHour: { min: 1, max: 1_000, decimals: 0 },
  electorsPerHousehold: { min: 0.5, max: 10, decimals: 2 },
  canvassHours: { min: 0, max: 100_000, decimals: 0 },
  otherSpendingPence: { min: 0, max: 1_000_000_000, decimals: 0 },
  stretchPercent: { min: 0, max: 100, decimals: 0 },
  minWorkingDaysForPapers: { min: 0, max: 60, decimals: 0 },
};

/** A stored assumption is null when the meeting has not changed it from the default. */
export type StoredAssumptions = { [K in AssumptionKey]?: number | null };

export interface ResolvedAssumption {
  key: AssumptionKey;
  label: string;
  value: number;
  defaultValue: number;
  isDefault: boolean;
}

export function resolveAssumptions(stored: StoredAssumptions): { values: PlanAssumptions; list: ResolvedAssumption[] } {
  const values = { ...DEFAULT_ASSUMPTIONS };
  const list: ResolvedAssumption[] = [];
  for (const key of Object.keys(DEFAULT_ASSUMPTIONS) as AssumptionKey[]) {
    const own = stored[key];
    const isDefault = own === null || own === undefined;
    values[key] = isDefault ? DEFAULT_ASSUMPTIONS[key] : own;
    list.push({ key, label: ASSUMPTION_LABELS[key], value: values[key], defaultValue: DEFAULT_ASSUMPTIONS[key], isDefault });
  }
  return { values, list };
}

/** Field → message for every assumption outside its range or with too many decimal places. */
export function assumptionProblems(a: StoredAssumptions): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of Object.keys(ASSUMPTION_RANGES) as AssumptionKey[]) {
    const v = a[key];
    if (v === null || v === undefined) continue;
    const { min, max, decimals } = ASSUMPTION_RANGES[key];
    const scaled = v * 10 ** decimals;
    if (!Number.isFinite(v) || Math.abs(scaled - Math.round(scaled)) > 1e-9) {
      problems[key] =
        decimals === 0 ? `${ASSUMPTION_LABELS[key]} must be a whole number` : `${ASSUMPTION_LABELS[key]} may have at most ${decimals} decimal places`;
    } else if (v < min || v > max) {
      problems[key] = `${ASSUMPTION_LABELS[key]} must be from ${min} to ${max}`;
    }
  }
  return problems;
}

/** What the meeting knows about its own resources; null = not entered yet. */
export interface PlanInputs {
  fundsAvailablePence: number | null;
  volunteerHoursOffered: number | null;
  membersKnown: number | null;
  /** Households counted by hand; used before the register's or the estimate's. */
  householdsEntered: number | null;
}

export const EMPTY_INPUTS: PlanInputs = { fundsAvailablePence: null, volunteerHoursOffered: null, membersKnown: null, householdsEntered: null };

/** Facts about the contest from the rest of Hustings; null = not known. */
export interface PlanFacts {
  /** 'YYYY-MM-DD' */
  today: string;
  pollingDay: string;
  electorate: number | null;
  /** Households on the imported register, when there is one. */
  registerHouseholds: number | null;
  /** 0 when no deposit is payable; null when the rule is not known. */
  depositPence: number | null;
  spendingLimitPence: number | null;
  /** Why the limit is unknown, or its working. */
  spendingLimitNote?: string;
  subscribersRequired: number | null;
  /** e.g. "a proposer, a seconder and 8 assentors". */
  subscriberRoles?: string;
  /** The close of nominations with its wording ("4pm Friday 5 April 2024"). */
  closeOfNominations: { date: string; text: string } | null;
  /** Working days from today to the close (0 = closes today); null when not known. */
  workingDaysToClose: number | null;
}

type FindingTopic = 'timing' | 'households' | 'cost' | 'limit' | 'people' | 'papers' | 'deadline';
export type FindingLevel = 'ok' | 'unknown' | 'stretch' | 'not-practical';

interface Finding {
  topic: FindingTopic;
  level: FindingLevel;
  sentence: string;
}

export type HouseholdSource = 'entered' | 'register' | 'estimated';

/** Where the households figure came from, in words shown beside it. */
export const HOUSEHOLD_SOURCE_LABELS: Record<HouseholdSource, string> = {
  entered: 'counted by hand',
  register: 'from the imported register',
  estimated: 'estimated from the electorate',
};

interface PlanFigures {
  households: { count: number | null; source: HouseholdSource | null };
  cost: {
    depositPence: number | null;
    leafletCopies: number | null;
    leafletsPence: number | null;
    otherPence: number;
    /** Everything the campaign pays; null when any part is unknown. */
    totalPence: number | null;
    /** What counts against the legal limit: leaflets and other spending (not the deposit). */
    electionExpensesPence: number | null;
    fundsAvailablePence: number | null;
    spendingLimitPence: number | null;
  };
  people: { deliveryHours: number | null; canvassHours: number; neededHours: number | null; offeredHours: number | null };
  papers: {
    subscribersRequired: number | null;
    membersKnown: number | null;
    closeOfNominations: string | null;
    workingDaysToClose: number | null;
  };
}

export interface Plan {
  figures: PlanFigures;
  assumptions: ResolvedAssumption[];
  verdict: Verdict;
  /** Every finding, worst first: the reasons for the verdict. */
  findings: Finding[];
}

const SEVERITY: Record<FindingLevel, number> = { ok: 0, unknown: 1, stretch: 2, 'not-practical': 3 };

/** Households to plan for: a count entered by hand, else the register's, else an estimate from the electorate. */
export function planHouseholds(
  inputs: Pick<PlanInputs, 'householdsEntered'>,
  facts: Pick<PlanFacts, 'registerHouseholds' | 'electorate'>,
  electorsPerHousehold: number,
): { count: number | null; source: HouseholdSource | null } {
  if (inputs.householdsEntered !== null) return { count: inputs.householdsEntered, source: 'entered' };
  if (facts.registerHouseholds !== null && facts.registerHouseholds > 0) return { count: facts.registerHouseholds, source: 'register' };
  if (facts.electorate !== null && facts.electorate > 0) {
    // electorate ÷ electors per household, rounded up, in whole hundredths (no float error).
    const hundredths = Math.round(electorsPerHousehold * 100);
    return { count: ceilDiv(facts.electorate * 100, hundredths), source: 'estimated' };
  }
  return { count: null, source: null };
}

/**
 * Printing cost of `copies` leaflets at `costPerThousandPence`: copies × rate ÷ 1,000, rounded UP
 * to the whole penny — a plan should never understate a bill.
 */
export function leafletCostPence(copies: number, costPerThousandPence: number): number {
  return ceilDiv(copies * costPerThousandPence, 1000);
}

/** Volunteer hours to deliver `copies` leaflets, rounded up to the whole hour. */
export function deliveryHours(copies: number, deliveriesPerHour: number): number {
  return ceilDiv(copies, deliveriesPerHour);
}

/** Exact ceiling of a ÷ b for whole a ≥ 0 and b > 0. */
export function ceilDiv(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 0 || b <= 0) {
    throw new RangeError(`ceilDiv takes a whole number and a positive whole divisor, got ${a} ÷ ${b}`);
  }
  const q = Math.floor(a / b);
  // Correct the float quotient by at most one either way.
  if (q * b > a) return q;
  return q * b === a ? q : q + 1;
}

/**
 * How far short `have` falls of `need`, judged by the stretch rule: short by no more than
 * stretchPercent% of the need is a stretch; more is not practical.
 */
export function shortfallLevel(need: number, have: number, stretchPercent: number): FindingLevel {
  if (have >= need) return 'ok';
  return (need - have) * 100 <= need * stretchPercent ? 'stretch' : 'not-practical';
}

export function computePlan(facts: PlanFacts, inputs: PlanInputs, stored: StoredAssumptions = {}): Plan {
  const { values: a, list } = resolveAssumptions(stored);
  const findings: Finding[] = [];
  const add = (topic: FindingTopic, level: FindingLevel, sentence: string) => findings.push({ topic, level, sentence });

  // Timing.
  if (facts.today >= facts.pollingDay) {
    add(
      'timing',
      'not-practical',
      `Polling day (${formatDateLong(facts.pollingDay)}) has ${facts.today === facts.pollingDay ? 'come' : 'passed'}: there is no campaign left to plan.`,
    );
  }

  // Households.
  const households = planHouseholds(inputs, facts, a.electorsPerHousehold);
  const h = households.count;
  if (h === null) {
    add(
      'households',
      'unknown',
      'The number of households is not known (no electorate, register or count for this area), so leaflet costs and delivery hours cannot be worked out: enter the electorate or a household count.',
    );
  } else if (households.source === 'estimated') {
    add(
      'households',
      'ok',
      `About ${groupThousands(h)} households, estimated from ${groupThousands(facts.electorate!)} electors at ${a.electorsPerHousehold} electors per household; import the register or enter a count for a firmer figure.`,
    );
  }

  // Cost.
  const copies = h === null ? null : h * a.plannedRounds;
  const leaflets = copies === null ? null : leafletCostPence(copies, a.costPerThousandPence);
  const deposit = facts.depositPence;
  const other = a.otherSpendingPence;
  const known = [deposit ?? 0, leaflets ?? 0, other].reduce((s, n) => s + n, 0);
  const total = deposit === null || leaflets === null ? null : known;
  const parts: string[] = [];
  if (leaflets !== null && leaflets > 0) parts.push('leaflets');
  if (deposit !== null && deposit > 0) parts.push('deposit');
  if (other > 0) parts.push('other spending');
  const what = parts.length === 0 ? 'The campaign' : capitalise(listWords(parts));
  const verb = parts.length === 0 || (parts.length === 1 && parts[0] !== 'leaflets') ? 'costs' : 'cost';
  const funds = inputs.fundsAvailablePence;
  const missing = [deposit === null ? 'the deposit' : null, leaflets === null ? 'leaflets' : null].filter((s) => s !== null);
  if (funds === null) {
    add(
      'cost',
      'unknown',
      `Funds available for this campaign have not been entered, so ${total === null ? 'the cost' : `the cost of ${money(total)}`} cannot be weighed against them.`,
    );
  } else if (total === null) {
    if (known > funds) {
      add(
        'cost',
        'not-practical',
        `${what} alone ${verb} ${money(known)} against ${money(funds)} available: ${money(known - funds)} short, before ${listWords(missing)}.`,
      );
    } else {
      add('cost', 'unknown', `The cost of ${listWords(missing)} is not known, so the total cannot be weighed against ${money(funds)} available.`);
    }
  } else {
    const level = shortfallLevel(total, funds, a.stretchPercent);
    const tail =
      level === 'ok' ? (funds === total ? ': exactly enough, nothing to spare.' : `: ${money(funds - total)} to spare.`) : `: ${money(total - funds)} short.`;
    add('cost', level, `${what} ${verb} ${money(total)} against ${money(funds)} available${tail}`);
  }

  // Legal spending limit: election expenses are leaflets and other spending; the deposit is not one.
  const expenses = leaflets === null ? null : leaflets + other;
  const limit = facts.spendingLimitPence;
  const expenseWords = other > 0 ? 'Leaflets and other spending' : 'Leaflets';
  if (limit === null) {
    add(
      'limit',
      'unknown',
      `The legal spending limit for this contest is not known${facts.spendingLimitNote ? ` (${facts.spendingLimitNote})` : ''}, so spending cannot be checked against it.`,
    );
  } else if (expenses === null) {
    if (other > limit) {
      add(
        'limit',
        'not-practical',
        `Other planned spending of ${money(other)} alone is over the legal spending limit of ${money(limit)} by ${money(other - limit)}: spending above the limit is an offence.`,
      );
    } else {
      add('limit', 'unknown', `Leaflet costs are not known, so spending cannot be checked against the legal limit of ${money(limit)}.`);
    }
  } else if (expenses > limit) {
    add(
      'limit',
      'not-practical',
      `${expenseWords} of ${money(expenses)} would be over the legal spending limit of ${money(limit)} by ${money(expenses - limit)}: spending above the limit is an offence.`,
    );
  } else if (expenses * 10 > limit * 9) {
    add('limit', 'stretch', `${expenseWords} of ${money(expenses)} leave only ${money(limit - expenses)} under the legal spending limit of ${money(limit)}.`);
  } else {
    add('limit', 'ok', `${expenseWords} of ${money(expenses)} are within the legal spending limit of ${money(limit)} (the deposit does not count towards it).`);
  }

  // People.
  const delivery = copies === null ? null : deliveryHours(copies, a.deliveriesPerHour);
  const needed = delivery === null ? null : delivery + a.canvassHours;
  const offered = inputs.volunteerHoursOffered;
  const work = [
    delivery === null ? null : `delivering ${groupThousands(a.plannedRounds)} round${a.plannedRounds === 1 ? '' : 's'} to ${groupThousands(h!)} households`,
    a.canvassHours > 0 ? `${groupThousands(a.canvassHours)} hours of canvassing` : null,
  ].filter((s) => s !== null);
  if (offered === null) {
    add(
      'people',
      'unknown',
      `Volunteer hours offered before polling day have not been entered${needed === null ? '' : `; the campaign needs ${hours(needed)}`}.`,
    );
  } else if (needed === null) {
    if (offered === 0) {
      add('people', 'not-practical', 'No volunteer has offered any time before polling day: nobody to deliver leaflets or canvass.');
    } else if (a.canvassHours > offered) {
      add('people', 'not-practical', `Canvassing alone needs ${hours(a.canvassHours)} against ${hours(offered)} offered, before any leaflet delivery.`);
    } else {
      add('people', 'unknown', `Delivery hours cannot be worked out without the number of households; ${hours(offered)} are offered.`);
    }
  } else if (needed === 0) {
    add('people', 'ok', 'No volunteer hours are planned: no leaflet rounds and no canvassing.');
  } else if (offered === 0) {
    add('people', 'not-practical', `No volunteer has offered any time before polling day, and ${listWords(work)} needs ${hours(needed)}.`);
  } else {
    const level = shortfallLevel(needed, offered, a.stretchPercent);
    const tail = level === 'ok' ? (offered === needed ? ': exactly enough.' : `: ${hours(offered - needed)} to spare.`) : `: ${hours(needed - offered)} short.`;
    add(
      'people',
      level,
      `${capitalise(listWords(work))} need${work.length > 1 ? '' : 's'} ${hours(needed)} against ${hours(offered)} offered before polling day${tail}`,
    );
  }

  // Papers: subscribers.
  const required = facts.subscribersRequired;
  const members = inputs.membersKnown;
  const roles = facts.subscriberRoles ? ` (${facts.subscriberRoles})` : '';
  if (required === null) {
    add('papers', 'unknown', 'The number of subscribers the nomination paper needs is not known for this election.');
  } else if (required === 0) {
    add('papers', 'ok', 'The nomination paper needs no subscribers for this election.');
  } else if (members === null) {
    add(
      'papers',
      'unknown',
      `The nomination paper needs ${groupThousands(required)} subscribers${roles}; members and sympathisers known in the area have not been entered.`,
    );
  } else if (members === required) {
    add(
      'papers',
      'stretch',
      `The nomination paper needs ${groupThousands(required)} subscribers${roles} and exactly ${groupThousands(members)} members or sympathisers are known in the area: none to spare if one turns out not to be on the register.`,
    );
  } else {
    const level = shortfallLevel(required, members, a.stretchPercent);
    const tail = level === 'ok' ? `: ${groupThousands(members - required)} to spare.` : `: ${groupThousands(required - members)} short.`;
    add(
      'papers',
      level,
      `The nomination paper needs ${groupThousands(required)} subscribers${roles} against ${groupThousands(members)} members or sympathisers known in the area${tail}`,
    );
  }

  // Papers: time to nominations closing.
  const close = facts.closeOfNominations;
  const wd = facts.workingDaysToClose;
  if (close === null) {
    add('deadline', 'unknown', 'The close of nominations is not known, so the time left to gather papers cannot be counted.');
  } else if (facts.today > close.date) {
    add('deadline', 'not-practical', `Nominations closed at ${close.text}: too late to stand.`);
  } else if (wd === null) {
    add('deadline', 'ok', `Nominations close at ${close.text}.`);
  } else if (wd === 0) {
    add('deadline', 'stretch', `Nominations close today, at ${close.text}: papers must be delivered by hand today.`);
  } else if (wd < a.minWorkingDaysForPapers) {
    add(
      'deadline',
      'stretch',
      `Only ${groupThousands(wd)} working day${wd === 1 ? '' : 's'} left before nominations close at ${close.text}, fewer than the ${groupThousands(a.minWorkingDaysForPapers)} needed to gather and check papers.`,
    );
  } else {
    add('deadline', 'ok', `${groupThousands(wd)} working days left before nominations close at ${close.text}.`);
  }

  findings.sort((x, y) => SEVERITY[y.level] - SEVERITY[x.level]);
  const worst = findings.reduce((m, f) => Math.max(m, SEVERITY[f.level]), 0);
  // An unknown can never be called practical: the meeting must find the figure first.
  const verdict: Verdict = worst >= SEVERITY['not-practical'] ? 'not-practical' : worst >= SEVERITY.unknown ? 'stretch' : 'practical';

  return {
    figures: {
      households,
      cost: {
        depositPence: deposit,
        leafletCopies: copies,
        leafletsPence: leaflets,
        otherPence: other,
        totalPence: total,
        electionExpensesPence: expenses,
        fundsAvailablePence: funds,
        spendingLimitPence: limit,
      },
      people: { deliveryHours: delivery, canvassHours: a.canvassHours, neededHours: needed, offeredHours: offered },
      papers: {
        subscribersRequired: required,
        membersKnown: members,
        closeOfNominations: close?.date ?? null,
        workingDaysToClose: wd,
      },
    },
    assumptions: list,
    verdict,
    findings,
  };
}

/** One-line summary of a verdict for lists: "Not practical: £340 short of funds". */
export function verdictSummary(plan: Plan): string {
  const first = plan.findings[0];
  if (plan.verdict === 'practical' || !first) return VERDICT_LABELS[plan.verdict];
  return `${VERDICT_LABELS[plan.verdict]}: ${first.sentence}`;
}

function hours(n: number): string {
  return `${groupThousands(n)} hour${n === 1 ? '' : 's'}`;
}

function money(pence: number): string {
  return formatPence(pence, { wholePounds: true });
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
