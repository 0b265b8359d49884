import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkRoute } from '../../shared/domain/walk-route.ts';
import { ok, tempHustings } from '../helpers/db.ts';
import { importCsv } from '../helpers/register.ts';
import { syntheticCsv } from '../bench/synthetic-register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
beforeEach(async () => {
  app = await tempHustings();
  areaId = (await ok(app, 'areas.create', { name: 'Newtown', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
  expect((await importCsv(app, areaId, syntheticCsv(600))).state).toBe('done');
});
afterEach(() => app.cleanup());

const numbers = (households: readonly { electors: readonly { electorNumber: string }[] }[]) =>
  households.flatMap((h) => h.electors.map((e) => e.electorNumber));

describe('the walk sheet a page at a time (issue 19: the screen fetches one page, not the district)', () => {
  it('sends one page in walk order, the next page continues it, and the pages together are the whole sheet', async () => {
    // The whole sheet, as the PDF asks for it: unchanged, no paging.
    const whole = await ok(app, 'register.getWalkSheet', { areaId, pollingDistrict: 'AA' });
    expect(whole.paging).toBeUndefined();
    type H = { street: string; houseNumber: number | null; electors: { electorNumber: string }[]; electorNumbers: string[] };
    const route = walkRoute<H>(whole.households.map((h: H) => ({ ...h, electorNumbers: h.electors.map((e) => e.electorNumber) })));
    const walked = numbers(route.flatMap((s) => s.households));
    expect(walked).toHaveLength(600);

    const first = await ok(app, 'register.getWalkSheet', { areaId, pollingDistrict: 'AA', page: 1, pageRows: 50 });
    const { paging } = first;
    expect(paging).toMatchObject({ page: 1, pageRows: 50, households: whole.households.length, electors: 600 });
    expect(paging.pages).toBeGreaterThanOrEqual(12);
    const rows = numbers(first.households);
    expect(rows.length).toBeLessThanOrEqual(50);
    expect(rows).toEqual(walked.slice(0, rows.length));
    // The page's headings take its households in turn, the first street first.
    expect(paging.parts.reduce((n: number, p: any) => n + p.households, 0)).toBe(first.households.length);
    expect(paging.parts[0]).toMatchObject({ heading: 'High Street — odd side, 1 up to 199', continued: false, section: 0 });

    const second = await ok(app, 'register.getWalkSheet', { areaId, pollingDistrict: 'AA', page: 2, pageRows: 50 });
    expect(numbers(second.households)).toEqual(walked.slice(rows.length, rows.length + numbers(second.households).length));
    expect(second.paging.parts[0]).toMatchObject({ heading: 'High Street — odd side, 1 up to 199', continued: true });

    const all: string[] = [];
    for (let page = 1; page <= paging.pages; page++)
      all.push(...numbers((await ok(app, 'register.getWalkSheet', { areaId, pollingDistrict: 'AA', page, pageRows: 50 })).households));
    expect(all).toEqual(walked);
    // Every street is listed with the page it starts on, and the sections are the route's.
    expect(paging.streets.map((s: any) => s.section)).toEqual(paging.streets.map((_: unknown, i: number) => i));
    expect(paging.streets[0]).toEqual({ section: 0, heading: 'High Street — odd side, 1 up to 199', page: 1 });

    // A page past the end is the last page.
    const past = await ok(app, 'register.getWalkSheet', { areaId, pollingDistrict: 'AA', page: 999, pageRows: 50 });
    expect(past.paging.page).toBe(paging.pages);
    expect(numbers(past.households)).toEqual(walked.slice(walked.length - numbers(past.households).length));
  });

  it('finds an elector on any page of the sheet by number or part of a name', async () => {
    const sheet = await ok(app, 'register.getWalkSheet', { areaId, pollingDistrict: 'AA', page: 1, pageRows: 50, find: 'aa-600' });
    expect(sheet.paging.found).toHaveLength(1);
    const { electorId, page } = sheet.paging.found[0];
    const there = await ok(app, 'register.getWalkSheet', { areaId, pollingDistrict: 'AA', page, pageRows: 50 });
    expect(there.households.flatMap((h: any) => h.electors).find((e: any) => e.id === electorId).electorNumber).toBe('AA-600');
    const none = await ok(app, 'register.getWalkSheet', { areaId, pollingDistrict: 'AA', page: 1, find: 'Nobody Here' });
    expect(none.paging.found).toEqual([]);
    // Without find, no hits are listed.
    expect(there.paging.found).toBeUndefined();
  });

  it('refuses a page or page size out of range, saying which', async () => {
    for (const [input, field] of [
      [{ page: 0 }, 'page'],
      [{ page: 1.5 }, 'page'],
      [{ page: 1, pageRows: 5 }, 'pageRows'],
      [{ page: 1, pageRows: 5000 }, 'pageRows'],
    ] as const) {
      const r = await app.dispatch('register.getWalkSheet', { areaId, pollingDistrict: 'AA', ...input });
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.fields?.[field], JSON.stringify(r.error)).toBeTruthy();
    }
  });
});
