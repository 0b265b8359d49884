/**
 * Restoring a backup taken before an erasure, from the command line (`hustings backups`,
 * `hustings restore`): it spawns the CLI, so it sits outside the fast loop (vitest.config.ts
 * SLOW). The same restore through the API is tested in elector-erasure-stays.test.ts.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hustings } from '../helpers/cli.ts';
import { ok, PLAIN, TEST_KEYS, type tempHustings } from '../helpers/db.ts';
import { contentOf, eraseElector, textMentions, zanzibar } from '../helpers/elector-erasure.ts';

let app: Awaited<ReturnType<typeof tempHustings>>;
let dbPath: string;
let areaId: number;
afterEach(() => app.cleanup());

const erase = (search: string) => eraseElector(app, areaId, search);

describe.each([
  ['a plain database', PLAIN],
  ['an encrypted database', TEST_KEYS],
])('restoring a backup taken before an erasure, on %s', (_, keys) => {
  beforeEach(async () => {
    ({ app, dbPath, areaId } = await zanzibar(keys));
  });

  it('from the command line, which lists the backups that hold erased people and prints how many were erased again', async () => {
    const older = await ok(app, 'backups.create', {});
    const copy = join(app.dir, 'older-copy.sqlite');
    copyFileSync(join(app.dir, 'backups', older.file), copy);
    await erase('Marguerite');
    await app.close();

    const listed = JSON.parse(hustings('backups', '--db', dbPath, '--json').out);
    expect(listed.map((b: { file: string; holdsErased: number }) => [b.file, b.holdsErased])).toEqual([[older.file, 1]]);

    const r = hustings('restore', copy, '--db', dbPath);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('1 person erased since that backup was erased again.');
    expect(textMentions(contentOf(dbPath), 'Marguerite')).toBe(false);
    expect(textMentions(contentOf(copy), 'Marguerite')).toBe(true);
  });
});
