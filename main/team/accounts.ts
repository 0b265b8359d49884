/**
 * Making an account: a name, the roles a meeting gave, and a one-time link for the person to
 * choose their password. What the command line (the first account) and the Team page share.
 */
import { accountNamed, createAccount, setRoles } from '../../db/repositories/team.ts';
import type { Queries } from '../../db/store.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { Role } from '../../shared/contract/roles.ts';
import { issueLink, type IssuedLink } from './links.ts';

export interface NewAccount {
  name: string;
  roles: readonly Role[];
  meeting: string;
  decidedOn: string;
  /** Who records it: the team secretary signed in, or the computer's user at the command line. */
  recordedBy: string;
}

export async function addAccount(db: Queries, account: NewAccount, now = new Date()): Promise<{ id: number } & IssuedLink> {
  const name = account.name.trim();
  if (await accountNamed(db, name))
    throw new AppError('conflict', `There is already an account named "${name}": choose another name.`, { name: 'Already taken' });
  const id = await createAccount(db, name, now.toISOString());
  await setRoles(db, id, account.roles, { meeting: account.meeting, decidedOn: account.decidedOn, recordedBy: account.recordedBy, at: now.toISOString() });
  return { id, ...(await issueLink(db, id, 'invite', now)) };
}
