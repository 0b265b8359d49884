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
  { label: 'Marked register', hint: 'who voted, entered after the day', to: (id) => `/contests/${id}/polling-day/marked-register` },
];
