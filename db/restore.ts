import { resolve } from 'node:path';
import { AppError } from '../shared/contract/result.ts';
import { type BackupInfo, inspectBackup, takeBackup } from './sqlite/backup.ts';
import { refillElectorSearch } from './elector-search.ts';
import { attachBackup, type BackupKey } from './sqlite/encryption/backup-keys.ts';
import { keyOf } from './sqlite/encryption/cipher.ts';
import { reapplyErasures } from './erasure-log.ts';
import { erasedAgainSentence } from '../shared/domain/erasure.ts';
import { schemaVersion } from './sqlite/identity.ts';
import { type Db, migrate } from './sqlite/open.ts';
import { SqliteStore } from './sqlite/store.ts';

/**
 * What a restore did. A result object rather than a bare value so later steps (erasures applied
 * again after restoring an older backup) can add what they did and say so through `notes`.
 */
export interface RestoreResult {
  /** The backup of the data as it was just before the restore. */
  safetyBackup: BackupInfo;
  /** Schema version of the file restored, before it was brought up to date. */
  restoredVersion: number;
  schemaVersion: number;
  /** People in the backup erased since it was taken, erased again before anyone sees them. */
  erasuresReapplied: number;
  /** Sentences for the user about what else the restore did, in order. */
  notes: string[];
}

/** The name the backup is attached under while it is copied in. */
const SOURCE = 'restore_source';

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

interface SchemaObject {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  sql: string | null;
}

/**
 * Replaces everything in the live database with the backup's schema and rows, in ONE transaction
 * on the live connection, so the app's own connection (and any reader) sees either the old data
 * or the restored data, never a mixture. SQLite's backup API would be simpler but refuses
 * encrypted files; this way the backup may have any key and the live file keeps its own.
 */
function copyIntoLive(db: Db, file: string, key: BackupKey): void {
  attachBackup(db, file, SOURCE, key); // ATTACH cannot run inside a transaction
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF'); // tables are dropped and refilled in whatever order they come
  try {
    db.transaction(() => {
      const live = db.prepare(`SELECT type, name FROM main.sqlite_schema WHERE name NOT LIKE 'sqlite_%'`).all() as SchemaObject[];
      // Views and triggers first (they name tables); indexes go with their tables.
      for (const type of ['view', 'trigger', 'table'] as const) {
        for (const o of live.filter((x) => x.type === type)) db.exec(`DROP ${type.toUpperCase()} IF EXISTS main.${ident(o.name)}`);
      }
      const restored = db
        .prepare(`SELECT type, name, sql FROM ${SOURCE}.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`)
        .all() as SchemaObject[];
      // A virtual table (the elector search index) creates its own shadow tables, which hold an
      // index derived from other tables: it is filled from them once they are copied.
      const kinds = new Map(
        (db.prepare('SELECT name, type FROM pragma_table_list WHERE schema = ?').all(SOURCE) as { name: string; type: string }[]).map((t) => [t.name, t.type]),
      );
      const tables = restored.filter((o) => o.type === 'table' && kinds.get(o.name) !== 'shadow');
      for (const t of tables) db.exec(t.sql as string);
      for (const t of tables.filter((o) => kinds.get(o.name) === 'virtual')) {
        if (t.name !== 'electors_search') throw new Error(`The backup has a virtual table ${t.name} that a restore cannot fill.`);
      }
      for (const t of tables.filter((o) => kinds.get(o.name) !== 'virtual')) {
        // Named columns: generated ones are left to compute themselves.
        const columns = (db.prepare('SELECT name FROM pragma_table_info(?, ?)').all(t.name, SOURCE) as { name: string }[]).map((c) => ident(c.name)).join(', ');
        db.exec(`INSERT INTO main.${ident(t.name)} (${columns}) SELECT ${columns} FROM ${SOURCE}.${ident(t.name)}`);
      }
      // AUTOINCREMENT counters exactly as in the backup (the inserts above set their own).
      const hasSequence = (schema: string) => db.prepare(`SELECT 1 FROM ${schema}.sqlite_schema WHERE name = 'sqlite_sequence'`).get() !== undefined;
      if (hasSequence('main')) db.exec('DELETE FROM main.sqlite_sequence');
      if (hasSequence(SOURCE)) db.exec(`INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM ${SOURCE}.sqlite_sequence`);
      if (kinds.get('electors_search') === 'virtual') refillElectorSearch(db);
      // Triggers last, so copying the rows did not fire them.
      for (const type of ['index', 'view', 'trigger'] as const) for (const o of restored.filter((x) => x.type === type)) db.exec(o.sql as string);
      db.pragma(`user_version = ${Number(db.pragma(`${SOURCE}.user_version`, { simple: true }))}`);
      db.pragma(`application_id = ${Number(db.pragma(`${SOURCE}.application_id`, { simple: true }))}`);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    db.exec(`DETACH DATABASE ${SOURCE}`);
  }
}

/**
 * Restores a backup into the open database: opens and checks the file (key, integrity, Hustings
 * identity, schema version), backs up the current data, copies the backup in, brings its schema
 * up to date, erases again the people erased since (the erasure log beside the database) and
 * checks the result; if any of that fails the data from before is put back.
 * A backup opens with the live database's key, or with `opts.passphrase`: the backup passphrase
 * of a copy, or the recovery key of the database it came from. The live file keeps its own key.
 */
export async function restoreBackup(db: Db, dbPath: string, file: string, opts: { passphrase?: string } = {}): Promise<RestoreResult> {
  if (resolve(file) === resolve(dbPath)) throw new AppError('invalid_input', 'That is the database itself, not a backup of it.');
  const liveKey = keyOf(db);
  const { verdict, schemaVersion: restoredVersion, locked, opensWith } = inspectBackup(file, { key: liveKey, given: opts.passphrase });
  if (!verdict.ok) {
    const problems = verdict.problems.join(' ');
    throw new AppError('invalid_input', `Not restored: ${problems}`, locked ? { passphrase: problems } : undefined);
  }
  if (db.inTransaction) throw new Error('restoreBackup must not run inside a transaction');

  const safetyBackup = await takeBackup(db, dbPath, 'restore');
  copyIntoLive(db, file, opensWith ?? null);
  let erasuresReapplied: number;
  try {
    await migrate(db, dbPath);
    erasuresReapplied = await reapplyErasures(new SqliteStore(db), dbPath, liveKey);
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check after restoring: ${String(check)}`);
  } catch (error) {
    copyIntoLive(db, safetyBackup.path, liveKey);
    throw new AppError(
      'conflict',
      `The restore did not check out, so the data from before it is back (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const notes = erasuresReapplied > 0 ? [erasedAgainSentence(erasuresReapplied)] : [];
  return { safetyBackup, restoredVersion: restoredVersion ?? 0, schemaVersion: schemaVersion(db), erasuresReapplied, notes };
}
