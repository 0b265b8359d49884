import Database from 'better-sqlite3-multiple-ciphers';
import { dirname } from 'node:path';
import { backupBeforeMigrating } from './backup.ts';
import { applyKey } from './encryption/cipher.ts';
import { cleanUpInterruptedConversion, encryptPlainBackups } from './encryption/convert.ts';
import { keyFilePath } from './encryption/keys.ts';
import { makeFolder } from './folders.ts';
import { DatabaseRefusedError, fileProblem, isMarked, markAsHustings, notHustings, schemaProblem } from './identity.ts';
import { latestVersion, loadMigrations } from './migrations.ts';

export type Db = Database.Database;

export class DatabaseTooNewError extends DatabaseRefusedError {}

/**
 * Opens (creating if needed) the user's database: WAL, foreign keys on, synchronous FULL so an
 * acknowledged write survives a crash; then brings the schema up to date. A file that is not a
 * Hustings database is refused before anything is written to it (not even the WAL switch).
 */
export async function openDatabase(path: string, key: Buffer | null = null): Promise<Db> {
  if (path !== ':memory:') {
    makeFolder(dirname(path));
    cleanUpInterruptedConversion(path, keyFilePath(path));
    // An encrypted file is read only once keyed; migrate() then checks what it holds.
    const problem = key === null ? fileProblem(path) : null;
    if (problem !== null) throw notHustings(path, problem);
  }
  const db = new Database(path);
  try {
    if (key !== null) applyKey(db, key);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten, not left in free pages: erasing a person really erases them.
    db.pragma('secure_delete = ON');
    await migrate(db, path);
    // A conversion killed after the database was replaced leaves its backups to do.
    if (key !== null) await encryptPlainBackups(path, key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
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
