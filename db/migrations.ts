import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from './store.ts';

export interface Migration {
  version: number;
  /** The file applied: `NNN_name.sql`, or its PostgreSQL twin `NNN_name.pg.sql`. */
  name: string;
  sql: string;
  /** sha256 of the text with line endings made \n (a checkout on Windows must not change it). */
  checksum: string;
}

/** Where the numbered .sql files are; the Electron bundle sets HUSTINGS_MIGRATIONS_DIR. */
function migrationsDir(): string {
  return process.env.HUSTINGS_MIGRATIONS_DIR ?? fileURLToPath(new URL('./migrations/', import.meta.url));
}

/**
 * The migrations one engine applies, in order. Each id is one file (`NNN_name.sql`) that both
 * engines run, unless a twin `NNN_name.pg.sql` beside it says what PostgreSQL runs instead.
 */
export function loadMigrations(engine: Engine = 'sqlite', dir = migrationsDir()): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{3}_[a-z0-9_-]+\.sql$/.test(f) && !f.endsWith('.pg.sql'));
  const twins = new Set(readdirSync(dir).filter((f) => /^\d{3}_[a-z0-9_-]+\.pg\.sql$/.test(f)));
  return files.sort().map((f) => {
    const twin = f.replace(/\.sql$/, '.pg.sql');
    const name = engine === 'postgres' && twins.has(twin) ? twin : f;
    const sql = readFileSync(join(dir, name), 'utf8');
    return { version: Number(f.slice(0, 3)), name, sql, checksum: createHash('sha256').update(sql.replaceAll('\r\n', '\n')).digest('hex') };
  });
}

export function latestVersion(migrations: Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * The table that records each migration as it is applied, in the same transaction; id is the
 * migration's number. Plain SQL that both engines run as it is. `user_version` is written too,
 * for backups and older versions that read it.
 */
export const CREATE_MIGRATIONS_TABLE =
  'CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** A row of the migrations table. */
export interface RecordedMigration {
  id: number;
  name: string;
  checksum: string;
}

/** How a database's record disagrees with the code's migrations: a newer version, or a different build. */
export type RecordMismatch =
  { kind: 'newer'; version: number } | { kind: 'unknown'; recorded: RecordedMigration } | { kind: 'differs'; recorded: RecordedMigration };

/**
 * Whether what a database records could have been applied by this code: every recorded id is one
 * of its migrations (a higher one means a newer version) with the same checksum. A file may be
 * renamed; its text must not change once released.
 */
export function recordMismatch(recorded: RecordedMigration[], known: Migration[]): RecordMismatch | null {
  const newest = recorded.reduce((max, r) => Math.max(max, r.id), 0);
  if (newest > latestVersion(known)) return { kind: 'newer', version: newest };
  const byId = new Map(known.map((m) => [m.version, m]));
  for (const r of [...recorded].sort((a, b) => a.id - b.id)) {
    const m = byId.get(r.id);
    if (m === undefined) return { kind: 'unknown', recorded: r };
    if (m.checksum !== r.checksum) return { kind: 'differs', recorded: r };
  }
  return null;
}
