/**
 * Backups of an encrypted database (issue 15): every backup is a `VACUUM INTO` copy carrying the
 * database's key, owner-only and checked after writing; a copy for taking off the machine has a
 * backup passphrase of its own (SQLCipher 4 passphrase mode); a backup with another key is
 * restored only with its passphrase or its database's recovery key; automatic backups older than
 * the retention are deleted. Every scan for a person's strings is first shown to find them.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupAtStartupIfDue, backupsDir, inspectBackup, listBackups, RETENTION_SETTING, takeBackup } from '../../db/sqlite/backup.ts';
import { formatRecoveryKey, generateDataKey } from '../../db/sqlite/encryption/keys.ts';
import { putSetting } from '../../db/repositories/settings.ts';
import { fixturePath } from '../fixtures/db/build.ts';
import { type Hustings, openHustings } from '../../main/app.ts';
import { backupFileName } from '../../shared/domain/backups.ts';
import { hustings } from '../helpers/cli.ts';
import { ok } from '../helpers/db.ts';
import { HEADINGS, importCsv } from '../helpers/register.ts';

// Tests here start the command line several times each (Node start-up plus a scrypt unlock per
// run): on a loaded 2-core machine that outgrows the default 30 s, though nothing is wrong.
vi.setConfig({ testTimeout: 120_000 });

let dir: string;
let dbPath: string;
const KEY = generateDataKey();
const PERSON = ['Quillfeather', '17 Zanzibar Crescent'];
const ELECTION = { type: 'local', pollingDay: '2026-05-07', nation: 'england' } as const;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-backup-enc-'));
  dbPath = join(dir, 'campaign.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Whether any of the strings' bytes occur in the file. */
function mentions(file: string, strings = PERSON): boolean {
  const bytes = readFileSync(file);
  return strings.some((s) => bytes.includes(Buffer.from(s, 'utf8')));
}

/** A database holding one person from a register import, the other door's data beside it. */
async function withPerson(keys: { key: Buffer } | { plain: true }, path = dbPath): Promise<Hustings> {
  const app = await openHustings({ dbPath: path, keys, actor: 'tester', startupBackup: false });
  const areaId = (await ok(app, 'areas.create', { name: 'Abbey', kind: 'ward', nation: 'england', electorate: 4000, classification: null })).id;
  const done = await importCsv(app, areaId, [HEADINGS, 'AA,1,,,Quillfeather,Ottoline,17 Zanzibar Crescent,Newtown,AB1 2CD'].join('\r\n'));
  expect(done.state, done.message).toBe('done');
  return app;
}

async function electionNames(app: Hustings): Promise<string[]> {
  return (await ok(app, 'elections.list', {})).map((e: { name: string }) => e.name);
}

describe('backups of an encrypted database', () => {
  it('hold none of a person’s strings, where a plain database’s backup shows them (so the scan works)', async () => {
    const plain = await withPerson({ plain: true }, join(dir, 'plain.sqlite'));
    try {
      const b = await takeBackup(plain.db, plain.dbPath, 'manual');
      expect(mentions(b.path)).toBe(true);
      expect(b.encrypted).toBe(false);
      expect((await ok(plain, 'backups.list', {})).encrypted).toBe(false);
    } finally {
      await plain.close();
    }

    const app = await withPerson({ key: KEY });
    try {
      const manual = await takeBackup(app.db, dbPath, 'manual');
      const job = await app.jobs.wait((await ok(app, 'backups.start', {})).jobId);
      expect(job.state, job.message).toBe('done');
      const copy = await ok(app, 'backups.copy', { passphrase: 'correct horse battery' });
      expect((await ok(app, 'backups.list', {})).encrypted).toBe(true);
      const files = listBackups(dbPath);
      expect(files.map((b) => b.reason).sort()).toEqual(['copy', 'manual', 'manual']);
      for (const b of files) {
        expect(mentions(b.path), b.file).toBe(false);
        expect(b.encrypted, b.file).toBe(true);
        expect(statSync(b.path).mode & 0o777, b.file).toBe(0o600);
      }
      expect(statSync(backupsDir(dbPath)).mode & 0o777).toBe(0o700);
      expect(readdirSync(backupsDir(dbPath)).filter((f) => f.endsWith('.partial') || f.endsWith('-wal'))).toEqual([]);
      // Opened with the key: sound, a Hustings database, the schema version of the database.
      expect(inspectBackup(manual.path, { key: KEY })).toMatchObject({ verdict: { ok: true }, encrypted: true, locked: false });
      expect(await ok(app, 'backups.verify', { file: manual.file })).toMatchObject({ ok: true, locked: false, schemaVersion: expect.any(Number) });
      // The copy is not opened by the database's key, only by its backup passphrase.
      expect(await ok(app, 'backups.verify', { file: copy.file })).toMatchObject({ ok: false, locked: true });
      expect(await ok(app, 'backups.verify', { file: copy.file, passphrase: 'correct horse battery' })).toMatchObject({ ok: true, locked: false });
    } finally {
      await app.close();
    }
  });

  it('a copy for taking off the machine opens in SQLCipher’s passphrase mode, as standard SQLCipher 4 tools open it', async () => {
    const app = await withPerson({ key: KEY });
    try {
      const copy = await ok(app, 'backups.copy', { passphrase: "it's a long passphrase" });
      const raw = new Database(join(backupsDir(dbPath), copy.file), { readonly: true });
      raw.pragma("cipher = 'sqlcipher'");
      raw.pragma("key = 'it''s a long passphrase'");
      expect(raw.prepare('SELECT surname FROM electors').all()).toEqual([{ surname: 'Quillfeather' }]);
      raw.close();
      const short = await app.dispatch('backups.copy', { passphrase: 'short' });
      expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { passphrase: expect.stringMatching(/at least 10 characters/) } } });
    } finally {
      await app.close();
    }
  });
});

describe('restoring into an encrypted database', () => {
  it('restores a backup taken with its own key, and the file stays encrypted', async () => {
    const app = await withPerson({ key: KEY });
    try {
      await ok(app, 'elections.create', { name: 'In the backup', ...ELECTION });
      const taken = await ok(app, 'backups.create', {});
      await ok(app, 'elections.create', { name: 'Made after the backup', ...ELECTION });
      const restored = await ok(app, 'backups.restore', { file: taken.file, confirm: true });
      expect(restored).toMatchObject({ restoredFrom: taken.file, notes: [] });
      expect(await electionNames(app)).toEqual(['In the backup']);
      expect(app.db.prepare('SELECT surname FROM electors').all()).toEqual([{ surname: 'Quillfeather' }]);
      app.db.pragma('wal_checkpoint(TRUNCATE)');
      for (const f of [dbPath, `${dbPath}-wal`]) if (existsSync(f)) expect(mentions(f), f).toBe(false);
      await ok(app, 'elections.create', { name: 'After restoring', ...ELECTION }); // the app keeps working
    } finally {
      await app.close();
    }
  });

  it('restores a plain backup (taken before the database was encrypted) into the encrypted file, which stays encrypted', async () => {
    const plain = await withPerson({ plain: true }, join(dir, 'old.sqlite'));
    let file: string;
    try {
      await ok(plain, 'elections.create', { name: 'From the plain days', ...ELECTION });
      file = (await takeBackup(plain.db, plain.dbPath, 'manual')).path;
    } finally {
      await plain.close();
    }
    const app = await openHustings({ dbPath, keys: { key: KEY }, startupBackup: false });
    try {
      const target = join(backupsDir(dbPath), backupFileName('campaign', new Date('2026-10-01T09:00:00Z'), 'manual', 1));
      await ok(app, 'backups.create', {});
      copyFileSync(file, target);
      await ok(app, 'backups.restore', { file: target.split('/').pop(), confirm: true });
      expect(await electionNames(app)).toEqual(['From the plain days']);
      app.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(mentions(dbPath, ['From the plain days', ...PERSON])).toBe(false);
      expect(mentions(file, ['From the plain days'])).toBe(true); // the scan would have found it
    } finally {
      await app.close();
    }
  });

  it('puts the data from before back when the restored data does not upgrade, and keeps working', async () => {
    const app = await openHustings({ dbPath, keys: { key: KEY }, startupBackup: false });
    try {
      await ok(app, 'elections.create', { name: 'Before the restore', ...ELECTION });
      await ok(app, 'backups.create', {});
      // A schema-14 backup that passes every check but that migration 15 cannot upgrade (its column is already there).
      const file = backupFileName('campaign', new Date('2026-10-01T09:00:00Z'), 'manual', 14);
      copyFileSync(fixturePath(14), join(backupsDir(dbPath), file));
      const raw = new Database(join(backupsDir(dbPath), file));
      raw.exec("ALTER TABLE areas ADD COLUMN region TEXT NOT NULL DEFAULT ''");
      raw.close();
      expect(await ok(app, 'backups.verify', { file })).toMatchObject({ ok: true, schemaVersion: 14 });

      const r = await app.dispatch('backups.restore', { file, confirm: true });
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          message: expect.stringMatching(/^The restore did not check out, so the data from before it is back \(.*duplicate column name: region\)\.$/),
        },
      });
      expect(await electionNames(app)).toEqual(['Before the restore']);
      expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
      await ok(app, 'elections.create', { name: 'Still working', ...ELECTION });
    } finally {
      await app.close();
    }
  });

  it('a backup with another key asks for its passphrase, refuses a wrong one with a sentence changing nothing, and restores with the right one', async () => {
    const app = await withPerson({ key: KEY });
    try {
      await ok(app, 'elections.create', { name: 'In the copy', ...ELECTION });
      const copy = await ok(app, 'backups.copy', { passphrase: 'a passphrase for the copy' });
      await ok(app, 'elections.create', { name: 'Made after the copy', ...ELECTION });
      const backupsBefore = readdirSync(backupsDir(dbPath)).sort();

      const asked = await app.dispatch('backups.restore', { file: copy.file, confirm: true });
      expect(asked).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { passphrase: expect.stringMatching(/does not open with this database's key/) } },
      });
      const wrong = await app.dispatch('backups.restore', { file: copy.file, confirm: true, passphrase: 'not the passphrase' });
      expect(wrong).toMatchObject({
        ok: false,
        error: { message: `Not restored: That passphrase or recovery key does not open ${join(backupsDir(dbPath), copy.file)}. Nothing was changed.` },
      });
      expect(await electionNames(app)).toEqual(['In the copy', 'Made after the copy']);
      expect(readdirSync(backupsDir(dbPath)).sort()).toEqual(backupsBefore); // not even a safety backup

      await ok(app, 'backups.restore', { file: copy.file, confirm: true, passphrase: 'a passphrase for the copy' });
      expect(await electionNames(app)).toEqual(['In the copy']);
    } finally {
      await app.close();
    }
  });

  it('a backup of another database opens with that database’s recovery key; a typo is named', async () => {
    const otherKey = generateDataKey();
    const other = await withPerson({ key: otherKey }, join(dir, 'other', 'campaign.sqlite'));
    let file: string;
    try {
      await ok(other, 'elections.create', { name: 'From the other laptop', ...ELECTION });
      file = (await takeBackup(other.db, other.dbPath, 'manual')).file;
      copyFileSync(join(backupsDir(other.dbPath), file), join(dir, 'carried.sqlite'));
    } finally {
      await other.close();
    }
    const app = await openHustings({ dbPath, keys: { key: KEY }, startupBackup: false });
    try {
      await ok(app, 'backups.create', {});
      copyFileSync(join(dir, 'carried.sqlite'), join(backupsDir(dbPath), file));
      expect(await ok(app, 'backups.verify', { file })).toMatchObject({ ok: false, locked: true });
      const recovery = formatRecoveryKey(otherKey);
      const typo = `${recovery.slice(0, 6)}${recovery[6] === 'A' ? 'B' : 'A'}${recovery.slice(7)}`;
      const wrong = await ok(app, 'backups.verify', { file, passphrase: typo });
      expect(wrong).toMatchObject({ ok: false, locked: true });
      expect(wrong.problems[0]).toMatch(/typo in group 2 of 13/);
      await ok(app, 'backups.restore', { file, confirm: true, passphrase: recovery.toLowerCase() });
      expect(await electionNames(app)).toEqual(['From the other laptop']);
    } finally {
      await app.close();
    }
  });
});

describe('retention', () => {
  const DAY = 24 * 3600 * 1000;
  it('deletes automatic backups older than the retention the user sets, keeps those taken by hand, and says what it deleted', async () => {
    const app = await openHustings({ dbPath, keys: { key: KEY }, startupBackup: false });
    try {
      const now = Date.now();
      const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
      const oldManual = await takeBackup(app.db, dbPath, 'manual', { now: at(90) });
      await takeBackup(app.db, dbPath, 'daily', { now: at(45) }); // older than the default 30 days: deleted as the next is taken
      for (const days of [20, 10, 3]) await takeBackup(app.db, dbPath, 'daily', { now: at(days) });
      const kinds = () => listBackups(dbPath).map((b) => `${b.reason} ${Math.round((now - Date.parse(b.takenAt)) / DAY)}`);
      expect(kinds()).toEqual(['daily 3', 'daily 10', 'daily 20', 'manual 90']);
      expect((await ok(app, 'backups.list', {})).retentionDays).toBe(30);

      const set = await ok(app, 'backups.setRetention', { days: 7 });
      expect(set.retentionDays).toBe(7);
      expect(set.deleted).toHaveLength(2);
      expect(kinds()).toEqual(['daily 3', 'manual 90']);
      expect(existsSync(oldManual.path)).toBe(true);
      expect((await ok(app, 'backups.list', {})).retentionDays).toBe(7);
      expect((await ok(app, 'audit.list', { limit: 1 }))[0].summary).toBe('Automatic backups are kept for 7 days; deleted 2 older ones');

      const refused = await app.dispatch('backups.setRetention', { days: 0 });
      expect(refused).toMatchObject({ ok: false, error: { fields: { days: 'Keep automatic backups for at least 1 day' } } });

      // A backup taken by hand goes only when the user deletes it, after saying yes.
      const unconfirmed = await app.dispatch('backups.delete', { file: oldManual.file });
      expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'needs_confirmation', message: expect.stringMatching(/for good/) } });
      expect(existsSync(oldManual.path)).toBe(true);
      expect(await ok(app, 'backups.delete', { file: oldManual.file, confirm: true })).toEqual({ deleted: oldManual.file });
      expect(kinds()).toEqual(['daily 3']);
      expect((await ok(app, 'audit.list', { limit: 1 }))[0]).toMatchObject({
        action: 'delete',
        entity: 'backup',
        summary: `Deleted the backup ${oldManual.file}`,
      });
      expect(await app.dispatch('backups.delete', { file: '../campaign.sqlite', confirm: true })).toMatchObject({ ok: false });
    } finally {
      await app.close();
    }
  });

  it('deletes them at start-up even when no backup is due, and removes a crashed backup’s leftovers', async () => {
    const app = await openHustings({ dbPath, keys: { key: KEY }, startupBackup: false });
    try {
      await putSetting(app.store, RETENTION_SETTING, 5);
      await takeBackup(app.db, dbPath, 'migration', { now: new Date(Date.now() - 6 * DAY), schemaVersion: 1 });
      await takeBackup(app.db, dbPath, 'daily', { now: new Date(Date.now() - 3600_000) });
      const leftover = join(backupsDir(dbPath), '.campaign-20260101T000000000Z-daily-v1.sqlite.partial');
      writeFileSync(leftover, 'half a copy');
      const old = new Date(Date.now() - 2 * 3600_000);
      const { utimesSync } = await import('node:fs');
      utimesSync(leftover, old, old);
      expect(await backupAtStartupIfDue(app.db, dbPath)).toBeNull(); // the newest is an hour old
      expect(listBackups(dbPath).map((b) => b.reason)).toEqual(['daily']);
      expect(existsSync(leftover)).toBe(false);
    } finally {
      await app.close();
    }
  });
});

describe('hustings backup --passphrase-for-copy / hustings restore with a backup passphrase', () => {
  const run = (args: string[], env: Record<string, string> = {}, input?: string) => {
    const r = spawnSync(process.execPath, ['bin/hustings.js', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env }, input });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  const create = (name: string) => expect(hustings('call', 'elections.create', JSON.stringify({ name, ...ELECTION }), '--db', dbPath).code).toBe(0);

  it('writes a copy with its own passphrase, then restores it only with that passphrase', async () => {
    create('In the copy');
    const file = join(dir, 'to-take-away.sqlite');
    const made = run(['backup', file, '--passphrase-for-copy', '--db', dbPath], { HUSTINGS_BACKUP_PASSPHRASE: 'the copy passphrase' });
    expect(made.code, made.err).toBe(0);
    expect(made.out).toBe(`Backed up to ${file}, encrypted with the backup passphrase (integrity check ok).\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(mentions(file, ['In the copy'])).toBe(false);
    create('Made after');

    const noWay = run(['restore', file, '--db', dbPath]);
    expect(noWay.code).toBe(2);
    expect(noWay.err).toMatch(/does not open with this database's key\. .* Set HUSTINGS_BACKUP_PASSPHRASE, or pass --backup-passphrase-stdin/);
    const wrong = run(['restore', file, '--db', dbPath], { HUSTINGS_BACKUP_PASSPHRASE: 'a wrong passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe(`Not restored: That passphrase or recovery key does not open ${file}. Nothing was changed.\n`);
    expect(JSON.parse(hustings('elections', 'list', '--json', '--db', dbPath).out).map((e: { name: string }) => e.name)).toEqual(['In the copy', 'Made after']);

    const right = run(['restore', file, '--db', dbPath, '--backup-passphrase-stdin'], {}, 'the copy passphrase\n');
    expect(right.code, right.err).toBe(0);
    expect(right.out).toMatch(/Restored\. The data from before is in /);
    expect(JSON.parse(hustings('elections', 'list', '--json', '--db', dbPath).out).map((e: { name: string }) => e.name)).toEqual(['In the copy']);
  }, 120_000);

  /** Runs the command on a pseudo-terminal (util-linux `script`), typing `answer` once it is asked for. */
  const onTerminal = (args: string[], prompt: string, answer: string) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const command = ['node', 'bin/hustings.js', ...args].map((a) => `'${a}'`).join(' ');
      const child = spawn('script', ['-qec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk) => {
        const before = out;
        out += chunk;
        if (!before.includes(prompt) && out.includes(prompt)) child.stdin.write(`${answer}\r`);
      });
      child.on('exit', (code) => resolve({ code, out }));
    });

  it.skipIf(!existsSync('/usr/bin/script'))(
    'asks for the backup passphrase on a terminal without showing it',
    async () => {
      create('In the copy');
      const file = join(dir, 'copy.sqlite');
      expect(run(['backup', file, '--passphrase-for-copy', '--db', dbPath], { HUSTINGS_BACKUP_PASSPHRASE: 'typed on the terminal' }).code).toBe(0);
      create('Made after');
      const r = await onTerminal(['restore', file, '--db', dbPath], 'Backup passphrase or recovery key: ', 'typed on the terminal');
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('Type it below; it is not shown as you type.');
      expect(r.out, r.out).not.toContain('typed on the terminal');
      expect(r.out).toMatch(/Restored\. The data from before is in /);
      expect(JSON.parse(hustings('elections', 'list', '--json', '--db', dbPath).out).map((e: { name: string }) => e.name)).toEqual(['In the copy']);
    },
    120_000,
  );

  it('refuses a short backup passphrase before writing anything', () => {
    expect(hustings('elections', 'list', '--db', dbPath).code).toBe(0);
    const file = join(dir, 'short.sqlite');
    const r = run(['backup', file, '--passphrase-for-copy', '--db', dbPath], { HUSTINGS_BACKUP_PASSPHRASE: 'short' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^The backup passphrase is not usable: Use at least 10 characters/);
    expect(existsSync(file)).toBe(false);
  });
});
