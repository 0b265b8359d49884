/**
 * Whether a SQLite file is a Hustings database. Hustings marks its files with
 * `PRAGMA application_id`; a file without the mark (made before the mark existed, or restored
 * from such a backup) is accepted only when it has every table and column the Hustings schema of
 * its version has. Anything else is another application's file and is never migrated or restored.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { applyKey } from './encryption/cipher.ts';
import { latestVersion, loadMigrations } from './migrations.ts';

/** "Hust" in ASCII, stored at offset 68 of the SQLite file header. */
export const HUSTINGS_APPLICATION_ID = 0x48757374;

/** A database file Hustings will not open or restore; its message names the file and why. */
export class DatabaseRefusedError extends Error {}

export class NotHustingsDatabaseError extends DatabaseRefusedError {}

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
 * Why the file at `path` is not a Hustings database, or null when it is one or is new (missing
 * or empty). Reads it through a read-only connection (keyed with `key` when the file is
 * encrypted), so a refused file is left exactly as it was.
 */
export function fileProblem(path: string, key: Buffer | null = null): string | null {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (stat.isDirectory()) return 'it is a folder';
  if (stat.size === 0) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    if (key !== null) applyKey(db, key);
    return schemaProblem(db);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return 'it is not a SQLite database';
    return `it cannot be read (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    db?.close();
  }
}

/** The refusal for a file that is not a Hustings database: names the file and why. */
export function notHustings(path: string, problem: string): NotHustingsDatabaseError {
  return new NotHustingsDatabaseError(`${path} is not a Hustings database: ${problem}. Nothing in it was changed.`);
}

export function markAsHustings(db: Database.Database): void {
  db.pragma(`application_id = ${HUSTINGS_APPLICATION_ID}`);
}
