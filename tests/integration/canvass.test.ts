import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/domain/canvass-codes.ts';
import { findElector } from '../../db/repositories/electors.ts';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
let sessionId: number;
const idOf = async (n: string) => (await findElector(app.store, areaId, n))!.id;

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
    const before = await snapshot(app);
    for (const codes of ['', 'Q', 'N3', 'IN', '35']) {
      const r = await app.dispatch('canvass.recordReturn', { sessionId, electorId: await idOf('AA-1'), codes });
      expect(r.ok, codes).toBe(false);
      if (!r.ok) expect(r.error.fields?.codes).toBeTruthy();
    }
    const other = await app.dispatch('canvass.recordReturn', { sessionId, electorId: 999, codes: 'I' });
    expect(other.ok).toBe(false);
    expect(await snapshot(app)).toBe(before);
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

  it('says when the elector already has a return in the same session, and which', async () => {
    const id = await idOf('AA-1');
    const first = await ok(app, 'canvass.recordReturn', { sessionId, electorId: id, codes: '2' });
    expect(first.earlierInSession).toEqual([]);
    // Another session's return is no slip.
    const later = (await ok(app, 'canvass.createSession', { areaId, pollingDistrict: 'AA', heldOn: '2026-11-27' })).id;
    expect((await ok(app, 'canvass.recordReturn', { sessionId: later, electorId: id, codes: '3' })).earlierInSession).toEqual([]);
    const second = await ok(app, 'canvass.recordReturn', { sessionId, electorId: id, codes: '5P' });
    expect(second.earlierInSession).toEqual([first.return]);
  });

  it('reads a bare number in the only polling district of a whole-area session, and refuses it where it is ambiguous', async () => {
    // SMALL_REGISTER has districts AA and AB: a bare number could be either.
    expect(await ok(app, 'register.getByNumber', { areaId, electorNumber: '2' })).toBeNull();
    expect((await ok(app, 'register.getByNumber', { areaId, electorNumber: '2', pollingDistrict: 'AB' })).electorNumber).toBe('AB-2');
    const one = (await ok(app, 'areas.create', { name: 'Oldtown', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
    expect(
      (
        await importCsv(
          app,
          one,
          SMALL_REGISTER.split('\r\n')
            .filter((l) => !l.startsWith('AB,'))
            .join('\r\n'),
        )
      ).state,
    ).toBe('done');
    expect(await ok(app, 'register.getByNumber', { areaId: one, electorNumber: ' 2 ' })).toMatchObject({ electorNumber: 'AA-2', areaId: one });
    expect(await ok(app, 'register.getByNumber', { areaId: one, electorNumber: '99' })).toBeNull();
  });

  it('uses the user’s own codes', async () => {
    const config = {
      ...DEFAULT_CODES,
      support: {
        kind: 'parties',
        options: [
          { code: 'U', label: 'Us' },
          { code: 'T', label: 'Them' },
        ],
      },
    };
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
    // The home page's two figures, counted without the tallies, agree with them.
    expect(await ok(app, 'canvass.countContacts', { areaId })).toEqual({ electors: 9, contacted: 4 });
    const empty = (await ok(app, 'areas.create', { name: 'Oldtown', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
    expect(await ok(app, 'canvass.countContacts', { areaId: empty })).toEqual({ electors: 0, contacted: 0 });
    expect((await app.dispatch('canvass.countContacts', { areaId: 999 })).ok).toBe(false);
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
    expect(await findElector(app.store, areaId, 'AA-2')).toBeUndefined();
    expect(await app.store.get('SELECT COUNT(*) AS n FROM canvass_returns WHERE elector_id = ?', [id])).toEqual({ n: 0 });
    const trail = JSON.stringify(await app.store.all('SELECT * FROM audit_log'));
    expect(trail).not.toMatch(/Jane|Lives with John/);
    const rows = await ok(app, 'audit.list', { entity: 'elector', entityId: id });
    expect(rows[0]).toMatchObject({ action: 'erase', summary: 'Erased an elector’s personal data on request' });
    expect(rows.slice(1).every((r: any) => r.summary === '(personal data erased)' && r.before === null && r.after === null)).toBe(true);
    // The household keeps John.
    expect((await ok(app, 'register.listElectors', { areaId, search: 'Mill Lane' })).total).toBe(3);
  });
});

describe('editing and deleting a session', () => {
  const enter = async (session: number, n: string, codes: string) => ok(app, 'canvass.recordReturn', { sessionId: session, electorId: await idOf(n), codes });

  it('changes the date, district and canvassers; the returns take the new date and the standing follows', async () => {
    const later = (await ok(app, 'canvass.createSession', { areaId, pollingDistrict: 'AA', heldOn: '2026-11-25' })).id;
    await enter(sessionId, 'AA-1', '2');
    await enter(later, 'AA-1', '4');
    expect((await ok(app, 'register.getElector', { id: await idOf('AA-1') })).elector).toMatchObject({ latestSupport: '4', lastCanvassedOn: '2026-11-25' });
    // The first session was really held after the second: its return is now the latest.
    const s = await ok(app, 'canvass.updateSession', { id: sessionId, areaId, pollingDistrict: 'ab', heldOn: '2026-11-28', canvassers: 'Sam', notes: 'Rain' });
    expect(s).toMatchObject({ pollingDistrict: 'AB', heldOn: '2026-11-28', canvassers: 'Sam', notes: 'Rain', returnCount: 1 });
    expect((await ok(app, 'canvass.listRecent', { sessionId }))[0].canvassedOn).toBe('2026-11-28');
    expect((await ok(app, 'register.getElector', { id: await idOf('AA-1') })).elector).toMatchObject({ latestSupport: '2', lastCanvassedOn: '2026-11-28' });
    const trail = await ok(app, 'audit.list', { entity: 'canvass_session', entityId: sessionId });
    expect(trail[0]).toMatchObject({ action: 'update', summary: 'Changed the canvass session of Sat 28 Nov 2026' });
  });

  it('refuses a bad change field by field and writes nothing', async () => {
    const otherArea = (await ok(app, 'areas.create', { name: 'Oldtown', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
    const before = await snapshot(app);
    const cases: [unknown, string][] = [
      [{ id: sessionId, areaId, pollingDistrict: 'ZZ', heldOn: '2026-11-20' }, 'pollingDistrict'],
      [{ id: sessionId, areaId, heldOn: '2026-11-31' }, 'heldOn'],
      [{ id: sessionId, areaId, heldOn: '2026-11-20', canvassers: 'x'.repeat(501) }, 'canvassers'],
      [{ id: 999, areaId, heldOn: '2026-11-20' }, 'id'],
    ];
    for (const [input, field] of cases) {
      const r = await app.dispatch('canvass.updateSession', input);
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect(Object.keys(r.error.fields ?? {}), r.error.message).toContain(field);
    }
    const moved = await app.dispatch('canvass.updateSession', { id: sessionId, areaId: otherArea, heldOn: '2026-11-20' });
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(moved.error.message).toBe('A session cannot move to another area');
    expect(await snapshot(app)).toBe(before);
  });

  it('deletes a session with its returns only when confirmed, and works out the standing again from the other returns', async () => {
    const later = (await ok(app, 'canvass.createSession', { areaId, pollingDistrict: 'AA', heldOn: '2026-11-25' })).id;
    await enter(sessionId, 'AA-1', '2L');
    await enter(later, 'AA-1', '4');
    await enter(later, 'AA-2', '1J');
    const before = await snapshot(app);
    const ask = await app.dispatch('canvass.deleteSession', { id: later });
    expect(ask.ok).toBe(false);
    if (!ask.ok) expect(ask.error).toMatchObject({ code: 'needs_confirmation', message: 'This session has 2 return(s); deleting it deletes them too.' });
    expect(await snapshot(app)).toBe(before);

    expect(await ok(app, 'canvass.deleteSession', { id: later, confirm: true })).toEqual({ deletedReturns: 2, electorsUpdated: 2 });
    expect((await app.dispatch('canvass.getSession', { id: later })).ok).toBe(false);
    expect((await ok(app, 'register.getElector', { id: await idOf('AA-1') })).elector).toMatchObject({
      latestSupport: '2',
      requests: ['literature'],
      lastCanvassedOn: '2026-11-20',
    });
    expect((await ok(app, 'register.getElector', { id: await idOf('AA-2') })).elector).toMatchObject({
      latestOutcome: null,
      requests: [],
      lastCanvassedOn: null,
    });
    expect((await ok(app, 'canvass.listFollowUps', { areaId, request: 'join' })).length).toBe(0);
    // An empty session goes without asking.
    const empty = (await ok(app, 'canvass.createSession', { areaId, heldOn: '2026-11-26' })).id;
    expect(await ok(app, 'canvass.deleteSession', { id: empty })).toEqual({ deletedReturns: 0, electorsUpdated: 0 });
  });
});

describe('picking a household on the entry screen', () => {
  it('finds households by any words of the address or postcode, a typed house number first, with their electors', async () => {
    const one = await ok(app, 'register.findHouseholds', { areaId, search: '1 mill' });
    expect(one.total).toBe(3);
    expect(one.items[0]).toMatchObject({ address: '1 Mill Lane\nNewtown', houseNumber: 1, pollingDistrict: 'AA' });
    expect(one.items[0].members.map((m: any) => [m.electorNumber, m.fullName])).toEqual([
      ['AA-1', 'John Smith'],
      ['AA-2', 'Jane Smith'],
    ]);
    const flats = await ok(app, 'register.findHouseholds', { areaId, search: 'HIGH street, newtown' });
    expect(flats.items.map((h: any) => h.flat)).toEqual(['Flat 1', 'Flat 2']);
    expect((await ok(app, 'register.findHouseholds', { areaId, search: 'AB1 4CD' })).items.map((h: any) => h.address)).toEqual([
      '10 Park Road\nNewtown',
      'Rose Cottage\nPark Road',
    ]);
    expect((await ok(app, 'register.findHouseholds', { areaId, search: 'park', pollingDistrict: 'aa' })).total).toBe(0);
    expect((await ok(app, 'register.findHouseholds', { areaId, search: 'rose', pollingDistrict: 'AB' })).items[0].members[0].electorNumber).toBe('AB-3/1');
    // LIKE's wildcards are read as the characters typed.
    expect((await ok(app, 'register.findHouseholds', { areaId, search: '%' })).total).toBe(0);
    const few = await ok(app, 'register.findHouseholds', { areaId, search: 'newtown', limit: 2 });
    expect([few.total, few.items.length]).toEqual([6, 2]);
    const bad = await app.dispatch('register.findHouseholds', { areaId, search: 12 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.search).toBe('Type part of the address');
  });
});

describe('follow-ups ticked off', () => {
  const enter = async (session: number, n: string, codes: string) => ok(app, 'canvass.recordReturn', { sessionId: session, electorId: await idOf(n), codes });
  const waiting = async (request = 'literature') => (await ok(app, 'canvass.listFollowUps', { areaId, request })).map((f: any) => f.electorNumber);
  const done = async (request = 'literature') => (await ok(app, 'canvass.listFollowUps', { areaId, request, state: 'done' })).map((f: any) => f.electorNumber);

  beforeEach(async () => {
    await enter(sessionId, 'AA-1', '1L');
    await enter(sessionId, 'AA-2', '2LJ');
    await enter(sessionId, 'AA-4', '3L');
  });

  it('leave the waiting list, show in the done list with when and by whom, and can be taken back', async () => {
    expect(await waiting()).toEqual(['AA-1', 'AA-2', 'AA-4']);
    const ids = [await idOf('AA-1'), await idOf('AA-4')];
    expect(await ok(app, 'canvass.markFollowUpsDone', { request: 'literature', electorIds: ids, doneOn: '2026-11-22', note: ' Posted second class ' })).toEqual(
      { marked: 2 },
    );
    expect(await waiting()).toEqual(['AA-2']);
    expect(await waiting('join')).toEqual(['AA-2']);
    const list = await ok(app, 'canvass.listFollowUps', { areaId, request: 'literature', state: 'done' });
    expect(list.map((f: any) => [f.electorNumber, f.doneOn, f.doneBy, f.doneNote, f.askedAgain])).toEqual([
      ['AA-1', '2026-11-22', 'tester', 'Posted second class', false],
      ['AA-4', '2026-11-22', 'tester', 'Posted second class', false],
    ]);
    // The tallies still count who asked.
    expect((await ok(app, 'canvass.getTallies', { areaId })).area.requests.find((r: any) => r.request === 'literature').count).toBe(3);
    // Filed under the elector, like their returns.
    const trail = await ok(app, 'audit.list', { entity: 'elector', entityId: ids[0] });
    expect(trail[0]).toMatchObject({ action: 'follow-up-done', summary: 'Follow-up done (wants literature) on Sun 22 Nov 2026', before: null });
    expect((await ok(app, 'register.getElector', { id: ids[0] })).followUpsDone).toMatchObject([
      { request: 'literature', doneOn: '2026-11-22', reopenedByReturnId: null },
    ]);
    expect((await ok(app, 'register.getPersonExport', { id: ids[0] })).followUpsDone).toMatchObject([{ note: 'Posted second class' }]);

    expect(await ok(app, 'canvass.undoFollowUpsDone', { request: 'literature', electorIds: [ids[1]] })).toEqual({ reopened: 1 });
    expect(await waiting()).toEqual(['AA-2', 'AA-4']);
    expect(await done()).toEqual(['AA-1']);
    expect((await ok(app, 'audit.list', { entity: 'elector', entityId: ids[1] }))[0]).toMatchObject({ action: 'follow-up-undone', after: null });
  });

  it('refuse bad input saying which elector and why, and write nothing', async () => {
    const [aa1, aa2, aa3] = [await idOf('AA-1'), await idOf('AA-2'), await idOf('AA-3')];
    await ok(app, 'canvass.markFollowUpsDone', { request: 'literature', electorIds: [aa1], doneOn: '2026-11-22' });
    const before = await snapshot(app);
    const cases: [unknown, string, string | RegExp][] = [
      [
        { request: 'literature', electorIds: [aa2, aa3], doneOn: '2026-11-22' },
        'electorIds.1',
        'AA-3 Ann Brown has not asked for this (wants literature): nothing to tick off',
      ],
      [
        { request: 'literature', electorIds: [aa2, aa1], doneOn: '2026-11-22' },
        'electorIds.1',
        'AA-1 John Smith is already ticked off (done on Sun 22 Nov 2026)',
      ],
      [{ request: 'literature', electorIds: [aa2, 999], doneOn: '2026-11-22' }, 'electorIds.1', 'There is no elector with id 999'],
      [{ request: 'literature', electorIds: [aa2, aa2], doneOn: '2026-11-22' }, 'electorIds', 'An elector is listed twice'],
      [{ request: 'literature', electorIds: [], doneOn: '2026-11-22' }, 'electorIds', 'Choose at least one elector'],
      [{ request: 'literature', electorIds: [aa2], doneOn: '2199-01-01' }, 'doneOn', 'Give the day it was done: this date is still to come'],
      [{ request: 'literature', electorIds: [aa2], doneOn: '22/11/2026' }, 'doneOn', 'Write the date as YYYY-MM-DD'],
      [{ request: 'leaflet', electorIds: [aa2], doneOn: '2026-11-22' }, 'request', /request: Choose one of literature, poster/],
      [{ request: 'literature', electorIds: [aa2], doneOn: '2026-11-22', note: 'x'.repeat(501) }, 'note', 'Note must be at most 500 characters'],
    ];
    for (const [input, field, message] of cases) {
      const r = await app.dispatch('canvass.markFollowUpsDone', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) {
        expect(Object.keys(r.error.fields ?? {}), r.error.message).toContain(field);
        expect(r.error.message).toMatch(message);
      }
    }
    const undo = await app.dispatch('canvass.undoFollowUpsDone', { request: 'literature', electorIds: [aa1, aa2] });
    expect(undo.ok).toBe(false);
    if (!undo.ok)
      expect(undo.error).toMatchObject({ message: 'AA-2 Jane Smith is not ticked off as done (wants literature)', fields: { 'electorIds.1': 'Not done' } });
    expect(await snapshot(app)).toBe(before);
  });

  it('reopen when a return canvassed on or after the day it was done asks again; undoing that return closes it again', async () => {
    const session = async (heldOn: string) => (await ok(app, 'canvass.createSession', { areaId, heldOn })).id;
    const aa3 = await idOf('AA-3');
    await enter(await session('2025-03-01'), 'AA-3', '2L');
    await ok(app, 'canvass.markFollowUpsDone', { request: 'literature', electorIds: [aa3], doneOn: '2025-03-10' });
    // A paper return from before it was done, typed in late: still done.
    const earlier = await session('2025-03-05');
    await enter(earlier, 'AA-3', 'L');
    expect(await done()).toEqual(['AA-3']);
    // Asked again afterwards: waiting again, and the list says it was done before.
    const again = await session('2025-04-01');
    const r = await enter(again, 'AA-3', '1L');
    const open = (await ok(app, 'canvass.listFollowUps', { areaId, request: 'literature' })).find((f: any) => f.electorNumber === 'AA-3');
    expect(open).toMatchObject({ askedAgain: true, doneOn: '2025-03-10' });
    expect(await done()).toEqual([]);
    // Undo the return that asked again: done again.
    await ok(app, 'canvass.undoReturn', { id: r.return.id });
    expect(await done()).toEqual(['AA-3']);
    // Asked again, then that whole session deleted: done again.
    await enter(again, 'AA-3', 'L');
    expect(await done()).toEqual([]);
    await ok(app, 'canvass.deleteSession', { id: again, confirm: true });
    expect(await done()).toEqual(['AA-3']);
    // On the very day it was done counts as asking again; ticked off again, it is one fresh mark.
    await enter(await session('2025-03-10'), 'AA-3', 'L');
    expect(await waiting()).toContain('AA-3');
    await ok(app, 'canvass.markFollowUpsDone', { request: 'literature', electorIds: [aa3], doneOn: '2025-04-02' });
    expect(await done()).toEqual(['AA-3']);
    expect(await app.store.all('SELECT done_on AS d, reopened_by_return_id AS r FROM follow_up_done')).toEqual([{ d: '2025-04-02', r: null }]);
  });

  it('go with the elector when their data is erased, and lose the erased person’s name from others’ notes', async () => {
    const [aa1, aa2] = [await idOf('AA-1'), await idOf('AA-2')];
    await ok(app, 'canvass.markFollowUpsDone', { request: 'join', electorIds: [aa2], doneOn: '2026-11-22', note: 'Phoned' });
    await ok(app, 'canvass.markFollowUpsDone', { request: 'literature', electorIds: [aa1], doneOn: '2026-11-22', note: 'Handed to Jane Smith at the door' });
    await ok(app, 'register.erasePerson', { id: aa2, confirm: true });
    expect(await app.store.all('SELECT elector_id AS e, note FROM follow_up_done')).toEqual([{ e: aa1, note: 'Handed to (erased) at the door' }]);
  });
});
