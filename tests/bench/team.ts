/**
 * `node tests/bench/team.ts [--json]`: a team server on a canvassing evening (issue 13), on an
 * embedded PostgreSQL 18 started for the run (or the server HUSTINGS_TEST_DATABASE_URL names).
 *
 * Data: the bench's synthetic register, 100,000 electors (tests/bench/synthetic-register.ts), in
 * 50 polling districts of 2,000 rather than run.ts's 20 of 5,000 (a district for each canvasser),
 * imported through the app, with 1,000,000 earlier returns stored as postgres.ts stores them.
 * People, as the product makes them: `hustings serve --team` in a process of its own; the team
 * secretary added with `hustings users add`, who invites 3 coordinators and 50 canvassers through
 * the Team page's method (`team.invite`); each opens their one-time link, chooses a password, then
 * signs in with name and password, and uses that session's cookie. A coordinator assigns each
 * canvasser a polling district of their own (`assignments.assign`); each canvasser starts a
 * session in it (`canvass.createSession`).
 * Load, for 60 s, through the HTTP door as a browser calls it (cookie, Sec-Fetch-Site, Origin):
 * each canvasser records a return every 2 s with a clientId made on the device (open loop: on a
 * timer, whether or not the last was answered; the 50 starts spread over the first 2 s), walking
 * their district; each coordinator loads `canvass.getTallies` for the whole area every 1 s (the
 * three a third of a second apart).
 *
 *  team_50_canvassers_p50_ms   the returns' median, from sending to the whole answer
 *  team_50_canvassers_p99_ms   their 99th percentile (target < 100)
 *  team_50_canvassers_errors   returns answered with anything but ok (target 0)
 *  team_returns_sent           returns sent (50 × 30)
 *  team_returns_lost           of those, clientIds not in the database afterwards (target 0)
 *  team_returns_duplicated     rows beyond one per clientId sent (target 0)
 *  team_tallies_p50_ms, team_tallies_p99_ms, team_tallies_errors   the coordinators' calls
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPostgresStore } from '../../db/postgres/store.ts';
import { openTeamHustings } from '../../main/app.ts';
import { hustings } from '../helpers/cli.ts';
import { startTestPostgres } from '../helpers/postgres.ts';
import { type BrowserMode, startBrowserMode } from '../helpers/server.ts';
import { benchDatabase, callApp, importRegister, storeReturns } from './pg-register.ts';
import { median, percentile, round } from './stats.ts';
import { syntheticCsv } from './synthetic-register.ts';

const json = process.argv.includes('--json');
const ELECTORS = 100_000;
const RETURNS = 1_000_000;
const CANVASSERS = 50;
const COORDINATORS = 3;
const SECONDS = 60;
const RETURN_EVERY_MS = 2000;
const TALLIES_EVERY_MS = 1000;
const PASSWORD = 'bench canvassing evening';
const MEETING = { meeting: 'Campaign committee', decidedOn: '2026-11-04' };
const CODES = ['I3L', 'N', '2J', 'R', '1', '4P', 'X', '5'];
const log = (...args: unknown[]) => {
  if (!json) console.log(...args);
};
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

type Answer = { ok: boolean; value?: any; error?: { message: string } };

/** A signed-in person's browser: calls sent with their session cookie, as the app's own page sends them. */
interface Browser {
  name: string;
  send(method: string, input: unknown): Promise<Answer>;
  /** The answer's value, or throws with the server's message. */
  call(method: string, input: unknown): Promise<any>;
}

function postForm(origin: string, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Opens a one-time link, chooses the password, then signs in with name and password as on any later day. */
async function joinTeam(origin: string, name: string, token: string): Promise<Browser> {
  const chosen = await postForm(origin, '/welcome', { link: token, password: PASSWORD, repeat: PASSWORD });
  if (chosen.status !== 303) throw new Error(`${name}'s link answered ${chosen.status}: ${await chosen.text()}`);
  const signedIn = await postForm(origin, '/sign-in', { name, password: PASSWORD });
  const cookie = signedIn.headers.get('set-cookie')?.split(';')[0];
  if (signedIn.status !== 303 || !cookie) throw new Error(`${name} could not sign in (${signedIn.status}): ${await signedIn.text()}`);
  const headers = { 'Content-Type': 'application/json', Cookie: cookie, 'Sec-Fetch-Site': 'same-origin', Origin: origin };
  const send = async (method: string, input: unknown) =>
    (await (await fetch(`${origin}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) })).json()) as Answer;
  return {
    name,
    send,
    async call(method, input) {
      const answer = await send(method, input);
      if (!answer.ok) throw new Error(`${method} as ${name}: ${answer.error?.message}`);
      return answer.value;
    },
  };
}

/** Runs `work` over `items`, `width` at a time (setting passwords is scrypt's work: a few at once). */
async function inBatches<T, R>(items: T[], width: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const done: R[] = [];
  for (let i = 0; i < items.length; i += width) done.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => work(item, i + j)))));
  return done;
}

/** Calls `send` every `everyMs` from `start + offsetMs` until `end`, without waiting for answers; resolves when all are answered. */
async function onTimer(start: number, offsetMs: number, everyMs: number, end: number, send: (k: number) => Promise<void>): Promise<void> {
  const sent: Promise<void>[] = [];
  for (let k = 0, at = start + offsetMs; at < end; k++, at += everyMs) {
    await sleep(Math.max(0, at - performance.now()));
    sent.push(send(k));
  }
  await Promise.all(sent);
}

const dir = mkdtempSync(join(tmpdir(), 'hustings-bench-team-'));
const server = await startTestPostgres();
let serve: BrowserMode | undefined;
try {
  // The register and its earlier returns (setup, not measured).
  const databaseUrl = await benchDatabase(server.url, 'hustings_bench_team');
  const csvPath = join(dir, 'register.csv');
  writeFileSync(csvPath, syntheticCsv(ELECTORS, ELECTORS / CANVASSERS));
  const app = await openTeamHustings({ databaseUrl, filesDir: dir, actor: 'bench' });
  let t = performance.now();
  const areaId = await importRegister(app, csvPath, 'Team ward');
  const earlier = await callApp(app, 'canvass.createSession', { areaId, heldOn: '2026-11-01', canvassers: 'Earlier evenings' });
  await storeReturns(app, areaId, earlier.id, RETURNS);
  const walks = new Map<string, number[]>();
  for (const e of await app.store.all<{ id: number; pd: string }>(
    'SELECT id, polling_district AS pd FROM electors WHERE area_id = ? ORDER BY polling_district, walk_seq',
    [areaId],
  )) {
    if (!walks.has(e.pd)) walks.set(e.pd, []);
    walks.get(e.pd)!.push(e.id);
  }
  await app.close();
  const districts = [...walks.keys()];
  if (districts.length < CANVASSERS) throw new Error(`The register has ${districts.length} polling districts, fewer than ${CANVASSERS} canvassers`);
  log(
    `Team ward: ${ELECTORS.toLocaleString('en-GB')} electors in ${districts.length} polling districts, ${RETURNS.toLocaleString('en-GB')} earlier returns, in ${seconds(t)} (setup)`,
  );

  // The team, made and signed in as the product does it (setup).
  t = performance.now();
  serve = await startBrowserMode({ databaseUrl, args: ['--team'] });
  const { origin } = serve;
  const added = hustings('users', 'add', 'Sam Secretary', '--role', 'admin', '--database', databaseUrl, '--address', origin);
  const secretaryLink = /\/welcome\?link=([\w-]+)/.exec(added.out)?.[1];
  if (added.code !== 0 || !secretaryLink) throw new Error(`users add failed: ${added.err}${added.out}`);
  const secretary = await joinTeam(origin, 'Sam Secretary', secretaryLink);
  const members = [
    ...Array.from({ length: COORDINATORS }, (_, i) => ({ name: `Coordinator ${i + 1}`, role: 'coordinator' })),
    ...Array.from({ length: CANVASSERS }, (_, i) => ({ name: `Canvasser ${i + 1}`, role: 'canvasser' })),
  ];
  const invited = await inBatches(members, 1, async ({ name, role }) => {
    return (await secretary.call('team.invite', { name, roles: [role], ...MEETING })) as { name: string; token: string };
  });
  const people = await inBatches(invited, 4, (p) => joinTeam(origin, p.name, p.token));
  const coordinators = people.slice(0, COORDINATORS);
  const canvassers = people.slice(COORDINATORS);
  const sessions = await inBatches(canvassers, 1, async (c, i) => {
    await coordinators[0].call('assignments.assign', { person: c.name, areaId, pollingDistrict: districts[i] });
    return (await c.call('canvass.createSession', {
      areaId,
      pollingDistrict: districts[i],
      heldOn: new Date().toISOString().slice(0, 10),
      canvassers: c.name,
    })) as { id: number };
  });
  log(`Team server: ${people.length + 1} accounts invited, passwords chosen, signed in, districts assigned and sessions started in ${seconds(t)} (setup)`);

  // The evening.
  const returns: number[] = [];
  const tallies: number[] = [];
  const sentIds: string[] = [];
  const failures: string[] = [];
  let returnErrors = 0;
  let tallyErrors = 0;
  const timed = async (into: number[], send: () => Promise<{ ok: boolean; error?: { message: string } }>): Promise<boolean> => {
    const s = performance.now();
    let ok = false;
    try {
      const answer = await send();
      ok = answer.ok;
      if (!ok) failures.push(answer.error?.message ?? 'no message');
    } catch (error) {
      failures.push(String(error));
    }
    into.push(performance.now() - s);
    return ok;
  };
  const start = performance.now() + 200;
  const end = start + SECONDS * 1000;
  await Promise.all([
    ...canvassers.map((c, i) =>
      onTimer(start, (i * RETURN_EVERY_MS) / CANVASSERS, RETURN_EVERY_MS, end, async (k) => {
        const walk = walks.get(districts[i])!;
        const clientId = randomUUID();
        sentIds.push(clientId);
        const input = { sessionId: sessions[i].id, electorId: walk[k % walk.length], codes: CODES[(i + k) % CODES.length], clientId };
        if (!(await timed(returns, () => c.send('canvass.recordReturn', input)))) returnErrors++;
      }),
    ),
    ...coordinators.map((c, i) =>
      onTimer(start, (i * TALLIES_EVERY_MS) / COORDINATORS, TALLIES_EVERY_MS, end, async () => {
        if (!(await timed(tallies, () => c.send('canvass.getTallies', { areaId })))) tallyErrors++;
      }),
    ),
  ]);
  await serve.stop();
  serve = undefined;

  // Every clientId sent, counted in the database.
  const store = openPostgresStore(databaseUrl, { max: 1 });
  const stored = new Map(
    await store.values<[string, number]>('SELECT client_id, COUNT(*) FROM canvass_returns WHERE client_id IS NOT NULL GROUP BY client_id'),
  );
  await store.close();
  const lost = sentIds.filter((id) => !stored.has(id)).length;
  const duplicated = sentIds.reduce((n, id) => n + Math.max(0, (stored.get(id) ?? 0) - 1), 0);

  const figures = {
    team_50_canvassers_p50_ms: round(median(returns), 1),
    team_50_canvassers_p99_ms: round(percentile(returns, 99), 1),
    team_50_canvassers_errors: returnErrors,
    team_returns_sent: sentIds.length,
    team_returns_lost: lost,
    team_returns_duplicated: duplicated,
    team_tallies_p50_ms: round(median(tallies), 1),
    team_tallies_p99_ms: round(percentile(tallies, 99), 1),
    team_tallies_errors: tallyErrors,
  };
  log(
    `${CANVASSERS} signed-in canvassers, a return every ${RETURN_EVERY_MS / 1000} s each for ${SECONDS} s, beside ${COORDINATORS} coordinators loading tallies every ${TALLIES_EVERY_MS / 1000} s:`,
  );
  log(
    `  returns p50 ${figures.team_50_canvassers_p50_ms} ms, p99 ${figures.team_50_canvassers_p99_ms} ms, ${returnErrors} errors; ${sentIds.length} sent, ${lost} lost, ${duplicated} duplicated (target p99 < 100 ms, 0 errors, 0 lost or duplicated)`,
  );
  log(`  tallies p50 ${figures.team_tallies_p50_ms} ms, p99 ${figures.team_tallies_p99_ms} ms, ${tallyErrors} errors (${tallies.length} loads)`);
  if (failures.length > 0) log(`  first failures: ${[...new Set(failures)].slice(0, 3).join(' | ')}`);
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  await serve?.stop();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
