/**
 * What Hustings writes is its owner's only on Linux and macOS: files 0600, folders 0700 — the
 * database and its -wal/-shm, backups, uploads, artwork, the browser token, CLI exports and the
 * default data folder — even when the user's umask would make them readable by all (this test
 * runs the doors under umask 022, as most desktops have), and files an older version left
 * readable are tightened when Hustings next opens them.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openHustings } from '../../main/app.ts';
import { tokenFile } from '../../main/browser-token.ts';
import { uploadsDir } from '../../main/uploads.ts';
import { pdfFile } from '../helpers/artwork.ts';
import { ok, PLAIN } from '../helpers/db.ts';
import { startBrowserMode } from '../helpers/server.ts';

const mode = (path: string) => statSync(path).mode & 0o777;
const octal = (path: string) => `${path.split('/').slice(-2).join('/')} ${mode(path).toString(8)}`;

let dir: string;
let saved: number;
beforeAll(() => {
  // The doors must not rely on a careful umask: the parent's, which spawned doors inherit, is lax.
  saved = process.umask(0o022);
});
afterAll(() => void process.umask(saved));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-private-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// The CLI's exports and default data folder are checked in private-files-cli.test.ts, outside the
// fast loop.
describe.skipIf(process.platform === 'win32')('private files', () => {
  it('can fail: under this umask a file written without care is readable by all', () => {
    writeFileSync(join(dir, 'careless.txt'), 'x');
    expect(mode(join(dir, 'careless.txt'))).toBe(0o644);
  });

  it('browser mode makes its database, -wal, -shm, token, backups, uploads and artwork its owner’s only', async () => {
    const dbPath = join(dir, 'new', 'campaign', 'hustings.sqlite');
    const server = await startBrowserMode({ dbPath });
    try {
      const l = (await server.call('leaflets.create', { title: 'Focus', size: 'A5' })).body.value;
      expect(
        (await server.call('leaflets.attachArtwork', { id: l.id, fileName: 'f.pdf', type: 'application/pdf', dataBase64: pdfFile().toString('base64') })).body
          .ok,
      ).toBe(true);
      const backup = (await server.call('backups.create', {})).body;
      expect(backup.ok).toBe(true);
      const upload = (await server.call('uploads.begin', { name: 'register.csv', size: 10 })).body;
      expect(upload.ok).toBe(true);

      const folders = [
        join(dir, 'new'),
        join(dir, 'new', 'campaign'),
        join(dir, 'new', 'campaign', 'backups'),
        join(dir, 'new', 'campaign', 'artwork'),
        uploadsDir(dbPath),
      ];
      const files = [
        dbPath,
        `${dbPath}-wal`,
        `${dbPath}-shm`,
        tokenFile(dbPath),
        ...readdirSync(join(dir, 'new', 'campaign', 'backups')).map((f) => join(dir, 'new', 'campaign', 'backups', f)),
        ...readdirSync(join(dir, 'new', 'campaign', 'artwork')).map((f) => join(dir, 'new', 'campaign', 'artwork', f)),
        ...readdirSync(uploadsDir(dbPath)).map((f) => join(uploadsDir(dbPath), f)),
      ];
      expect(files.length).toBeGreaterThanOrEqual(7);
      for (const f of files) expect(existsSync(f), f).toBe(true);
      expect(folders.map(octal)).toEqual(folders.map((f) => octal(f).replace(/\d+$/, '700')));
      expect(files.map(octal)).toEqual(files.map((f) => octal(f).replace(/\d+$/, '600')));
    } finally {
      await server.stop();
    }
  });

  it('tightens the files and folders an older version left readable when it opens them', async () => {
    const dbPath = join(dir, 'hustings.sqlite');
    const first = await openHustings({ dbPath, keys: PLAIN });
    await ok(first, 'backups.create', {});
    await first.close();
    const backups = join(dir, 'backups');
    mkdirSync(join(dir, 'artwork'));
    writeFileSync(join(dir, 'artwork', 'leaflet-1-old.pdf'), pdfFile());
    const loose = [dbPath, join(dir, 'artwork', 'leaflet-1-old.pdf'), ...readdirSync(backups).map((f) => join(backups, f))];
    for (const f of loose) chmodSync(f, 0o644);
    for (const f of [backups, join(dir, 'artwork')]) chmodSync(f, 0o755);
    const unrelated = join(dir, 'notes.txt');
    writeFileSync(unrelated, 'the user’s own file');
    chmodSync(unrelated, 0o644);

    const again = await openHustings({ dbPath, keys: PLAIN, startupBackup: false });
    try {
      expect([...loose, `${dbPath}-wal`, `${dbPath}-shm`].map(octal)).toEqual(
        [...loose, `${dbPath}-wal`, `${dbPath}-shm`].map((f) => octal(f).replace(/\d+$/, '600')),
      );
      expect([backups, join(dir, 'artwork')].map(mode)).toEqual([0o700, 0o700]);
      expect(mode(unrelated)).toBe(0o644); // not Hustings' to change
      expect(mode(dir)).toBe(0o700); // mkdtemp's; a folder given with --db is otherwise left as it is
    } finally {
      await again.close();
    }
  });
});
