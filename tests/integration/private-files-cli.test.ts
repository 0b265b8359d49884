/**
 * What the CLI writes is its owner's only (see private-files.test.ts for the rest): the case spawns
 * `hustings` three times, so it sits outside the fast loop (vitest.config.ts SLOW).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'hustings.js');
const mode = (path: string) => statSync(path).mode & 0o777;

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

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('the CLI writes exports for the owner only and keeps its default data folder private', () => {
    const cwd = join(dir, 'work');
    mkdirSync(join(cwd, 'data'), { recursive: true, mode: 0o755 });
    chmodSync(join(cwd, 'data'), 0o755); // as an older version made it
    const ics = join(cwd, 'deadlines.ics');
    writeFileSync(ics, 'old');
    chmodSync(ics, 0o644);
    const run = spawnSync(process.execPath, [BIN, 'deadlines', '--ics', ics], { cwd, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(mode(ics)).toBe(0o600);
    expect(mode(join(cwd, 'data'))).toBe(0o700);
    expect(mode(join(cwd, 'data', 'hustings.sqlite'))).toBe(0o600);
    // A backup written where the user says, by SQLite rather than by Hustings' own writes.
    const copy = join(cwd, 'copy.sqlite');
    const backup = spawnSync(process.execPath, [BIN, 'backup', copy], { cwd, encoding: 'utf8' });
    expect(backup.status, backup.stderr).toBe(0);
    expect(mode(copy)).toBe(0o600);

    // A new default data folder is made private too.
    const fresh = join(dir, 'fresh');
    mkdirSync(fresh);
    expect(spawnSync(process.execPath, [BIN, 'elections', 'list'], { cwd: fresh, encoding: 'utf8' }).status).toBe(0);
    expect([mode(join(fresh, 'data')), mode(join(fresh, 'data', 'hustings.sqlite'))]).toEqual([0o700, 0o600]);
  });
});
