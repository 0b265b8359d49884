/**
 * Migrations (docs/reliability.md §3): each applied one is recorded in the migrations table (id,
 * name, checksum, applied at); a file from before the table upgrades in place; a database from a
 * newer version or a different build is refused, opened or restored, and left untouched.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsDir, listBackups } from '../../db/sqlite/backup.ts';
import { openDatabase } from '../../db/sqlite/open.ts';
import { DatabaseTooNewError, HUSTINGS_APPLICATION_ID, schemaVersion } from '../../db/sqlite/identity.ts';
import { latestVersion, loadMigrations } from '../../db/migrations.ts';
import { openHustings } from '../../main/app.ts';
import { backupFileName } from '../../shared/domain/backups.ts';
import { fixturePath } from '../fixtures/db/build.ts';
import { ELECTION, names } from '../helpers/backups.ts';
import { hustings } from '../helpers/cli.ts';
import { ok, PLAIN, rawDatabase, TEST_KEYS } from '../helpers/db.ts';

const KNOWN = loadMigrations();
const LATEST = latestVersion(KNOWN);
const MIGRATIONS_DIR = new URL('../../db/migrations/', import.meta.url);

const dirs: string[] = [];
function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'hustings-mig-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  delete process.env.HUSTINGS_MIGRATIONS_DIR;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('build an empty database at the latest version with the agreed pragmas', async () => {
    const db = await openDatabase(join(tempDir(), 'h.sqlite'), TEST_KEYS);
    expect(schemaVersion(db)).toBe(latestVersion(loadMigrations()));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('upgrade a populated database, back it up first, and lose nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'h.sqlite');
    const db = await openDatabase(path, PLAIN);
    db.prepare(
      "INSERT INTO elections (name, type, polling_day, nation, created_at, updated_at) VALUES ('GE', 'uk-parliament', '2029-05-03', 'england', 'x', 'x')",
    ).run();
    const version = schemaVersion(db);
    db.close();

    // A later release adds a migration.
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    for (const f of readdirSync(MIGRATIONS_DIR)) copyFileSync(new URL(f, MIGRATIONS_DIR), join(migrations, f));
    writeFileSync(join(migrations, '900_test_column.sql'), "ALTER TABLE elections ADD COLUMN test_note TEXT NOT NULL DEFAULT 'added';");
    process.env.HUSTINGS_MIGRATIONS_DIR = migrations;

    const upgraded = await openDatabase(path, TEST_KEYS);
    expect(schemaVersion(upgraded)).toBe(900);
    expect(upgraded.prepare('SELECT name, test_note FROM elections').all()).toEqual([{ name: 'GE', test_note: 'added' }]);
    expect(upgraded.prepare('SELECT id, name FROM migrations WHERE id > ?').all(version)).toEqual([{ id: 900, name: '900_test_column.sql' }]);
    upgraded.close();
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(new RegExp(`^h-\\d{8}T\\d{9}Z-migration-v${version}\\.sqlite$`));
    const copy = new Database(join(dir, 'backups', backups[0]), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(version);
    expect(copy.prepare('SELECT name FROM elections').all()).toEqual([{ name: 'GE' }]);
    copy.close();
  });

  it('refuse a database written by a newer version, leaving it untouched', async () => {
    const path = join(tempDir(), 'h.sqlite');
    const raw = new Database(path);
    raw.pragma(`application_id = ${HUSTINGS_APPLICATION_ID}`); // a newer Hustings marks its files too
    raw.pragma('user_version = 9999');
    raw.close();
    const before = fingerprint(path);
    await expect(openDatabase(path, TEST_KEYS)).rejects.toThrow(DatabaseTooNewError);
    await expect(openDatabase(path, TEST_KEYS)).rejects.toThrow(/newer version of Hustings \(schema 9999/);
    expect(fingerprint(path)).toEqual(before);
  });

  it('roll back every pending migration when one fails', async () => {
    const dir = tempDir();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '001_ok.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(migrations, '002_broken.sql'), 'CREATE TABLE b (x); THIS IS NOT SQL;');
    process.env.HUSTINGS_MIGRATIONS_DIR = migrations;
    const path = join(dir, 'h.sqlite');
    await expect(openDatabase(path, TEST_KEYS)).rejects.toThrow();
    const raw = rawDatabase(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
    raw.close();
  });
});

interface Recorded {
  id: number;
  name: string;
  checksum: string;
  applied_at: string;
}

/** What the code's migrations look like recorded, at one instant. */
function recordedAt(at: string): Recorded[] {
  return KNOWN.map((m) => ({ id: m.version, name: m.name, checksum: m.checksum, applied_at: at }));
}

/** The file and the folder around it (a WAL, a backups folder), byte for byte. */
function fingerprint(path: string) {
  return { bytes: readFileSync(path).toString('base64'), files: readdirSync(join(path, '..')).sort() };
}

/**
 * A database at `path` made by this version (plain, so its bytes can be compared), whose
 * migrations table then says `rows`, written behind the app's back as another build would have.
 */
async function databaseRecording(path: string, rows: (now: Recorded[]) => Recorded[]) {
  (await openDatabase(path, PLAIN)).close();
  rewriteRecord(path, rows);
}

function rewriteRecord(path: string, rows: (now: Recorded[]) => Recorded[]) {
  const raw = new Database(path);
  // The table as this version makes it (written out here, so an old build without it can be tested).
  raw.exec('CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const now = raw.prepare('SELECT id, name, checksum, applied_at FROM migrations ORDER BY id').all() as Recorded[];
  raw.exec('DELETE FROM migrations');
  const insert = raw.prepare('INSERT INTO migrations (id, name, checksum, applied_at) VALUES (@id, @name, @checksum, @applied_at)');
  for (const row of rows(now.length > 0 ? now : recordedAt('2026-06-01T09:00:00.000Z'))) insert.run(row);
  raw.pragma('journal_mode = DELETE'); // one self-contained file, so "untouched" means its bytes
  raw.close();
}

const other = (checksum: string) => `${checksum.slice(0, -4)}beef`;
const twelve = KNOWN.find((m) => m.version === 12) as { name: string };

describe('the migrations table', () => {
  it('records every migration of a new database: id, file, checksum, when', async () => {
    const before = new Date().toISOString();
    const db = await openDatabase(join(tempDir(), 'h.sqlite'), TEST_KEYS);
    try {
      const rows = db.prepare('SELECT id, name, checksum, applied_at FROM migrations ORDER BY id').all() as Recorded[];
      expect(rows.map(({ id, name, checksum }) => ({ id, name, checksum }))).toEqual(KNOWN.map((m) => ({ id: m.version, name: m.name, checksum: m.checksum })));
      expect(rows.every((r) => r.applied_at >= before && r.applied_at <= new Date().toISOString())).toBe(true);
      expect(schemaVersion(db)).toBe(LATEST);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST); // still written: backups and older versions read it
    } finally {
      db.close();
    }
  });

  it('is given to a file from before it: versions 1..N recorded at the upgrade, the rest applied and recorded', async () => {
    const path = join(tempDir(), 'h.sqlite');
    copyFileSync(fixturePath(11), path);
    const before = new Date().toISOString();
    const db = await openDatabase(path, TEST_KEYS);
    try {
      const rows = db.prepare('SELECT id, name, checksum, applied_at FROM migrations ORDER BY id').all() as Recorded[];
      expect(rows.map(({ id, name, checksum }) => ({ id, name, checksum }))).toEqual(KNOWN.map((m) => ({ id: m.version, name: m.name, checksum: m.checksum })));
      const upgradedAt = rows[0].applied_at;
      expect(upgradedAt >= before).toBe(true);
      expect(rows.filter((r) => r.id <= 11).every((r) => r.applied_at === upgradedAt)).toBe(true);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    } finally {
      db.close();
    }
    expect(listBackups(path).map((b) => `${b.reason} v${b.schemaVersion}`)).toEqual(['migration v11']);
  });

  it('is given to a current file from before it without a backup, and is not touched again', async () => {
    const path = join(tempDir(), 'h.sqlite');
    copyFileSync(fixturePath(LATEST), path);
    const first = await openDatabase(path, TEST_KEYS);
    const recorded = first.prepare('SELECT * FROM migrations ORDER BY id').all();
    first.close();
    expect(recorded).toHaveLength(KNOWN.length);
    expect(existsSync(backupsDir(path))).toBe(false);
    const again = await openDatabase(path, TEST_KEYS);
    expect(again.prepare('SELECT * FROM migrations ORDER BY id').all()).toEqual(recorded);
    again.close();
  });
});

describe('restoring a backup from before the migrations table', () => {
  it('records its migrations as of the restore and applies the rest', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'campaign.sqlite');
    const app = await openHustings({ dbPath, actor: 'agent', keys: PLAIN });
    try {
      await ok(app, 'backups.create', {}); // makes the folder
      const file = backupFileName('campaign', new Date('2026-01-01T09:00:00Z'), 'manual', 11);
      copyFileSync(fixturePath(11), join(backupsDir(dbPath), file));
      const restored = await ok(app, 'backups.restore', { file, confirm: true });
      expect(restored).toMatchObject({ restoredVersion: 11, schemaVersion: LATEST });
      expect(app.db.prepare('SELECT id, checksum FROM migrations ORDER BY id').all()).toEqual(KNOWN.map((m) => ({ id: m.version, checksum: m.checksum })));
    } finally {
      await app.close();
    }
  });
});

describe('a database this version must not open', () => {
  const cases: [string, (now: Recorded[]) => Recorded[], RegExp | string, (p: string) => string][] = [
    [
      'a newer version, by its migrations table alone',
      (now) => [...now, { id: LATEST + 1, name: `${LATEST + 1}_from_the_future.sql`, checksum: 'f'.repeat(64), applied_at: '2027-01-01T00:00:00.000Z' }],
      'DatabaseTooNewError',
      (p) =>
        `${p} was written by a newer version of Hustings (schema ${LATEST + 1}; this version knows up to ${LATEST}). Install the newer version, or open a backup taken before the upgrade. Nothing in it was changed.`,
    ],
    [
      'a different build: a recorded migration differs from this version’s file',
      (now) => now.map((r) => (r.id === 12 ? { ...r, checksum: other(r.checksum) } : r)),
      'MigrationMismatchError',
      (p) =>
        `${p} was not opened: recorded migration 012 (${twelve.name}) differs from this version's: the file was written by a different build of Hustings. ` +
        'Open it with that build, or restore a backup taken before that build opened it (`hustings restore`). Nothing in it was changed.',
    ],
  ];

  it.each(cases)('refuses %s, naming the file, and leaves it untouched', async (_label, rows, errorClass, message) => {
    const dir = tempDir();
    const path = join(dir, 'h.sqlite');
    await databaseRecording(path, rows);
    const before = fingerprint(path);
    const opening = openDatabase(path, PLAIN);
    await expect(opening).rejects.toThrow(message(path));
    expect(((await opening.catch((e: unknown) => e)) as Error).constructor.name).toBe(errorClass);
    expect(fingerprint(path)).toEqual(before); // no WAL switch, no backup, no migration, no mark
    // The command line says the same in one sentence.
    const r = hustings('elections', 'list', '--db', path);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${message(path)}\n`);
    expect(fingerprint(path)).toEqual(before);
  });

  it('refuses a recorded migration this version does not have, even below its newest', async () => {
    const dir = tempDir();
    const path = join(dir, 'h.sqlite');
    await databaseRecording(path, (now) => now);
    // This version is one without migration 017 (a different build), but with 018.
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => !f.startsWith('017_'))) copyFileSync(new URL(f, MIGRATIONS_DIR), join(migrations, f));
    process.env.HUSTINGS_MIGRATIONS_DIR = migrations;
    const before = fingerprint(path);
    await expect(openDatabase(path, PLAIN)).rejects.toThrow(
      `${path} was not opened: recorded migration 017 (017_polling_day.sql) is not one this version has: the file was written by a different build of Hustings.`,
    );
    expect(fingerprint(path)).toEqual(before);
  });

  it('opens a file whose recorded migrations match, though their names were spelt otherwise', async () => {
    const path = join(tempDir(), 'h.sqlite');
    await databaseRecording(path, (now) => now.map((r) => ({ ...r, name: r.name.toUpperCase() })));
    const db = await openDatabase(path, PLAIN);
    expect(schemaVersion(db)).toBe(LATEST);
    db.close();
  });
});

describe('restoring a backup this version must not restore', () => {
  /** Makes a backup-named file in the backups folder from `make`, given the path of a good backup. */
  const cases: [string, (path: string, good: string) => void, (p: string) => string][] = [
    [
      "(a) another program's SQLite file with user_version 11",
      (path) => {
        const db = new Database(path);
        db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('shopping');");
        db.pragma('user_version = 11');
        db.close();
      },
      (p) => `${p} is not a Hustings database: it holds another program's data. Choose a backup Hustings made.`,
    ],
    [
      '(b) a backup recording a migration of a different build',
      (path, good) => {
        copyFileSync(good, path);
        rewriteRecord(path, (now) => now.map((r) => (r.id === 12 ? { ...r, checksum: other(r.checksum) } : r)));
      },
      (p) =>
        `${p}: recorded migration 012 (${twelve.name}) differs from this version's: the file was written by a different build of Hustings. Restore it with that build, or choose another backup.`,
    ],
    [
      '(c) a backup from a newer version (by its migrations table)',
      (path, good) => {
        copyFileSync(good, path);
        rewriteRecord(path, (now) => [...now, { id: LATEST + 1, name: 'x.sql', checksum: 'f'.repeat(64), applied_at: '2027-01-01T00:00:00.000Z' }]);
      },
      () => `The file was made by a newer version of Hustings (schema ${LATEST + 1}; this version knows up to ${LATEST}). Update Hustings, then restore it.`,
    ],
  ];

  it.each(cases)('refuses %s before anything in the live data changes', async (_label, make, problem) => {
    const dir = tempDir();
    const dbPath = join(dir, 'campaign.sqlite');
    const app = await openHustings({ dbPath, actor: 'agent', keys: PLAIN });
    try {
      await ok(app, 'elections.create', { name: 'Live', ...ELECTION });
      const good = await ok(app, 'backups.create', {});
      await ok(app, 'elections.create', { name: 'Made after the backup', ...ELECTION });
      const file = backupFileName('campaign', new Date('2026-01-01T09:00:00Z'), 'manual', LATEST);
      const path = join(backupsDir(dbPath), file);
      make(path, join(backupsDir(dbPath), good.file));
      const before = fingerprint(path);
      const backupsBefore = listBackups(dbPath).map((b) => b.file);

      expect(await ok(app, 'backups.verify', { file })).toMatchObject({ ok: false, problems: [problem(path)] });
      expect(await app.dispatch('backups.restore', { file, confirm: true })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: `Not restored: ${problem(path)}` },
      });
      const cli = hustings('restore', path, '--db', dbPath);
      expect(cli.err).toBe(`Not restored: ${problem(path)}\n`);
      expect(cli.code).toBe(1);

      expect((await ok(app, 'elections.list', {})).map((e: { name: string }) => e.name)).toEqual(['Live', 'Made after the backup']);
      expect(names(dbPath)).toEqual(['Live', 'Made after the backup']);
      expect(listBackups(dbPath).map((b) => b.file)).toEqual(backupsBefore); // not even the safety backup
      expect(fingerprint(path)).toEqual(before);
      await ok(app, 'elections.create', { name: 'Still working', ...ELECTION });
    } finally {
      await app.close();
    }
  });
});
