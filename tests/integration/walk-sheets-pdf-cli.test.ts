/**
 * Walk sheets written from the command line (`hustings register walk-sheets`): it spawns the CLI,
 * so it sits outside the fast loop (vitest.config.ts SLOW). The sheets themselves are tested in
 * process in walk-sheets-pdf.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hustings } from '../helpers/cli.ts';
import { ok, tempHustings } from '../helpers/db.ts';
import { importCsv } from '../helpers/register.ts';
import { walkRegister } from '../helpers/walk-register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
beforeEach(async () => {
  app = await tempHustings();
  areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
  expect((await importCsv(app, areaId, walkRegister())).state).toBe('done');
});
afterEach(() => app.cleanup());

describe('walk sheets through the doors', () => {
  it('hustings register walk-sheets writes the file, and refuses bad options in one sentence', async () => {
    const dbPath = join(app.dir, 'hustings.sqlite');
    const pdf = join(app.dir, 'walk.pdf');
    await app.close();
    const run = hustings('register', 'walk-sheets', '--area', String(areaId), '--district', 'AA', '--pdf', pdf, '--db', dbPath);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Wrote .*walk\.pdf: 3 pages, 143 electors in polling district AA \(\d+\.\d s\)\.\n$/);
    expect((await extractText(new Uint8Array(readFileSync(pdf)), { mergePages: false })).totalPages).toBe(3);
    const refusals: [string[], number, string][] = [
      [['--pdf', pdf], 2, 'Give the area with --area ID (see `hustings areas list`)'],
      [['--area', String(areaId)], 2, 'Name the PDF to write with --pdf FILE'],
      [
        ['--area', String(areaId), '--district', 'ZZ', '--pdf', join(app.dir, 'zz.pdf')],
        1,
        'Polling district ZZ is not in Newtown East’s register (its districts: AA, AB)',
      ],
      [
        ['--area', String(areaId), '--pdf', join(app.dir, 'no', 'such', 'w.pdf')],
        1,
        `Cannot write ${join(app.dir, 'no', 'such', 'w.pdf')}: its folder does not exist`,
      ],
    ];
    for (const [args, code, message] of refusals) {
      const r = hustings('register', 'walk-sheets', ...args, '--db', dbPath);
      expect([r.code, r.err.trim()]).toEqual([code, message]);
    }
    expect(existsSync(join(app.dir, 'zz.pdf'))).toBe(false);
  });
});
