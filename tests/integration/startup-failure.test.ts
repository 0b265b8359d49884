// The desktop app's page for a start-up that failed (main/startup-failure.ts), from the real
// errors of opening real database files: the window itself is wired in main/electron/main.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHustings } from '../../main/app.ts';
import { describeStartupFailure, startupFailurePage, startupFailureUrl } from '../../main/startup-failure.ts';
import { rawDatabase, TEST_KEY, TEST_KEYS } from '../helpers/db.ts';

let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-startup-failure-'));
  dbPath = join(dir, 'hustings.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The error opening the database at dbPath throws, as main/electron/main.ts would catch it. */
async function openingError(): Promise<unknown> {
  try {
    const app = await openHustings({ dbPath, keys: TEST_KEYS, startupBackup: false });
    await app.close();
  } catch (error) {
    return error;
  }
  throw new Error('the database opened');
}

describe('a start-up that fails says what happened and what to do', () => {
  it('a database from a newer version of Hustings', async () => {
    await (await openHustings({ dbPath, keys: TEST_KEYS, startupBackup: false })).close();
    const raw = rawDatabase(dbPath, { key: TEST_KEY });
    raw.pragma('user_version = 9999');
    raw.close();
    const f = describeStartupFailure(await openingError(), dbPath);
    expect(f.title).toBe('Your data was saved by a newer version of Hustings');
    expect(f.what).toContain(dbPath);
    expect(f.todo[0]).toMatch(/Install the newer version/);
    expect(f.detail).toMatch(/schema 9999/);
  });

  it('a database from a different build of Hustings', async () => {
    await (await openHustings({ dbPath, keys: TEST_KEYS, startupBackup: false })).close();
    const raw = rawDatabase(dbPath, { key: TEST_KEY });
    raw.prepare(`UPDATE migrations SET checksum = 'another build' WHERE id = 12`).run();
    raw.close();
    const f = describeStartupFailure(await openingError(), dbPath);
    expect(f.title).toBe('Your data was saved by a different build of Hustings');
    expect(f.what).toContain(dbPath);
    expect(f.todo[0]).toMatch(/Open it with the Hustings that last used it/);
    expect(f.detail).toMatch(/recorded migration 012 \(012_rules_per_contest\.sql\) differs from this version's/);
  });

  it('a file that is not a Hustings database', async () => {
    writeFileSync(dbPath, 'a shopping list, not a database\n'.repeat(200));
    const f = describeStartupFailure(await openingError(), dbPath);
    expect(f.title).not.toBe('Hustings could not open your data');
    expect(f.what).toContain(dbPath);
  });

  it('a data file locked by another program', async () => {
    await (await openHustings({ dbPath, keys: TEST_KEYS, startupBackup: false })).close();
    const other = rawDatabase(dbPath, { key: TEST_KEY });
    other.exec('BEGIN EXCLUSIVE');
    const second = rawDatabase(dbPath, { key: TEST_KEY });
    second.pragma('busy_timeout = 0');
    let busy: unknown;
    try {
      second.exec('BEGIN IMMEDIATE');
    } catch (error) {
      busy = error; // the driver's own error for a file another connection holds
    } finally {
      second.close();
      other.exec('ROLLBACK');
      other.close();
    }
    const f = describeStartupFailure(busy, dbPath);
    expect(f.title).toBe('Another program is using your data');
    expect(f.todo.join(' ')).toMatch(/Close the other copy of Hustings/);
  });

  it('any other error still gets a page, with the message for whoever helps', () => {
    const f = describeStartupFailure(new Error('disk I/O error'), dbPath);
    expect(f.title).toBe('Hustings could not open your data');
    expect(f.detail).toBe('disk I/O error');
  });

  it('the page escapes what it shows and runs no script', () => {
    const page = startupFailurePage(describeStartupFailure(new Error('<script>alert(1)</script>'), '/home/a&b/hustings.sqlite'));
    expect(page).not.toContain('<script>');
    expect(page).toContain('&#60;script&#62;');
    expect(page).toContain('/home/a&#38;b/hustings.sqlite');
    expect(page).toContain("default-src 'none'");
    expect(decodeURIComponent(startupFailureUrl(new Error('x'), dbPath).replace(/^data:text\/html;charset=utf-8,/, ''))).toContain('<h2>What to do</h2>');
  });
});
