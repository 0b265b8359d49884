import type { z } from 'zod';
import type { Role } from './roles.ts';

export type MethodKind = 'query' | 'mutation' | 'maintenance';

/**
 * Who may call a method on a team server: the roles listed (issue 13). A person may hold several
 * and may call it if any of theirs is listed; the single user of a file (no caller) may call
 * everything. Declared beside each method, enforced by the dispatcher for every door.
 */
export type Access = readonly [Role, ...Role[]];

/**
 * Every member of the branch: for what holds no personal data (issue 13). A coordinator and a
 * treasurer are members too. A canvasser may be a supporter who is not, and gets only the
 * canvass; the team secretary's role is the team's accounts, backups and erasures, besides
 * whatever other role they hold.
 */
export const EVERY_MEMBER: Access = ['member', 'coordinator', 'treasurer'];

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: MethodKind;
  access: Access;
  summary: string;
  input: I;
  output: O;
}

export function query<I extends z.ZodType, O extends z.ZodType>(access: Access, summary: string, input: I, output: O): MethodDef<I, O> {
  return { kind: 'query', access, summary, input, output };
}

/** Mutations run inside one transaction and must write an audit row. */
export function mutation<I extends z.ZodType, O extends z.ZodType>(access: Access, summary: string, input: I, output: O): MethodDef<I, O> {
  return { kind: 'mutation', access, summary, input, output };
}

/**
 * Maintenance (backups, restore) works on the database file itself, so it runs outside the
 * dispatcher's transaction, still one call at a time; it writes its own audit row.
 */
export function maintenance<I extends z.ZodType, O extends z.ZodType>(access: Access, summary: string, input: I, output: O): MethodDef<I, O> {
  return { kind: 'maintenance', access, summary, input, output };
}
