/**
 * Whether this version of Hustings may open or restore a SQLite file. Hustings marks its files
 * with `PRAGMA application_id`; a file without the mark (made before the mark existed, or restored
 * from such a backup) is accepted only when it has every table and column the Hustings schema of
 * its version has. Anything else is another application's file and is never migrated or restored.
 * A Hustings file must also be one this version can read: not from a newer version, and recording
 * no migration this build lacks or has with another text (a different build of Hustings).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { applyKey } from './encryption/cipher.ts';
import { latestVersion, loadMigrations, type Migration, recordMismatch, type RecordMismatch, type RecordedMigration } from '../migrations.ts';

/** "Hust" in ASCII, stored at offset 68 of the SQLite file header. */
export const HUSTINGS_APPLICATION_ID = 0x48757374;

/** A database file Hustings will not open or restore; its message names the file and why. */
export class DatabaseRefusedError extends Error {}

export class NotHustingsDatabaseError extends DatabaseRefusedError {}

export class DatabaseTooNewError extends DatabaseRefusedError {}

/** A file from an older version, where the caller asked not to upgrade it (a copy reads it as it is). */
export class DatabaseTooOldError extends DatabaseRefusedError {}

/** A file recording a migration this build lacks, or has with another text: another build wrote it. */
export class MigrationMismatchError extends DatabaseRefusedError {}

type Shape = Map<string, Set<string>>;

function shapeOf(db: Database.Database): Shape {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
  const shape: Shape = new Map();
  for (const { name } of tables) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[];
    shape.set(name, new Set(columns.map((c) => c.name)));
  }
  return shape;
}

/** The tables and columns a Hustings database of this schema version has. */
function expectedShape(version: number): Shape {
  const scratch = new Database(':memory:');
  try {
    for (const m of loadMigrations().filter((m) => m.version <= version)) scratch.exec(m.sql);
    return shapeOf(scratch);
  } finally {
    scratch.close();
  }
}

export function isMarked(db: Database.Database): boolean {
  return db.pragma('application_id', { simple: true }) === HUSTINGS_APPLICATION_ID;
}

function list(names: string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

/** Why an open connection is not a Hustings database (a clause for "X is not … : <why>"), or null. */
export function schemaProblem(db: Database.Database): string | null {
  if (isMarked(db)) return null;
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== 0) return `it was made by another program (application id ${appId})`;
  const actual = shapeOf(db);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0) return actual.size === 0 ? null : "it holds another program's data";
  const expected = expectedShape(Math.min(version, latestVersion(loadMigrations())));
  const missingTables = [...expected.keys()].filter((t) => !actual.has(t));
  if (missingTables.length === expected.size) return "it holds another program's data";
  if (missingTables.length > 0) return `it lacks the tables ${list(missingTables)} that Hustings keeps its data in`;
  for (const [table, columns] of expected) {
    const missing = [...columns].filter((c) => !actual.get(table)?.has(c));
    if (missing.length > 0) return `its table ${table} lacks the columns ${list(missing)}`;
  }
  return null;
}

/**
 * Why this version must not open the file at `path` (see `refusal`), or null when it may or the
 * file is new (missing or empty). Reads it through a read-only connection (keyed with `key` when
 * the file is encrypted), so a refused file is left exactly as it was.
 */
export function fileRefusal(path: string, key: Buffer | null = null): DatabaseRefusedError | null {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (stat.isDirectory()) return notHustings(path, 'it is a folder');
  if (stat.size === 0) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    if (key !== null) applyKey(db, key);
    return refusal(db, path);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return notHustings(path, 'it is not a SQLite database');
    return notHustings(path, `it cannot be read (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    db?.close();
  }
}

/**
 * Why a Hustings file that is to be read as it is (not upgraded) cannot be: it is from an older
 * version, or holds nothing yet; null when it is at this version's schema. Read-only, like `fileRefusal`.
 */
export function fileTooOld(path: string, key: Buffer | null): DatabaseTooOldError | null {
  let version = 0;
  if (existsSync(path) && statSync(path).size > 0) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      if (key !== null) applyKey(db, key);
      version = schemaVersion(db);
    } finally {
      db.close();
    }
  }
  const latest = latestVersion(loadMigrations());
  if (version >= latest) return null;
  if (version === 0) return new DatabaseTooOldError(`${path} holds no Hustings campaign yet. Nothing in it was changed.`);
  return new DatabaseTooOldError(
    `${path} is from an older version of Hustings (schema ${version}; this version is at ${latest}). ` +
      `Open it once with this version (for example \`hustings elections list --db ${path}\`), which upgrades it after a backup, then try again. Nothing in it was changed.`,
  );
}

/** The refusal for a file that is not a Hustings database: names the file and why. */
export function notHustings(path: string, problem: string): NotHustingsDatabaseError {
  return new NotHustingsDatabaseError(
    `${path} is not a Hustings database: ${problem}. Open your Hustings database instead, or move this file away to start a new one. Nothing in it was changed.`,
  );
}

export function markAsHustings(db: Database.Database): void {
  db.pragma(`application_id = ${HUSTINGS_APPLICATION_ID}`);
}

function hasMigrationsTable(db: Database.Database): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'`).get() !== undefined;
}

/** The migrations the database records; none for a file from before the migrations table. */
export function recordedMigrations(db: Database.Database): RecordedMigration[] {
  if (!hasMigrationsTable(db)) return [];
  return db.prepare('SELECT id, name, checksum FROM migrations ORDER BY id').all() as RecordedMigration[];
}

/**
 * The schema version of a Hustings database: the newest migration it records, or its
 * `user_version` (written with every migration, and all a file from before the table has).
 */
export function schemaVersion(db: Database.Database): number {
  const recorded = recordedMigrations(db);
  return Math.max(db.pragma('user_version', { simple: true }) as number, ...recorded.map((r) => r.id));
}

/** Whether a Hustings database is from a newer version or a different build than this code's `known` migrations. */
export function versionMismatch(db: Database.Database, known: Migration[] = loadMigrations()): RecordMismatch | null {
  const version = schemaVersion(db);
  if (version > latestVersion(known)) return { kind: 'newer', version };
  return recordMismatch(recordedMigrations(db), known);
}

/** "recorded migration 012 (012_x.sql) differs from this version's: …", for a message naming the file. */
export function differentBuild(mismatch: Exclude<RecordMismatch, { kind: 'newer' }>): string {
  const { id, name } = mismatch.recorded;
  const how = mismatch.kind === 'differs' ? "differs from this version's" : 'is not one this version has';
  return `recorded migration ${String(id).padStart(3, '0')} (${name}) ${how}: the file was written by a different build of Hustings`;
}

/**
 * Why this version must not open or migrate the database `path` on this connection: another
 * program's file, one from a newer version, or one from a different build; null when it may.
 */
export function refusal(db: Database.Database, path: string): DatabaseRefusedError | null {
  const problem = schemaProblem(db);
  if (problem !== null) return notHustings(path, problem);
  const known = loadMigrations();
  const mismatch = versionMismatch(db, known);
  if (mismatch === null) return null;
  if (mismatch.kind === 'newer') {
    return new DatabaseTooNewError(
      `${path} was written by a newer version of Hustings (schema ${mismatch.version}; this version knows up to ${latestVersion(known)}). ` +
        'Install the newer version, or open a backup taken before the upgrade. Nothing in it was changed.',
    );
  }
  return new MigrationMismatchError(
    `${path} was not opened: ${differentBuild(mismatch)}. ` +
      'Open it with that build, or restore a backup taken before that build opened it (`hustings restore`). Nothing in it was changed.',
  );
}
