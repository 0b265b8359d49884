/**
 * Signed-in sessions: a random id in the person's cookie, kept here only hashed. A session ends
 * after 8 hours without a call (a day's canvassing with breaks keeps it; a laptop left in a hall
 * overnight does not), at sign-out, or when its account is switched off.
 */
import { deleteIdleSessions, deleteSession, deleteSessionsOf, insertSession, sessionHolder, touchSession } from '../../db/repositories/team.ts';
import type { Queries } from '../../db/store.ts';
import type { Caller } from '../../shared/contract/roles.ts';
import { hashSecret, newSecret } from './secrets.ts';

export const IDLE_LIMIT_MS = 8 * 3600_000;
/** last_seen_at is written at most this often: not a write on every keystroke's call. */
const TOUCH_EVERY_MS = 60_000;

export async function startSession(db: Queries, accountId: number, now = new Date()): Promise<string> {
  const id = newSecret();
  await deleteIdleSessions(db, new Date(now.getTime() - IDLE_LIMIT_MS).toISOString());
  await insertSession(db, hashSecret(id), accountId, now.toISOString());
  return id;
}

export interface SignedIn {
  accountId: number;
  caller: Caller;
}

/** The person whose session this is, or null: no such session, idle too long, or switched off. */
export async function sessionCaller(db: Queries, sessionId: string, now = new Date()): Promise<SignedIn | null> {
  const idHash = hashSecret(sessionId);
  const held = await sessionHolder(db, idHash);
  if (!held) return null;
  const idleSince = now.getTime() - Date.parse(held.lastSeenAt);
  if (idleSince > IDLE_LIMIT_MS) {
    await deleteSession(db, idHash);
    return null;
  }
  if (held.switchedOffAt !== null) return null;
  if (idleSince > TOUCH_EVERY_MS) await touchSession(db, idHash, now.toISOString());
  return { accountId: held.accountId, caller: { name: held.name, roles: held.roles } };
}

export function endSession(db: Queries, sessionId: string): Promise<void> {
  return deleteSession(db, hashSecret(sessionId));
}

/** Sign-out everywhere: every session of the account ends. */
export function endEverySession(db: Queries, accountId: number): Promise<number> {
  return deleteSessionsOf(db, accountId);
}
