import { z } from 'zod';
import { isoDate } from './common.ts';
import { mutation, query } from './define.ts';
import { ROLES } from './roles.ts';

/** Only the team secretary changes the team (issue 13). */
const TEAM_SECRETARY = ['admin'] as const;

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  member: 'Member',
  coordinator: 'Coordinator',
  treasurer: 'Treasurer',
  canvasser: 'Canvasser',
  admin: 'Team secretary',
};

const accountId = z.number().int().positive();
const roles = z.array(z.enum(ROLES, { error: 'Choose roles from the list' })).min(1, { error: 'Choose at least one role' });
/** Each grant of a role names the meeting and date that decided it, as decisions do. */
const decision = {
  meeting: z.string().trim().min(1, { error: 'Name the meeting that decided it' }).max(200),
  decidedOn: isoDate,
};

export const teamInvite = z.strictObject({ name: z.string().trim().min(1, { error: 'Enter the person’s name' }).max(100), roles, ...decision });
export type TeamInvite = z.input<typeof teamInvite>;
export const teamSetRoles = z.strictObject({ accountId, roles, ...decision });

const grant = z.object({ role: z.enum(ROLES), meeting: z.string(), decidedOn: z.string(), recordedBy: z.string(), recordedAt: z.string() });
const account = z.object({
  id: z.number(),
  name: z.string(),
  switchedOffAt: z.string().nullable(),
  createdAt: z.string(),
  hasPassword: z.boolean(),
  grants: z.array(grant),
});
export type TeamAccount = z.output<typeof account>;

/** A one-time sign-in link's secret, shown once: the page makes the address from it. */
const issued = z.object({ accountId: z.number(), name: z.string(), token: z.string(), expiresAt: z.string() });

/** A team server's accounts, managed by the team secretary (issue 13). */
export const teamContract = {
  'team.list': query(
    TEAM_SECRETARY,
    'Every account on the team server, with its roles and the meeting and date that gave each',
    z.strictObject({}),
    z.array(account),
  ),
  'team.invite': mutation(
    TEAM_SECRETARY,
    'Add a person with the roles a meeting gave them; answers a one-time sign-in link (shown once) for them to choose a password',
    teamInvite,
    issued,
  ),
  'team.setRoles': mutation(
    TEAM_SECRETARY,
    'Change the roles of an account: roles newly given are recorded with this meeting and date, roles kept keep theirs',
    teamSetRoles,
    z.null(),
  ),
  'team.resetLink': mutation(
    TEAM_SECRETARY,
    'A new one-time sign-in link for an account, to choose a new password (any older unused link stops working)',
    z.strictObject({ accountId }),
    issued,
  ),
  // A coordinator assigns canvassers their districts by account (assignments.*): they see the
  // names of those who may canvass, nothing else of the team's accounts.
  'team.canvassers': query(
    ['coordinator'],
    'The names of the accounts that hold the canvasser role and are not switched off, to assign districts to',
    z.strictObject({}),
    z.array(z.object({ id: z.number(), name: z.string() })),
  ),
  'team.switchOff': mutation(
    TEAM_SECRETARY,
    'Switch an account off: its sessions end at once and it signs in no more',
    z.strictObject({ accountId }),
    z.null(),
  ),
};
