/**
 * A team server's accounts, role grants, one-time links, sessions and failed sign-ins (migration
 * 019). Secrets arrive here already hashed: main/team/ makes and checks them.
 */
import { ROLES, type Role } from '../../shared/contract/roles.ts';
import type { Queries } from '../store.ts';

export interface Account {
  id: number;
  name: string;
  passwordHash: string | null;
  switchedOffAt: string | null;
}

export interface Grant {
  role: Role;
  meeting: string;
  decidedOn: string;
  recordedBy: string;
  recordedAt: string;
}

/** The meeting and date that gave a role, and who recorded it when. */
export interface Decision {
  meeting: string;
  decidedOn: string;
  recordedBy: string;
  at: string;
}

const ACCOUNT = 'SELECT id, name, password_hash AS passwordHash, switched_off_at AS switchedOffAt FROM accounts';

export function accountNamed(db: Queries, name: string): Promise<Account | undefined> {
  return db.get<Account>(`${ACCOUNT} WHERE name = ?`, [name]);
}

export function accountById(db: Queries, id: number): Promise<Account | undefined> {
  return db.get<Account>(`${ACCOUNT} WHERE id = ?`, [id]);
}

export function createAccount(db: Queries, name: string, at: string): Promise<number> {
  return db.insert('INSERT INTO accounts (name, created_at) VALUES (?, ?)', [name, at]);
}

export async function setPasswordHash(db: Queries, id: number, hash: string): Promise<void> {
  await db.run('UPDATE accounts SET password_hash = ? WHERE id = ?', [hash, id]);
}

export async function switchOff(db: Queries, id: number, at: string): Promise<void> {
  await db.run('UPDATE accounts SET switched_off_at = ? WHERE id = ? AND switched_off_at IS NULL', [at, id]);
}

export async function rolesOf(db: Queries, accountId: number): Promise<Role[]> {
  const rows = await db.all<{ role: Role }>('SELECT role FROM role_grants WHERE account_id = ?', [accountId]);
  const held = new Set(rows.map((r) => r.role));
  return ROLES.filter((r) => held.has(r));
}

export function grantsOf(db: Queries, accountId: number): Promise<Grant[]> {
  return db.all<Grant>(
    `SELECT role, meeting, decided_on AS decidedOn, recorded_by AS recordedBy, recorded_at AS recordedAt
       FROM role_grants WHERE account_id = ? ORDER BY recorded_at, role`,
    [accountId],
  );
}

/**
 * The account holds exactly `roles` from now: a role newly given is recorded with this decision, a
 * role kept keeps the decision that first gave it, a role taken away is removed.
 */
export async function setRoles(db: Queries, accountId: number, roles: readonly Role[], decision: Decision): Promise<void> {
  const held = new Set(await rolesOf(db, accountId));
  for (const role of held) if (!roles.includes(role)) await db.run('DELETE FROM role_grants WHERE account_id = ? AND role = ?', [accountId, role]);
  for (const role of roles) {
    if (held.has(role)) continue;
    await db.run('INSERT INTO role_grants (account_id, role, meeting, decided_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)', [
      accountId,
      role,
      decision.meeting,
      decision.decidedOn,
      decision.recordedBy,
      decision.at,
    ]);
  }
}

export interface AccountListed {
  id: number;
  name: string;
  switchedOffAt: string | null;
  createdAt: string;
  hasPassword: boolean;
}

export async function listAccounts(db: Queries): Promise<AccountListed[]> {
  const rows = await db.all<Omit<AccountListed, 'hasPassword'> & { hasPassword: number | boolean }>(
    `SELECT id, name, switched_off_at AS switchedOffAt, created_at AS createdAt,
            CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS hasPassword
       FROM accounts ORDER BY name`,
  );
  return rows.map((r) => ({ ...r, hasPassword: Number(r.hasPassword) === 1 }));
}

/** The accounts holding the canvasser role that may still sign in, by name. */
export function listCanvassers(db: Queries): Promise<{ id: number; name: string }[]> {
  return db.all(
    `SELECT a.id, a.name FROM accounts a JOIN role_grants g ON g.account_id = a.id
      WHERE g.role = 'canvasser' AND a.switched_off_at IS NULL ORDER BY a.name`,
  );
}

export async function insertLink(
  db: Queries,
  link: { tokenHash: string; accountId: number; purpose: 'invite' | 'reset'; at: string; expiresAt: string },
): Promise<void> {
  // A new link replaces any the account still had unused: only the newest opens.
  await db.run('DELETE FROM sign_in_links WHERE account_id = ? AND used_at IS NULL', [link.accountId]);
  await db.run('INSERT INTO sign_in_links (token_hash, account_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
    link.tokenHash,
    link.accountId,
    link.purpose,
    link.at,
    link.expiresAt,
  ]);
}

export interface LinkRow {
  accountId: number;
  purpose: 'invite' | 'reset';
  expiresAt: string;
  usedAt: string | null;
}

export function linkByHash(db: Queries, tokenHash: string): Promise<LinkRow | undefined> {
  return db.get<LinkRow>('SELECT account_id AS accountId, purpose, expires_at AS expiresAt, used_at AS usedAt FROM sign_in_links WHERE token_hash = ?', [
    tokenHash,
  ]);
}

/** Marks the link used if it still opens at `at`: true for exactly one of two racing uses. */
export async function useLink(db: Queries, tokenHash: string, at: string): Promise<boolean> {
  const { changes } = await db.run('UPDATE sign_in_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?', [at, tokenHash, at]);
  return changes === 1;
}

export async function insertSession(db: Queries, idHash: string, accountId: number, at: string): Promise<void> {
  await db.run('INSERT INTO sessions (id_hash, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)', [idHash, accountId, at, at]);
}

export interface SessionHolder {
  accountId: number;
  lastSeenAt: string;
  name: string;
  switchedOffAt: string | null;
  roles: Role[];
}

/** The session's account and its roles, in one statement: every call on a team server asks it first. */
export async function sessionHolder(db: Queries, idHash: string): Promise<SessionHolder | undefined> {
  const rows = await db.all<Omit<SessionHolder, 'roles'> & { role: Role | null }>(
    `SELECT s.account_id AS accountId, s.last_seen_at AS lastSeenAt, a.name, a.switched_off_at AS switchedOffAt, g.role
       FROM sessions s JOIN accounts a ON a.id = s.account_id LEFT JOIN role_grants g ON g.account_id = a.id
      WHERE s.id_hash = ?`,
    [idHash],
  );
  if (rows.length === 0) return undefined;
  const held = new Set(rows.map((r) => r.role));
  const { accountId, lastSeenAt, name, switchedOffAt } = rows[0];
  return { accountId, lastSeenAt, name, switchedOffAt, roles: ROLES.filter((r) => held.has(r)) };
}

export async function touchSession(db: Queries, idHash: string, at: string): Promise<void> {
  await db.run('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?', [at, idHash]);
}

export async function deleteSession(db: Queries, idHash: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
}

export async function deleteSessionsOf(db: Queries, accountId: number): Promise<number> {
  return (await db.run('DELETE FROM sessions WHERE account_id = ?', [accountId])).changes;
}

/** Sessions idle since before `cutoff`, which can never open again. */
export async function deleteIdleSessions(db: Queries, cutoff: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE last_seen_at < ?', [cutoff]);
}

/** Records a failed sign-in, and forgets those from before `forgetBefore` (they no longer count). */
export async function recordFailure(db: Queries, name: string, address: string, at: string, forgetBefore: string): Promise<void> {
  await db.run('DELETE FROM sign_in_failures WHERE failed_at < ?', [forgetBefore]);
  await db.run('INSERT INTO sign_in_failures (name, address, failed_at) VALUES (?, ?, ?)', [name, address, at]);
}

/** Failures since `since` for the name and for the address, and the latest of either. */
export async function failuresSince(
  db: Queries,
  name: string,
  address: string,
  since: string,
): Promise<{ byName: number; byAddress: number; last: string | null }> {
  const count = (column: 'name' | 'address', value: string) =>
    db.get<{ n: number; last: string | null }>(`SELECT COUNT(*) AS n, MAX(failed_at) AS last FROM sign_in_failures WHERE ${column} = ? AND failed_at >= ?`, [
      value,
      since,
    ]);
  const n = await count('name', name);
  const a = await count('address', address);
  const last = [n?.last ?? null, a?.last ?? null].filter((x): x is string => x !== null).sort();
  return { byName: Number(n?.n ?? 0), byAddress: Number(a?.n ?? 0), last: last.at(-1) ?? null };
}

export async function clearFailures(db: Queries, name: string): Promise<void> {
  await db.run('DELETE FROM sign_in_failures WHERE name = ?', [name]);
}
