import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase, schemaVersion } from '../../db/open.ts';
import { HUSTINGS_APPLICATION_ID } from '../../db/identity.ts';
import { latestVersion, loadMigrations } from '../../db/migrations.ts';
import { PLAIN, rawDatabase, TEST_KEYS } from '../helpers/db.ts';

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
    for (const f of readdirSync(new URL('../../db/migrations/', import.meta.url)))
      copyFileSync(new URL(`../../db/migrations/${f}`, import.meta.url), join(migrations, f));
    writeFileSync(join(migrations, '900_test_column.sql'), "ALTER TABLE elections ADD COLUMN test_note TEXT NOT NULL DEFAULT 'added';");
    process.env.HUSTINGS_MIGRATIONS_DIR = migrations;

    const upgraded = await openDatabase(path, TEST_KEYS);
    expect(schemaVersion(upgraded)).toBe(900);
    expect(upgraded.prepare('SELECT name, test_note FROM elections').all()).toEqual([{ name: 'GE', test_note: 'added' }]);
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
    await expect(openDatabase(path, TEST_KEYS)).rejects.toThrow(DatabaseTooNewError);
    await expect(openDatabase(path, TEST_KEYS)).rejects.toThrow(/newer version of Hustings \(schema 9999/);
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(9999);
    expect(after.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    after.close();
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
