/**
 * A canvasser reaches only the areas and polling districts assigned to them (issue 13), through
 * the dispatcher with a caller as every door calls it: lists are trimmed, records outside are
 * refused whatever id is guessed, and nothing is written for them. A coordinator and the single
 * user of a file (no caller) reach everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElector } from '../../db/repositories/electors.ts';
import { REACH_RULES } from '../../main/api/scope.ts';
import { addAccount } from '../../main/team/accounts.ts';
import type { Queries } from '../../db/store.ts';
import { type MethodName, contract } from '../../shared/contract/index.ts';
import type { Caller } from '../../shared/contract/roles.ts';
import { type TempHustings, ok, snapshot, tempHustings } from '../helpers/db.ts';
import { knockUpCampaign } from '../helpers/knock-up.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';

let app: TempHustings;
let newtown: number;
let oldtown: number;
let sessionAA: number;
let sessionAB: number;
let sessionOld: number;
const sam: Caller = { name: 'Sam Canvasser', roles: ['canvasser'] };
const nobody: Caller = { name: 'Nia Newcomer', roles: ['canvasser'] };
const cora: Caller = { name: 'Cora Coordinator', roles: ['coordinator'] };
const idOf = async (areaId: number, n: string) => (await findElector(app.store, areaId, n))!.id;
const area = (name: string) => ({ name, kind: 'ward', nation: 'england', electorate: null, classification: null });

/** A team server's canvasser accounts: only these may be assigned districts there. */
async function canvasserAccounts(db: Queries, ...names: string[]) {
  for (const name of names) await addAccount(db, { name, roles: ['canvasser'], meeting: 'Branch meeting', decidedOn: '2026-11-04', recordedBy: 'tester' });
}

async function as<T = any>(caller: Caller, method: string, input: unknown): Promise<T> {
  const r = await app.dispatch(method, input, caller);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
async function refused(caller: Caller, method: string, input: unknown): Promise<string> {
  const r = await app.dispatch(method, input, caller);
  expect(r.ok, `${method} should be refused`).toBe(false);
  if (r.ok) return '';
  expect(r.error.code).toBe('forbidden');
  return r.error.message;
}

beforeAll(async () => {
  app = await tempHustings();
  newtown = (await ok(app, 'areas.create', area('Newtown East'))).id;
  oldtown = (await ok(app, 'areas.create', area('Oldtown'))).id;
  expect((await importCsv(app, newtown, SMALL_REGISTER)).state).toBe('done');
  expect((await importCsv(app, oldtown, SMALL_REGISTER)).state).toBe('done');
  sessionAA = (await ok(app, 'canvass.createSession', { areaId: newtown, pollingDistrict: 'AA', heldOn: '2026-11-20' })).id;
  sessionAB = (await ok(app, 'canvass.createSession', { areaId: newtown, pollingDistrict: 'AB', heldOn: '2026-11-20' })).id;
  sessionOld = (await ok(app, 'canvass.createSession', { areaId: oldtown, pollingDistrict: '', heldOn: '2026-11-21' })).id;
  await ok(app, 'canvass.recordReturn', { sessionId: sessionAB, electorId: await idOf(newtown, 'AB-1'), codes: 'I1' });
  await canvasserAccounts(app.store, sam.name, 'Ali', 'Wendy Whole');
  await as(cora, 'assignments.assign', { person: sam.name, areaId: newtown, pollingDistrict: 'aa' });
});
afterAll(() => app.cleanup());

it('has a rule of reach for every method a canvasser may call (one without is refused to them)', () => {
  const open = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].access.includes('canvasser'));
  expect(open.filter((m) => !REACH_RULES.includes(m))).toEqual([]);
});

describe('assignments', () => {
  it('are made by a coordinator, audited under their name, and refused with the field named when wrong', async () => {
    const [row] = await as(cora, 'assignments.list', { areaId: newtown });
    expect(row).toMatchObject({ person: 'Sam Canvasser', areaName: 'Newtown East', pollingDistrict: 'AA', assignedBy: 'Cora Coordinator' });
    const audit = await app.store.get<{ actor: string; summary: string }>("SELECT actor, summary FROM audit_log WHERE entity = 'canvass_assignment'");
    expect(audit).toEqual({ actor: 'Cora Coordinator', summary: 'Assigned Sam Canvasser to canvass polling district AA of Newtown East' });

    const before = await snapshot(app);
    const cases: [unknown, string][] = [
      [{ person: ' ', areaId: newtown }, 'person'],
      [{ person: 'Ali', areaId: 999 }, 'areaId'],
      [{ person: 'Ali', areaId: newtown, pollingDistrict: 'ZZ' }, 'pollingDistrict'],
      [{ person: sam.name, areaId: newtown, pollingDistrict: 'AA' }, 'person'],
      [{ person: 'Zed Typed', areaId: newtown }, 'person'],
    ];
    for (const [input, field] of cases) {
      const r = await app.dispatch('assignments.assign', input, cora);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(Object.keys(r.error.fields ?? {}), JSON.stringify(r.error)).toContain(field);
    }
    expect(await refused(sam, 'assignments.assign', { person: sam.name, areaId: oldtown })).toMatch(/Only a coordinator/);
    // On a team server only a canvasser account may be assigned, as the page offers, not a typed name.
    const typed = await app.dispatch('assignments.assign', { person: 'Zed Typed', areaId: newtown }, cora);
    expect(!typed.ok && typed.error.message).toBe('Zed Typed is not a canvasser account on this team: its canvassers are Ali, Sam Canvasser, Wendy Whole');
    expect(await snapshot(app)).toBe(before);
  });

  it('are seen by a canvasser only as their own', async () => {
    const other = await as(cora, 'assignments.assign', { person: 'Ali', areaId: oldtown });
    expect((await as(sam, 'assignments.list', {})).map((a: { person: string }) => a.person)).toEqual(['Sam Canvasser']);
    expect((await as(cora, 'assignments.list', {})).length).toBe(2);
    expect((await as(cora, 'assignments.unassign', { id: other.id })).removed.person).toBe('Ali');
    expect((await as(cora, 'assignments.list', {})).length).toBe(1);
  });
});

describe('a canvasser assigned district AA', () => {
  it('sees only AA’s electors, districts and areas', async () => {
    const page = await as(sam, 'register.listElectors', { areaId: newtown });
    expect(page.total).toBe(6);
    expect(new Set(page.items.map((e: { pollingDistrict: string }) => e.pollingDistrict))).toEqual(new Set(['AA']));
    expect(await refused(sam, 'register.listElectors', { areaId: newtown, pollingDistrict: 'AB' })).toBe(
      'Polling district AB is not assigned to you — ask a coordinator to assign it to you.',
    );
    expect(await as(sam, 'register.listDistricts', { areaId: newtown })).toEqual([{ pollingDistrict: 'AA', households: 5, electors: 6 }]);
    expect((await as(sam, 'register.list', {})).map((a: { areaId: number }) => a.areaId)).toEqual([newtown]);
    expect((await as(sam, 'register.listNames', { areaId: newtown })).length).toBe(6);
    expect(await refused(sam, 'register.listElectors', { areaId: oldtown })).toMatch(/^Area \d+ is not assigned to you/);
    expect(await refused(sam, 'areas.get', { id: oldtown })).toMatch(/not assigned to you/);
    const sheet = await as(sam, 'register.getWalkSheet', { areaId: newtown });
    expect(sheet.pollingDistrict).toBe('AA');
  });

  it('gets AA’s walk sheet pages and names for the entry screen, and is refused AB’s', async () => {
    const page = await as(sam, 'register.getWalkSheet', { areaId: newtown, page: 1, pageRows: 10 });
    expect(page.paging).toMatchObject({ page: 1, pages: 1, electors: 6 });
    expect(page.households.flatMap((h: { electors: { electorNumber: string }[] }) => h.electors.map((e) => e.electorNumber.slice(0, 3)))).toEqual(
      Array(6).fill('AA-'),
    );
    const ab = 'Polling district AB is not assigned to you — ask a coordinator to assign it to you.';
    expect(await refused(sam, 'register.getWalkSheet', { areaId: newtown, pollingDistrict: 'AB', page: 1 })).toBe(ab);
    expect(await refused(sam, 'register.getWalkSheet', { areaId: newtown, pollingDistrict: 'AB', page: 1, find: 'AB-1' })).toBe(ab);
    expect(await refused(sam, 'register.listNames', { areaId: newtown, pollingDistrict: 'AB' })).toBe(ab);
    expect(await refused(sam, 'register.listNames', { areaId: oldtown, pollingDistrict: 'AA' })).toMatch(/^Area \d+ is not assigned to you/);
    // A coordinator is not limited.
    expect((await as(cora, 'register.listNames', { areaId: newtown, pollingDistrict: 'AB' })).map((n: [string]) => n[0])).toContain('AB-1');
  });

  it('is refused an elector or household of AB by id, and one that does not exist, alike', async () => {
    const ab = await idOf(newtown, 'AB-1');
    expect((await as(sam, 'register.getElector', { id: await idOf(newtown, 'AA-1') })).elector.electorNumber).toBe('AA-1');
    expect(await refused(sam, 'register.getElector', { id: ab })).toBe(
      `Elector ${ab} is not in a district assigned to you — ask a coordinator to assign it to you.`,
    );
    expect(await refused(sam, 'register.getElector', { id: 999999 })).toBe(
      'Elector 999999 is not in a district assigned to you — ask a coordinator to assign it to you.',
    );
    expect(await refused(sam, 'voting.electorHistory', { electorId: ab })).toMatch(/not in a district assigned to you/);
    const abHousehold = (await ok(app, 'register.getElector', { id: ab })).elector.householdId;
    expect(await refused(sam, 'register.getHousehold', { id: abHousehold })).toMatch(/^Household \d+ is not in a district assigned to you/);
    // The last elector of AA has no next one for them: the walk stops at their district's edge.
    expect(await as(sam, 'register.getNeighbour', { electorId: await idOf(newtown, 'AA-3') })).toBeNull();
    expect(await as(sam, 'register.getByNumber', { areaId: newtown, electorNumber: 'AB-1' })).toBeNull();
  });

  it('records and undoes returns in AA, and is refused AB, writing nothing', async () => {
    const saved = await as(sam, 'canvass.recordReturn', { sessionId: sessionAA, electorId: await idOf(newtown, 'AA-2'), codes: 'I2' });
    expect(saved.return.enteredBy).toBe('Sam Canvasser');
    const before = await snapshot(app);
    expect(await refused(sam, 'canvass.recordReturn', { sessionId: sessionAA, electorId: await idOf(newtown, 'AB-2'), codes: 'I2' })).toMatch(
      /^Elector \d+ is not in a district assigned to you/,
    );
    expect(await refused(sam, 'canvass.recordReturn', { sessionId: sessionAB, electorId: await idOf(newtown, 'AB-2'), codes: 'I2' })).toMatch(
      `Canvass session ${sessionAB} is not in a district assigned to you`,
    );
    const abReturn = (await ok(app, 'canvass.listRecent', { sessionId: sessionAB })).at(0).id;
    expect(await refused(sam, 'canvass.undoReturn', { id: abReturn })).toMatch(/not in a session of yours|not in a district assigned/);
    expect(await refused(sam, 'canvass.createSession', { areaId: newtown, pollingDistrict: 'AB', heldOn: '2026-11-22' })).toMatch(/AB is not assigned/);
    expect(await refused(sam, 'canvass.markFollowUpsDone', { request: 'literature', electorIds: [await idOf(newtown, 'AB-1')], doneOn: '2026-11-20' })).toMatch(
      /not in a district assigned/,
    );
    expect(await snapshot(app)).toBe(before);
    expect((await as(sam, 'canvass.undoReturn', { id: saved.return.id })).electorNumber).toBe('AA-2');
    // A whole-area session is refused them, not quietly made a session of AA.
    const unchanged = await snapshot(app);
    const whole = await app.dispatch('canvass.createSession', { areaId: newtown, heldOn: '2026-11-22' }, sam);
    expect(!whole.ok && whole.error).toMatchObject({
      code: 'forbidden',
      message: `The whole of area ${newtown} is not assigned to you: choose your polling district (AA) for the session.`,
      fields: { pollingDistrict: 'Choose your polling district (AA)' },
    });
    const { heldOn, updatedAt } = await as(sam, 'canvass.getSession', { id: sessionAA });
    const moved = await app.dispatch(
      'canvass.updateSession',
      { id: sessionAA, areaId: newtown, pollingDistrict: '', heldOn, expectedUpdatedAt: updatedAt },
      sam,
    );
    expect(!moved.ok && moved.error.code).toBe('forbidden');
    expect(await snapshot(app)).toBe(unchanged);
    expect((await as(sam, 'canvass.createSession', { areaId: newtown, pollingDistrict: 'AA', heldOn: '2026-11-22' })).pollingDistrict).toBe('AA');
  });

  it('lists only AA’s sessions and sees tallies only for AA', async () => {
    const sessions = await as(sam, 'canvass.listSessions', {});
    expect(sessions.every((s: { areaId: number; pollingDistrict: string }) => s.areaId === newtown && s.pollingDistrict === 'AA')).toBe(true);
    expect(sessions.map((s: { id: number }) => s.id)).toContain(sessionAA);
    expect(await as(sam, 'canvass.listSessions', { areaId: oldtown })).toEqual([]);
    expect(await refused(sam, 'canvass.getSession', { id: sessionOld })).toMatch(/not in a district assigned/);
    expect(await refused(sam, 'canvass.listRecent', { sessionId: sessionAB })).toMatch(/not in a district assigned/);

    const tallies = await as(sam, 'canvass.getTallies', { areaId: newtown });
    expect(tallies.districts.map((d: { pollingDistrict: string }) => d.pollingDistrict)).toEqual(['AA']);
    expect(tallies.area.electors).toBe(6);
    expect(tallies.area.canvassed).toBe(0); // AB-1's return is not theirs to count
    expect(await refused(sam, 'canvass.getTallies', { areaId: oldtown })).toMatch(/not assigned to you/);
  });
});

describe('others', () => {
  it('an unassigned canvasser sees nothing', async () => {
    expect(await as(nobody, 'register.list', {})).toEqual([]);
    expect(await as(nobody, 'canvass.listSessions', {})).toEqual([]);
    expect(await as(nobody, 'assignments.list', {})).toEqual([]);
    expect(await refused(nobody, 'register.listElectors', { areaId: newtown })).toMatch(/not assigned to you/);
    expect(await refused(nobody, 'register.getElector', { id: await idOf(newtown, 'AA-1') })).toMatch(/not in a district assigned/);
  });

  it('a coordinator, a canvasser who is also a coordinator, and the single user see everything', async () => {
    for (const caller of [cora, { name: 'Both', roles: ['canvasser', 'coordinator'] } as Caller, undefined]) {
      const r = await app.dispatch('register.listElectors', { areaId: newtown }, caller);
      expect(r.ok && (r.value as { total: number }).total).toBe(9);
      const tallies = await app.dispatch('canvass.getTallies', { areaId: newtown }, caller);
      expect(tallies.ok && (tallies.value as { districts: unknown[] }).districts.length).toBe(2);
      const sessions = await app.dispatch('canvass.listSessions', {}, caller);
      expect(sessions.ok && (sessions.value as unknown[]).length).toBeGreaterThanOrEqual(3);
      expect((await app.dispatch('register.getElector', { id: await idOf(oldtown, 'AB-1') }, caller)).ok).toBe(true);
    }
  });

  it('a member who also canvasses reads what members may, and the register only in their districts', async () => {
    const mo: Caller = { name: 'Sam Canvasser', roles: ['member', 'canvasser'] };
    expect((await app.dispatch('areas.list', {}, mo)).ok).toBe(true);
    expect((await as(mo, 'areas.get', { id: oldtown })).name).toBe('Oldtown');
    expect(await refused(mo, 'register.listElectors', { areaId: oldtown })).toMatch(/not assigned to you/);
  });

  it('a whole area assigned reaches all of its districts', async () => {
    await as(cora, 'assignments.assign', { person: 'Wendy Whole', areaId: oldtown });
    const wendy: Caller = { name: 'Wendy Whole', roles: ['canvasser'] };
    expect((await as(wendy, 'register.listElectors', { areaId: oldtown })).total).toBe(9);
    expect((await as(wendy, 'canvass.listSessions', {})).map((s: { id: number }) => s.id)).toEqual([sessionOld]);
    expect((await as(wendy, 'canvass.createSession', { areaId: oldtown, heldOn: '2026-11-23' })).pollingDistrict).toBe('');
    expect(await refused(wendy, 'register.listElectors', { areaId: newtown })).toMatch(/not assigned/);
  });
});

describe('on polling day', () => {
  it('a canvasser assigned AA tells and knocks up only in AA', async () => {
    const c = await knockUpCampaign();
    try {
      const call = async (method: string, input: unknown, caller?: Caller) => c.app.dispatch(method, input, caller);
      await canvasserAccounts(c.app.store, sam.name);
      expect((await call('assignments.assign', { person: sam.name, areaId: c.areaId, pollingDistrict: 'AA' }, cora)).ok).toBe(true);
      const rooms = await call('knockUp.rooms', { contestId: c.contestId }, sam);
      expect(rooms.ok && (rooms.value as { rooms: { name: string }[] }).rooms.map((r) => r.name)).toEqual(['12 Mill Lane']);
      expect((await call('knockUp.list', { contestId: c.contestId, roomId: c.roomId }, sam)).ok).toBe(true);
      const parkRoad = (await c.app.store.get<{ id: number }>("SELECT id FROM committee_rooms WHERE name = 'Park Road'"))!.id;
      const list = await call('knockUp.list', { contestId: c.contestId, roomId: parkRoad }, sam);
      expect(!list.ok && list.error.code).toBe('forbidden');
      // A knock is taken back by elector and round whatever the room: Park Road's is not theirs to take back through their own room.
      const ab1 = (await findElector(c.app.store, c.areaId, 'AB-1'))!.id;
      expect((await call('knockUp.record', { contestId: c.contestId, roomId: parkRoad, round: 1, electorIds: [ab1] })).ok).toBe(true);
      const unknock = await call('knockUp.unrecord', { contestId: c.contestId, roomId: c.roomId, round: 1, electorIds: [ab1] }, sam);
      expect(!unknock.ok && unknock.error.message).toBe(`Elector ${ab1} is not in a district assigned to you — ask a coordinator to assign it to you.`);
      const districts = await call('telling.getDistricts', { contestId: c.contestId }, sam);
      expect(districts.ok && (districts.value as { districts: { pollingDistrict: string }[] }).districts.map((d) => d.pollingDistrict)).toEqual(['AA']);
      const before = await snapshot(c.app);
      const batch = { contestId: c.contestId, pollingDistrict: 'AB', clientId: 'sam-ab-1', entries: [{ number: 'AB-1' }] };
      const told = await call('telling.recordBatch', batch, sam);
      expect(!told.ok && told.error.message).toBe('Polling district AB is not assigned to you — ask a coordinator to assign it to you.');
      expect(await snapshot(c.app)).toBe(before);
      expect((await call('telling.recordBatch', { ...batch, pollingDistrict: 'AA', clientId: 'sam-aa-1', entries: [{ number: 'AA-1' }] }, sam)).ok).toBe(true);
    } finally {
      await c.app.cleanup();
    }
  });
});
