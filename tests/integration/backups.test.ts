/**
 * Backups (docs/reliability.md §4): automatic backups before migrating and at start-up, the
 * newest N kept, verification before restoring, restore through the API and the CLI, and a
 * backup taken in the middle of a stream of writes restoring to a sound database.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName } from '../../shared/domain/backups.ts';
import { backupAtStartupIfDue, backupsDir, inspectBackup, listBackups, takeBackup } from '../../db/sqlite/backup.ts';
import { openHustings } from '../../main/app.ts';
import { createCtx } from '../../main/api/context.ts';
import { createDispatcher } from '../../main/api/dispatcher.ts';
import { createJobs } from '../../main/jobs.ts';
import { ok, PLAIN } from '../helpers/db.ts';
import { hustings } from '../helpers/cli.ts';
import { damage, ELECTION, names } from '../helpers/backups.ts';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-backups-'));
  dbPath = join(dir, 'campaign.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('automatic backups', () => {
  it('keeps the newest N automatic backups and every manual one', async () => {
    const app = await openHustings({ dbPath, keys: PLAIN });
    try {
      const manual = await takeBackup(app.db, dbPath, 'manual', { now: new Date('2026-01-01T00:00:00Z') });
      for (let day = 1; day <= 6; day++) await takeBackup(app.db, dbPath, 'daily', { now: new Date(`2026-02-0${day}T09:00:00Z`), keep: 3 });
      const left = listBackups(dbPath);
      expect(left.map((b) => `${b.reason} ${b.takenAt.slice(0, 10)}`)).toEqual([
        'daily 2026-02-06',
        'daily 2026-02-05',
        'daily 2026-02-04',
        'manual 2026-01-01',
      ]);
      expect(existsSync(manual.path)).toBe(true);
      expect(left.every((b) => b.size > 0)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('takes a start-up backup of an existing database when the newest is over a day old, once', async () => {
    const first = await openHustings({ dbPath, keys: PLAIN });
    await ok(first, 'elections.create', { name: 'By-election', ...ELECTION });
    await first.close();
    expect(listBackups(dbPath)).toEqual([]); // a brand-new database is not backed up

    const second = await openHustings({ dbPath, keys: PLAIN });
    await second.close();
    expect(listBackups(dbPath).map((b) => b.reason)).toEqual(['daily']);
    const third = await openHustings({ dbPath, keys: PLAIN });
    await third.close();
    expect(listBackups(dbPath)).toHaveLength(1);

    // Two days later (the file is renamed to look older), the next start takes another.
    const [only] = listBackups(dbPath);
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    renameSync(only.path, join(backupsDir(dbPath), backupFileName('campaign', old, 'daily', 1)));
    const fourth = await openHustings({ dbPath, keys: PLAIN });
    await fourth.close();
    const after = listBackups(dbPath);
    expect(after).toHaveLength(2);
    expect(names(after[0].path)).toEqual(['By-election']);
  });

  it('does not take one when a backup is recent', async () => {
    const app = await openHustings({ dbPath, keys: PLAIN });
    try {
      await takeBackup(app.db, dbPath, 'manual');
      expect(await backupAtStartupIfDue(app.db, dbPath)).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('writes backups as single self-contained files', async () => {
    const app = await openHustings({ dbPath, keys: PLAIN });
    try {
      const b = await takeBackup(app.db, dbPath, 'manual');
      expect(inspectBackup(b.path, { key: null }).verdict).toEqual({ ok: true });
      expect(readdirSync(backupsDir(dbPath))).toEqual([b.file]); // no -wal or -shm beside it
    } finally {
      await app.close();
    }
  });
});

describe('restoring through the API (the Backups page)', () => {
  it('lists, takes, verifies and restores a backup, asking first and backing up the current data', async () => {
    const app = await openHustings({ dbPath, actor: 'agent', keys: PLAIN });
    try {
      await ok(app, 'elections.create', { name: 'Kept', ...ELECTION });
      const taken = await ok(app, 'backups.create', {});
      expect(taken).toMatchObject({ reason: 'manual', schemaVersion: expect.any(Number) });
      await ok(app, 'elections.create', { name: 'Made after the backup', ...ELECTION });

      const list = await ok(app, 'backups.list', {});
      expect(list.backups.map((b: { file: string }) => b.file)).toContain(taken.file);
      expect(await ok(app, 'backups.verify', { file: taken.file })).toMatchObject({ ok: true, problems: [] });

      const unconfirmed = await app.dispatch('backups.restore', { file: taken.file });
      expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } });
      expect((await ok(app, 'elections.list', {})).map((e: { name: string }) => e.name)).toContain('Made after the backup');

      const restored = await ok(app, 'backups.restore', { file: taken.file, confirm: true });
      expect((await ok(app, 'elections.list', {})).map((e: { name: string }) => e.name)).toEqual(['Kept']);
      expect(names(join(backupsDir(dbPath), restored.safetyBackup))).toContain('Made after the backup');
      expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');

      const activity = await ok(app, 'audit.list', { limit: 5 });
      expect(activity[0]).toMatchObject({ action: 'restore', actor: 'agent', entity: 'database' });
      // The app keeps working on the restored data.
      await ok(app, 'elections.create', { name: 'After restoring', ...ELECTION });
    } finally {
      await app.close();
    }
  });

  it('refuses a damaged backup, a newer one and a name outside the folder, changing nothing', async () => {
    const app = await openHustings({ dbPath, keys: PLAIN });
    try {
      await ok(app, 'elections.create', { name: 'Current', ...ELECTION });
      const good = await ok(app, 'backups.create', {});
      const damaged = await ok(app, 'backups.create', {});
      damage(join(backupsDir(dbPath), damaged.file));
      const verdict = await ok(app, 'backups.verify', { file: damaged.file });
      expect(verdict.ok).toBe(false);
      expect(verdict.problems.join(' ')).toMatch(/damaged|not a readable SQLite database/);
      const refused = await app.dispatch('backups.restore', { file: damaged.file, confirm: true });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^Not restored/) } });

      const newer = join(backupsDir(dbPath), backupFileName('campaign', new Date(Date.now() + 1000), 'manual', 99));
      copyFileSync(join(backupsDir(dbPath), good.file), newer);
      const raw = new Database(newer);
      raw.pragma('user_version = 99');
      raw.close();
      const newerVerdict = await ok(app, 'backups.verify', { file: newer.split('/').pop() as string });
      expect(newerVerdict.problems.join(' ')).toMatch(/newer version of Hustings/);

      for (const file of ['../campaign.sqlite', '/etc/passwd', 'campaign.sqlite', 'other-20260101T000000000Z-manual.sqlite']) {
        const r = await app.dispatch('backups.restore', { file, confirm: true });
        expect(r.ok, file).toBe(false);
        if (!r.ok) expect(r.error.code, file).toMatch(/invalid_input|not_found/);
      }
      expect((await ok(app, 'elections.list', {})).map((e: { name: string }) => e.name)).toEqual(['Current']);
      expect(listBackups(dbPath).filter((b) => b.reason === 'restore')).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('backup progress (long work reports progress)', () => {
  /**
   * A database of a few megabytes, reached through a dispatcher whose jobs send every progress
   * event: the copy is quicker than the usual 100 ms throttle. The copy is one `VACUUM INTO`, so
   * the events say when it starts (0 of the pages) and when it has been written and checked.
   */
  async function bigDatabase() {
    const opened = await openHustings({ dbPath, actor: 'agent', keys: PLAIN });
    const jobs = createJobs({ throttleMs: 0 });
    const app = { ...opened, jobs, dispatch: createDispatcher(createCtx(opened.store, opened.encryption, dbPath, 'agent', { jobs })) };
    const insert = app.db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, after_json) VALUES (?, 'x', 'create', 'filler', ?, ?, ?)`,
    );
    app.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(new Date().toISOString(), i, `filler ${i}`, JSON.stringify({ text: 'x'.repeat(1000) }));
    })();
    return app;
  }

  it('backups.start runs as a job: the pages to copy, then the backup, its audit row and a sound file', async () => {
    const app = await bigDatabase();
    try {
      const events: { state: string; done: number; total: number | null }[] = [];
      app.jobs.subscribe((e) => events.push(e));
      const started = await ok(app, 'backups.start', {});
      expect(started).toMatchObject({ kind: 'backups.create', state: 'running' });
      const end = await app.jobs.wait(started.jobId);
      expect(end.state, end.message).toBe('done');
      const progress = events.filter((e) => e.state === 'running' && e.total);
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.every((e, i) => i === 0 || e.done >= progress[i - 1].done)).toBe(true);
      const pages = progress.at(-1)!.total!;
      expect(pages).toBeGreaterThan(500);
      expect(end).toMatchObject({ done: pages, total: pages });
      const backup = end.result as { file: string; reason: string };
      expect(backup.reason).toBe('manual');
      expect(inspectBackup(join(backupsDir(dbPath), backup.file), { key: null }).verdict.ok).toBe(true);
      expect((await ok(app, 'audit.list', { action: 'backup' }))[0].summary).toBe(`Took a backup: ${backup.file}`);
    } finally {
      await app.close();
    }
  });

  it('a cancelled backup leaves no file and no audit row', async () => {
    const app = await bigDatabase();
    try {
      let cancelled = false;
      app.jobs.subscribe((e) => {
        if (e.kind === 'backups.create' && e.state === 'running' && e.total && !cancelled) {
          cancelled = true;
          app.jobs.cancel(e.jobId);
        }
      });
      const started = await ok(app, 'backups.start', {});
      const end = await app.jobs.wait(started.jobId);
      expect(end.state).toBe('cancelled');
      expect(listBackups(dbPath).filter((b) => b.reason === 'manual')).toEqual([]);
      expect(readdirSync(backupsDir(dbPath)).filter((f) => f.includes('manual'))).toEqual([]);
      expect(await ok(app, 'audit.list', { action: 'backup' })).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('hustings backup reports progress on stderr and keeps stdout to its one line', async () => {
    await (await bigDatabase()).close();
    const file = join(dir, 'progress.sqlite');
    const r = hustings('backup', file, '--db', dbPath);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`Backed up to ${file} (integrity check ok).\n`);
    // VACUUM INTO (the one way to copy an encrypted database) is one step: its start and its end.
    expect(r.err.trim().split('\n')).toEqual(['Backing up: 0%', 'Backing up: 100%']);
    expect(inspectBackup(file, { key: null }).verdict.ok).toBe(true);
  });
});
