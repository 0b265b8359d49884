import { PassThrough } from 'node:stream';
import { extractText } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElector, setStanding } from '../../db/repositories/electors.ts';
import { planWalkSheets, writeWalkSheets } from '../../main/pdf/walk-sheets.ts';
import { paginate } from '../../main/pdf/sheet-layout.ts';
import { startServer } from '../../main/server.ts';
import { walkRoute } from '../../shared/domain/walk-route.ts';
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

async function pdfPages(district?: string): Promise<string[]> {
  const plan = await planWalkSheets(app.dispatch, areaId, district);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeWalkSheets(app.dispatch, areaId, plan, out);
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  if (process.env.WALK_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.WALK_PDF_OUT, bytes);
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: false });
  return text as string[];
}

describe('walk sheets as PDF', () => {
  it('prints one district in walk order with headers, page numbers, legend and last results in words', async () => {
    const mill1 = (await findElector(app.store, areaId, 'AA-1'))!;
    const mill2 = (await findElector(app.store, areaId, 'AA-2'))!;
    await setStanding(app.store, mill1.id, { outcome: 'not_in', support: null, requests: [] }, '2026-11-20');
    await setStanding(app.store, mill2.id, { outcome: 'in', support: '2', requests: [] }, '2026-11-20');

    const pages = await pdfPages('AA');
    expect(pages).toHaveLength(3);
    pages.forEach((p, i) => {
      expect(p).toContain('Walk sheet: Newtown East, polling district AA');
      expect(p).toContain(`Page ${i + 1} of 3`);
      expect(p).toContain('Polling district AA. Streets:');
      expect(p).toContain('Canvasser');
      expect(p).toMatch(/Outcome: I In · N Not in · R Refused/);
      expect(p).toContain('Support: 1 Certain to support us');
      expect(p).toContain('E EU citizen: local elections only');
    });
    const first = pages[0];
    // Mill Lane (numbered first on the register) before Acre Road; odd side up, even side down.
    const order = [
      'Mill Lane — odd side, 1 up to 9',
      'Mill1',
      'Mill3',
      'Mill9',
      'Mill Lane — even side, 10 down to 2',
      'Mill10',
      'Mill2',
      'Acre Road — 2 to 6',
      'Acre2',
      'Acre6',
      'Long Street — odd side, 1 up to 129',
      'Long1',
      'Long3',
    ];
    const at = order.map((s) => first.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(first).toContain('Ann Mill3 (E)');
    expect(first).toContain('AB1 2CD');
    // Last results in words, never the stored code.
    expect(first).toContain('Not in');
    expect(first).toContain('In: Leaning to us');
    expect(pages.join('\n')).not.toMatch(/not_in/);
    // A long street carries over with its heading, at least 45 electors a page.
    expect(pages[1]).toContain('Long Street — odd side, 1 up to 129 (continued)');
    expect(pages[1]).toContain('Streets: Long Street');
    expect(pages[1].match(/Cy Long\d+/g)!.length).toBeGreaterThanOrEqual(45);
    expect(pages[1]).toContain('Long Street — even side, 130 down to 2');
    expect(pages[2]).toContain('Long Street — even side, 130 down to 2 (continued)');
  });

  it('prints a whole area district by district, each with its own page numbers', async () => {
    const pages = await pdfPages();
    expect(pages).toHaveLength(4);
    expect(pages[3]).toContain('Walk sheet: Newtown East, polling district AB');
    expect(pages[3]).toContain('Page 1 of 1');
    expect(pages[3]).toContain('Park Road — 10');
    expect(pages[3]).toContain('Park Road — houses with names');
    expect(pages[3]).toContain('none in this district');
  });

  it('refuses a district the area does not have, and an area with no register, before writing anything', async () => {
    await expect(planWalkSheets(app.dispatch, areaId, 'ZZ')).rejects.toThrow('Polling district ZZ is not in Newtown East’s register (its districts: AA, AB)');
    const other = (await ok(app, 'areas.create', { name: 'Oldtown', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
    await expect(planWalkSheets(app.dispatch, other)).rejects.toThrow('Oldtown has no register yet: import it first');
  });
});

describe('walk order and pages', () => {
  const h = (street: string, houseNumber: number | null, n: number) => ({ street, houseNumber, electorNumbers: [`AA-${n}`] });
  it('walks streets in register order, odd side up and even side down, one-sided streets rising', () => {
    const route = walkRoute([
      h('Acre Road', 1, 9),
      h('Acre Road', 3, 8),
      h('Zed Way', 1, 1),
      h('Zed Way', 2, 2),
      h('Zed Way', 3, 3),
      h('Zed Way', 4, 4),
      h('Zed Way', null, 5),
      h('', null, 0),
    ]);
    expect(route.map((s) => [s.street, s.side, s.households.map((x) => x.houseNumber)])).toEqual([
      ['Zed Way', 'odd', [1, 3]],
      ['Zed Way', 'even', [4, 2]],
      ['Zed Way', 'named', [null]],
      ['Acre Road', 'all', [1, 3]],
      ['', 'named', [null]],
    ]);
  });

  it('never ends a page with a heading', () => {
    const rows = (n: number) => Array.from({ length: n }, () => [['x']]);
    const pages = paginate(
      [
        { heading: 'A', groups: rows(8) },
        { heading: 'B', groups: rows(5) },
      ],
      10,
    );
    for (const p of pages) expect(p.at(-1)!.kind).toBe('row');
    expect(pages[1][0]).toEqual({ kind: 'heading', text: 'B' });
  });
});

// `hustings register walk-sheets` is tested in walk-sheets-pdf-cli.test.ts, outside the fast loop.
describe('walk sheets through the doors', () => {
  it('GET /api/pdf/walk-sheets streams the PDF behind the token, and refuses plainly', async () => {
    const server = await startServer(app, { port: 0, token: 'walk-token' });
    try {
      const base = `http://127.0.0.1:${server.port}/api/pdf/walk-sheets`;
      const auth = { headers: { Authorization: 'Bearer walk-token' } };
      expect((await fetch(`${base}?area=${areaId}&district=AB`)).status).toBe(401);
      const r = await fetch(`${base}?area=${areaId}&district=AB`, auth);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      expect(r.headers.get('content-disposition')).toBe('attachment; filename="walk-sheets-newtown-east-AB.pdf"');
      const { totalPages, text } = await extractText(new Uint8Array(await r.arrayBuffer()), { mergePages: true });
      expect(totalPages).toBe(1);
      expect(text).toContain('Walk sheet: Newtown East, polling district AB');
      const bad = await fetch(`${base}?area=${areaId}&district=ZZ`, auth);
      expect(bad.status).toBe(404);
      expect(await bad.text()).toBe('Polling district ZZ is not in Newtown East’s register (its districts: AA, AB)');
      const noArea = await fetch(`${base}?area=x`, auth);
      expect([noArea.status, await noArea.text()]).toEqual([400, 'Give the area as ?area=ID (its number in Hustings)']);
      const badHistory = await fetch(`${base}?area=${areaId}&district=AB&voted=3&of=2`, auth);
      expect([badHistory.status, await badHistory.text()]).toEqual([
        400,
        'Give voting history as ?voted=N&of=M: voted in N of the last M elections, M from 1 to 20 and N no more than M',
      ]);
    } finally {
      await server.close();
    }
  });
});
