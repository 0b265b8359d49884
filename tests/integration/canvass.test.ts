import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/domain/canvass-codes.ts';
import { findElector } from '../../db/repositories/electors.ts';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
let sessionId: number;
const idOf = async (n: string) => (await findElector(app.db, areaId, n))!.id;

beforeEach(async () => {
  app = await tempHustings();
  areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
  expect((await importCsv(app, areaId, SMALL_REGISTER)).state).toBe('done');
  sessionId = (await ok(app, 'canvass.createSession', { areaId, pollingDistrict: 'aa', heldOn: '2026-11-20', canvassers: 'Sam, Ali' })).id;
});
afterEach(() => app.cleanup());

describe('canvass sessions', () => {
  it('belong to an area and optionally one of its polling districts', async () => {
    expect(await ok(app, 'canvass.getSession', { id: sessionId })).toMatchObject({ pollingDistrict: 'AA', areaName: 'Newtown East', returnCount: 0 });
    const r = await app.dispatch('canvass.createSession', { areaId, pollingDistrict: 'ZZ', heldOn: '2026-11-20' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.pollingDistrict).toMatch(/No polling district ZZ/);
    const bad = await app.dispatch('canvass.createSession', { areaId, heldOn: '2026-02-30' });
    expect(bad.ok).toBe(false);
  });
});

describe('entering returns', () => {
  it('records typed codes, moves to the next elector in walk order, and keeps the standing', async () => {
    const first = await ok(app, 'canvass.recordReturn', { sessionId, electorId: await idOf('AA-6'), codes: 'i3l' });
    expect(first.return).toMatchObject({ outcome: 'in', support: '3', requests: ['literature'], codes: 'I3L', canvassedOn: '2026-11-20', enteredBy: 'tester' });
    expect(first.next.electorNumber).toBe('AA-5');
    const e = await ok(app, 'register.getElector', { id: await idOf('AA-6') });
    expect(e.elector).toMatchObject({ latestOutcome: 'in', latestSupport: '3', requests: ['literature'], lastCanvassedOn: '2026-11-20' });
    // The last elector of the district has no next one within the session's district.
    const last = await ok(app, 'canvass.recordReturn', { sessionId, electorId: await idOf('AA-3'), codes: 'N' });
    expect(last.next).toBeNull();
  });

  it('walks across polling districts in a whole-area session', async () => {
    const whole = (await ok(app, 'canvass.createSession', { areaId, heldOn: '2026-11-21' })).id;
    const r = await ok(app, 'canvass.recordReturn', { sessionId: whole, electorId: await idOf('AA-3'), codes: 'N' });
    expect(r.next.electorNumber).toBe('AB-1');
    expect((await ok(app, 'register.getNeighbour', { electorId: await idOf('AB-1'), direction: -1 })).electorNumber).toBe('AA-3');
    expect(await ok(app, 'register.getNeighbour', { electorId: await idOf('AB-3/1'), direction: 1 })).toBeNull();
  });

  it('refuses bad codes with the reason and writes nothing', async () => {
    const before = snapshot(app);
    for (const codes of ['', 'Q', 'N3', 'IN', '35']) {
      const r = await app.dispatch('canvass.recordReturn', { sessionId, electorId: await idOf('AA-1'), codes });
      expect(r.ok, codes).toBe(false);
      if (!r.ok) expect(r.error.fields?.codes).toBeTruthy();
    }
    const other = await app.dispatch('canvass.recordReturn', { sessionId, electorId: 999, codes: 'I' });
    expect(other.ok).toBe(false);
    expect(snapshot(app)).toBe(before);
  });

  it('undoes the last entries and the standing goes back', async () => {
    const id = await idOf('AA-1');
    await ok(app, 'canvass.recordReturn', { sessionId, electorId: id, codes: '2' });
    const second = await ok(app, 'canvass.recordReturn', { sessionId, electorId: id, codes: '5P' });
    expect((await ok(app, 'register.getElector', { id })).elector).toMatchObject({ latestSupport: '5', requests: ['poster'] });
    const undone = await ok(app, 'canvass.undoReturn', { id: second.return.id });
    expect(undone).toMatchObject({ electorNumber: 'AA-1', undone: { codes: '5P' } });
    expect((await ok(app, 'register.getElector', { id })).elector).toMatchObject({ latestSupport: '2', requests: [] });
    expect((await app.dispatch('canvass.undoReturn', { id: second.return.id })).ok).toBe(false);
    expect((await ok(app, 'canvass.listRecent', { sessionId })).map((r: any) => r.codes)).toEqual(['2']);
  });

  it('uses the user’s own codes', async () => {
    const config = { ...DEFAULT_CODES, support: { kind: 'parties', options: [{ code: 'U', label: 'Us' }, { code: 'T', label: 'Them' }] } };
    await ok(app, 'canvass.setCodes', config);
    const r = await ok(app, 'canvass.recordReturn', { sessionId, electorId: await idOf('AA-1'), codes: 'UL' });
    expect(r.return).toMatchObject({ outcome: 'in', support: 'U', requests: ['literature'] });
    const clash = await app.dispatch('canvass.setCodes', { ...config, requests: { ...config.requests, poster: 'U' } });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.error.fields?.['requests.poster']).toBe('U is also the code for support “Us”');
  });
});

describe('tallies and follow-ups', () => {
  it('counts each elector once by their latest return, per district and for the area', async () => {
    const enter = async (n: string, codes: string) => ok(app, 'canvass.recordReturn', { sessionId, electorId: await idOf(n), codes });
    await enter('AA-1', 'N');
    await enter('AA-1', '1L');
    await enter('AA-2', '1J');
    await enter('AA-3', '4');
    await enter('AA-4', 'R');
    await enter('AA-5', 'N');
    const t = await ok(app, 'canvass.getTallies', { areaId });
    expect(t.area).toMatchObject({ electors: 9, canvassed: 5, contacted: 4, contactRate: 80, coverage: 55.6, supportGiven: 3 });
    expect(t.districts.map((d: any) => [d.pollingDistrict, d.tallies.canvassed, d.tallies.electors])).toEqual([
      ['AA', 5, 6],
      ['AB', 0, 3],
    ]);
    expect(t.area.support.slice(0, 4).map((s: any) => [s.code, s.count, s.percent])).toEqual([
      ['1', 2, 67],
      ['2', 0, 0],
      ['3', 0, 0],
      ['4', 1, 33],
    ]);
    expect(t.area.requests.filter((r: any) => r.count > 0).map((r: any) => [r.request, r.count])).toEqual([
      ['literature', 1],
      ['join', 1],
    ]);
    const joiners = await ok(app, 'canvass.listFollowUps', { areaId, request: 'join' });
    expect(joiners.map((f: any) => [f.electorNumber, f.fullName, f.address])).toEqual([['AA-2', 'Jane Smith', '1 Mill Lane\nNewtown']]);
  });
});

describe('a person’s data', () => {
  it('exports everything about one elector', async () => {
    const id = await idOf('AA-2');
    await ok(app, 'canvass.recordReturn', { sessionId, electorId: id, codes: '1J', note: 'Keen' });
    const data = await ok(app, 'register.getPersonExport', { id });
    expect(data.elector).toMatchObject({ fullName: 'Jane Smith', electorNumber: 'AA-2' });
    expect(data.household).toMatchObject({ street: 'Mill Lane' });
    expect(data.returns).toMatchObject([{ codes: '1J', note: 'Keen' }]);
    expect(data.audit).toHaveLength(1);
  });

  it('erases one elector, their returns and their details in the audit trail, leaving a record of the erasure', async () => {
    const id = await idOf('AA-2');
    const r1 = await ok(app, 'canvass.recordReturn', { sessionId, electorId: id, codes: '1J', note: 'Lives with John' });
    await ok(app, 'canvass.undoReturn', { id: r1.return.id });
    await ok(app, 'canvass.recordReturn', { sessionId, electorId: id, codes: '2' });
    const ask = await app.dispatch('register.erasePerson', { id });
    expect(ask.ok).toBe(false);
    if (!ask.ok) expect(ask.error.code).toBe('needs_confirmation');
    expect(await ok(app, 'register.erasePerson', { id, confirm: true })).toEqual({ erased: true, returns: 1, auditRows: 3 });
    expect(await findElector(app.db, areaId, 'AA-2')).toBeUndefined();
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM canvass_returns WHERE elector_id = ?').get(id)).toEqual({ n: 0 });
    const trail = JSON.stringify(app.db.prepare('SELECT * FROM audit_log').all());
    expect(trail).not.toMatch(/Jane|Lives with John/);
    const rows = await ok(app, 'audit.list', { entity: 'elector', entityId: id });
    expect(rows[0]).toMatchObject({ action: 'erase', summary: 'Erased an elector’s personal data on request' });
    expect(rows.slice(1).every((r: any) => r.summary === '(personal data erased)' && r.before === null && r.after === null)).toBe(true);
    // The household keeps John.
    expect((await ok(app, 'register.listElectors', { areaId, search: 'Mill Lane' })).total).toBe(3);
  });
});
