/**
 * Who may call what, through the HTTP door of a team server (issue 13): one `serve --team` on a
 * real PostgreSQL, one signed-in person per role and one holding two, and every method of the
 * contract POSTed with each person's session cookie. Refused calls answer 403 naming who may and
 * write nothing; allowed ones get past the gate (an invented input may then be wrong or point at
 * nothing). The GET routes that read through methods (PDFs, artwork, job events) are gated alike.
 *
 * Then the security asks through the same door: a cookie from a team server on another database,
 * requests from other sites on a mutation, the sign-in lock-out's growing delay, and a canvasser
 * guessing ids outside their district. (No cookie, a forged cookie and a cookie of another server
 * on the same database: postgres-team-server.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElector } from '../../db/repositories/electors.ts';
import type { Queries } from '../../db/store.ts';
import { type Hustings, openTeamHustings } from '../../main/app.ts';
import { startServer } from '../../main/server.ts';
import { addAccount } from '../../main/team/accounts.ts';
import { allows, refusal } from '../../shared/contract/access.ts';
import { type MethodName, contract } from '../../shared/contract/index.ts';
import type { Role } from '../../shared/contract/roles.ts';
import type { JsonSchema } from '../support/json-schema-judge.ts';
import { exampleFor } from '../support/malformed-payloads.ts';
import { ok } from '../helpers/db.ts';
import { addRoom, setPromiseRule, setSupport } from '../helpers/polling.ts';
import { freshHustingsDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';
import { type BrowserMode, startBrowserMode } from '../helpers/server.ts';

const PASSWORD = 'correct horse battery';
const DECISION = { meeting: 'Branch AGM', decidedOn: '2026-11-04', recordedBy: 'the test' };

interface Person {
  name: string;
  roles: Role[];
  cookie: string;
}

/** One person per role, and a member who also canvasses (both canvassers are assigned district AA of Newtown East). */
const PEOPLE: { name: string; roles: Role[] }[] = [
  { name: 'Mia Member', roles: ['member'] },
  { name: 'Cora Coordinator', roles: ['coordinator'] },
  { name: 'Tess Treasurer', roles: ['treasurer'] },
  { name: 'Sam Canvasser', roles: ['canvasser'] },
  { name: 'Ann Admin', roles: ['admin'] },
  { name: 'Mo Both', roles: ['member', 'canvasser'] },
];

let database: TestDatabase;
let dir: string;
let app: Hustings;
let server: BrowserMode;
const people = new Map<string, Person>();
const seeded = { newtown: 0, oldtown: 0, contest: 0, millLane: 0, parkRoad: 0, sessionAA: 0, sessionAB: 0, returnAB: 0 };

/** What the browser sends with its own page's requests. */
const fromPage = (cookie: string, extra: Record<string, string> = {}) => ({ Cookie: cookie, 'Sec-Fetch-Site': 'same-origin', Origin: server.origin, ...extra });
const person = (name: string) => people.get(name)!;

async function post(method: string, input: unknown, headers: Record<string, string>, origin = server.origin): Promise<{ status: number; body: any }> {
  const res = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: await res.json() };
}
const as = (name: string, method: string, input: unknown) => post(method, input, fromPage(person(name).cookie));

/** Signs in through the one-time link the account was given, as the person would: their session cookie. */
async function welcome(origin: string, token: string): Promise<string> {
  const res = await fetch(`${origin}/welcome`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams({ link: token, password: PASSWORD, repeat: PASSWORD }).toString(),
  });
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/**
 * The whole database as one hash, worked out by PostgreSQL in one query: every table's rows but
 * the door's sessions (a session's last-seen time is the door's to move, not the call's).
 */
async function checksum(db: Queries): Promise<string> {
  const tables = await db.all<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'sessions' ORDER BY table_name",
  );
  const parts = tables.map(
    ({ name }) => `SELECT '${name}' AS name, (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "${name}" t) AS h`,
  );
  return (await db.get<{ h: string }>(`SELECT md5(string_agg(name || h, ',' ORDER BY name)) AS h FROM (${parts.join(' UNION ALL ')}) x`))!.h;
}

beforeAll(async () => {
  database = await freshHustingsDatabase();
  dir = mkdtempSync(join(tmpdir(), 'hustings-matrix-'));
  app = await openTeamHustings({ databaseUrl: database.url, filesDir: dir, actor: 'tester', maxConnections: 2 });
  // A campaign to point at: two areas with the small register (AA and AB), a contest with a
  // committee room for each district, canvass sessions in both, a return and a knock in AB.
  const area = (name: string) => ({ name, kind: 'ward', nation: 'england', electorate: null, classification: null });
  seeded.newtown = (await ok(app, 'areas.create', area('Newtown East'))).id;
  seeded.oldtown = (await ok(app, 'areas.create', area('Oldtown'))).id;
  for (const a of [seeded.newtown, seeded.oldtown]) expect((await importCsv(app, a, SMALL_REGISTER)).state).toBe('done');
  const election = (await ok(app, 'elections.create', { name: 'Council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' })).id;
  seeded.contest = (await ok(app, 'contests.create', { electionId: election, areaId: seeded.newtown, status: 'contesting' })).id;
  seeded.millLane = await addRoom(app.store, seeded.contest, '12 Mill Lane', ['AA']);
  seeded.parkRoad = await addRoom(app.store, seeded.contest, 'Park Road', ['AB']);
  await setPromiseRule(app.store, seeded.contest, ['1']);
  await setSupport(app.store, seeded.newtown, { 'AA-1': '1', 'AB-1': '1' });
  const held = (pollingDistrict: string) => ({ areaId: seeded.newtown, pollingDistrict, heldOn: '2026-11-20' });
  seeded.sessionAA = (await ok(app, 'canvass.createSession', held('AA'))).id;
  seeded.sessionAB = (await ok(app, 'canvass.createSession', held('AB'))).id;
  const ab1 = await electorId(seeded.newtown, 'AB-1');
  seeded.returnAB = (await ok(app, 'canvass.recordReturn', { sessionId: seeded.sessionAB, electorId: ab1, codes: 'I1L' })).return.id;
  await ok(app, 'knockUp.record', { contestId: seeded.contest, roomId: seeded.parkRoad, round: 1, electorIds: [ab1] });

  const links = [];
  for (const p of PEOPLE) links.push({ ...p, token: (await addAccount(app.store, { name: p.name, roles: p.roles, ...DECISION })).token });
  server = await startBrowserMode({ databaseUrl: database.url, args: ['--team'] });
  for (const p of links) people.set(p.name, { name: p.name, roles: p.roles, cookie: await welcome(server.origin, p.token) });
  for (const canvasser of ['Sam Canvasser', 'Mo Both'])
    expect((await as('Cora Coordinator', 'assignments.assign', { person: canvasser, areaId: seeded.newtown, pollingDistrict: 'AA' })).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await app?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const electorId = async (areaId: number, n: string) => (await findElector(app.store, areaId, n))!.id;
const methods = Object.keys(contract) as MethodName[];
/**
 * A plausible input for a method from its own schema (most pass it; ids are 1, which the campaign
 * above has): were a gate left open, the call would reach its handler and write.
 */
function example(method: MethodName): unknown {
  const schema = z.toJSONSchema(contract[method].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return exampleFor(schema, schema);
}

describe('the permission matrix through the HTTP door', () => {
  // Refusals first, while nothing the allowed calls below may write has happened yet.
  it('refuses every person every method none of their roles may call: 403 naming who may, nothing written; and 401 without a session', async () => {
    const before = await checksum(app.store);
    const wrong: string[] = [];
    for (const p of people.values()) {
      const refused = methods.filter((m) => !allows(contract[m].access, p.roles));
      expect(refused.length, p.name).toBeGreaterThan(0);
      for (const method of refused) {
        const r = await post(method, example(method), fromPage(p.cookie));
        if (r.status !== 403 || r.body.error?.code !== 'forbidden') wrong.push(`${p.name} ${method}: ${r.status}`);
        else if (r.body.error.message !== refusal(contract[method])) wrong.push(`${p.name} ${method}: "${r.body.error.message}"`);
      }
    }
    for (const method of methods) {
      const r = await post(method, example(method), { 'Sec-Fetch-Site': 'same-origin', Origin: server.origin });
      if (r.status !== 401) wrong.push(`no session ${method}: ${r.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await checksum(app.store)).toBe(before);
  });

  it('lets every person past the gate of every method one of their roles may call', async () => {
    const wrong: string[] = [];
    for (const p of people.values()) {
      for (const method of methods.filter((m) => allows(contract[m].access, p.roles))) {
        const r = await post(method, {}, fromPage(p.cookie));
        if (r.status === 403 || r.status >= 500) wrong.push(`${p.name} ${method}: ${r.status} ${r.body.error?.message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gates the GET routes that read through methods as those methods are gated', async () => {
    const { newtown, contest, millLane } = seeded;
    const routes: [string, MethodName][] = [
      [`pdf/walk-sheets?area=${newtown}`, 'pdf.walkSheets'],
      ['pdf/round-sheet?round=1', 'pdf.roundSheet'],
      [`pdf/expenses-return?contest=${contest}`, 'pdf.expensesReturn'],
      [`pdf/tellers-rota?contest=${contest}`, 'polling.get'],
      [`pdf/knock-up?contest=${contest}&room=${millLane}&round=1`, 'knockUp.list'],
      ['artwork/1', 'leaflets.artwork'],
      ['events', 'jobs.get'],
    ];
    const wrong: string[] = [];
    for (const p of people.values()) {
      for (const [route, method] of routes) {
        const stop = new AbortController();
        const res = await fetch(`${server.origin}/api/${route}`, { headers: fromPage(p.cookie), signal: stop.signal });
        const allowed = allows(contract[method].access, p.roles);
        // Job events never end: their headers are the answer.
        const text = route === 'events' && res.ok ? '' : await res.text();
        stop.abort();
        const message = res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text).error.message : text;
        if (allowed ? res.status === 403 || res.status >= 500 : res.status !== 403 || !/^Only .+ may .+\.$/.test(message))
          wrong.push(`${p.name} ${route}: ${res.status} ${message}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the security of the door', () => {
  it('refuses a valid session of a team server on another database', async () => {
    const elsewhere = await freshHustingsDatabase();
    const otherApp = await openTeamHustings({ databaseUrl: elsewhere.url, filesDir: join(dir, 'elsewhere'), actor: 'tester', maxConnections: 2 });
    const other = await startServer(otherApp, { team: true });
    const otherOrigin = new URL(other.url).origin;
    try {
      // The same name, signed in there: a good session, of another team.
      const { token } = await addAccount(otherApp.store, { name: 'Ann Admin', roles: ['admin'], ...DECISION });
      const cookie = await welcome(otherOrigin, token);
      expect((await post('access.me', {}, { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin', Origin: otherOrigin }, otherOrigin)).status).toBe(200);
      const ownName = person('Ann Admin').cookie.split('=')[0];
      for (const sent of [cookie, `${ownName}=${cookie.split('=')[1]}`]) {
        const r = await post('team.list', {}, fromPage(sent));
        expect(r.status).toBe(401);
        expect(r.body.error.message).toMatch(/^You are not signed in to this team server/);
      }
    } finally {
      await other.close();
      await otherApp.close();
      await elsewhere.drop();
    }
  });

  it('refuses a mutation from another site, or another site on this computer, and writes nothing', async () => {
    const cookie = person('Cora Coordinator').cookie;
    const election = { name: 'By-election 2027', type: 'local', pollingDay: '2027-02-04', nation: 'england' };
    const before = await checksum(app.store);
    const otherPort = `http://127.0.0.1:${Number(new URL(server.origin).port) + 1}`;
    const refused: [Record<string, string>, number][] = [
      [{ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, 403],
      [{ Origin: otherPort, 'Sec-Fetch-Site': 'same-site' }, 403],
      [{ Origin: 'null', 'Sec-Fetch-Site': 'cross-site' }, 403],
      // No Origin (a form or link the browser did not label): the cookie counts only from this server's own pages.
      [{ 'Sec-Fetch-Site': 'cross-site' }, 401],
      [{ 'Sec-Fetch-Site': 'same-site' }, 401],
    ];
    for (const [headers, status] of refused) {
      const r = await post('elections.create', election, { Cookie: cookie, ...headers });
      expect(r.status, JSON.stringify(headers)).toBe(status);
    }
    const download = await fetch(`${server.origin}/api/pdf/walk-sheets?area=${seeded.newtown}`, {
      headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(download.status).toBe(401);
    expect(await checksum(app.store)).toBe(before);
    // The same call from the page itself writes.
    expect((await post('elections.create', election, fromPage(cookie))).status).toBe(200);
    expect(await checksum(app.store)).not.toBe(before);
  });

  it('holds sign-ins back after repeated failures, longer after each further one, whatever the address', async () => {
    const signIn = (password: string, address = '203.0.113.9') =>
      fetch(`${server.origin}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        // A reverse proxy on this computer names its client so (main/team/door.ts): this test's own address.
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, 'X-Forwarded-For': address },
        body: new URLSearchParams({ name: 'Mia Member', password }).toString(),
      });
    for (let i = 0; i < 3; i++) expect((await signIn(`guess number ${i}`)).status).toBe(401);
    const held = await signIn(PASSWORD);
    expect(held.status).toBe(429);
    expect(await held.text()).toContain('Too many failed sign-ins: try again in 1 second.');
    expect(held.headers.get('set-cookie')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await signIn('guess number 4')).status).toBe(401);
    const longer = await signIn(PASSWORD, '198.51.100.4');
    expect(longer.status).toBe(429);
    expect(await longer.text()).toContain('Too many failed sign-ins: try again in 2 seconds.');
  });

  it('refuses a canvasser, or answers nothing, for whatever lies outside their district, guessed by id, writing nothing', async () => {
    const { newtown, oldtown, contest, millLane, parkRoad, sessionAA, sessionAB, returnAB } = seeded;
    const [aa1, ab1, ab2, old1] = await Promise.all([
      electorId(newtown, 'AA-1'),
      electorId(newtown, 'AB-1'),
      electorId(newtown, 'AB-2'),
      electorId(oldtown, 'AA-1'),
    ]);
    const abHousehold = (await ok(app, 'register.getElector', { id: ab1 })).elector.householdId;
    const ab = { areaId: newtown, pollingDistrict: 'AB' };
    const guesses: [MethodName, unknown][] = [
      ['register.getElector', { id: ab1 }],
      ['register.getElector', { id: old1 }],
      ['register.getElector', { id: 999_999 }],
      ['register.getPersonExport', { id: ab1 }],
      ['voting.electorHistory', { electorId: ab1 }],
      ['register.getHousehold', { id: abHousehold }],
      ['register.getNeighbour', { electorId: ab1 }],
      ['register.listElectors', ab],
      ['register.listElectors', { areaId: oldtown }],
      ['register.getByNumber', { areaId: oldtown, electorNumber: 'AA-1' }],
      ['register.findHouseholds', { ...ab, search: 'Park Road' }],
      ['register.getWalkSheet', ab],
      ['pdf.walkSheets', ab],
      ['pdf.walkSheets', { areaId: oldtown }],
      ['canvass.getSession', { id: sessionAB }],
      ['canvass.listRecent', { sessionId: sessionAB }],
      ['canvass.recordReturn', { sessionId: sessionAA, electorId: ab2, codes: 'I1' }],
      ['canvass.recordReturn', { sessionId: sessionAB, electorId: aa1, codes: 'I1' }],
      ['canvass.undoReturn', { id: returnAB }],
      ['canvass.listFollowUps', { ...ab, request: 'literature' }],
      ['canvass.countFollowUps', { ...ab, request: 'literature' }],
      ['canvass.markFollowUpsDone', { request: 'literature', electorIds: [aa1, ab1], doneOn: '2026-11-20' }],
      ['canvass.getTallies', { areaId: oldtown }],
      ['telling.recordBatch', { contestId: contest, pollingDistrict: 'AB', clientId: 'sam-guess', entries: [{ number: 'AB-2' }] }],
      ['knockUp.list', { contestId: contest, roomId: parkRoad }],
      // Their own room, someone else's knock: taking it back, or recording one, is refused.
      ['knockUp.unrecord', { contestId: contest, roomId: millLane, round: 1, electorIds: [ab1] }],
      ['knockUp.record', { contestId: contest, roomId: millLane, round: 2, electorIds: [ab2] }],
    ];
    const before = await checksum(app.store);
    const answered: string[] = [];
    for (const [method, input] of guesses) {
      const r = await as('Sam Canvasser', method, input);
      if (r.status !== 403) answered.push(`${method} ${JSON.stringify(input)}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }
    expect(answered).toEqual([]);
    // An elector who exists and one who does not are refused alike.
    const refusedFor = async (id: number) => (await as('Sam Canvasser', 'register.getElector', { id })).body.error.message.replace(String(id), 'N');
    expect(await refusedFor(ab1)).toBe(await refusedFor(999_999));
    // Walk sheets to download: another area is refused; AB is not among the districts they are shown.
    const sheets = (query: string) => fetch(`${server.origin}/api/pdf/walk-sheets?${query}`, { headers: fromPage(person('Sam Canvasser').cookie) });
    expect((await sheets(`area=${oldtown}`)).status).toBe(403);
    const abSheets = await sheets(`area=${newtown}&district=AB`);
    expect(abSheets.status).toBe(404);
    expect(await abSheets.text()).toBe('Polling district AB is not in Newtown East’s register (its districts: AA)');

    // What lists and lookups answer holds AA only.
    const value = async (method: MethodName, input: unknown) => (await as('Sam Canvasser', method, input)).body.value;
    expect(await value('register.getByNumber', { areaId: newtown, electorNumber: 'AB-1' })).toBeNull();
    expect((await value('register.listNames', { areaId: newtown })).map(([n]: [string]) => n.slice(0, 2))).toEqual(Array(6).fill('AA'));
    expect((await value('canvass.getTallies', { areaId: newtown })).districts.map((d: { pollingDistrict: string }) => d.pollingDistrict)).toEqual(['AA']);
    expect((await value('canvass.listSessions', {})).map((s: { id: number }) => s.id)).toEqual([sessionAA]);
    expect((await value('register.list', {})).map((a: { areaId: number }) => a.areaId)).toEqual([newtown]);
    expect((await value('knockUp.rooms', { contestId: contest })).rooms.map((r: { name: string }) => r.name)).toEqual(['12 Mill Lane']);
    expect(
      (await value('canvass.listFollowUps', { areaId: newtown, request: 'literature' })).every((f: { pollingDistrict: string }) => f.pollingDistrict === 'AA'),
    ).toBe(true);
    expect(await checksum(app.store)).toBe(before);
  });
});
