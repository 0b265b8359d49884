/**
 * Calendar dates and working days: the one module for date arithmetic, for "today" (the UK's) and
 * for showing a date ("Thu 4 Jul 2024", on pages and in messages alike).
 *
 * Working days (domain notes §1). A day is not a working day when it is a Saturday, a Sunday,
 * Christmas Eve, Christmas Day, Good Friday, a bank holiday in one of the calendar's divisions,
 * or a day the user added (one-off bank holidays, days of public thanksgiving or mourning).
 * Source: RPA 1983 Sch 1 r.2; SI 2006/3304 Sch 3 r.2.
 *
 * Dates are 'YYYY-MM-DD' strings throughout; arithmetic is done on whole UTC days, so no time
 * zone or daylight-saving change can shift a date.
 */
import bankHolidayFeed from '../data/uk-bank-holidays.json' with { type: 'json' };
import type { Nation } from './election-types.ts';

export const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Division = (typeof DIVISIONS)[number];

const DIVISION_LABELS: Record<Division, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** Wales uses the England and Wales list. */
export function divisionOf(nation: Nation): Division {
  if (nation === 'scotland') return 'scotland';
  if (nation === 'northern-ireland') return 'northern-ireland';
  return 'england-and-wales';
}

// ---------------------------------------------------------------------------------------------
// Calendar dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (so 2024-02-30 is false). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Why a text is not a usable date, or null when it is one. */
export function isoDateProblem(text: string): string | null {
  if (!ISO_DATE.test(text)) return `"${text}" is not a date: write it as YYYY-MM-DD, e.g. 2024-07-04`;
  if (!isIsoDate(text)) return `${text} is not a real calendar date`;
  return null;
}

function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m || !isIsoDate(iso)) throw new RangeError(`"${iso}" is not a YYYY-MM-DD date`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return (dayNumber(iso) + 4) % 7; // 1970-01-01 was a Thursday
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The same calendar day `months` later (or earlier), clamped to the month's end (31 Mar − 1 month → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const m = ISO_DATE.exec(iso);
  if (!m || !isIsoDate(iso)) throw new RangeError(`"${iso}" is not a YYYY-MM-DD date`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  const [y, mo] = [Math.floor(index / 12), (index % 12) + 1];
  return ymd(y, mo, Math.min(Number(m[3]), new Date(Date.UTC(y, mo, 0)).getUTCDate()));
}

/** The same calendar day `years` later (29 February becomes 28 February). */
export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

/**
 * "Thu 4 Jul 2024": how every date is shown, on the pages and in messages. Text that is not a
 * real date (a message quoting what the user typed) is returned as it is.
 */
export function formatDateLong(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (!isIsoDate(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return `${WEEKDAY_NAMES[weekday(iso)].slice(0, 3)} ${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus). */
const easterCache = new Map<number, string>();

export function easterSunday(year: number): string {
  const known = easterCache.get(year);
  if (known) return known;
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  const easter = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  easterCache.set(year, easter);
  return easter;
}

/** Easter Sunday of a year as a day number, remembered: each weekday's status is tested against it. */
const easterDays = new Map<number, number>();

function easterDay(year: number): number {
  let day = easterDays.get(year);
  if (day === undefined) easterDays.set(year, (day = dayNumber(easterSunday(year))));
  return day;
}

// ---------------------------------------------------------------------------------------------
// Bank-holiday data

/** The GOV.UK bank-holidays feed format. */
export interface BankHolidayFeed {
  [division: string]: { division?: string; events: { title: string; date: string; notes?: string; bunting?: boolean }[] };
}

/** A day the user added: a one-off bank holiday, or a day of thanksgiving or mourning. */
export interface ExtraHoliday {
  date: string;
  title: string;
  /** Where it applies; all three divisions for a UK-wide day. */
  divisions: readonly Division[];
}

export interface Holidays {
  /** date → title, per division (shipped data and the user's extra days merged). */
  byDivision: Record<Division, ReadonlyMap<string, string>>;
  /** The first and last day the shipped data speaks for in every division. */
  coverage: { from: string; to: string };
}

const SHIPPED_BANK_HOLIDAYS: BankHolidayFeed = bankHolidayFeed;

/** Holidays from a feed (the shipped one by default) plus the user's extra days. */
export function buildHolidays(extras: readonly ExtraHoliday[] = [], feed: BankHolidayFeed = SHIPPED_BANK_HOLIDAYS): Holidays {
  let firstYear = -Infinity;
  let lastYear = Infinity;
  const byDivision = {} as Record<Division, Map<string, string>>;
  for (const division of DIVISIONS) {
    const events = feed[division]?.events ?? [];
    const map = new Map<string, string>();
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of events) {
      if (!isIsoDate(e.date)) continue;
      map.set(e.date, e.title);
      const y = Number(e.date.slice(0, 4));
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
    firstYear = Math.max(firstYear, lo);
    lastYear = Math.min(lastYear, hi);
    byDivision[division] = map;
  }
  for (const extra of extras) {
    for (const division of extra.divisions) byDivision[division].set(extra.date, extra.title);
  }
  const coverage =
    Number.isFinite(firstYear) && Number.isFinite(lastYear) && firstYear <= lastYear
      ? { from: `${firstYear}-01-01`, to: `${lastYear}-12-31` }
      : { from: '9999-12-31', to: '0000-01-01' };
  return { byDivision, coverage };
}

export const SHIPPED_HOLIDAYS: Holidays = buildHolidays();

/**
 * Dates outside the years the bank-holiday data covers. Working days counted there ignore any
 * bank holidays, so the user must be told (and can add the days themselves).
 */
export function beyondHolidayData(dates: readonly string[], holidays: Holidays = SHIPPED_HOLIDAYS): { beyond: string[]; message: string | null } {
  const { from, to } = holidays.coverage;
  const beyond = [...new Set(dates.filter((d) => d < from || d > to))].sort();
  if (beyond.length === 0) return { beyond, message: null };
  return {
    beyond,
    message:
      `The bank-holiday data covers ${formatDateLong(from)} to ${formatDateLong(to)}; ` +
      `${beyond.length === 1 ? `${formatDateLong(beyond[0])} is` : `${beyond.length} dates (${formatDateLong(beyond[0])} to ${formatDateLong(beyond[beyond.length - 1])}) are`} ` +
      'outside it, so bank holidays there are not counted. Add them under Holidays.',
  };
}

// ---------------------------------------------------------------------------------------------
// Working days

/** Which non-working days apply: one or more divisions' bank holidays, and the Scottish rule. */
export interface CalendarSpec {
  divisions: readonly Division[];
  /** Scottish Parliament and Scottish council nomination timetables also skip Easter Monday. */
  skipEasterMonday?: boolean;
}

export const ALL_UK: CalendarSpec = { divisions: DIVISIONS };

/** Why a day is not a working day, or null when it is one. */
export function nonWorkingReason(iso: string, spec: CalendarSpec, holidays: Holidays = SHIPPED_HOLIDAYS): string | null {
  const day = dayNumber(iso);
  const wd = (day + 4) % 7;
  if (wd === 6) return 'Saturday';
  if (wd === 0) return 'Sunday';
  const md = iso.slice(5);
  if (md === '12-24') return 'Christmas Eve';
  if (md === '12-25') return 'Christmas Day';
  const easter = easterDay(Number(iso.slice(0, 4)));
  if (day === easter - 2) return 'Good Friday';
  for (const division of spec.divisions) {
    const title = holidays.byDivision[division].get(iso);
    if (title !== undefined) {
      return spec.divisions.length > 1 ? `${title} (${DIVISION_LABELS[division]})` : title;
    }
  }
  if (spec.skipEasterMonday && day === easter + 1) return 'Easter Monday (skipped in Scottish nomination timetables)';
  return null;
}

export function isWorkingDay(iso: string, spec: CalendarSpec, holidays: Holidays = SHIPPED_HOLIDAYS): boolean {
  return workingDayNumber(dayNumber(iso), spec, holidays);
}

/**
 * Whether a day (as a day number) is a working day, remembered per holiday set and calendar: a
 * deadlines list counts hundreds of thousands of days, and each answer never changes.
 */
const answers = new WeakMap<Holidays, Map<string, Map<number, boolean>>>();

function answersFor(spec: CalendarSpec, holidays: Holidays): Map<number, boolean> {
  let bySpec = answers.get(holidays);
  if (!bySpec) answers.set(holidays, (bySpec = new Map()));
  const key = `${spec.divisions.join(',')}${spec.skipEasterMonday ? '+easter-monday' : ''}`;
  let byDay = bySpec.get(key);
  if (!byDay) bySpec.set(key, (byDay = new Map()));
  return byDay;
}

function workingDayNumber(day: number, spec: CalendarSpec, holidays: Holidays, byDay = answersFor(spec, holidays)): boolean {
  const wd = (day + 4) % 7; // as weekday(): a weekend needs no date text, nor remembering
  if (wd === 6 || wd === 0) return false;
  let answer = byDay.get(day);
  if (answer === undefined) {
    answer = nonWorkingReason(fromDayNumber(day), spec, holidays) === null;
    byDay.set(day, answer);
  }
  return answer;
}

/**
 * The n-th working day before a date, the date itself never counted ("19 wd before polling day").
 * n = 0 returns the date unchanged.
 */
export function workingDaysBefore(iso: string, n: number, spec: CalendarSpec, holidays: Holidays = SHIPPED_HOLIDAYS): string {
  return stepWorkingDays(iso, -n, spec, holidays);
}

/** The n-th working day after a date, the date itself never counted. */
export function workingDaysAfter(iso: string, n: number, spec: CalendarSpec, holidays: Holidays = SHIPPED_HOLIDAYS): string {
  return stepWorkingDays(iso, n, spec, holidays);
}

function stepWorkingDays(iso: string, n: number, spec: CalendarSpec, holidays: Holidays): string {
  if (!Number.isInteger(n) || Math.abs(n) > 2000) throw new RangeError(`cannot count ${n} working days`);
  const step = n < 0 ? -1 : 1;
  let day = dayNumber(iso);
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (workingDayNumber(day, spec, holidays)) left--;
  }
  return fromDayNumber(day);
}

/** The date itself when it is a working day, otherwise the next working day (roll forward). */
export function nextWorkingDay(iso: string, spec: CalendarSpec, holidays: Holidays = SHIPPED_HOLIDAYS): string {
  let day = dayNumber(iso);
  for (let guard = 0; guard < 400; guard++, day++) {
    if (workingDayNumber(day, spec, holidays)) return fromDayNumber(day);
  }
  throw new RangeError(`no working day within a year after ${iso}`);
}

/**
 * Working days from `from` until `to`: the working days after `from` up to and including `to`.
 * 0 when `to` is `from`; negative (working days overdue) when `to` is earlier.
 */
export function workingDaysUntil(from: string, to: string, spec: CalendarSpec, holidays: Holidays = SHIPPED_HOLIDAYS): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  const byDay = answersFor(spec, holidays);
  let count = 0;
  // Whole years are added from their remembered count: a countdown to an election decades off
  // (every deadline of a list, on every call) would otherwise look up tens of thousands of days.
  for (let day = lo + 1; day <= hi;) {
    const year = new Date(day * DAY_MS).getUTCFullYear();
    const next = Date.UTC(year + 1, 0, 1) / DAY_MS;
    if (day === Date.UTC(year, 0, 1) / DAY_MS && next - 1 <= hi) {
      count += workingDaysInYear(year, spec, holidays, byDay);
      day = next;
    } else if (workingDayNumber(day++, spec, holidays, byDay)) count++;
  }
  return sign * count;
}

/** Working days in each whole year, remembered beside the days' answers they are counted from. */
const yearCounts = new WeakMap<Map<number, boolean>, Map<number, number>>();

function workingDaysInYear(year: number, spec: CalendarSpec, holidays: Holidays, byDay: Map<number, boolean>): number {
  let counts = yearCounts.get(byDay);
  if (!counts) yearCounts.set(byDay, (counts = new Map()));
  let count = counts.get(year);
  if (count === undefined) {
    count = 0;
    for (let day = Date.UTC(year, 0, 1) / DAY_MS; day < Date.UTC(year + 1, 0, 1) / DAY_MS; day++) if (workingDayNumber(day, spec, holidays, byDay)) count++;
    counts.set(year, count);
  }
  return count;
}

/** "14:02": the time of day in the UK (Europe/London), whatever the computer's time zone. */
export function ukTimeOfDay(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** Today's date in the UK (Europe/London), whatever the computer's time zone. */
export function ukToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
