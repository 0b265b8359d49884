/**
 * Brings a PostgreSQL database to the current schema: the migrations PostgreSQL runs (a
 * `NNN_name.pg.sql` twin where one exists), each in its own transaction and recorded in the
 * migrations table with its checksum. A database this version cannot vouch for is refused before
 * anything is written: one holding other tables but no record of ours, one recording a migration
 * this version does not have (a newer Hustings wrote it), or one whose recorded migration differs
 * from ours.
 */
import { loadMigrations, type Migration } from '../migrations.ts';
import type { Queries, Store } from '../store.ts';

export interface AppliedMigration {
  id: number;
  name: string;
}

/** Why a database was left untouched; the message says what was found and what to do. */
export class PostgresMigrationRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresMigrationRefused';
  }
}

const CREATE_MIGRATIONS =
  'CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** Held for each migration's transaction, so two servers starting at once apply it once. */
const MIGRATE_LOCK = 'SELECT pg_advisory_xact_lock(4872000012)';

interface Recorded {
  id: number;
  name: string;
  checksum: string;
}

async function recorded(q: Queries): Promise<Recorded[]> {
  return q.all<Recorded>('SELECT id, name, checksum FROM migrations ORDER BY id');
}

function refuseUnknown(found: Recorded[], known: Migration[]): void {
  const byId = new Map(known.map((m) => [m.version, m]));
  const latest = known.reduce((max, m) => Math.max(max, m.version), 0);
  for (const r of found) {
    const ours = byId.get(r.id);
    if (r.id > latest) {
      throw new PostgresMigrationRefused(
        `This database has migration ${r.id} (${r.name}) applied, newer than this version of Hustings knows (up to ${latest}). Use the newer version of Hustings with it; nothing was changed.`,
      );
    }
    if (!ours) {
      throw new PostgresMigrationRefused(
        `This database records migration ${r.id} (${r.name}), which this version of Hustings does not have. It was not made by Hustings as released; nothing was changed.`,
      );
    }
    if (ours.checksum !== r.checksum || ours.name !== r.name) {
      throw new PostgresMigrationRefused(
        `This database's migration ${r.id} (${r.name}) differs from this version's ${ours.name}: its schema cannot be trusted to match. Nothing was changed.`,
      );
    }
  }
}

/** Applies what is missing and says what it applied, in order (nothing when up to date). */
export async function migratePostgres(store: Store, known: Migration[] = loadMigrations('postgres')): Promise<AppliedMigration[]> {
  const hasRecord = await store.get<{ found: number }>(
    "SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'migrations'",
  );
  if (!hasRecord) {
    const other = await store.get<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() LIMIT 1');
    if (other) {
      throw new PostgresMigrationRefused(
        `This database already holds tables (${other.name}, …) but no record of Hustings migrations: it is not a Hustings database. Give Hustings an empty database; nothing was changed.`,
      );
    }
    await store.run(CREATE_MIGRATIONS);
  }
  const found = await recorded(store);
  refuseUnknown(found, known);

  const done = new Set(found.map((r) => r.id));
  const applied: AppliedMigration[] = [];
  for (const m of known.filter((k) => !done.has(k.version))) {
    const ran = await store.transaction(async (tx) => {
      await tx.get(MIGRATE_LOCK);
      // Checked again under the lock: another server may have applied it meanwhile.
      if (await tx.get('SELECT id FROM migrations WHERE id = ?', [m.version])) return false;
      await tx.run(m.sql);
      await tx.run('INSERT INTO migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [m.version, m.name, m.checksum, new Date().toISOString()]);
      return true;
    });
    if (ran) applied.push({ id: m.version, name: m.name });
  }
  return applied;
}
