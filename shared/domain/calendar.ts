/**
 * Calendar-day arithmetic on 'YYYY-MM-DD' dates, on whole UTC days.
 * Stand-in until the timetable's working-days module is in main; then import that instead.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`"${iso}" is not a YYYY-MM-DD date`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function addCalendarDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}

export function daysFromTo(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
