/**
 * A file that is not a Hustings database, refused by `hustings` itself: each case spawns the CLI,
 * so they sit outside the fast loop (vitest.config.ts SLOW). The same refusals in process are in
 * foreign-files.test.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsDir, listBackups } from '../../db/sqlite/backup.ts';
import { openHustings } from '../../main/app.ts';
import { hustings } from '../helpers/cli.ts';
import { ok, PLAIN } from '../helpers/db.ts';
import { fingerprint, foreignFile, markedByAnother, names } from '../helpers/foreign-files.ts';

const ELECTION = { type: 'local', pollingDay: '2027-05-06', nation: 'england' } as const;

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-foreign-'));
  dbPath = join(dir, 'campaign.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening a file that is not a Hustings database', () => {
  it('refuses it on the command line and in browser mode with one sentence, leaving it untouched', () => {
    foreignFile(dbPath);
    const before = fingerprint(dbPath);
    for (const args of [
      ['elections', 'list'],
      ['serve', '--port', '0'],
      ['backup', join(dir, 'copy.sqlite')],
    ]) {
      const r = hustings(...args, '--db', dbPath);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err.trim(), args.join(' ')).toBe(
        `${dbPath} is not a Hustings database: it holds another program's data. Open your Hustings database instead, or move this file away to start a new one. Nothing in it was changed.`,
      );
    }
    expect(fingerprint(dbPath)).toEqual(before);
  });
});

describe('restoring a file that is not a Hustings database', () => {
  it('hustings restore refuses it with one sentence and the live data intact', async () => {
    const app = await openHustings({ dbPath, keys: PLAIN });
    await ok(app, 'elections.create', { name: 'Live', ...ELECTION });
    await app.close();
    for (const make of [(p: string) => foreignFile(p), markedByAnother]) {
      const file = join(dir, `other-${Math.random()}.sqlite`);
      make(file);
      const r = hustings('restore', file, '--db', dbPath);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`^Not restored: ${file.replace(/[.]/g, '\\.')} is not a Hustings database: .*\\.\\n$`));
      expect(r.out).toBe('');
    }
    expect(names(dbPath)).toEqual(['Live']);
    expect(existsSync(backupsDir(dbPath)) ? listBackups(dbPath).filter((b) => b.reason === 'restore') : []).toEqual([]);
  });
});
