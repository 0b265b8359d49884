/**
 * Round sheets and the return of expenses written from the command line (`hustings rounds sheet
 * --pdf`, `treasury return --pdf`): each spawns the CLI, so they sit outside the fast loop
 * (vitest.config.ts SLOW). The PDFs themselves are tested in process in papers-pdf.test.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hustings } from '../helpers/cli.ts';
import { type Paperwork, paperwork } from '../helpers/papers.ts';

let app: Paperwork['app'];
let roundId: number;
let contestId: number;

beforeEach(async () => {
  ({ app, roundId, contestId } = await paperwork());
});
afterEach(() => app.cleanup());

const pagesOf = async (bytes: Uint8Array) => (await extractText(bytes, { mergePages: false })).text as string[];

describe('round sheets and the expenses return as PDF', () => {
  it('hustings rounds sheet --pdf and treasury return --pdf write the files (owner-only), and refuse plainly', async () => {
    const dbPath = join(app.dir, 'hustings.sqlite');
    await app.close();
    const roundPdf = join(app.dir, 'round.pdf');
    const r = hustings('rounds', 'sheet', String(roundId), '--pdf', roundPdf, '--db', dbPath);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe(`Wrote ${roundPdf}: the round sheet of Elm Estate, 2 pages.\n`);
    expect((await pagesOf(new Uint8Array(readFileSync(roundPdf)))).length).toBe(2);
    const returnPdf = join(app.dir, 'return.pdf');
    const t = hustings('treasury', 'return', '--contest', String(contestId), '--pdf', returnPdf, '--db', dbPath);
    expect([t.code, t.err]).toEqual([0, '']);
    expect((await pagesOf(new Uint8Array(readFileSync(returnPdf))))[0]).toContain('Return of election expenses');
    if (process.platform !== 'win32') expect(statSync(returnPdf).mode & 0o777).toBe(0o600);
    const missing = hustings('rounds', 'sheet', '999', '--pdf', join(app.dir, 'none.pdf'), '--db', dbPath);
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).not.toBe('');
    expect(existsSync(join(app.dir, 'none.pdf'))).toBe(false);
    const both = hustings('treasury', 'return', '--contest', String(contestId), '--pdf', returnPdf, '--csv', join(app.dir, 'r.csv'), '--db', dbPath);
    expect([both.code, both.err.trim()]).toEqual([2, 'Give --csv FILE or --pdf FILE, not both']);
  }, 180_000);
});
