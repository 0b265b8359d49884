/** Tellers' shifts on polling day: times as 'HH:MM' between the polls opening and closing. */

export const POLLS_OPEN = '07:00';
export const POLLS_CLOSE = '22:00';

export function isClockTime(t: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(t);
}

export interface Shift {
  startsAt: string;
  endsAt: string;
}

/** Whether two shifts share any minute ('09:00–12:00' and '12:00–15:00' do not). */
export function overlaps(a: Shift, b: Shift): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** The stretches of polling hours no shift covers, in order. */
export function coverGaps(shifts: readonly Shift[], open = POLLS_OPEN, close = POLLS_CLOSE): { from: string; to: string }[] {
  const gaps: { from: string; to: string }[] = [];
  let covered = open;
  for (const s of [...shifts].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    if (s.startsAt > covered) gaps.push({ from: covered, to: s.startsAt < close ? s.startsAt : close });
    if (s.endsAt > covered) covered = s.endsAt;
    if (covered >= close) break;
  }
  if (covered < close) gaps.push({ from: covered, to: close });
  return gaps;
}
