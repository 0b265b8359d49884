import Database from 'better-sqlite3-multiple-ciphers';
import { dirname } from 'node:path';
import { backupBeforeMigrating } from './backup.ts';
import { applyKey } from './encryption/cipher.ts';
import { cleanUpInterruptedConversion, encryptPlainBackups } from './encryption/convert.ts';
import { type EncryptionState, type KeySource, unlock } from './encryption/unlock.ts';
import { makeFolder } from '../folders.ts';
import { cacheStatements } from './statement-cache.ts';
import { fileRefusal, fileTooOld, isMarked, markAsHustings, recordedMigrations, refusal, schemaVersion } from './identity.ts';
import { CREATE_MIGRATIONS_TABLE, latestVersion, loadMigrations } from '../migrations.ts';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the user's database: keyed first when it is encrypted (a new one is
 * created encrypted unless `keys.plain`), then WAL, foreign keys on, synchronous FULL so an
 * acknowledged write survives a crash; then brings the schema up to date. A file that is not a
 * Hustings database, one from a newer version or a different build, or a key that does not open
 * it, is refused before anything is written to it (not even the WAL switch). Also says what the
 * app must know of the encryption. With `upgrade: false` (a campaign read to be copied elsewhere)
 * a file from an older version is refused instead of migrated.
 */
export async function openKeyedDatabase(path: string, keys: KeySource, opts: { upgrade?: boolean } = {}): Promise<{ db: Db; encryption: EncryptionState }> {
  if (path !== ':memory:') {
    makeFolder(dirname(path));
    // What a killed conversion left (before the key file is read: one may belong to it).
    cleanUpInterruptedConversion(path);
  }
  const unlocked = await unlock(path, keys);
  if (path !== ':memory:') {
    const refused = fileRefusal(path, unlocked.key) ?? (opts.upgrade === false ? fileTooOld(path, unlocked.key) : null);
    if (refused !== null) throw refused;
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

/**
 * Brings the schema up to date (backing the file up first), refusing another application's file
 * or one this version cannot read (`refusal`), and marks the file as Hustings'. Each migration is
 * recorded in the migrations table in the transaction that applies it; a file from before the
 * table gets it, with the migrations its `user_version` says it has recorded as of now.
 */
export async function migrate(db: Db, path: string): Promise<void> {
  const refused = refusal(db, path);
  if (refused !== null) throw refused;
  const migrations = loadMigrations();
  const current = schemaVersion(db);
  const recorded = new Set(recordedMigrations(db).map((r) => r.id));
  const unrecorded = migrations.filter((m) => m.version <= current && !recorded.has(m.version));
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0 && unrecorded.length === 0) {
    if (!isMarked(db)) markAsHustings(db); // a file from before the mark: upgraded in place
    return;
  }
  if (pending.length > 0 && current > 0 && path !== ':memory:') await backupBeforeMigrating(db, path, current);
  db.transaction(() => {
    db.exec(CREATE_MIGRATIONS_TABLE);
    const record = db.prepare('INSERT INTO migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
    const upgradedAt = new Date().toISOString();
    for (const m of unrecorded) record.run(m.version, m.name, m.checksum, upgradedAt);
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.version, m.name, m.checksum, new Date().toISOString());
    }
    db.pragma(`user_version = ${Math.max(current, latestVersion(migrations))}`);
    markAsHustings(db);
  })();
}
