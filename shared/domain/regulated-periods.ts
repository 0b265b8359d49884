/**
 * Regulated periods: the stretches of time whose spending is checked against a limit of their
 * own (domain notes §5). Most elections have one, from the day after a person becomes a candidate
 * (at the latest on the last day for the notice of election) to polling day. A UK general
 * election also has a long campaign when the Parliament is dissolved after sitting 55 months
 * (RPA 1983 s.76ZA); the Scottish Parliament has a pre-candidacy period from four months before
 * the poll (SSI 2015/425 art.43). Spending is assigned to a period by its date.
 */
import type { ElectionType, Nation } from './election-types.ts';
import { computeTimetable } from './timetable.ts';
import { ALL_UK, SHIPPED_HOLIDAYS, addDays, formatDateLong, workingDaysBefore } from './working-days.ts';
import type { Holidays } from './working-days.ts';

export const PERIOD_KEYS = ['long-campaign', 'pre-candidacy', 'short-campaign', 'candidacy'] as const;
type PeriodKey = (typeof PERIOD_KEYS)[number];

const PERIOD_LABELS: Record<PeriodKey, string> = {
  'long-campaign': 'Long campaign',
  'pre-candidacy': 'Pre-candidacy period',
  'short-campaign': 'Short campaign',
  candidacy: 'Regulated period',
};

export interface PeriodDates {
  key: PeriodKey;
  label: string;
  starts: string;
  ends: string;
  /** How the dates are worked out, in words. */
  basis: string;
}

/**
 * The days each Parliament first met (House of Commons Journal): the long campaign counts its
 * 55 months from the first meeting of the Parliament being dissolved.
 */
const PARLIAMENTS_FIRST_MET = ['2010-05-18', '2015-05-18', '2017-06-13', '2019-12-17', '2024-07-09'] as const;

/** The same day n calendar months later, clamped to the month's end (n may be negative). */
function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Which month of a Parliament's life a day falls in, counting from the day it first met: the
 * 55th month ends on the same date 55 months later, and the long campaign starts the day after.
 */
export function monthOfParliament(firstMet: string, day: string): number {
  let month = 1;
  while (addMonths(firstMet, month) < day) month++;
  return month;
}

/** The long campaign's share of the full limit by the month of dissolution (s.76ZA): 60% in the 56th, up 10% a month. */
export function longCampaignPercent(month: number): number | null {
  if (month < 56) return null;
  return Math.min(100, 60 + 10 * (month - 56));
}

export interface PeriodsResult {
  periods: PeriodDates[];
  /** UK general election with a long campaign: the share of the full long-campaign limit. */
  longCampaignPercent: number | null;
  warnings: string[];
}

/** Parliament is dissolved 25 working days before polling day (bank holidays of the whole UK). */
export function dissolutionDay(pollingDay: string, holidays: Holidays = SHIPPED_HOLIDAYS): string {
  return workingDaysBefore(pollingDay, 25, ALL_UK, holidays);
}

export function regulatedPeriodDates(type: ElectionType, nation: Nation, pollingDay: string, holidays: Holidays = SHIPPED_HOLIDAYS): PeriodsResult {
  const warnings: string[] = [];
  if (type === 'uk-parliament') {
    const dissolved = dissolutionDay(pollingDay, holidays);
    const short: PeriodDates = {
      key: 'short-campaign',
      label: PERIOD_LABELS['short-campaign'],
      starts: addDays(dissolved, 1),
      ends: pollingDay,
      basis: 'From the day after the person becomes a candidate (at the latest on dissolution, 25 working days before the poll) to polling day',
    };
    const firstMet = [...PARLIAMENTS_FIRST_MET].reverse().find((d) => d < dissolved);
    if (!firstMet) return { periods: [short], longCampaignPercent: null, warnings };
    if (firstMet === PARLIAMENTS_FIRST_MET[PARLIAMENTS_FIRST_MET.length - 1] && addMonths(firstMet, 60) < dissolved) {
      warnings.push(`Hustings does not know when the Parliament dissolved on ${dissolved} first met: check whether a long campaign applies`);
      return { periods: [short], longCampaignPercent: null, warnings };
    }
    const percent = longCampaignPercent(monthOfParliament(firstMet, dissolved));
    if (percent === null) return { periods: [short], longCampaignPercent: null, warnings };
    const long: PeriodDates = {
      key: 'long-campaign',
      label: PERIOD_LABELS['long-campaign'],
      starts: addDays(addMonths(firstMet, 55), 1),
      ends: dissolved,
      basis: `From the day after the Parliament that first met on ${formatDateLong(firstMet)} had sat 55 months to the day the person becomes a candidate (at the latest on dissolution)`,
    };
    return { periods: [long, short], longCampaignPercent: percent, warnings };
  }
  const timetable = computeTimetable({ type, nation, pollingDay, holidays });
  const notice = timetable.milestones.find((m) => m.key === 'notice_of_election');
  if (!notice) throw new Error(`the ${type} timetable has no notice of election`);
  if (notice.provisional)
    warnings.push('The notice of election is set by the returning officer: the regulated period starts the day after it, so its start is provisional');
  const candidacy: PeriodDates = {
    key: 'candidacy',
    label: PERIOD_LABELS.candidacy,
    starts: addDays(notice.date, 1),
    ends: pollingDay,
    basis: 'From the day after the person becomes a candidate (at the latest on the last day for the notice of election) to polling day',
  };
  if (type !== 'scottish-parliament') return { periods: [candidacy], longCampaignPercent: null, warnings };
  const pre: PeriodDates = {
    key: 'pre-candidacy',
    label: PERIOD_LABELS['pre-candidacy'],
    starts: addMonths(pollingDay, -4),
    ends: notice.date,
    basis: 'From four months before the poll to the day the person becomes a candidate (SSI 2015/425 art.43)',
  };
  return { periods: [pre, candidacy], longCampaignPercent: null, warnings };
}

/**
 * The period a line of spending belongs to by its date: the earlier period up to its last day
 * (earlier dates too: spending on something used in it counts there), the final one after it.
 * Undated lines count in the final period.
 */
export function periodOf<P extends { ends: string }>(date: string | null, periods: readonly P[]): P {
  const [first] = periods;
  const last = periods[periods.length - 1];
  return date !== null && first !== last && date <= first.ends ? first : last;
}
