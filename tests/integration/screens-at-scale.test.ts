import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElector } from '../../db/repositories/electors.ts';
import { ok, tempHustings } from '../helpers/db.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';

/** What the screens ask for, answered from indexes: the same answers as the whole-list queries they replace. */
type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
const idOf = async (n: string) => (await findElector(app.store, areaId, n))!.id;

beforeEach(async () => {
  app = await tempHustings();
  areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
  expect((await importCsv(app, areaId, SMALL_REGISTER)).state).toBe('done');
});
afterEach(() => app.cleanup());

describe('register summaries', () => {
  it('count electors, lived-in households and districts as the whole-register query did', async () => {
    // A second area with a register, and a third with none (not listed).
    const other = (await ok(app, 'areas.create', { name: 'Abbey', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
    expect((await importCsv(app, other, SMALL_REGISTER)).state).toBe('done');
    await ok(app, 'areas.create', { name: 'Empty', kind: 'ward', nation: 'england', electorate: null, classification: null });
    // The query register.list answered with before (every elector sorted for its distinct households).
    const before = app.db
      .prepare(
        `SELECT a.id AS areaId, a.name AS areaName, COUNT(e.id) AS electors, COUNT(DISTINCT e.household_id) AS households,
           COUNT(DISTINCT e.polling_district) AS districts FROM areas a JOIN electors e ON e.area_id = a.id GROUP BY a.id ORDER BY a.name`,
      )
      .all();
    const now = await ok(app, 'register.list', {});
    expect(now).toEqual(before);
    expect(now.map((r: { areaName: string }) => r.areaName)).toEqual(['Abbey', 'Newtown East']);
    expect(now[1].electors).toBeGreaterThan(0);
    expect(now[1].households).toBeGreaterThan(0);
  });
});

describe('where a walk starts', () => {
  it('is the first elector in walk order, of the area or of one district, as the first of the list', async () => {
    for (const pollingDistrict of [undefined, 'AA', 'AB']) {
      const listed = (await ok(app, 'register.listElectors', { areaId, pollingDistrict, limit: 1 })).items[0];
      const first = await ok(app, 'register.firstInWalk', { areaId, pollingDistrict });
      expect(first).toEqual(listed);
      expect(first).not.toBeNull();
    }
    expect(await ok(app, 'register.firstInWalk', { areaId, pollingDistrict: 'ZZ' })).toBeNull();
    const missing = await app.dispatch('register.firstInWalk', { areaId: 999 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
  });
});

describe('a session’s recent returns', () => {
  it('are listed newest first without counting the session, and a missing session is named', async () => {
    const sessionId = (await ok(app, 'canvass.createSession', { areaId, heldOn: '2026-11-20' })).id;
    await ok(app, 'canvass.recordReturn', { sessionId, electorId: await idOf('AA-6'), codes: 'I3L' });
    await ok(app, 'canvass.recordReturn', { sessionId, electorId: await idOf('AA-5'), codes: 'N' });
    const recent = await ok(app, 'canvass.listRecent', { sessionId, limit: 20 });
    expect(recent.map((r: { electorNumber: string }) => r.electorNumber)).toEqual(['AA-5', 'AA-6']);
    const missing = await app.dispatch('canvass.listRecent', { sessionId: 999, limit: 20 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: 'There is no canvass session with id 999' } });
  });
});
