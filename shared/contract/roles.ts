/**
 * The jobs a branch gives its members on a team server (issue 13): not ranks. A person may hold
 * several; `admin` is the team secretary.
 */
export const ROLES = ['member', 'coordinator', 'treasurer', 'canvasser', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who makes a call on a team server: the signed-in person, named in the audit trail, and their
 * roles. A call without one is the single user of a campaign file (or its command line), who may
 * do everything.
 */
export interface Caller {
  name: string;
  roles: readonly Role[];
}
