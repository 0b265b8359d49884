import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../main/server.ts';
import { ok } from '../helpers/db.ts';
import { type Paperwork, paperwork, STREETS } from '../helpers/papers.ts';

let app: Paperwork['app'];
let roundId: number;
let contestId: number;

// The data only read by every case below, so made once. `hustings rounds sheet` and `treasury
// return` are tested in papers-pdf-cli.test.ts, outside the fast loop.
beforeAll(async () => {
  ({ app, roundId, contestId } = await paperwork());
});
afterAll(() => app.cleanup());

const pagesOf = async (bytes: Uint8Array) => (await extractText(bytes, { mergePages: false })).text as string[];

describe('round sheets and the expenses return as PDF', () => {
  it('pdf.roundSheet (the desktop app’s way, over IPC): every street in order, headers and the return slip on each page', async () => {
    const file = await ok(app, 'pdf.roundSheet', { roundId });
    expect(file.fileName).toBe('round-sheet-elm-estate.pdf');
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pagesOf(new Uint8Array(bytes));
    expect(pages).toHaveLength(2);
    expect(file.pages).toBe(2);
    pages.forEach((p, i) => {
      expect(p).toContain('Round sheet: Elm Estate');
      expect(p).toContain(`Page ${i + 1} of 2`);
      expect(p).toContain('Polling district AA · Newtown East · 2,370 households');
      expect(p).toContain('Deliverer: Ann Deliverer, Mon 20 Apr 2026');
      expect(p).toContain('Return this sheet to the campaign office');
    });
    expect(pages[0]).toContain('Streets in walking order');
    expect(pages[0]).toContain('Dog at no. 4');
    expect(pages[1]).toContain('Streets in walking order (continued)');
    const all = pages.join('\n');
    const at = STREETS.map((s) => (all.indexOf(`${s.name}\n`) >= 0 ? all.indexOf(`${s.name}\n`) : all.indexOf(s.name)));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('pdf.expensesReturn: spending lines with totals, donations, deposit and declaration, page numbers on every page', async () => {
    const file = await ok(app, 'pdf.expensesReturn', { contestId });
    expect(file.fileName).toBe(`return-of-expenses-contest-${contestId}.pdf`);
    const pages = await pagesOf(new Uint8Array(Buffer.from(file.dataBase64, 'base64')));
    expect(pages.length).toBe(file.pages);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p).toContain('Return of election expenses: Newtown East — Newtown 2026');
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain('No candidate entered for this contest');
    });
    const all = pages.join('\n');
    expect(all).toContain('Spending: Advertising');
    expect(pages[1]).toContain('Spending: Advertising (continued)');
    for (const n of [1, 35, 70]) expect(all).toContain(`Printer ${n}`);
    expect(all).toContain('Total: Advertising');
    expect(all).toContain('£700.00');
    expect(all).toContain('Total election spending');
    expect(all).toContain('Donations over £50 accepted');
    expect(all).toContain('Cy Donor');
    expect(all).toContain('1 High St, Newtown');
    expect(all).toContain('Signed (election agent)');
  });

  it('a missing round or contest is refused in words, with no file', async () => {
    const r = await app.dispatch('pdf.roundSheet', { roundId: 999 });
    expect(r.ok).toBe(false);
    const c = await app.dispatch('pdf.expensesReturn', { contestId: 999 });
    expect(c.ok).toBe(false);
    if (!r.ok && !c.ok) expect([r.error.code, c.error.code]).toEqual(['not_found', 'not_found']);
  });

  it('GET /api/pdf/round-sheet and /api/pdf/expenses-return stream the files behind the token', async () => {
    const server = await startServer(app, { port: 0, token: 'paper-token' });
    try {
      const base = `http://127.0.0.1:${server.port}/api/pdf`;
      const auth = { headers: { Authorization: 'Bearer paper-token' } };
      expect((await fetch(`${base}/round-sheet?round=${roundId}`)).status).toBe(401);
      const round = await fetch(`${base}/round-sheet?round=${roundId}`, auth);
      expect([round.status, round.headers.get('content-type'), round.headers.get('content-disposition')]).toEqual([
        200,
        'application/pdf',
        'attachment; filename="round-sheet-elm-estate.pdf"',
      ]);
      expect((await pagesOf(new Uint8Array(await round.arrayBuffer())))[0]).toContain('Round sheet: Elm Estate');
      const ret = await fetch(`${base}/expenses-return?contest=${contestId}`, auth);
      expect(ret.status).toBe(200);
      expect((await pagesOf(new Uint8Array(await ret.arrayBuffer())))[0]).toContain('Spending: Advertising');
      const missing = await fetch(`${base}/round-sheet?round=999`, auth);
      expect(missing.status).toBe(404);
      expect(await missing.text()).not.toMatch(/at .*\.ts/);
      const bad = await fetch(`${base}/expenses-return?contest=x`, auth);
      expect([bad.status, await bad.text()]).toEqual([400, 'Give the contest as ?contest=ID (its number in Hustings)']);
    } finally {
      await server.close();
    }
  });
});
