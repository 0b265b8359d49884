/**
 * Candidates' spending limits (domain notes §5), kept as data with the instrument that set each
 * figure and the day it was last checked: limits are uprated, so a contest may override the rule
 * and every computed limit carries its working ("£11,390 + 69,943 × 12p = £19,783.16").
 */
import type { ElectionType, Nation } from './election-types.ts';
import { ELECTION_TYPE_INFO, NATION_LABELS } from './election-types.ts';
import { formatPence, formatRate, groupThousands, mulDivFloor } from './money.ts';
import { POLICE_AREAS, findPoliceArea, pccLimit } from './pcc-limits.ts';

/** A UK Parliament (and Scottish Parliament) seat is a county or a borough (in Scotland: burgh) seat. */
export const AREA_KINDS = ['county', 'borough'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Greater London Authority elections have one fixed limit per kind of post. */
export const GLA_POSTS = ['mayor', 'constituency', 'list'] as const;
export type GlaPost = (typeof GLA_POSTS)[number];
export const GLA_POST_LABELS: Record<GlaPost, string> = {
  mayor: 'Mayor of London',
  constituency: 'London Assembly constituency member',
  list: 'London-wide Assembly member (individual candidate)',
};

type PerElector = null | { flat: number } | { county: number; borough: number };

export interface LimitRule {
  id: string;
  label: string;
  electionTypes: readonly ElectionType[];
  nations: readonly Nation[];
  /** GLA only: which post this fixed limit is for. */
  glaPost?: GlaPost;
  /** Only for these post kinds (nominations.ts), e.g. a Scottish Parliament constituency, not a regional list. */
  postKinds?: readonly string[];
  fixedPence: number;
  /** Pence per elector on the register; by county/borough where the law distinguishes. */
  perElector: PerElector;
  /** English council elections: two joint candidates −25%, three or more −⅓. */
  jointReductions: boolean;
  instrument: string;
  /** True when the figure is taken straight from the instrument or the Commission's guidance. */
  confirmed: boolean;
  /** The day the figure was last checked against its sources (YYYY-MM-DD). */
  checkedOn: string;
  /** Combined authority mayor: the fixed sum is multiplied by the number of constituent councils. */
  perCouncil?: boolean;
  /** Police and crime commissioner: a fixed sum per police area (pcc-limits.ts), not fixedPence. */
  byPoliceArea?: boolean;
  note?: string;
}

/** When the figures below were last compared with ../data and the domain notes. */
const RULES_CHECKED_ON = '2026-12-02';

const SI_2023_1235 =
  'SI 2023/1235, the Representation of the People (Variation of Election Expenses, Expenditure Limits and Donation etc. Thresholds) Order 2023';
const SI_2024_428 = 'SI 2024/428, the Representation of the People (Variation of Election Expenses and Exclusions) Regulations 2024';

export const LIMIT_RULES: readonly LimitRule[] = (
  [
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
      note: "Not found in any source: £180,060 is £100,000 (the limit before 2023) raised by the Order's 80.06% and rounded down to £10; article 2's own figure was not read. Enter the figure from the returning officer's notice.",
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
      perCouncil: true,
      instrument: 'the Combined Authorities (Mayoral Elections) Order 2017 (SI 2017/67) as varied in 2024',
      confirmed: false,
      note: 'The fixed sum is multiplied by the number of constituent councils. The £3,040 and 8p are the local authority mayor figures (SI 2024/428): the combined authority figures were not read in a source, so check them.',
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
      postKinds: ['standard', 'sp-constituency'],
      instrument: 'the Scottish Parliament (Elections etc.) Order 2015 (SSI 2015/425) art.42(2)',
      confirmed: false,
      note: "These are the figures as made in 2015 and may have been uprated since: check the returning officer's notice.",
    },
    {
      id: 'welsh-council',
      label: 'Welsh council election',
      electionTypes: ['local', 'parish'],
      nations: ['wales'],
      fixedPence: 80_600,
      perElector: { flat: 7 },
      jointReductions: true,
      instrument: 'RPA 1983 s.76(2)(b)(ic), inserted by WSI 2021/1285 (from 1 January 2022)',
      confirmed: true,
      note: 'Principal and community councils in Wales. No later Welsh uprating was found.',
    },
    {
      id: 'scottish-council',
      label: 'Scottish council election',
      electionTypes: ['local'],
      nations: ['scotland'],
      fixedPence: 80_600,
      perElector: { flat: 7 },
      jointReductions: false,
      instrument: "the Scottish Local Government Elections Order, as varied from 1 January 2022 (per West Lothian Council's notice)",
      confirmed: false,
      note: "Confirmed only by a council's notice; the Scottish instrument itself was not read.",
    },
    {
      id: 'ni-council',
      label: 'Northern Ireland council election',
      electionTypes: ['local'],
      nations: ['northern-ireland'],
      fixedPence: 60_000,
      perElector: { flat: 5 },
      jointReductions: true,
      instrument: 'Electoral Law Act (Northern Ireland) 1962 s.42(1)',
      confirmed: false,
      note: "Whether this figure was uprated before the 2023 council elections is not known: check the chief electoral officer's notice.",
    },
    {
      id: 'ni-assembly',
      label: 'Northern Ireland Assembly',
      electionTypes: ['ni-assembly'],
      nations: ['northern-ireland'],
      fixedPence: 715_000,
      perElector: { county: 7, borough: 5 },
      jointReductions: false,
      instrument: 'the Northern Ireland Assembly (Elections) Order, figures used at the 2011 election',
      confirmed: false,
      note: "Only the 2011 figures were found; the current limit is higher. Enter it from the chief electoral officer's notice.",
    },
    {
      id: 'senedd-individual',
      label: 'Senedd individual candidate',
      electionTypes: ['senedd'],
      nations: ['wales'],
      fixedPence: 5_250_000,
      perElector: null,
      jointReductions: false,
      instrument: 'the Senedd Cymru (Representation of the People) Order 2025 (WSI 2025/864)',
      confirmed: false,
      note: "The Welsh Government's stated figure for individual candidates; not read in the made Order. Party list candidates have no limit of their own: the party's spending counts against the party limit.",
    },
    {
      id: 'pcc',
      label: 'Police and crime commissioner',
      electionTypes: ['pcc'],
      nations: ['england', 'wales'],
      fixedPence: 0,
      perElector: null,
      jointReductions: false,
      byPoliceArea: true,
      instrument: 'the Police and Crime Commissioner Elections Order 2012 (SI 2012/1917) art.35(2) Table 2, as varied by SI 2023/1227',
      confirmed: false,
      note: 'A fixed maximum for each police area.',
    },
  ] satisfies Omit<LimitRule, 'checkedOn'>[]
).map((r) => ({ ...r, checkedOn: RULES_CHECKED_ON }));

/**
 * UK Parliament general election, long campaign (RPA 1983 s.76ZA): when the Parliament is
 * dissolved after sitting 55 months, spending from then until the person becomes a candidate has
 * its own limit, this full amount scaled by the month of dissolution (regulated-periods.ts).
 */
export const LONG_CAMPAIGN_RULE: LimitRule = {
  id: 'uk-parliament-long-campaign',
  label: 'UK Parliament general election (long campaign, full amount)',
  electionTypes: ['uk-parliament'],
  nations: ['england', 'wales', 'scotland', 'northern-ireland'],
  fixedPence: 4_022_000,
  perElector: { county: 12, borough: 8 },
  jointReductions: false,
  instrument: `RPA 1983 s.76ZA as varied by ${SI_2023_1235}`,
  confirmed: true,
  checkedOn: RULES_CHECKED_ON,
  note: 'Figures confirmed by one secondary source (Institute for Government); scaled to 60% if the Parliament is dissolved in its 56th month, 70% in the 57th, 80% in the 58th, 90% in the 59th and 100% in the 60th.',
};

export const MAX_ELECTORS = 10_000_000;

/** The rule for a contest, or null when none is recorded (then the user enters the limit). */
export function findLimitRule(type: ElectionType, nation: Nation, glaPost?: GlaPost | null, postKind: string = 'standard'): LimitRule | null {
  return (
    LIMIT_RULES.find(
      (r) =>
        r.electionTypes.includes(type) &&
        r.nations.includes(nation) &&
        (r.glaPost === undefined || r.glaPost === glaPost) &&
        (r.postKinds === undefined || r.postKinds.includes(postKind)),
    ) ?? null
  );
}

/** What to tell the user when no rule is known for a contest. */
export function noRuleMessage(type: ElectionType, nation: Nation, glaPost?: GlaPost | null, postKind: string = 'standard'): string {
  if (type === 'gla' && !glaPost) {
    return 'Choose the post (Mayor of London, Assembly constituency or London-wide) to work out the limit';
  }
  if (type === 'scottish-parliament' && postKind === 'sp-regional') {
    return "An individual regional candidate's limit is the sum of the constituency limits in the region (SSI 2015/425 art.42(2)(c)); a party list's spending counts against the party's limit. Enter the limit from the returning officer's notice";
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
  /** Combined authority mayor: the number of constituent councils. */
  councils?: number | null;
  /** Police and crime commissioner: the police area's name. */
  policeArea?: string | null;
}

interface SpendingLimit {
  limitPence: number;
  /** One line a person can check with a calculator. */
  working: string;
  rule: LimitRule;
  /** The fixed part after any per-council or per-area rule; the per-elector rate used (0 if none). */
  fixedPence: number;
  ratePence: number;
  /** The rule's, or the police area's where the area decides the figure. */
  instrument: string;
  confirmed: boolean;
  note: string | null;
  /** Before any joint-candidate reduction. */
  singleCandidatePence: number;
  reductionPence: number;
}

export type LimitResult = { ok: true; value: SpendingLimit } | { ok: false; field: string; message: string };

const JOINT_WORDS: Record<number, string> = { 2: 'two', 3: 'three' };
export const MAX_COUNCILS = 100;

/** The fixed part of a rule for these inputs (per council, per police area), or why it is not known. */
export function fixedPartOf(
  rule: LimitRule,
  inputs: Pick<LimitInputs, 'councils' | 'policeArea'>,
): { ok: true; pence: number; working: string; instrument: string; confirmed: boolean; note: string | null } | { ok: false; field: string; message: string } {
  const facts = { instrument: rule.instrument, confirmed: rule.confirmed, note: rule.note ?? null };
  if (rule.byPoliceArea) {
    if (!inputs.policeArea) return { ok: false, field: 'policeArea', message: 'Choose the police area: each has its own fixed limit' };
    const area = findPoliceArea(inputs.policeArea);
    if (!area) {
      return {
        ok: false,
        field: 'policeArea',
        message: `"${inputs.policeArea}" is not a police area: use one of ${POLICE_AREAS.map((a) => a.policeArea).join(', ')}`,
      };
    }
    const l = pccLimit(area);
    return { ok: true, pence: l.pence, working: formatPence(l.pence, { wholePounds: true }), instrument: l.instrument, confirmed: l.confirmed, note: l.note };
  }
  if (rule.perCouncil) {
    const n = inputs.councils;
    if (n === null || n === undefined)
      return { ok: false, field: 'councils', message: 'Enter the number of constituent councils: the fixed sum is multiplied by it' };
    if (!Number.isInteger(n) || n < 1 || n > MAX_COUNCILS)
      return { ok: false, field: 'councils', message: `Constituent councils must be a whole number from 1 to ${MAX_COUNCILS}, got ${n}` };
    const pence = rule.fixedPence * n;
    return { ok: true, pence, working: `${formatPence(rule.fixedPence, { wholePounds: true })} × ${n} councils`, ...facts };
  }
  return { ok: true, pence: rule.fixedPence, working: formatPence(rule.fixedPence, { wholePounds: true }), ...facts };
}

/** The per-elector rate for a seat, or null when the rule needs a county/borough answer not given. */
export function perElectorRate(rule: LimitRule, areaKind: AreaKind | null | undefined): number | null {
  if (rule.perElector === null) return 0;
  if ('flat' in rule.perElector) return rule.perElector.flat;
  return areaKind ? rule.perElector[areaKind] : null;
}

export function computeSpendingLimit(rule: LimitRule, inputs: LimitInputs): LimitResult {
  const joint = inputs.jointCandidates ?? 1;
  if (!Number.isInteger(joint) || joint < 1 || joint > 50) {
    return { ok: false, field: 'jointCandidates', message: `Joint candidates must be a whole number from 1 (not joint) upwards, got ${joint}` };
  }
  if (joint > 1 && !rule.jointReductions) {
    return { ok: false, field: 'jointCandidates', message: `Joint-candidate reductions apply to council elections only, not to a ${rule.label}` };
  }
  const fixed = fixedPartOf(rule, inputs);
  if (!fixed.ok) return fixed;
  const rate = perElectorRate(rule, inputs.areaKind);
  if (rate === null) {
    return {
      ok: false,
      field: 'areaKind',
      message: `Say whether the seat is a county or ${inputs.nation === 'scotland' ? 'burgh' : 'borough'} seat: the per-elector amount differs`,
    };
  }

  let single = fixed.pence;
  let working: string;
  if (rule.perElector === null) {
    working = `Fixed limit for a ${rule.label}: ${formatPence(single)}`;
  } else {
    const electors = inputs.electors;
    if (electors === null || electors === undefined) {
      return {
        ok: false,
        field: 'electors',
        message: 'Enter the number of electors on the register (as on the last day for publishing the notice of election)',
      };
    }
    if (!Number.isInteger(electors) || electors < 1 || electors > MAX_ELECTORS) {
      return { ok: false, field: 'electors', message: `Electors must be a whole number from 1 to ${groupThousands(MAX_ELECTORS)}, got ${electors}` };
    }
    const perElectorTotal = electors * rate; // both small integers: exact
    single = fixed.pence + perElectorTotal;
    working = `${fixed.working} + ${groupThousands(electors)} × ${formatRate(rate)} = ${formatPence(single)}`;
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
  return {
    ok: true,
    value: {
      limitPence: limit,
      working,
      rule,
      fixedPence: fixed.pence,
      ratePence: rate,
      instrument: fixed.instrument,
      confirmed: fixed.confirmed,
      note: fixed.note,
      singleCandidatePence: single,
      reductionPence: reduction,
    },
  };
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
