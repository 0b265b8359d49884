import { z } from 'zod';
import { type Access, EVERY_MEMBER, type MethodDef, query } from './define.ts';
import { ROLES, type Role } from './roles.ts';

const caller = z.object({ name: z.string(), roles: z.array(z.enum(ROLES)) });

export const accessContract = {
  'access.me': query(
    ROLES,
    'Who is calling and the roles they hold; null for the single user of a campaign file, who may do everything',
    z.strictObject({}),
    caller.nullable(),
  ),
};

/** Whether someone holding `roles` may call a method declared with `access`: any one of them will do. */
export function allows(access: Access, roles: readonly Role[]): boolean {
  return roles.some((role) => access.includes(role));
}

const ROLE_NAMES: Record<Role, string> = {
  member: 'a member of the branch',
  coordinator: 'a coordinator',
  treasurer: 'a treasurer',
  canvasser: 'a canvasser',
  admin: 'the team secretary',
};

/** The roles of a declaration in words: "a coordinator or a canvasser"; coordinators and treasurers are members too. */
export function whoMay(access: readonly Role[]): string {
  const everyMember = EVERY_MEMBER.every((role) => access.includes(role));
  const roles = everyMember ? ['member' as const, ...access.filter((role) => !EVERY_MEMBER.includes(role))] : access;
  const names = roles.map((role) => ROLE_NAMES[role]);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * A few queries are actions that change no record (read an uploaded file, start a job): their
 * summaries start with a verb. The others name what they answer with.
 */
const ACTION = /^(Add|Cancel|Check|Compute|Read|Start|Take)\b/;

/**
 * The first clause of a summary, without asides in brackets: it ends at a semicolon or colon, or
 * at a comma unless the comma is part of a list ("elections, contests and tasks").
 */
function firstClause(summary: string): string {
  const [head, ...rest] = summary
    .replace(/\s*\([^)]*\)/g, '')
    .split(/[;:]/)[0]
    .split(', ');
  let clause = head;
  for (const part of rest) {
    if (!/ (and|or) /.test(part)) break;
    clause += `, ${part}`;
  }
  return clause.trim();
}

/** Why a call is refused, in the words of its summary: "Only a treasurer may record a donation — ask your team secretary." */
export function refusal(def: MethodDef): string {
  const clause = firstClause(def.summary);
  const phrase = clause.charAt(0).toLowerCase() + clause.slice(1);
  const doing = def.kind === 'query' && !ACTION.test(clause) ? `see ${phrase}` : phrase;
  const ask = def.access.length === 1 && def.access[0] === 'admin' ? '' : ' — ask your team secretary';
  return `Only ${whoMay(def.access)} may ${doing}${ask}.`;
}
