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

export const POLLING_LINKS: PollingLink[] = [];
