/**
 * Uploads (registers sent in chunks): never more than the size declared, kept in an owner-only
 * folder beside the database rather than the system's temporary folder, and removed at the next
 * start when a crash left them behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHustings } from '../../main/app.ts';
import { uploadsDir } from '../../main/uploads.ts';
import { ok, TEST_KEYS } from '../helpers/db.ts';
import { startBrowserMode } from '../helpers/server.ts';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-uploads-test-'));
  dbPath = join(dir, 'campaign.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid as number;
}

describe('uploads', () => {
  it('refuse text beyond the size declared, keeping nothing of the upload', async () => {
    const app = await openHustings({ dbPath, keys: TEST_KEYS });
    try {
      const { fileId } = await ok(app, 'uploads.begin', { name: 'register.csv', size: 10 });
      expect(await ok(app, 'uploads.append', { fileId, text: '0123456' })).toEqual({ received: 7 });
      const path = app.uploads.get(fileId)!.path;
      const over = await app.dispatch('uploads.append', { fileId, text: 'x'.repeat(4_000_000) });
      expect(over).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'register.csv is longer than the 10 bytes it was said to be, so it was not kept: send it again' },
      });
      expect(existsSync(path)).toBe(false);
      expect(await app.dispatch('uploads.append', { fileId, text: '789' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

      // Exactly the size declared is fine.
      const exact = await ok(app, 'uploads.begin', { name: 'r.csv', size: 10 });
      expect(await ok(app, 'uploads.append', { fileId: exact.fileId, text: '01234' })).toEqual({ received: 5 });
      expect(await ok(app, 'uploads.append', { fileId: exact.fileId, text: '56789' })).toEqual({ received: 10 });
      expect(statSync(app.uploads.get(exact.fileId)!.path).size).toBe(10);
    } finally {
      await app.close();
    }
  });

  it('are kept beside the database, in a folder and files only their owner can read', async () => {
    const app = await openHustings({ dbPath, keys: TEST_KEYS });
    try {
      const { fileId } = await ok(app, 'uploads.begin', { name: 'register.csv', size: 5 });
      const path = app.uploads.get(fileId)!.path;
      expect(dirname(path)).toBe(uploadsDir(dbPath));
      expect(dirname(uploadsDir(dbPath))).toBe(dir);
      if (process.platform !== 'win32') {
        expect(statSync(uploadsDir(dbPath)).mode & 0o777).toBe(0o700);
        expect(statSync(path).mode & 0o777).toBe(0o600);
      }
      await ok(app, 'uploads.append', { fileId, text: 'a,b\n' });
    } finally {
      await app.close();
    }
    expect(readdirSync(uploadsDir(dbPath))).toEqual([]); // closing removes what it held
  });

  it('left behind by a crash are removed at the next start; those of a running Hustings are not', async () => {
    const server = await startBrowserMode({ dbPath });
    let leftover: string[];
    try {
      const { body } = await server.call('uploads.begin', { name: 'register.csv', size: 100 });
      expect(body.ok).toBe(true);
      await server.call('uploads.append', { fileId: body.value.fileId, text: 'Elector Number,Surname\n' });
      server.process.kill('SIGKILL'); // a crash: nothing is tidied
      await new Promise((r) => server.process.once('exit', r));
      leftover = readdirSync(uploadsDir(dbPath));
      expect(leftover).toHaveLength(1);
    } finally {
      if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    }
    mkdirSync(uploadsDir(dbPath), { recursive: true });
    const inUse = `${process.ppid}-another-hustings.csv`; // a running process stands for another Hustings
    const dead = `${deadPid()}-older-crash.csv`;
    writeFileSync(join(uploadsDir(dbPath), inUse), 'x');
    writeFileSync(join(uploadsDir(dbPath), dead), 'x');

    // The file browser mode made, opened with the passphrase it was made with.
    const again = await openHustings({ dbPath, startupBackup: false, keys: { passphrase: process.env.HUSTINGS_PASSPHRASE } });
    await again.close();
    expect(readdirSync(uploadsDir(dbPath))).toEqual([inUse]);
  });
});
