/**
 * Signing in with a name and password: held back by the lock-out, checked against the stored
 * hash (the same work whether or not the name exists, so timing does not tell), and answered with
 * a new session. The password is never logged or kept.
 */
import { accountNamed, clearFailures } from '../../db/repositories/team.ts';
import type { Queries } from '../../db/store.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { countFailure, nameKey, waitBeforeTrying } from './lockout.ts';
import { startSession } from './sessions.ts';

export type SignInResult = { ok: true; sessionId: string; name: string } | { ok: false; code: 'unauthorized' | 'too_many_attempts'; message: string };

/** Compared against when the name is unknown, so an unknown name costs the same as a wrong password. */
let decoy: Promise<string> | undefined;

export async function signIn(db: Queries, name: string, password: string, address: string, now = new Date()): Promise<SignInResult> {
  const wait = await waitBeforeTrying(db, name, address, now);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    return { ok: false, code: 'too_many_attempts', message: `Too many failed sign-ins: try again in ${seconds} second${seconds === 1 ? '' : 's'}.` };
  }
  const account = await accountNamed(db, name.trim());
  decoy ??= hashPassword('not anyone’s password');
  const matches = await verifyPassword(password, account?.passwordHash ?? (await decoy));
  if (!account || account.passwordHash === null || !matches) {
    await countFailure(db, name, address, now);
    return { ok: false, code: 'unauthorized', message: 'That name and password do not match an account here.' };
  }
  if (account.switchedOffAt !== null) return { ok: false, code: 'unauthorized', message: 'This account has been switched off. Ask your team secretary.' };
  await clearFailures(db, nameKey(name));
  return { ok: true, sessionId: await startSession(db, account.id, now), name: account.name };
}
