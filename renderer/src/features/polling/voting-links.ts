/**
 * The polling-day pages of absent voters, the marked register and the glance, for the polling-day
 * overview's link list (renderer/src/features/polling/links.ts appends these).
 */
export const VOTING_LINKS: readonly { path: (contestId: number) => string; label: string }[] = [
  { path: (id) => `/contests/${id}/polling-day/absent-voters`, label: 'Postal and proxy voters' },
  { path: (id) => `/contests/${id}/polling-day/postal-week`, label: 'Postal vote week list' },
  { path: (id) => `/contests/${id}/polling-day/glance`, label: 'The day at a glance' },
  { path: (id) => `/contests/${id}/polling-day/marked-register`, label: 'Import a marked register' },
];
