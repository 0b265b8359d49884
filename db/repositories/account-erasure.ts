/**
 * A team account reached by an erasure request (issue 13; docs/reliability.md §8): the account
 * stays, switched off, so the audit trail still tells one person's actions apart, but under a
 * placeholder instead of their name; its password, sessions, links and districts go. Where the
 * trail and other records name the account as the one who did something (the actor, "entered
 * by"), the placeholder takes the name's place; mentions of the name in text are scrubbed as any
 * erased person's are.
 */
import { personIdentifiers } from '../../shared/domain/erasure.ts';
import type { Queries } from '../store.ts';
import { eraseTraces, type ScrubCount } from './erasure.ts';

export interface AccountIdentity {
  id: number;
  name: string;
}

/** What an erased account is called from then on: unique, as account names are. */
const erasedAccountName = (id: number) => `(erased account ${id})`;

/** Columns naming the account that did something, as the audit trail's actor does. */
const ACTOR_COLUMNS: readonly (readonly [table: string, column: string])[] = [
  ['audit_log', 'actor'],
  ['role_grants', 'recorded_by'],
  ['canvass_assignments', 'assigned_by'],
  ['canvass_returns', 'entered_by'],
  ['follow_up_done', 'done_by'],
  ['vote_batches', 'entered_by'],
  ['knock_ups', 'knocked_by'],
];

const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The accounts an erasure of a person reaches: the one linked to their record (the volunteer
 * record an account made by offering itself), and any whose name is one of the person's names,
 * case and spacing aside — the same whole name erasure takes out of every note and copy.
 */
export async function accountsOfPerson(db: Queries, names: readonly string[], linkedAccountId: number | null = null): Promise<AccountIdentity[]> {
  const wanted = new Set(names.map(nameKey).filter((n) => n !== ''));
  const accounts = await db.all<AccountIdentity>('SELECT id, name FROM accounts ORDER BY id');
  return accounts.filter((a) => a.id === linkedAccountId || (a.name !== erasedAccountName(a.id) && wanted.has(nameKey(a.name))));
}

/** Switches the account off under its placeholder and takes its name out of everything; call inside the erasure's transaction. */
export async function eraseAccount(db: Queries, a: AccountIdentity, at: string): Promise<ScrubCount> {
  const placeholder = erasedAccountName(a.id);
  await db.run('UPDATE accounts SET name = ?, password_hash = NULL, switched_off_at = COALESCE(switched_off_at, ?) WHERE id = ?', [placeholder, at, a.id]);
  await db.run('DELETE FROM sessions WHERE account_id = ?', [a.id]);
  await db.run('DELETE FROM sign_in_links WHERE account_id = ?', [a.id]);
  await db.run('DELETE FROM sign_in_failures WHERE lower(name) = lower(?)', [a.name]);
  await db.run('DELETE FROM canvass_assignments WHERE person = ?', [a.name]);
  for (const [table, column] of ACTOR_COLUMNS) await db.run(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`, [placeholder, a.name]);
  return eraseTraces(db, { entity: 'account', entityId: a.id, identifiers: personIdentifiers([a.name]) });
}
