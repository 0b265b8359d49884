/**
 * A file that is not a Hustings database — another application's SQLite file, even one whose
 * user_version matches ours, or not SQLite at all — is never opened, migrated or restored: it is
 * refused with a message naming it, and both it and the live data stay exactly as they were.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsDir, listBackups } from '../../db/sqlite/backup.ts';
import { HUSTINGS_APPLICATION_ID, NotHustingsDatabaseError } from '../../db/sqlite/identity.ts';
import { latestVersion, loadMigrations } from '../../db/migrations.ts';
import { openHustings } from '../../main/app.ts';
import { backupFileName } from '../../shared/domain/backups.ts';
import { fixturePath } from '../fixtures/db/build.ts';
import { ok, PLAIN, rawDatabase, TEST_KEYS } from '../helpers/db.ts';
import { fingerprint, foreignFile, markedByAnother } from '../helpers/foreign-files.ts';

const LATEST = latestVersion(loadMigrations());
const ELECTION = { type: 'local', pollingDay: '2027-05-06', nation: 'england' } as const;

// The refusals by `hustings` itself (elections list, serve, backup, restore) are in
// foreign-files-cli.test.ts, outside the fast loop.

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-foreign-'));
  dbPath = join(dir, 'campaign.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening a file that is not a Hustings database', () => {
  const cases: [string, (path: string) => unknown, RegExp][] = [
    ["another application's SQLite file with our schema version", (p) => foreignFile(p), /holds another program's data/],
    ['our tables under another application id', markedByAnother, /made by another program/],
    [
      'our schema version with one of our tables but not the rest',
      (p) => foreignFile(p, 'CREATE TABLE elections (id INTEGER PRIMARY KEY, name TEXT);'),
      /lacks the tables/,
    ],
    [
      'a SQLite file with no tables whose user_version is 11',
      (p) => {
        const db = new Database(p);
        db.pragma('user_version = 11');
        db.close();
      },
      /holds another program's data/,
    ],
    ['a text file', (p) => writeFileSync(p, 'name,address\nA. Voter,1 High Street\n'.repeat(200)), /is not a SQLite database/],
  ];

  it.each(cases)('refuses %s, naming it, and leaves it untouched', async (_label, make, why) => {
    make(dbPath);
    const before = fingerprint(dbPath);
    const opening = openHustings({ dbPath, keys: TEST_KEYS });
    await expect(opening).rejects.toThrow(NotHustingsDatabaseError);
    await expect(openHustings({ dbPath, keys: TEST_KEYS })).rejects.toThrow(
      new RegExp(`^${dbPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a Hustings database: `),
    );
    await expect(openHustings({ dbPath, keys: TEST_KEYS })).rejects.toThrow(why);
    expect(fingerprint(dbPath)).toEqual(before); // no WAL, no migration, no backup folder
  });

  it('opens a Hustings file from before the mark, checking its tables, and marks it', async () => {
    copyFileSync(fixturePath(LATEST), dbPath);
    const raw = new Database(dbPath, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(0);
    raw.close();
    const app = await openHustings({ dbPath, startupBackup: false, keys: TEST_KEYS });
    try {
      expect(app.db.pragma('application_id', { simple: true })).toBe(HUSTINGS_APPLICATION_ID);
      expect((await app.dispatch('elections.list', {})).ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('marks a new database as Hustings', async () => {
    const app = await openHustings({ dbPath, keys: TEST_KEYS });
    await app.close();
    const raw = rawDatabase(dbPath, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(HUSTINGS_APPLICATION_ID);
    raw.close();
  });
});

describe('restoring a file that is not a Hustings database', () => {
  it('the Backups page (API) refuses it with the file named; the data and the file stay as they were', async () => {
    const app = await openHustings({ dbPath, actor: 'agent', keys: PLAIN });
    try {
      await ok(app, 'elections.create', { name: 'Live', ...ELECTION });
      await ok(app, 'backups.create', {}); // makes the folder
      // Someone copied another program's database into the backups folder under a backup's name
      // (a name of its own: one made "now" could be the backup's just taken, in the same millisecond).
      const file = backupFileName('campaign', new Date('2026-01-01T09:00:00Z'), 'manual', LATEST);
      const path = join(backupsDir(dbPath), file);
      foreignFile(path);
      const before = fingerprint(path);

      const verdict = await ok(app, 'backups.verify', { file });
      expect(verdict).toMatchObject({
        ok: false,
        problems: [`${path} is not a Hustings database: it holds another program's data. Choose a backup Hustings made.`],
      });
      const refused = await app.dispatch('backups.restore', { file, confirm: true });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Not restored: ${path} is not a Hustings database: it holds another program's data. Choose a backup Hustings made.`,
        },
      });

      expect((await ok(app, 'elections.list', {})).map((e: { name: string }) => e.name)).toEqual(['Live']);
      await ok(app, 'elections.create', { name: 'Still working', ...ELECTION });
      expect(listBackups(dbPath).filter((b) => b.reason === 'restore')).toEqual([]);
      expect(readFileSync(path).toString('base64')).toEqual(before.bytes);
    } finally {
      await app.close();
    }
  });
});
