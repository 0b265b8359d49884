/**
 * The polling-day pages of a contest, listed on its polling day overview (SetupPage). Each part
 * of polling day adds its pages at the end of this list.
 */
export interface PollingLink {
  label: string;
  /** What the page is for, in a few words. */
  hint: string;
  to(contestId: number): string;
}

export const POLLING_LINKS: PollingLink[] = [
  { label: 'Tellers’ numbers', hint: 'type the numbers tellers bring back', to: (id) => `/contests/${id}/polling-day/telling` },
  { label: 'Knock-up lists', hint: 'promises still to vote, by committee room and round', to: (id) => `/contests/${id}/polling-day/knock-up` },
  { label: 'The day at a glance', hint: 'turnout by station and hour, silent stations, promises left', to: (id) => `/contests/${id}/polling-day/glance` },
  { label: 'Postal and proxy voters', hint: 'from an absent voters list or the register’s markers', to: (id) => `/contests/${id}/polling-day/absent-voters` },
  {
    label: 'Postal vote week',
    hint: 'supporters with a postal or proxy vote, to contact as ballots land',
    to: (id) => `/contests/${id}/polling-day/postal-week`,
  },
  { label: 'Marked register', hint: 'who voted, typed in after the day', to: (id) => `/contests/${id}/polling-day/marked-register` },
  { label: 'Import a marked register', hint: 'a council’s CSV of who voted', to: (id) => `/contests/${id}/polling-day/marked-register/import` },
];

/** Every polling-day page leads back to the overview, named the same way. */
export function pollingDayBack(contestId: number, areaName: string | undefined): { to: string; label: string } {
  return { to: `/contests/${contestId}/polling-day`, label: areaName ? `Polling day: ${areaName}` : 'Polling day' };
}
