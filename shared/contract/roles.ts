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

/** Whether a canvasser's work is limited to the areas and districts assigned to them (main/api/scope.ts). */
export const keptToAssignments = (roles: readonly Role[]): boolean =>
  roles.includes('canvasser') && !roles.some((role) => role === 'coordinator' || role === 'admin');
