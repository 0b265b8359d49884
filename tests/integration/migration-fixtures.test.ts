/**
 * Migrations (docs/reliability.md §3): a database from every earlier schema version, with rows
 * in every table (tests/fixtures/db/vN.sqlite), upgrades to the current version with nothing
 * lost, a backup of it taken first, every migration recorded, and the app able to read it.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/sqlite/backup.ts';
import { latestVersion, loadMigrations } from '../../db/migrations.ts';
import { openHustings } from '../../main/app.ts';
import { fixturePath } from '../fixtures/db/build.ts';
import { TEST_KEYS } from '../helpers/db.ts';

const migrations = loadMigrations();
const LATEST = latestVersion(migrations);
const dir = mkdtempSync(join(tmpdir(), 'hustings-fixtures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Snapshot = Map<string, { columns: string[]; rows: unknown[][] }>;

function snapshot(path: string): Snapshot {
  const db = new Database(path, { readonly: true });
  try {
    // Rows of their own: the search index (a virtual table) and its shadow tables are derived from electors.
    const tables = db
      .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[];
    const out: Snapshot = new Map();
    for (const { name } of tables) {
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name);
      out.set(name, { columns, rows: db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all() as unknown[][] });
    }
    return out;
  } finally {
    db.close();
  }
}

/** The old rows as the upgraded database holds them, read through the old columns only. */
function rowsNow(path: string, table: string, columns: string[]): unknown[][] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`)
      .raw()
      .all() as unknown[][];
  } finally {
    db.close();
  }
}

describe('upgrading databases of every earlier schema version', () => {
  it('has a fixture for every schema version (build missing ones with node tests/fixtures/db/build.ts)', () => {
    const missing = migrations.map((m) => m.version).filter((v) => !existsSync(fixturePath(v)));
    expect(missing).toEqual([]);
  });

  for (const version of migrations.map((m) => m.version)) {
    it(`v${version} → v${LATEST}: every row kept, backed up first, readable by the app`, async () => {
      const fixture = fixturePath(version);
      const before = snapshot(fixture);
      expect(before.size).toBeGreaterThan(0);
      for (const [table, { rows }] of before) expect(rows.length, `fixture v${version} has no rows in ${table}`).toBeGreaterThan(0);

      // Put the fixture in place as the user's database and open it with the current code.
      const target = join(dir, `v${version}`, 'hustings.sqlite');
      mkdirSync(join(dir, `v${version}`), { recursive: true });
      copyFileSync(fixture, target);
      const upgraded = await openHustings({ dbPath: target, actor: 'fixture', startupBackup: false, keys: TEST_KEYS });
      try {
        expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST);
        expect(upgraded.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(upgraded.db.pragma('foreign_key_check')).toEqual([]);
        // Every migration recorded, with this version's checksums (those from before the table as of the upgrade).
        expect(upgraded.db.prepare('SELECT id, name, checksum FROM migrations ORDER BY id').all()).toEqual(
          migrations.map((m) => ({ id: m.version, name: m.name, checksum: m.checksum })),
        );
        // The app reads the old data through its own methods.
        for (const method of ['elections.list', 'areas.list', 'contests.list', 'audit.list']) {
          const r = await upgraded.dispatch(method, {});
          expect(r.ok, `${method}: ${JSON.stringify(r)}`).toBe(true);
        }
      } finally {
        await upgraded.close();
      }

      for (const [table, { columns, rows }] of before) {
        const now = rowsNow(target, table, columns);
        // The upgrade records the migrations it applied after those the fixture had.
        expect(table === 'migrations' ? now.slice(0, rows.length) : now, `rows of ${table}`).toEqual(rows);
      }

      const backups = listBackups(target);
      if (version < LATEST) {
        expect(backups.map((b) => `${b.reason} v${b.schemaVersion}`)).toEqual([`migration v${version}`]);
        const copy = snapshot(backups[0].path);
        for (const [table, { rows }] of before) expect(copy.get(table)?.rows, `backup rows of ${table}`).toEqual(rows);
      } else {
        expect(backups).toEqual([]); // nothing to migrate, nothing backed up
      }
    });
  }
});

describe('migration 015', () => {
  it('gives 2024 constituencies already imported their region by GSS code, and other areas none', async () => {
    const target = join(dir, 'regions', 'hustings.sqlite');
    mkdirSync(join(dir, 'regions'), { recursive: true });
    copyFileSync(fixturePath(14), target);
    const old = new Database(target);
    old.prepare(`UPDATE areas SET gss_code = 'E14001063' WHERE rowid = (SELECT MIN(rowid) FROM areas)`).run();
    old.close();
    const upgraded = await openHustings({ dbPath: target, actor: 'fixture', startupBackup: false, keys: TEST_KEYS });
    try {
      const regions = upgraded.db.prepare('SELECT gss_code, region FROM areas ORDER BY rowid').raw().all() as string[][];
      expect(regions[0]).toEqual(['E14001063', 'South East']);
      expect(regions.slice(1).every(([, region]) => region === '')).toBe(true);
    } finally {
      await upgraded.close();
    }
  });
});
