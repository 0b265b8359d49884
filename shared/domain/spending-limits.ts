/**
 * Candidates' spending limits for the short campaign (domain notes §5), kept as data with the
 * instrument that set each figure: limits are uprated, so a contest may override the rule and
 * every computed limit carries its working ("£11,390 + 69,943 × 12p = £19,783.16").
 */
import type { ElectionType, Nation } from './election-types.ts';
import { ELECTION_TYPE_INFO, NATION_LABELS } from './election-types.ts';
import { formatPence, formatRate, groupThousands, mulDivFloor } from './money.ts';

/** A UK Parliament (and Scottish Parliament) seat is a county or a borough (in Scotland: burgh) seat. */
export const AREA_KINDS = ['county', 'borough'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export function areaKindLabel(kind: AreaKind, nation: Nation): string {
  if (kind === 'county') return 'county';
  return nation === 'scotland' ? 'burgh' : 'borough';
}

/** Greater London Authority elections have one fixed limit per kind of post. */
export const GLA_POSTS = ['mayor', 'constituency', 'list'] as const;
export type GlaPost = (typeof GLA_POSTS)[number];
export const GLA_POST_LABELS: Record<GlaPost, string> = {
  mayor: 'Mayor of London',
  constituency: 'London Assembly constituency member',
  list: 'London-wide Assembly member (individual candidate)',
};

export type PerElector = null | { flat: number } | { county: number; borough: number };

export interface LimitRule {
  id: string;
  label: string;
  electionTypes: readonly ElectionType[];
  nations: readonly Nation[];
  /** GLA only: which post this fixed limit is for. */
  glaPost?: GlaPost;
  fixedPence: number;
  /** Pence per elector on the register; by county/borough where the law distinguishes. */
  perElector: PerElector;
  /** English council elections: two joint candidates −25%, three or more −⅓. */
  jointReductions: boolean;
  instrument: string;
  /** True when the figure is taken straight from the instrument or the Commission's guidance. */
  confirmed: boolean;
  note?: string;
}

const SI_2023_1235 =
  'SI 2023/1235, the Representation of the People (Variation of Election Expenses, Expenditure Limits and Donation etc. Thresholds) Order 2023';
const SI_2024_428 = 'SI 2024/428, the Representation of the People (Variation of Election Expenses and Exclusions) Regulations 2024';

export const LIMIT_RULES: readonly LimitRule[] = [
  {
    id: 'uk-parliament-general',
    label: 'UK Parliament general election (short campaign)',
    electionTypes: ['uk-parliament'],
    nations: ['england', 'wales', 'scotland', 'northern-ireland'],
    fixedPence: 1_139_000,
    perElector: { county: 12, borough: 8 },
    jointReductions: false,
    instrument: SI_2023_1235,
    confirmed: true,
    note: 'Electorate as on the last day for publishing the notice of election.',
  },
  {
    id: 'uk-parliament-by-election',
    label: 'UK Parliament by-election',
    electionTypes: ['uk-parliament-by'],
    nations: ['england', 'wales', 'scotland', 'northern-ireland'],
    fixedPence: 18_006_000,
    perElector: null,
    jointReductions: false,
    instrument: `RPA 1983 s.76(2)(aa) as varied by ${SI_2023_1235}`,
    confirmed: false,
    note: 'Derived from the Order\'s 80.06% uplift of £100,000 rounded down to £10: check it against the Electoral Commission\'s guidance.',
  },
  {
    id: 'english-council',
    label: 'English council election',
    electionTypes: ['local', 'parish'],
    nations: ['england'],
    fixedPence: 96_000,
    perElector: { flat: 8 },
    jointReductions: true,
    instrument: SI_2023_1235,
    confirmed: true,
    note: 'Local government electors in the ward on the last day for publishing the notice of election.',
  },
  {
    id: 'local-authority-mayor',
    label: 'Local authority mayor (England)',
    electionTypes: ['mayor'],
    nations: ['england'],
    fixedPence: 304_000,
    perElector: { flat: 8 },
    jointReductions: false,
    instrument: SI_2024_428,
    confirmed: true,
  },
  {
    id: 'combined-authority-mayor',
    label: 'Combined authority mayor (England)',
    electionTypes: ['combined-authority-mayor'],
    nations: ['england'],
    fixedPence: 304_000,
    perElector: { flat: 8 },
    jointReductions: false,
    instrument: 'the Combined Authorities (Mayoral Elections) Order 2017 (Amendment) Regulations 2024',
    confirmed: false,
    note: 'Taken from SI 2024/428\'s note that the local authority mayor limit now matches it: check before relying on it.',
  },
  {
    id: 'gla-mayor',
    label: GLA_POST_LABELS.mayor,
    electionTypes: ['gla'],
    nations: ['england'],
    glaPost: 'mayor',
    fixedPence: 76_041_000,
    perElector: null,
    jointReductions: false,
    instrument: SI_2024_428,
    confirmed: true,
  },
  {
    id: 'gla-constituency',
    label: GLA_POST_LABELS.constituency,
    electionTypes: ['gla'],
    nations: ['england'],
    glaPost: 'constituency',
    fixedPence: 6_336_000,
    perElector: null,
    jointReductions: false,
    instrument: SI_2024_428,
    confirmed: true,
  },
  {
    id: 'gla-list',
    label: GLA_POST_LABELS.list,
    electionTypes: ['gla'],
    nations: ['england'],
    glaPost: 'list',
    fixedPence: 59_746_000,
    perElector: null,
    jointReductions: false,
    instrument: SI_2024_428,
    confirmed: true,
  },
  {
    id: 'scottish-parliament',
    label: 'Scottish Parliament constituency',
    electionTypes: ['scottish-parliament'],
    nations: ['scotland'],
    fixedPence: 870_000,
    perElector: { county: 9, borough: 6 },
    jointReductions: false,
    instrument: 'the Scottish Parliament (Elections etc.) Order, figures as of 2015',
    confirmed: false,
    note: 'These are 2015 figures and may be out of date: check the current order or the returning officer\'s notice.',
  },
];

export const MAX_ELECTORS = 10_000_000;

/** The rule for a contest, or null when none is recorded (then the user enters the limit). */
export function findLimitRule(type: ElectionType, nation: Nation, glaPost?: GlaPost | null): LimitRule | null {
  return (
    LIMIT_RULES.find(
      (r) => r.electionTypes.includes(type) && r.nations.includes(nation) && (r.glaPost === undefined || r.glaPost === glaPost),
    ) ?? null
  );
}

/** What to tell the user when no rule is known for a contest. */
export function noRuleMessage(type: ElectionType, nation: Nation, glaPost?: GlaPost | null): string {
  if (type === 'gla' && !glaPost) {
    return 'Choose the post (Mayor of London, Assembly constituency or London-wide) to work out the limit';
  }
  return `Hustings has no spending-limit rule for a ${ELECTION_TYPE_INFO[type].label} in ${NATION_LABELS[nation]}: enter the limit from the returning officer's notice`;
}

export interface LimitInputs {
  electors?: number | null;
  areaKind?: AreaKind | null;
  /** How many joint candidates (1 = not a joint candidate). */
  jointCandidates?: number;
  /** Only for the working's wording of borough/burgh. */
  nation?: Nation;
}

export interface SpendingLimit {
  limitPence: number;
  /** One line a person can check with a calculator. */
  working: string;
  rule: LimitRule;
  /** Before any joint-candidate reduction. */
  singleCandidatePence: number;
  reductionPence: number;
}

export type LimitResult = { ok: true; value: SpendingLimit } | { ok: false; field: string; message: string };

const JOINT_WORDS: Record<number, string> = { 2: 'two', 3: 'three' };

export function computeSpendingLimit(rule: LimitRule, inputs: LimitInputs): LimitResult {
  const joint = inputs.jointCandidates ?? 1;
  if (!Number.isInteger(joint) || joint < 1 || joint > 50) {
    return { ok: false, field: 'jointCandidates', message: `Joint candidates must be a whole number from 1 (not joint) upwards, got ${joint}` };
  }
  if (joint > 1 && !rule.jointReductions) {
    return { ok: false, field: 'jointCandidates', message: `Joint-candidate reductions apply to council elections only, not to a ${rule.label}` };
  }

  let rate = 0;
  if (rule.perElector !== null) {
    if ('flat' in rule.perElector) {
      rate = rule.perElector.flat;
    } else {
      if (!inputs.areaKind) {
        return { ok: false, field: 'areaKind', message: `Say whether the seat is a county or ${inputs.nation === 'scotland' ? 'burgh' : 'borough'} seat: the per-elector amount differs` };
      }
      rate = rule.perElector[inputs.areaKind];
    }
  }

  let single = rule.fixedPence;
  let working: string;
  if (rule.perElector === null) {
    working = `Fixed limit for a ${rule.label}: ${formatPence(single)}`;
  } else {
    const electors = inputs.electors;
    if (electors === null || electors === undefined) {
      return { ok: false, field: 'electors', message: 'Enter the number of electors on the register (as on the last day for publishing the notice of election)' };
    }
    if (!Number.isInteger(electors) || electors < 1 || electors > MAX_ELECTORS) {
      return { ok: false, field: 'electors', message: `Electors must be a whole number from 1 to ${groupThousands(MAX_ELECTORS)}, got ${electors}` };
    }
    const perElectorTotal = electors * rate; // both small integers: exact
    single = rule.fixedPence + perElectorTotal;
    working = `${formatPence(rule.fixedPence, { wholePounds: true })} + ${groupThousands(electors)} × ${formatRate(rate)} = ${formatPence(single)}`;
  }

  let limit = single;
  let reduction = 0;
  if (joint > 1) {
    // Two joint candidates: less a quarter; three or more: less a third. Rounded down to the
    // penny so the limit is never overstated.
    limit = joint === 2 ? mulDivFloor(single, 3, 4) : mulDivFloor(single, 2, 3);
    reduction = single - limit;
    const who = JOINT_WORDS[joint] ?? String(joint);
    working += `; ${who} joint candidates: less ${joint === 2 ? 'a quarter' : 'a third'} (${formatPence(reduction)}) = ${formatPence(limit)}`;
  }
  return { ok: true, value: { limitPence: limit, working, rule, singleCandidatePence: single, reductionPence: reduction } };
}

/** Where spending stands against the limit: a warning from 80%, a hard warning once over. */
export type SpendLevel = 'ok' | 'warning' | 'over';

export function spendLevel(spentPence: number, limitPence: number): SpendLevel {
  if (spentPence > limitPence) return 'over';
  // spent ≥ 80% of limit, in integers: 5 × spent ≥ 4 × limit.
  if (BigInt(spentPence) * 5n >= BigInt(limitPence) * 4n) return 'warning';
  return 'ok';
}

export interface SpendStatus {
  level: SpendLevel;
  spentPence: number;
  limitPence: number;
  /** Left to spend, or how far over (never negative; see `level`). */
  headroomPence: number;
  overByPence: number;
  /** Whole percent, rounded down, for the gauge. */
  percent: number;
  message: string;
}

export function spendStatus(spentPence: number, limitPence: number): SpendStatus {
  const level = spendLevel(spentPence, limitPence);
  const headroom = Math.max(0, limitPence - spentPence);
  const over = Math.max(0, spentPence - limitPence);
  const percent = limitPence > 0 ? mulDivFloor(spentPence, 100, limitPence) : 0;
  const message =
    level === 'over'
      ? `Over the limit by ${formatPence(over)}: spending above the limit is an offence — stop spending and talk to the election agent`
      : level === 'warning'
        ? `${percent}% of the limit spent: ${formatPence(headroom)} left`
        : `${formatPence(headroom)} left to spend`;
  return { level, spentPence, limitPence, headroomPence: headroom, overByPence: over, percent, message };
}
