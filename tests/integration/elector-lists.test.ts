/**
 * The electors list and the follow-up lists at scale (issue 19): pages that cover every elector
 * once, searches through the electors_search index answered in walk order, and that index kept in
 * step with imports, re-imports, notices of alteration and erasures. What SQLite's own index
 * keeps in the file: elector-search-index.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, tempHustings } from '../helpers/db.ts';
import { HEADINGS, SMALL_REGISTER, importCsv } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
beforeEach(async () => {
  app = await tempHustings();
  areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
});
afterEach(() => app.cleanup());

const STREETS = ['Mill Lane', 'High Street', 'Acre Road'];
/** n electors over two districts, two a house, in an order that is not walk order. */
function register(n: number): string {
  const rows = [HEADINGS];
  for (let i = n - 1; i >= 0; i--) {
    const house = Math.floor(i / 2);
    rows.push(`${i < n / 2 ? 'AA' : 'AB'},${i + 1},,,Surname${i},Forename${i},${(house % 40) + 1} ${STREETS[house % 3]},Newtown,AB1 ${house % 9}CD`);
  }
  return rows.join('\r\n');
}

const walkOrder = async (where = '') =>
  (await app.store.all<{ n: string }>(`SELECT elector_number AS n FROM electors WHERE area_id = ? ${where} ORDER BY walk_seq`, [areaId])).map((r) => r.n);
const search = async (text: string) =>
  (await ok(app, 'register.listElectors', { areaId, search: text, limit: 500 })).items.map((e: any) => e.fullName as string);

describe('paging the electors list', () => {
  it('covers every elector exactly once, in walk order, by offset and by cursor, with the right total', async () => {
    await importCsv(app, areaId, register(537));
    const expected = await walkOrder();
    const byOffset: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await ok(app, 'register.listElectors', { areaId, offset, limit: 100 });
      expect(page.total).toBe(537);
      byOffset.push(...page.items.map((e: any) => e.electorNumber));
      if (page.items.length < 100) break;
    }
    expect(byOffset).toEqual(expected);

    const byCursor: string[] = [];
    let after: number | undefined;
    let pages = 0;
    do {
      const page = await ok(app, 'register.listElectors', { areaId, limit: 50, ...(after === undefined ? {} : { after }) });
      byCursor.push(...page.items.map((e: any) => e.electorNumber));
      after = page.nextCursor ?? undefined;
      pages++;
    } while (after !== undefined);
    expect(byCursor).toEqual(expected);
    expect(pages).toBe(11);

    // One district, and a search, page the same way; the default page is 100.
    const district = await ok(app, 'register.listElectors', { areaId, pollingDistrict: 'AB' });
    expect(district.total).toBe(268);
    expect(district.items.map((e: any) => e.electorNumber)).toEqual((await walkOrder("AND polling_district = 'AB'")).slice(0, 100));
    const acre = await ok(app, 'register.listElectors', { areaId, search: 'acre', limit: 100 });
    const acreAll = await walkOrder(`AND address_lines LIKE '%Acre Road%'`);
    expect(acre.total).toBe(acreAll.length);
    const second = await ok(app, 'register.listElectors', { areaId, search: 'acre', limit: 100, after: acre.nextCursor });
    expect([...acre.items, ...second.items].map((e: any) => e.electorNumber)).toEqual(acreAll.slice(0, acre.items.length + second.items.length));
  });

  it('refuses a cursor that is not a walk place, writing nothing', async () => {
    const r = await app.dispatch('register.listElectors', { areaId, after: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('after is the nextCursor of the previous page');
  });
});

describe('searching electors', () => {
  beforeEach(async () => {
    expect((await importCsv(app, areaId, SMALL_REGISTER)).state).toBe('done');
  });

  it('finds every word as the start of a word of name, address or postcode, in walk order (street, then house number)', async () => {
    // Walk order: High Street flats, then Mill Lane 1, 1, 2, 3 (not the order of the file).
    expect(await search('mill')).toEqual(['John Smith', 'Jane Smith', 'Tom Green', 'Ann Brown']);
    expect(await search('newtown')).toEqual(['Sam Jones', 'Ravi Patel', 'John Smith', 'Jane Smith', 'Tom Green', 'Ann Brown', 'Chidi Okafor', 'Ada Okafor']);
    expect(await search('smi')).toEqual(['John Smith', 'Jane Smith']);
    expect(await search('jane mill')).toEqual(['Jane Smith']);
    expect(await search('AB1 4')).toEqual(['Chidi Okafor', 'Ada Okafor', 'David Lee']);
    expect(await search('rose cottage')).toEqual(['David Lee']);
    expect(await search('ab-3/1')).toEqual(['David Lee']);
    expect(await search('AA-')).toHaveLength(6);
    // Query syntax typed by someone is only text.
    expect(await search('"smith" OR NEAR(')).toEqual([]);
    expect(await search('*')).toEqual([]);
    expect(await search('zzz')).toEqual([]);
  });

  it('stays in step with a re-import, notices of alteration and an erasure', async () => {
    // Xavier Quixote's are the only words starting with x and q: the index keeps them whole.
    const changed = `${SMALL_REGISTER.replace('AA,4,,,Green,Tom,2 Mill Lane', 'AA,4,,,Greenwood,Tom,7 Orchard Way')}\r\nAB,4,,,Quixote,Xavier,12 Park Road,Newtown,AB1 4CD`;
    const reimport = await importCsv(app, areaId, changed, 'register.csv', { confirmRemovals: true });
    expect(reimport.state, reimport.message).toBe('done');
    expect(await search('greenwood')).toEqual(['Tom Greenwood']);
    expect(await search('orchard')).toEqual(['Tom Greenwood']);
    expect(await search('mill')).toEqual(['John Smith', 'Jane Smith', 'Ann Brown']);

    const notice = [
      `${HEADINGS},Change Type`,
      'AA,7,,,Quist,Zara,4 Mill Lane,Newtown,AB1 2CD,A',
      'AA,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD,D',
      'AA,6,,,Jones-Hart,Sam,"Flat 1, 5 High Street",Newtown,AB1 3CD,C',
    ].join('\r\n');
    const end = await importCsv(app, areaId, notice, 'notice.csv', { mode: 'alterations', confirmRemovals: true });
    expect(end.state, end.message).toBe('done');
    expect(await search('quist')).toEqual(['Zara Quist']);
    expect(await search('mill')).toEqual(['Jane Smith', 'Ann Brown', 'Zara Quist']);
    expect(await search('john')).toEqual([]);
    expect(await search('hart')).toEqual(['Sam Jones-Hart']);

    const quixote = (await ok(app, 'register.listElectors', { areaId, search: 'quixote' })).items[0];
    expect(quixote.fullName).toBe('Xavier Quixote');
    await ok(app, 'register.erasePerson', { id: quixote.id, confirm: true });
    expect(await search('quixote')).toEqual([]);
    expect(await search('xav')).toEqual([]);
    expect(await search('okafor')).toEqual(['Chidi Okafor', 'Ada Okafor']);
  });
});

describe('the follow-up lists by the page', () => {
  it('pages those waiting in walk order, counts both lists, and without a limit still gives every one waiting (the CSV)', async () => {
    await importCsv(app, areaId, register(240));
    const session = await ok(app, 'canvass.createSession', { areaId, heldOn: '2026-11-01', canvassers: 'Tester' });
    const electors = await app.store.all<{ id: number }>('SELECT id FROM electors WHERE area_id = ? ORDER BY id', [areaId]);
    for (const [i, e] of electors.entries()) if (i % 2 === 0) await ok(app, 'canvass.recordReturn', { sessionId: session.id, electorId: e.id, codes: 'I3L' });
    const doneIds = electors.filter((_, i) => i % 8 === 0).map((e) => e.id);
    await ok(app, 'canvass.markFollowUpsDone', { request: 'literature', electorIds: doneIds, doneOn: '2026-11-02', note: '' });

    const all = await ok(app, 'canvass.listFollowUps', { areaId, request: 'literature' });
    expect(all).toHaveLength(120 - 30);
    expect(await ok(app, 'canvass.countFollowUps', { areaId, request: 'literature' })).toEqual({ open: 90, done: 30 });
    const pages = [
      ...(await ok(app, 'canvass.listFollowUps', { areaId, request: 'literature', limit: 50 })),
      ...(await ok(app, 'canvass.listFollowUps', { areaId, request: 'literature', offset: 50, limit: 50 })),
    ];
    expect(pages.map((f: any) => f.electorId)).toEqual(all.map((f: any) => f.electorId));
    const walk = await walkOrder();
    expect(all.map((f: any) => walk.indexOf(f.electorNumber))).toEqual(
      all.map((f: any) => walk.indexOf(f.electorNumber)).sort((a: number, b: number) => a - b),
    );
    const done = await ok(app, 'canvass.listFollowUps', { areaId, request: 'literature', state: 'done', limit: 20 });
    expect(done).toHaveLength(20);
    expect(await ok(app, 'canvass.countFollowUps', { areaId, request: 'literature', pollingDistrict: 'AB' })).toEqual({
      open: all.filter((f: any) => f.pollingDistrict === 'AB').length,
      done: (await app.store.values(`SELECT id FROM electors WHERE polling_district = 'AB' AND id IN (${doneIds.join(', ')})`)).length,
    });
    expect(await ok(app, 'canvass.countFollowUps', { areaId, request: 'join' })).toEqual({ open: 0, done: 0 });
  });
});
