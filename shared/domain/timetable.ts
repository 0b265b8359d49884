/**
 * Statutory election timetables (domain notes §2 and §3), computed from the election type,
 * polling day and nation. The rules are data (RULE_SETS) carrying their legal source, which the
 * app shows to the user; any computed date can be overridden per election.
 *
 * Entry point for other features: `computeTimetable({ type, pollingDay, nation?, declaredOn?,
 * overrides?, holidays? })` → `{ milestones, warnings, ... }`, milestones sorted by date.
 */
import { ELECTION_TYPE_INFO, electionTypeLabel } from './election-types.ts';
import type { ElectionType, Nation } from './election-types.ts';
import {
  ALL_UK,
  SHIPPED_HOLIDAYS,
  addDays,
  beyondHolidayData,
  divisionOf,
  formatDateLong,
  isoDateProblem,
  nextWorkingDay,
  nonWorkingReason,
  workingDaysAfter,
  workingDaysBefore,
  workingDaysUntil,
  calendarDaysBetween,
} from './working-days.ts';
import type { CalendarSpec, Holidays } from './working-days.ts';
import { plural } from './words.ts';

export const MILESTONE_KEYS = [
  'notice_of_election',
  'close_of_nominations',
  'sopn_publication',
  'register_to_vote',
  'postal_vote_application',
  'proxy_application',
  'vac_application',
  'polling_day',
  'expense_invoices_received',
  'expense_invoices_paid',
  'expense_return',
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export const MILESTONE_LABELS: Record<MilestoneKey, string> = {
  notice_of_election: 'Notice of election',
  close_of_nominations: 'Close of nominations (and withdrawals)',
  sopn_publication: 'Statement of persons nominated published',
  register_to_vote: 'Last day to register to vote',
  postal_vote_application: 'Postal vote applications',
  proxy_application: 'Proxy vote applications',
  vac_application: 'Voter Authority Certificate applications',
  polling_day: 'Polling day',
  expense_invoices_received: 'Expense invoices to be received',
  expense_invoices_paid: 'Expense invoices to be paid',
  expense_return: 'Return of election expenses',
};

/** What a milestone is about: nominations, registration and absent votes, the poll, money after it. */
export type MilestonePhase = 'nomination' | 'registration' | 'poll' | 'post-poll';

export const MILESTONE_PHASE: Record<MilestoneKey, MilestonePhase> = {
  notice_of_election: 'nomination',
  close_of_nominations: 'nomination',
  sopn_publication: 'nomination',
  register_to_vote: 'registration',
  postal_vote_application: 'registration',
  proxy_application: 'registration',
  vac_application: 'registration',
  polling_day: 'poll',
  expense_invoices_received: 'post-poll',
  expense_invoices_paid: 'post-poll',
  expense_return: 'post-poll',
};

// ---------------------------------------------------------------------------------------------
// Rules as data

type MilestoneRule =
  /** n working days before polling day (polling day never counted). */
  | { key: MilestoneKey; kind: 'before-poll'; workingDays: number; time?: string; source: string; note?: string }
  /** n working days after another milestone (0 = the same day; negative = before it). */
  | { key: MilestoneKey; kind: 'after-milestone'; of: MilestoneKey; workingDays: number; time?: string; source: string; note?: string }
  /**
   * Set by the returning officer; until the user enters the date it is shown as provisional,
   * placed `fallback` working days before polling day, or relative to another milestone.
   */
  | {
      key: MilestoneKey;
      kind: 'set-by-returning-officer';
      fallback: { workingDaysBeforePoll: number } | { of: MilestoneKey; workingDays: number };
      time?: string;
      source: string;
      note: string;
    }
  | { key: MilestoneKey; kind: 'polling-day'; time?: string; source: string; note?: string }
  /** Calendar days after the declaration of the result (or polling day), rolled forward off non-working days. */
  | { key: MilestoneKey; kind: 'after-declaration'; days: number; from: 'declaration' | 'polling-day'; source: string; note?: string };

export interface RuleSet {
  id: string;
  label: string;
  /** Bank holidays of every UK nation (general election) or only the contest's own nation. */
  holidays: 'all-uk' | 'nation';
  /** Easter Monday is skipped for notice, close of nominations and SOPN (Scottish elections). */
  nominationSkipsEasterMonday: boolean;
  rules: readonly MilestoneRule[];
}

const EC = 'Electoral Commission guidance for candidates and agents';
const SRC_REGISTER = 'Representation of the People Act 1983 s.13A–13B (registration deadline: 12 working days before the poll)';
const SRC_ABSENT_GB = 'Representation of the People (England and Wales) Regulations 2001 / (Scotland) Regulations 2001, reg. 56 (absent vote applications)';
const SRC_ABSENT_NI = 'Representation of the People (Northern Ireland) Regulations 2008 (absent vote applications: 14 working days)';
const SRC_VAC = 'Representation of the People Act 1983 s.13BD; Voter Identification Regulations 2022';
const SRC_EXPENSES =
  'Representation of the People Act 1983 s.78 (claims sent in within 21 days, paid within 28 days of the declaration) and s.119 (a deadline on a non-working day moves to the next working day)';
const SRC_RETURN = 'Representation of the People Act 1983 s.81 (return due 35 days after the declaration) and s.119';
const SRC_RETURN_GLA =
  'Representation of the People Act 1983 s.81 as applied to the Greater London Authority (Mayor and London-wide members: 70 days after the declaration) and s.119';
const SRC_RETURN_PARISH = 'Representation of the People Act 1983 s.90 (parish and community elections: 28 days after the day of election) and s.119';
const SRC_EXPENSES_PARISH =
  'Representation of the People Act 1983 Sch 4 para 1 (parish and community elections: claims sent in within 14 days, paid within 21 days of the day of election) and s.119';
const SRC_RETURN_PCC =
  'Police and Crime Commissioner Elections Order 2012 (SI 2012/1917) (return due 70 days after the declaration); Electoral Commission guidance for PCC candidates';
const SRC_POLL = 'Polls open 7am to 10pm';

/** n working days before polling day. */
function before(key: MilestoneKey, workingDays: number, source: string, time?: string, note?: string): MilestoneRule {
  return { key, kind: 'before-poll', workingDays, source, ...(time ? { time } : {}), ...(note ? { note } : {}) };
}

/** SOPN relative to the close of nominations (0 = the same day). */
function sopnAfterClose(workingDays: number, source: string, time?: string, note?: string): MilestoneRule {
  return {
    key: 'sopn_publication',
    kind: 'after-milestone',
    of: 'close_of_nominations',
    workingDays,
    source,
    ...(time ? { time } : {}),
    ...(note ? { note } : {}),
  };
}

const MIDNIGHT_NOTE = 'Applications must be made by midnight.';

/** Registration and absent-vote milestones: Great Britain (with or without voter ID) or Northern Ireland. */
function registrationRules(rules: 'gb' | 'gb-voter-id' | 'ni'): MilestoneRule[] {
  const register = before('register_to_vote', 12, SRC_REGISTER, '23:59', MIDNIGHT_NOTE);
  if (rules === 'ni') {
    return [
      register,
      before('postal_vote_application', 14, SRC_ABSENT_NI, '17:00'),
      before('proxy_application', 14, SRC_ABSENT_NI, '17:00', 'Voters need an Electoral Identity Card or other photo ID, not a Voter Authority Certificate.'),
    ];
  }
  const gb = [
    register,
    before('postal_vote_application', 11, SRC_ABSENT_GB, '17:00'),
    before('proxy_application', 6, SRC_ABSENT_GB, '17:00', 'Emergency proxies can be applied for until 5pm on polling day.'),
  ];
  return rules === 'gb-voter-id' ? [...gb, before('vac_application', 6, SRC_VAC, '17:00')] : gb;
}

function postPoll(
  returnDays: number,
  returnSource: string,
  from: 'declaration' | 'polling-day' = 'declaration',
  invoices: { receivedDays: number; paidDays: number; source: string } = { receivedDays: 21, paidDays: 28, source: SRC_EXPENSES },
): MilestoneRule[] {
  const fromText = from === 'declaration' ? 'the declaration of the result' : 'polling day';
  return [
    {
      key: 'expense_invoices_received',
      kind: 'after-declaration',
      days: invoices.receivedDays,
      from,
      source: invoices.source,
      note: `Invoices must reach the agent within ${invoices.receivedDays} days of ${fromText}.`,
    },
    { key: 'expense_invoices_paid', kind: 'after-declaration', days: invoices.paidDays, from, source: invoices.source },
    {
      key: 'expense_return',
      kind: 'after-declaration',
      days: returnDays,
      from,
      source: returnSource,
      note: 'A nil return is still required; the candidate\u2019s declaration follows within 7 working days.',
    },
  ];
}

const POLL: MilestoneRule = { key: 'polling_day', kind: 'polling-day', time: '22:00', source: SRC_POLL };
const RETURN_35 = postPoll(35, SRC_RETURN);

function ruleSet(
  id: string,
  label: string,
  nominations: MilestoneRule[],
  registration: MilestoneRule[],
  post: MilestoneRule[] = RETURN_35,
  options: { holidays?: 'all-uk' | 'nation'; skipEasterMonday?: boolean } = {},
): RuleSet {
  return {
    id,
    label,
    holidays: options.holidays ?? 'nation',
    nominationSkipsEasterMonday: options.skipEasterMonday ?? false,
    rules: [...nominations, ...registration, POLL, ...post],
  };
}

/** Notice 25, close 19 (4pm), SOPN 18 (4pm): English and Welsh locals, parish, mayors, PCC. */
function englishNominations(source: string): MilestoneRule[] {
  return [before('notice_of_election', 25, source), before('close_of_nominations', 19, source, '16:00'), before('sopn_publication', 18, source, '16:00')];
}

function scottishNominations(source: string, sopn: MilestoneRule): MilestoneRule[] {
  return [
    before('notice_of_election', 28, source, undefined, 'Published between the 35th and the 28th working day before polling day; the latest day is shown.'),
    before('close_of_nominations', 23, source, '16:00'),
    sopn,
  ];
}

function northernIrishNominations(source: string): MilestoneRule[] {
  return [
    before('notice_of_election', 25, source),
    before('close_of_nominations', 16, source, '13:00'),
    sopnAfterClose(0, source, '18:00', 'At 6pm on the close of nominations if there are no objections.'),
  ];
}

const SRC_PARL = 'Representation of the People Act 1983 Sch 1 (Parliamentary Elections Rules) r.1 timetable; ' + EC;
const SRC_LOCAL_EW = 'Local Elections (Principal Areas) (England and Wales) Rules 2006 (SI 2006/3304) Sch 2 r.1; ' + EC;
const SRC_PARISH = 'Local Elections (Parishes and Communities) (England and Wales) Rules 2006 (SI 2006/3305) Sch 2 r.1; ' + EC;
const SRC_MAYOR = 'Local Authorities (Mayoral Elections) (England and Wales) Regulations 2007 (SI 2007/1024); ' + EC;
const SRC_CA_MAYOR = 'Combined Authorities (Mayoral Elections) Order 2017 (SI 2017/67); ' + EC;
const SRC_PCC = 'Police and Crime Commissioner Elections Order 2012 (SI 2012/1917) Sch 3 r.1; ' + EC;
const SRC_GLA = 'Greater London Authority Elections Rules 2007 (SI 2007/3541); ' + EC;
const SRC_SP = 'Scottish Parliament (Elections etc.) Order 2015 (SSI 2015/425) Sch 2 r.1; ' + EC;
const SRC_SC = 'Scottish Local Government Elections Order 2011 (SSI 2011/399) Sch 1 r.1; ' + EC;
const SRC_SENEDD =
  'National Assembly for Wales (Representation of the People) Order 2007 (SI 2007/236) as amended for the Senedd; ' +
  EC +
  ' (2026 timetable: SOPN date unconfirmed)';
const SRC_NIA = 'Northern Ireland Assembly (Elections) Order 2001 applying the Parliamentary Elections Rules; ' + EC;
const SRC_NI_LOCAL = 'Electoral Law Act (Northern Ireland) 1962 Sch 5 (Local Elections Rules); ' + EC;

const BY_ELECTION_NOMINATIONS: MilestoneRule[] = [
  {
    key: 'close_of_nominations',
    kind: 'set-by-returning-officer',
    fallback: { workingDaysBeforePoll: 19 },
    time: '16:00',
    source: SRC_PARL,
    note: 'Set by the returning officer: between the 3rd and 7th working day after the writ is received. Enter the date from the notice of election.',
  },
  {
    key: 'notice_of_election',
    kind: 'set-by-returning-officer',
    fallback: { of: 'close_of_nominations', workingDays: -1 },
    time: '16:00',
    source: SRC_PARL,
    note: 'Published by the returning officer by 4pm on the 2nd working day after the writ is received; until you enter it, the latest day that fits the close of nominations is shown.',
  },
  sopnAfterClose(1, SRC_PARL, '16:00'),
];

/** How long after the declaration the GLA expenses return is due depends on the contest. */
export type GlaPart = 'mayor' | 'london-wide' | 'constituency';

/** The rule set for an election type in a nation (the nation must be one the type is held in). */
export function ruleSetFor(type: ElectionType, nation: Nation, glaPart: GlaPart = 'mayor'): RuleSet {
  const ni = nation === 'northern-ireland';
  const gbVoterId = nation === 'england' ? 'gb-voter-id' : 'gb';
  switch (type) {
    case 'uk-parliament':
      return ruleSet(
        ni ? 'uk-parliament-ni' : 'uk-parliament',
        'UK Parliament general election',
        [
          before('notice_of_election', 22, SRC_PARL, '16:00', 'Parliament is dissolved 25 working days before polling day.'),
          before('close_of_nominations', 19, SRC_PARL, '16:00', 'Also the last day to appoint an election agent.'),
          before('sopn_publication', 18, SRC_PARL, '16:00', 'At 5pm on the close of nominations if there are no objections.'),
        ],
        registrationRules(ni ? 'ni' : 'gb-voter-id'),
        RETURN_35,
        { holidays: 'all-uk' },
      );
    case 'uk-parliament-by':
      return ruleSet(
        ni ? 'uk-parliament-by-ni' : 'uk-parliament-by',
        'UK Parliament by-election',
        BY_ELECTION_NOMINATIONS,
        registrationRules(ni ? 'ni' : 'gb-voter-id'),
      );
    case 'local':
      if (nation === 'scotland') {
        const sopn = sopnAfterClose(0, SRC_SC, undefined, 'As soon as practicable after the close of nominations.');
        return ruleSet('local-scotland', 'Scottish council', scottishNominations(SRC_SC, sopn), registrationRules('gb'), RETURN_35, { skipEasterMonday: true });
      }
      if (ni) return ruleSet('local-ni', 'Northern Ireland council', northernIrishNominations(SRC_NI_LOCAL), registrationRules('ni'));
      return ruleSet(`local-${nation}`, electionTypeLabel('local', nation), englishNominations(SRC_LOCAL_EW), registrationRules(gbVoterId));
    case 'parish':
      return ruleSet(
        `parish-${nation}`,
        'Parish or town council',
        englishNominations(SRC_PARISH),
        registrationRules(gbVoterId),
        postPoll(28, SRC_RETURN_PARISH, 'polling-day', { receivedDays: 14, paidDays: 21, source: SRC_EXPENSES_PARISH }),
      );
    case 'mayor':
      return ruleSet('mayor', 'Local authority mayor', englishNominations(SRC_MAYOR), registrationRules('gb-voter-id'));
    case 'combined-authority-mayor':
      return ruleSet('combined-authority-mayor', 'Combined authority mayor', englishNominations(SRC_CA_MAYOR), registrationRules('gb-voter-id'));
    case 'pcc':
      return ruleSet('pcc', 'Police and crime commissioner', englishNominations(SRC_PCC), registrationRules('gb-voter-id'), postPoll(70, SRC_RETURN_PCC));
    case 'gla':
      return ruleSet(
        `gla-${glaPart}`,
        'Greater London Authority',
        [before('notice_of_election', 30, SRC_GLA), before('close_of_nominations', 24, SRC_GLA, '16:00'), before('sopn_publication', 22, SRC_GLA, '16:00')],
        registrationRules('gb-voter-id'),
        glaPart === 'constituency' ? RETURN_35 : postPoll(70, SRC_RETURN_GLA),
      );
    case 'scottish-parliament':
      return ruleSet(
        'scottish-parliament',
        'Scottish Parliament',
        scottishNominations(SRC_SP, sopnAfterClose(0, SRC_SP, '17:00', 'At the close of the time for objections.')),
        registrationRules('gb'),
        RETURN_35,
        { skipEasterMonday: true },
      );
    case 'senedd':
      return ruleSet(
        'senedd',
        'Senedd',
        [
          before('notice_of_election', 25, SRC_SENEDD),
          before('close_of_nominations', 19, SRC_SENEDD, '16:00'),
          sopnAfterClose(1, SRC_SENEDD, '16:00', 'Unconfirmed: check the returning officer\u2019s notice.'),
        ],
        registrationRules('gb'),
      );
    case 'ni-assembly':
      return ruleSet('ni-assembly', 'Northern Ireland Assembly', northernIrishNominations(SRC_NIA), registrationRules('ni'));
  }
}

function ruleTime(rule: MilestoneRule): string | undefined {
  return rule.kind === 'after-declaration' ? undefined : rule.time;
}

/** A plain-English statement of a rule, e.g. "19 working days before polling day, 4pm". */
function describeRule(rule: MilestoneRule): string {
  const time = ruleTime(rule);
  const at = time ? `, ${formatTime(time)}` : '';
  switch (rule.kind) {
    case 'before-poll':
      return `${plural(rule.workingDays, 'working day')} before polling day${at}`;
    case 'after-milestone':
      return rule.workingDays === 0
        ? `Same day as ${MILESTONE_LABELS[rule.of].toLowerCase()}${at}`
        : `${plural(Math.abs(rule.workingDays), 'working day')} ${rule.workingDays > 0 ? 'after' : 'before'} ${MILESTONE_LABELS[rule.of].toLowerCase()}${at}`;
    case 'set-by-returning-officer':
      return `Set by the returning officer${at}`;
    case 'polling-day':
      return 'Polling day; polls open 7am to 10pm';
    case 'after-declaration':
      return `${rule.days} days after ${rule.from === 'declaration' ? 'the declaration of the result' : 'polling day'} (next working day if that is not one)`;
  }
}

/** "16:00" → "4pm", "23:59" → "midnight", "13:30" → "1:30pm". */
export function formatTime(time: string): string {
  if (time === '23:59') return 'midnight';
  const [h, m] = time.split(':').map(Number);
  const suffix = h >= 12 ? 'pm' : 'am';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour}${suffix}` : `${hour}:${String(m).padStart(2, '0')}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Computing a timetable

export interface TimetableInput {
  type: ElectionType;
  /** Polling day, YYYY-MM-DD. */
  pollingDay: string;
  /** Defaults to England where the type is held there, otherwise its only nation. */
  nation?: Nation | null;
  /** When the result was declared (contests.declared_on): post-poll deadlines appear once known. */
  declaredOn?: string | null;
  /** Dates entered by the user (or the returning officer's notice), per milestone. */
  overrides?: Partial<Record<MilestoneKey, string>> | null;
  /** Bank holidays plus the user's extra days; the shipped data by default. */
  holidays?: Holidays;
  /** GLA only: the Mayor and London-wide list have 70 days for the return, constituencies 35. */
  glaPart?: GlaPart;
}

export interface Milestone {
  key: MilestoneKey;
  label: string;
  date: string;
  /** Deadline time of day, 24-hour HH:MM (23:59 = midnight). */
  time?: string;
  phase: MilestonePhase;
  /** The rule in words, e.g. "19 working days before polling day, 4pm". */
  rule: string;
  /** The legal source of the rule. */
  source: string;
  note?: string;
  /** True when the date was entered by the user rather than computed. */
  overridden: boolean;
  /** The date the rules give (null where only the returning officer can set it). */
  computedDate: string | null;
  /** True when the date is a placeholder waiting for the returning officer's date. */
  provisional: boolean;
  /** The non-working days this milestone is counted with (for working-day countdowns). */
  calendar: CalendarSpec;
}

export interface Timetable {
  type: ElectionType;
  nation: Nation;
  ruleSetId: string;
  ruleSetLabel: string;
  pollingDay: string;
  declaredOn: string | null;
  milestones: Milestone[];
  /** Things the user must know: dates beyond the bank-holiday data, provisional dates, overrides on non-working days. */
  warnings: string[];
}

/** Bad input to computeTimetable; `field` names the input at fault. */
export class TimetableInputError extends Error {
  field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'TimetableInputError';
    this.field = field;
  }
}

/** The nation used when none is given. */
export function defaultNation(type: ElectionType): Nation {
  const nations = ELECTION_TYPE_INFO[type].nations;
  return nations.includes('england') ? 'england' : nations[0];
}

/**
 * Every milestone of an election, sorted by date (ties in statutory order). Throws
 * TimetableInputError for an unknown type, an impossible date or a nation the type is not held in.
 */
export function computeTimetable(input: TimetableInput): Timetable {
  const { type, pollingDay } = input;
  if (!(type in ELECTION_TYPE_INFO)) {
    throw new TimetableInputError('type', `unknown election type "${type}": use one of ${Object.keys(ELECTION_TYPE_INFO).join(', ')}`);
  }
  const pollProblem = isoDateProblem(pollingDay);
  if (pollProblem) throw new TimetableInputError('pollingDay', `polling day: ${pollProblem}`);
  const nation = input.nation ?? defaultNation(type);
  const info = ELECTION_TYPE_INFO[type];
  if (!info.nations.includes(nation)) {
    throw new TimetableInputError('nation', `${info.label} elections are not held in ${nation}: use ${info.nations.join(' or ')}`);
  }
  const declaredOn = input.declaredOn ?? null;
  if (declaredOn !== null) {
    const p = isoDateProblem(declaredOn);
    if (p) throw new TimetableInputError('declaredOn', `declaration date: ${p}`);
    if (declaredOn < pollingDay) {
      throw new TimetableInputError(
        'declaredOn',
        `the result cannot be declared (${formatDateLong(declaredOn)}) before polling day (${formatDateLong(pollingDay)})`,
      );
    }
  }
  const overrides = input.overrides ?? {};
  for (const [key, date] of Object.entries(overrides)) {
    if (!(MILESTONE_KEYS as readonly string[]).includes(key)) throw new TimetableInputError(`overrides.${key}`, `"${key}" is not a milestone`);
    if (date === undefined) continue;
    const p = isoDateProblem(date);
    if (p) throw new TimetableInputError(`overrides.${key}`, `${MILESTONE_LABELS[key as MilestoneKey]}: ${p}`);
  }
  if (overrides.polling_day !== undefined) {
    throw new TimetableInputError('overrides.polling_day', 'polling day is the election\u2019s own date: change the election instead of overriding it');
  }

  const holidays = input.holidays ?? SHIPPED_HOLIDAYS;
  const ruleSet = ruleSetFor(type, nation, input.glaPart);
  const ownNation: CalendarSpec = { divisions: [divisionOf(nation)] };
  const general: CalendarSpec = ruleSet.holidays === 'all-uk' ? ALL_UK : ownNation;
  const nominations: CalendarSpec = ruleSet.nominationSkipsEasterMonday ? { ...general, skipEasterMonday: true } : general;

  const warnings: string[] = [];
  const dates = new Map<MilestoneKey, string>();
  const milestones: Milestone[] = [];
  const order = new Map<MilestoneKey, number>(MILESTONE_KEYS.map((k, i) => [k, i]));

  for (const rule of ruleSet.rules) {
    const calendar = rule.kind === 'after-declaration' ? ownNation : MILESTONE_PHASE[rule.key] === 'nomination' ? nominations : general;
    let computed: string | null;
    let provisional = false;
    switch (rule.kind) {
      case 'before-poll':
        computed = workingDaysBefore(pollingDay, rule.workingDays, calendar, holidays);
        break;
      case 'after-milestone':
        computed = stepFrom(dates.get(rule.of)!, rule.workingDays, calendar, holidays);
        break;
      case 'set-by-returning-officer':
        computed = null;
        break;
      case 'polling-day':
        computed = pollingDay;
        break;
      case 'after-declaration': {
        const from = rule.from === 'polling-day' ? pollingDay : declaredOn;
        computed = from === null ? null : nextWorkingDay(addDays(from, rule.days), calendar, holidays);
        if (computed === null && overrides[rule.key] === undefined) continue; // not known until the declaration
        break;
      }
    }
    const override = overrides[rule.key];
    let date: string;
    if (override !== undefined) {
      date = override;
      const reason = nonWorkingReason(override, calendar, holidays);
      if (reason) warnings.push(`${MILESTONE_LABELS[rule.key]} is set to ${formatDateLong(override)}, which is not a working day (${reason}).`);
    } else if (computed !== null) {
      date = computed;
    } else if (rule.kind === 'set-by-returning-officer') {
      provisional = true;
      const fb = rule.fallback;
      date =
        'workingDaysBeforePoll' in fb
          ? workingDaysBefore(pollingDay, fb.workingDaysBeforePoll, calendar, holidays)
          : stepFrom(dates.get(fb.of)!, fb.workingDays, calendar, holidays);
      warnings.push(`${MILESTONE_LABELS[rule.key]} is set by the returning officer: ${formatDateLong(date)} is a placeholder until you enter the real date.`);
    } else {
      continue;
    }
    dates.set(rule.key, date);
    milestones.push({
      key: rule.key,
      label: MILESTONE_LABELS[rule.key],
      date,
      ...(ruleTime(rule) ? { time: ruleTime(rule) } : {}),
      phase: MILESTONE_PHASE[rule.key],
      rule: describeRule(rule),
      source: rule.source,
      ...(rule.note ? { note: rule.note } : {}),
      overridden: override !== undefined,
      computedDate: computed,
      provisional,
      calendar,
    });
  }

  milestones.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order.get(a.key)! - order.get(b.key)!));

  const pollReason = nonWorkingReason(pollingDay, general, holidays);
  if (pollReason) warnings.unshift(`Polling day ${formatDateLong(pollingDay)} is not a working day (${pollReason}); check the date.`);
  const coverage = beyondHolidayData(milestones.map((m) => m.date).concat(pollingDay), holidays);
  if (coverage.message) warnings.unshift(coverage.message);

  return { type, nation, ruleSetId: ruleSet.id, ruleSetLabel: ruleSet.label, pollingDay, declaredOn, milestones, warnings };
}

function stepFrom(date: string, workingDays: number, calendar: CalendarSpec, holidays: Holidays): string {
  if (workingDays === 0) return date;
  return workingDays > 0 ? workingDaysAfter(date, workingDays, calendar, holidays) : workingDaysBefore(date, -workingDays, calendar, holidays);
}

/** The CLI contract's output: `{ key, label, date, time? }` sorted by date. */
export function timetableJson(timetable: Timetable): { key: MilestoneKey; label: string; date: string; time?: string }[] {
  return timetable.milestones.map((m) => ({ key: m.key, label: m.label, date: m.date, ...(m.time ? { time: m.time } : {}) }));
}

// ---------------------------------------------------------------------------------------------
// Countdowns and tasks

/** Working and calendar days from `today` to a milestone (negative when overdue). */
export function countdown(
  today: string,
  date: string,
  calendar: CalendarSpec,
  holidays: Holidays = SHIPPED_HOLIDAYS,
): { workingDays: number; calendarDays: number; overdue: boolean; dueThisWeek: boolean } {
  const calendarDays = calendarDaysBetween(today, date);
  return {
    workingDays: workingDaysUntil(today, date, calendar, holidays),
    calendarDays,
    overdue: calendarDays < 0,
    dueThisWeek: calendarDays >= 0 && calendarDays < 7,
  };
}

/** A task's due date: a fixed date, or an offset from a milestone that moves with the timetable. */
export type TaskDue =
  | { kind: 'fixed'; date: string }
  | { kind: 'relative'; milestone: MilestoneKey; /** negative = before the milestone */ offset: number; unit: 'working' | 'calendar' };

export type ResolvedDue = { ok: true; date: string; time?: string } | { ok: false; message: string };

/**
 * Resolve a task's due date against a timetable. Working-day offsets use the milestone's own
 * non-working days; a task relative to a milestone the election does not have (a VAC deadline
 * where voter ID does not apply, post-poll dates before the declaration) has no date yet.
 */
export function resolveTaskDue(due: TaskDue, timetable: Timetable, holidays: Holidays = SHIPPED_HOLIDAYS): ResolvedDue {
  if (due.kind === 'fixed') return { ok: true, date: due.date };
  const m = timetable.milestones.find((x) => x.key === due.milestone);
  if (!m) {
    return {
      ok: false,
      message:
        MILESTONE_PHASE[due.milestone] === 'post-poll'
          ? `${MILESTONE_LABELS[due.milestone]} is known once the result is declared`
          : `this election has no ${MILESTONE_LABELS[due.milestone].toLowerCase()} deadline`,
    };
  }
  if (due.unit === 'calendar') return { ok: true, date: addDays(m.date, due.offset) };
  if (due.offset === 0) return { ok: true, date: m.date, ...(m.time ? { time: m.time } : {}) };
  return { ok: true, date: stepFrom(m.date, due.offset, m.calendar, holidays) };
}

/** "3 working days before close of nominations (and withdrawals)". */
export function describeTaskDue(due: TaskDue): string {
  if (due.kind === 'fixed') return `On ${formatDateLong(due.date)}`;
  const what = MILESTONE_LABELS[due.milestone].toLowerCase();
  if (due.offset === 0) return `On the day of ${what}`;
  const unit = due.unit === 'working' ? 'working day' : 'day';
  return `${plural(Math.abs(due.offset), unit)} ${due.offset < 0 ? 'before' : 'after'} ${what}`;
}
