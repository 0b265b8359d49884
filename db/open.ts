import Database from 'better-sqlite3-multiple-ciphers';
import { dirname } from 'node:path';
import { backupBeforeMigrating } from './backup.ts';
import { applyKey } from './encryption/cipher.ts';
import { cleanUpInterruptedConversion, encryptPlainBackups } from './encryption/convert.ts';
import { type EncryptionState, type KeySource, unlock } from './encryption/unlock.ts';
import { makeFolder } from './folders.ts';
import { cacheStatements } from './statement-cache.ts';
import { DatabaseRefusedError, fileProblem, isMarked, markAsHustings, notHustings, schemaProblem } from './identity.ts';
import { latestVersion, loadMigrations } from './migrations.ts';

export type Db = Database.Database;

export class DatabaseTooNewError extends DatabaseRefusedError {}

/**
 * Opens (creating if needed) the user's database: keyed first when it is encrypted (a new one is
 * created encrypted unless `keys.plain`), then WAL, foreign keys on, synchronous FULL so an
 * acknowledged write survives a crash; then brings the schema up to date. A file that is not a
 * Hustings database, or a key that does not open it, is refused before anything is written to it
 * (not even the WAL switch). Also says what the app must know of the encryption.
 */
export async function openKeyedDatabase(path: string, keys: KeySource): Promise<{ db: Db; encryption: EncryptionState }> {
  if (path !== ':memory:') {
    makeFolder(dirname(path));
    // What a killed conversion left (before the key file is read: one may belong to it).
    cleanUpInterruptedConversion(path);
  }
  const unlocked = await unlock(path, keys);
  if (path !== ':memory:') {
    const problem = fileProblem(path, unlocked.key);
    if (problem !== null) throw notHustings(path, problem);
  }
  await unlocked.keep();
  const db = new Database(path);
  try {
    if (unlocked.key !== null) applyKey(db, unlocked.key); // before any other statement
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten, not left in free pages: erasing a person really erases them.
    db.pragma('secure_delete = ON');
    await migrate(db, path);
    cacheStatements(db);
    // A conversion killed after the database was replaced leaves its backups to do.
    if (unlocked.key !== null) await encryptPlainBackups(path, unlocked.key);
    return { db, encryption: { key: unlocked.key, pendingRecoveryKey: unlocked.pendingRecoveryKey } };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** `openKeyedDatabase` for callers that need only the connection. */
export async function openDatabase(path: string, keys: KeySource): Promise<Db> {
  return (await openKeyedDatabase(path, keys)).db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date (backing the file up first), refusing a newer one or another
 * application's, and marks the file as Hustings'.
 */
export async function migrate(db: Db, path: string): Promise<void> {
  const problem = schemaProblem(db);
  if (problem !== null) throw notHustings(path, problem);
  const migrations = loadMigrations();
  const latest = latestVersion(migrations);
  const current = schemaVersion(db);
  if (current > latest) {
    throw new DatabaseTooNewError(
      `${path} was written by a newer version of Hustings (schema ${current}; this version knows up to ${latest}). ` +
        'Install the newer version, or open a backup taken before the upgrade.',
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) {
    if (!isMarked(db)) markAsHustings(db); // a file from before the mark: upgraded in place
    return;
  }
  if (current > 0 && path !== ':memory:') await backupBeforeMigrating(db, path, current);
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${latest}`);
    markAsHustings(db);
  })();
}
