/**
 * `hustings backup` and `hustings restore` (docs/reliability.md §4): through the app's methods,
 * refusing bad files, and a backup taken in the middle of a stream of writes restoring to a sound
 * database. They spawn the CLI, so they are on the SLOW list; tests/integration/backups.test.ts
 * has the rest.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsDir } from '../../db/sqlite/backup.ts';
import { type Hustings, openHustings } from '../../main/app.ts';
import { ok, PLAIN } from '../helpers/db.ts';
import { startBrowserMode } from '../helpers/server.ts';
import { hustings } from '../helpers/cli.ts';
import { damage, ELECTION, names } from '../helpers/backups.ts';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-backups-'));
  dbPath = join(dir, 'campaign.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function integrity(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

describe('hustings backup / restore', () => {
  it('restores a checked backup from the command line and refuses bad files', async () => {
    const app = await openHustings({ dbPath, keys: PLAIN });
    await ok(app, 'elections.create', { name: 'In the backup', ...ELECTION });
    await app.close();
    const file = join(dir, 'copy.sqlite');
    expect(hustings('backup', file, '--db', dbPath).code).toBe(0);
    const again = await openHustings({ dbPath, keys: PLAIN });
    await ok(again, 'elections.create', { name: 'Not in the backup', ...ELECTION });
    await again.close();

    const r = hustings('restore', file, '--db', dbPath);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Checked .*integrity ok/);
    expect(r.out).toMatch(/The data from before is in/);
    expect(names(dbPath)).toEqual(['In the backup']);

    const bad = join(dir, 'bad.sqlite');
    copyFileSync(file, bad);
    damage(bad);
    const refused = hustings('restore', bad, '--db', dbPath);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Not restored/);
    expect(hustings('restore', join(dir, 'missing.sqlite'), '--db', dbPath).err).toMatch(/There is no file/);
    expect(names(dbPath)).toEqual(['In the backup']);

    const listed = hustings('backups', '--db', dbPath, '--json');
    expect(JSON.parse(listed.out).map((b: { reason: string }) => b.reason)).toContain('restore');
  }, 60_000); // five runs of the command line: slow on a busy machine

  it('goes through the app’s methods, so the audit says what it says in the app; only the command line names files', async () => {
    const file = join(dir, 'copy.sqlite');
    /** The newest audit row about the database, with the backups' names set aside. */
    const newest = async (app: Hustings) => {
      const [row] = await ok(app, 'audit.list', { entity: 'database', limit: 1 });
      return { action: row.action, summary: row.summary.replaceAll(file, 'FILE').replace(/campaign-\w+-(manual|restore)(-v\d+)?\.sqlite/g, '$1') };
    };
    const app = await openHustings({ dbPath, keys: PLAIN });
    const inFolder = await ok(app, 'backups.create', {});
    const appBackup = await newest(app);
    await ok(app, 'backups.restore', { file: inFolder.file, confirm: true });
    const appRestore = await newest(app);
    // The app's doors name backups in the folder, never a file elsewhere.
    const elsewhere = join(dir, 'elsewhere.sqlite');
    expect(await app.dispatch('backups.create', { to: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', fields: { to: expect.any(String) } },
    });
    expect(existsSync(elsewhere)).toBe(false);
    const fromPath = await app.dispatch('backups.restore', { from: join(backupsDir(dbPath), inFolder.file), confirm: true });
    expect(fromPath).toMatchObject({ ok: false, error: { code: 'forbidden', fields: { from: 'Choose a backup from the list' } } });
    await app.close();

    const lastAfter = async (...args: string[]) => {
      expect(hustings(...args, '--db', dbPath).code).toBe(0);
      const again = await openHustings({ dbPath, keys: PLAIN, startupBackup: false });
      try {
        return await newest(again);
      } finally {
        await again.close();
      }
    };
    const cliBackup = await lastAfter('backup', file);
    const cliRestore = await lastAfter('restore', file);
    expect(appBackup).toEqual({ action: 'backup', summary: 'Took a backup: manual' });
    expect(cliBackup).toEqual({ action: 'backup', summary: 'Took a backup: FILE' });
    expect(cliBackup.summary.replace('FILE', 'manual')).toBe(appBackup.summary);
    expect(appRestore).toEqual({ action: 'restore', summary: 'Restored the backup manual; the data from before is in restore' });
    expect(cliRestore.summary.replace('FILE', 'manual')).toBe(appRestore.summary);
  }, 60_000);

  it('restores a backup taken while browser mode was writing', async () => {
    await (await openHustings({ dbPath, keys: PLAIN })).close(); // browser mode then opens it as it is
    const server = await startBrowserMode({ dbPath });
    const acked: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const r = await server.call('elections.create', { name: `stream ${i}`, ...ELECTION });
        if (r.status !== 200) throw new Error(JSON.stringify(r.body));
        acked.push(`stream ${i}`);
      }
    })();
    try {
      while (acked.length < 100) await new Promise((r) => setTimeout(r, 10));
      const ackedBefore = acked.length;
      const file = join(dir, 'mid-write.sqlite');
      // Another process backs up the live database mid-stream, as `npx hustings backup` would.
      const backup = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/hustings.js', 'backup', file, '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        child.stderr.on('data', (c) => (err += c));
        child.on('exit', (code) => resolve({ code, err }));
      });
      expect(backup.code, backup.err).toBe(0);
      const ackedAfter = acked.length;
      expect(ackedAfter).toBeGreaterThan(ackedBefore); // the stream kept going during the backup
      writing = false;
      await writer;

      const target = join(dir, 'restored', 'campaign.sqlite');
      const restoredDb = await openHustings({ dbPath: target, keys: PLAIN });
      await restoredDb.close();
      const r = hustings('restore', file, '--db', target);
      expect(r.code, r.err).toBe(0);
      expect(integrity(target)).toBe('ok');
      const restored = names(target);
      // Everything acknowledged before the backup began is there; nothing beyond what was written.
      expect(restored.slice(0, ackedBefore)).toEqual(acked.slice(0, ackedBefore));
      expect(restored.length).toBeLessThanOrEqual(ackedAfter + 1);
      expect(restored).toEqual(acked.slice(0, restored.length));
    } finally {
      writing = false;
      await writer.catch(() => undefined);
      await server.stop();
    }
  }, 60_000);
});
