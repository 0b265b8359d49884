/**
 * A team server through its door (`serve --team` on a real PostgreSQL, real HTTP): the first
 * account from the command line, its one-time link, sessions in an HttpOnly SameSite=Strict
 * cookie, and every refusal: no session, a cookie of another server, another site, the lock-out,
 * a switched-off account, signing out. And HTTPS with a certificate.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../db/postgres/store.ts';
import { accountNamed, switchOff } from '../../db/repositories/team.ts';
import type { Store } from '../../db/store.ts';
import { addAccount } from '../../main/team/accounts.ts';
import { hustings } from '../helpers/cli.ts';
import { donationTo } from '../helpers/treasury.ts';
import { freshHustingsDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { type BrowserMode, startBrowserMode } from '../helpers/server.ts';
import { tempHustings } from '../helpers/db.ts';
import { checkTeamAddress } from '../../main/team-address.ts';

let database: TestDatabase;
let store: Store;
let server: BrowserMode;
/** Browser mode on a file: Hustings, but not a team server. */
let local: BrowserMode;
beforeAll(async () => {
  local = await startBrowserMode();
  database = await freshHustingsDatabase();
  store = openPostgresStore(database.url, { max: 1 });
  server = await startBrowserMode({ databaseUrl: database.url, args: ['--team', '--campaign', 'Westshire Greens'] });
});
afterAll(async () => {
  await local?.stop();
  await server?.stop();
  await store?.close();
  await database?.drop();
});

const PASSWORD = 'correct horse battery';

/** The link `users add` printed (the path and query, for this server). */
function addUser(name: string, ...roles: string[]): string {
  const r = hustings(
    'users',
    'add',
    name,
    ...roles.flatMap((role) => ['--role', role]),
    '--database',
    database.url,
    '--address',
    server.origin,
    '--meeting',
    'Branch AGM',
    '--date',
    '2026-11-04',
  );
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const link = /^(http\S+\/welcome\?link=[\w-]{43})$/m.exec(r.out)?.[1];
  expect(link, r.out).toBeDefined();
  return link!;
}

/** What the browser sends with its own page's requests. */
function fromPage(cookie: string, extra: Record<string, string> = {}) {
  return { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin', Origin: server.origin, ...extra };
}

function call(method: string, input: unknown, headers: Record<string, string>) {
  return fetch(`${server.origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(input) });
}

function form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server.origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The session cookie a sign-in answered with, as the browser would send it back. */
function sessionCookie(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  expect(set).toMatch(/^hustings-session-\d+=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
  return set.split(';')[0];
}

async function chooseAndSignIn(link: string): Promise<string> {
  const token = new URL(link).searchParams.get('link')!;
  const res = await form('/welcome', { link: token, password: PASSWORD, repeat: PASSWORD });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/');
  return sessionCookie(res);
}

async function signIn(name: string, password = PASSWORD): Promise<Response> {
  return form('/sign-in', { name, password });
}

describe('the command line', () => {
  it('adds the first account and prints its one-time link; bad input is refused, nothing written', async () => {
    const noDb = hustings('users', 'add', 'Ann', '--role', 'admin');
    expect(noDb).toMatchObject({ code: 2, err: expect.stringContaining('Give the team database with --database') });
    const badRole = hustings('users', 'add', 'Ann', '--role', 'admin,boss', '--database', database.url);
    expect(badRole).toMatchObject({
      code: 2,
      err: expect.stringContaining('--role boss: not a role here. The roles are member, coordinator, treasurer, canvasser, admin.'),
    });
    const badDate = hustings('users', 'add', 'Ann', '--role', 'admin', '--date', '2026-02-30', '--database', database.url);
    expect(badDate).toMatchObject({ code: 2, err: expect.stringContaining("--date (the meeting's date)") });
    expect(await accountNamed(store, 'Ann')).toBeUndefined();

    const plain = hustings('users', 'add', 'Zed Zero', '--role', 'member', '--database', database.url);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('http://localhost:8080/welcome?link=');
    expect(plain.out).toContain('give that with --address');
    const again = hustings('users', 'add', 'Zed Zero', '--role', 'member', '--database', database.url);
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('There is already an account named "Zed Zero"') });
  });
});

describe('serve --team refuses', () => {
  it('a desktop file, plain HTTP beyond this computer, and half a certificate', () => {
    const file = hustings('serve', '--team', '--db', join(tmpdir(), 'never.sqlite'));
    expect(file).toMatchObject({ code: 2, err: expect.stringContaining("A team server keeps its people's accounts in the team database: give --database") });
    const wide = hustings('serve', '--team', '--database', database.url, '--host', '0.0.0.0');
    expect(wide).toMatchObject({ code: 2, err: expect.stringContaining('would send passwords and campaign data unencrypted') });
    const half = hustings('serve', '--team', '--database', database.url, '--tls-cert', 'cert.pem');
    expect(half).toMatchObject({ code: 2, err: expect.stringContaining('Give both --tls-cert FILE and --tls-key FILE') });
    const campaign = hustings('serve', '--campaign', 'Westshire Greens', '--database', database.url);
    expect(campaign).toMatchObject({ code: 2, err: expect.stringContaining('--campaign names a team server: add --team') });
  });
});

describe('a team server', () => {
  let admin: string;

  it('prints no token, and answers 401 to a call without a session and a sign-in page to the app', async () => {
    expect(server.url).toBe(`${server.origin}/`);
    const res = await call('elections.list', {}, { 'Sec-Fetch-Site': 'same-origin' });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('You are not signed in to this team server (or your session has ended): sign in again.');
    const page = await fetch(`${server.origin}/`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/sign-in');
    const signInPage = await fetch(`${server.origin}/sign-in`);
    expect(await signInPage.text()).toContain('<form method="post" action="/sign-in">');
    expect(signInPage.headers.get('content-security-policy')).toContain("form-action 'self'");
  });

  it('lets the first person choose a password through their link, once, and signs them in as themselves', async () => {
    const link = addUser('Ann Admin', 'admin');
    const opened = await fetch(link);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Welcome, Ann Admin. Choose the password you will sign in with.');
    const token = new URL(link).searchParams.get('link')!;
    const mismatch = await form('/welcome', { link: token, password: PASSWORD, repeat: 'something else' });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('The two passwords are not the same');
    admin = await chooseAndSignIn(link);
    const reused = await form('/welcome', { link: token, password: 'another password!', repeat: 'another password!' });
    expect(reused.status).toBe(410);
    expect(await reused.text()).toContain('already been used');

    const me = await fetch(`${server.origin}/auth/me`, { headers: fromPage(admin) });
    expect(await me.json()).toEqual({ ok: true, value: { name: 'Ann Admin', roles: ['admin'] } });
    // The team secretary's own work: inviting someone (an admin-only account may not plan elections).
    const created = await call(
      'team.invite',
      { name: 'Tess Treasurer', roles: ['treasurer'], meeting: 'Branch meeting', decidedOn: '2026-11-03' },
      fromPage(admin),
    );
    expect(created.status).toBe(200);
    // The audit trail names the signed-in person, and can be filtered by them.
    const trail = await (await call('audit.list', { actor: 'Ann Admin' }, fromPage(admin))).json();
    expect(trail.value.map((e: { actor: string; summary: string }) => e.actor)).toContain('Ann Admin');
    expect(trail.value.length).toBeGreaterThan(0);
    // And the app itself is served to them.
    const app = await fetch(`${server.origin}/`, { headers: { Cookie: admin, 'Sec-Fetch-Site': 'none' } });
    expect(app.status).toBe(200);
  });

  it('refuses a cookie from another server, and requests from another site', async () => {
    const other = await startBrowserMode({ databaseUrl: database.url, args: ['--team'] });
    try {
      // The same account signed in on another server (same host, another port): its cookie has another name.
      const there = await fetch(`${other.origin}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: other.origin },
        body: new URLSearchParams({ name: 'Ann Admin', password: PASSWORD }).toString(),
      });
      const otherCookie = (there.headers.get('set-cookie') ?? '').split(';')[0];
      expect(otherCookie).toMatch(/^hustings-session-\d+=/);
      expect((await call('elections.list', {}, fromPage(otherCookie))).status).toBe(401);
      // A made-up session id under this server's own cookie name is no session either.
      const forged = `${admin.split('=')[0]}=${'x'.repeat(43)}`;
      expect((await call('elections.list', {}, fromPage(forged))).status).toBe(401);
    } finally {
      await other.stop();
    }
    const crossSite = await call('elections.list', {}, { ...fromPage(admin), Origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.message).toBe('Requests from other sites are refused');
    const fetchedByAnotherSite = await call('elections.list', {}, { Cookie: admin, 'Sec-Fetch-Site': 'cross-site' });
    expect(fetchedByAnotherSite.status).toBe(401);
    const formFromAnotherSite = await form('/sign-in', { name: 'Ann Admin', password: PASSWORD }, { Origin: 'https://evil.example' });
    expect(formFromAnotherSite.status).toBe(403);
  });

  it('holds back sign-ins after repeated failures, even with the right password', async () => {
    await chooseAndSignIn(addUser('Bob Guessed', 'member'));
    for (let i = 0; i < 3; i++) expect((await signIn('Bob Guessed', `guess number ${i}`)).status).toBe(401);
    const held = await signIn('Bob Guessed', PASSWORD);
    expect(held.status).toBe(429);
    const seconds = Number(/Too many failed sign-ins: try again in (\d+) seconds?\./.exec(await held.text())?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(held.headers.get('set-cookie')).toBeNull();
    // Once the wait is over the right password signs in (the failures also held back this
    // address, which the next tests share).
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    sessionCookie(await signIn('Bob Guessed'));
  });

  it("refuses a switched-off account's next call at once, and its sign-in", async () => {
    const canvasser = await chooseAndSignIn(addUser('Cal Canvasser', 'canvasser'));
    expect((await call('access.me', {}, fromPage(canvasser))).status).toBe(200);
    await switchOff(store, (await accountNamed(store, 'Cal Canvasser'))!.id, new Date().toISOString());
    expect((await call('access.me', {}, fromPage(canvasser))).status).toBe(401);
    const again = await signIn('Cal Canvasser');
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('This account has been switched off');
  });

  it('signs out here, and everywhere', async () => {
    const link = addUser('Dee Double', 'coordinator');
    const first = await chooseAndSignIn(link);
    const second = sessionCookie(await signIn('Dee Double'));
    const third = sessionCookie(await signIn('Dee Double'));
    const out = await fetch(`${server.origin}/auth/sign-out`, { method: 'POST', headers: fromPage(first) });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await call('elections.list', {}, fromPage(first))).status).toBe(401);
    expect((await call('elections.list', {}, fromPage(second))).status).toBe(200);
    expect((await fetch(`${server.origin}/auth/sign-out-everywhere`, { method: 'POST', headers: fromPage(second) })).status).toBe(200);
    expect((await call('elections.list', {}, fromPage(second))).status).toBe(401);
    expect((await call('elections.list', {}, fromPage(third))).status).toBe(401);
  });
});

describe("the Team page's methods", () => {
  it('record each new grant with its meeting, keep the old ones, issue links, and refuse switching oneself off', async () => {
    const admin = sessionCookie(await signIn('Ann Admin'));
    const listed = async () =>
      (await (await call('team.list', {}, fromPage(admin))).json()).value as { id: number; name: string; grants: { role: string; meeting: string }[] }[];
    const dee = (await listed()).find((a) => a.name === 'Dee Double')!;
    const changed = await call(
      'team.setRoles',
      { accountId: dee.id, roles: ['coordinator', 'treasurer'], meeting: 'Emergency meeting', decidedOn: '2026-12-01' },
      fromPage(admin),
    );
    expect(changed.status).toBe(200);
    const grants = (await listed()).find((a) => a.name === 'Dee Double')!.grants.map((g) => [g.role, g.meeting]);
    expect(grants).toEqual([
      ['coordinator', 'Branch AGM'],
      ['treasurer', 'Emergency meeting'],
    ]);
    expect(JSON.stringify(await listed())).not.toMatch(/scrypt|password_hash|token/);
    const noMeeting = await call('team.setRoles', { accountId: dee.id, roles: ['member'], meeting: ' ', decidedOn: '2026-12-01' }, fromPage(admin));
    expect(noMeeting.status).toBe(400);
    expect((await noMeeting.json()).error.fields).toEqual({ meeting: 'Name the meeting that decided it' });

    const reset = await (await call('team.resetLink', { accountId: dee.id }, fromPage(admin))).json();
    expect(Date.parse(reset.value.expiresAt) - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    const page = await fetch(`${server.origin}/welcome?link=${reset.value.token}`);
    expect(await page.text()).toContain('Dee Double, choose a new password to sign in with.');
    const trail = await (await call('audit.list', { entity: 'account' }, fromPage(admin))).json();
    expect(JSON.stringify(trail)).not.toContain(reset.value.token);

    const me = (await listed()).find((a) => a.name === 'Ann Admin')!;
    const self = await call('team.switchOff', { accountId: me.id }, fromPage(admin));
    expect(self.status).toBe(409);
    expect((await self.json()).error.message).toBe('You cannot switch off your own account: ask another team secretary.');
  });

  it('give a coordinator the names of the accounts that may canvass, and nothing else of the accounts', async () => {
    const decision = { meeting: 'Branch AGM', decidedOn: '2026-11-04', recordedBy: 'Ann Admin' };
    const val = await addAccount(store, { name: 'Val Volunteer', roles: ['member', 'canvasser'], ...decision });
    const coordinator = sessionCookie(await signIn('Dee Double'));
    const listed = await call('team.canvassers', {}, fromPage(coordinator));
    // Cal Canvasser is switched off; Ann and Dee do not canvass.
    expect((await listed.json()).value).toEqual([{ id: val.id, name: 'Val Volunteer' }]);
  });
});

/** A signed-in person's job events (`GET /api/events`), as the page's EventSource gets them. */
async function followJobs(cookie: string) {
  const stop = new AbortController();
  const res = await fetch(`${server.origin}/api/events`, { headers: fromPage(cookie), signal: stop.signal });
  expect(res.status).toBe(200);
  const events: { jobId: string; kind: string; state: string }[] = [];
  const waiting: { test: (e: (typeof events)[number]) => boolean; resolve: () => void }[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let text = '';
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      text += chunk.value;
      for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
        const data = /^data: (.*)$/m.exec(text.slice(0, end))?.[1];
        text = text.slice(end + 2);
        if (data === undefined) continue;
        const event = JSON.parse(data) as (typeof events)[number];
        events.push(event);
        for (const w of waiting.filter((w) => w.test(event))) w.resolve();
      }
    }
  })();
  return {
    events,
    until: (test: (e: (typeof events)[number]) => boolean) => new Promise<void>((resolve) => (events.some(test) ? resolve() : waiting.push({ test, resolve }))),
    stop: () => stop.abort(),
  };
}

describe('long jobs', () => {
  it('reach only those who may start them: a register import its coordinators, a backup the team secretary', async () => {
    const coordinator = await chooseAndSignIn(addUser('Cora Coordinator', 'coordinator'));
    const admin = sessionCookie(await signIn('Ann Admin'));
    const value = async (res: Promise<Response>) => ((await (await res).json()) as { value: Record<string, unknown> }).value;
    const [hers, secretarys] = [await followJobs(coordinator), await followJobs(admin)];
    try {
      const area = await value(
        call('areas.create', { name: 'Abbey', kind: 'ward', nation: 'england', electorate: 4000, classification: null }, fromPage(coordinator)),
      );
      const register = ['Elector Number Prefix,Elector Number,Elector Surname,Elector Forename,Address1,PostCode', 'AA,1,Smith,Jane,1 Mill Lane,AB1 2CD'].join(
        '\r\n',
      );
      const { fileId } = await value(call('uploads.begin', { name: 'register.csv', size: register.length }, fromPage(coordinator)));
      await call('uploads.append', { fileId, text: register }, fromPage(coordinator));
      const { mapping } = await value(call('register.importPreview', { fileId }, fromPage(coordinator)));
      const started = await value(call('register.importStart', { fileId, areaId: area.id, mapping }, fromPage(coordinator)));
      await hers.until((e) => e.jobId === started.jobId && e.state === 'done');
      // The secretary's own job, started after: her stream has had everything sent before it.
      const backup = await value(call('backups.start', {}, fromPage(admin)));
      await secretarys.until((e) => e.jobId === backup.jobId && e.state !== 'running');
      expect(secretarys.events.filter((e) => e.kind !== 'backups.create')).toEqual([]);
      expect(hers.events.filter((e) => e.kind !== 'register.import')).toEqual([]);
      // Nor does asking for the job by its id tell her anything.
      const asked = await call('jobs.get', { jobId: started.jobId }, fromPage(admin));
      expect(asked.status).toBe(404);
      expect((await call('jobs.cancel', { jobId: started.jobId }, fromPage(admin))).status).toBe(404);
      expect((await value(call('jobs.get', { jobId: started.jobId }, fromPage(coordinator)))).state).toBe('done');
    } finally {
      hers.stop();
      secretarys.stop();
    }
  });
});

describe('the history of a record', () => {
  it('is read by whoever may read the record: a treasurer the treasury’s, not the register’s; the whole trail stays the secretary’s', async () => {
    const coordinator = sessionCookie(await signIn('Cora Coordinator'));
    const treasurer = await chooseAndSignIn(addUser('Tina Treasurer', 'treasurer'));
    const admin = sessionCookie(await signIn('Ann Admin'));
    const value = async (res: Promise<Response>) => ((await (await res).json()) as { value: Record<string, unknown> & { id: number } }).value;
    const election = await value(
      call('elections.create', { name: 'GE 2026', type: 'uk-parliament', pollingDay: '2026-05-07', nation: 'england' }, fromPage(coordinator)),
    );
    const seat = await value(
      call('areas.create', { name: 'Banbury', kind: 'constituency', nation: 'england', electorate: 70000, classification: null }, fromPage(coordinator)),
    );
    const contest = await value(call('contests.create', { electionId: election.id, areaId: seat.id, status: 'contesting' }, fromPage(coordinator)));
    const donation = await value(call('treasury.createDonation', donationTo(contest.id), fromPage(treasurer)));
    const { contestId: _, ...fields } = donationTo(contest.id, { value: '£300' });
    expect((await call('treasury.updateDonation', { ...fields, id: donation.id }, fromPage(treasurer))).status).toBe(200);

    const history = await call('audit.list', { entity: 'donation', entityId: donation.id }, fromPage(treasurer));
    expect(history.status).toBe(200);
    const entries = (await history.json()).value as { actor: string; summary: string; entity: string }[];
    expect(entries.map((e) => [e.actor, e.entity])).toEqual([
      ['Tina Treasurer', 'donation'],
      ['Tina Treasurer', 'donation'],
    ]);
    // Unfiltered, only what a treasurer reads: no accounts, no register, no volunteers.
    const hers = (await value(call('audit.list', {}, fromPage(treasurer)))) as unknown as { entity: string }[];
    expect(new Set(hers.map((e) => e.entity))).toEqual(new Set(['election', 'area', 'contest', 'donation']));
    const everything = (await value(call('audit.list', {}, fromPage(admin)))) as unknown as { entity: string }[];
    expect(everything.map((e) => e.entity)).toEqual(expect.arrayContaining(['account', 'election', 'donation']));
    // What they may not read, they may not read the history of; the Activity page's filters stay the secretary's.
    for (const [cookie, entity] of [
      [treasurer, 'register'],
      [treasurer, 'account'],
      [coordinator, 'donation'],
    ]) {
      const refused = await call('audit.list', { entity }, fromPage(cookie));
      expect(refused.status, entity).toBe(403);
      expect((await refused.json()).error.message).toBe(`Your roles do not let you read ${entity} records, nor so their history — ask your team secretary.`);
    }
    expect((await call('audit.facets', {}, fromPage(treasurer))).status).toBe(403);
  });
});

describe('connecting to a team server from the app on this computer', () => {
  it('is told, before anyone signs in, that this is a team server and its campaign: nothing more', async () => {
    const res = await fetch(`${server.origin}/api/team-info`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true, value: { hustings: 'team-server', campaign: 'Westshire Greens' } });
    // Browser mode on a file says nothing without its token.
    expect((await fetch(`${local.origin}/api/team-info`)).status).toBe(401);
  });

  it('answers a link from another site (the app on this computer) with a page that asks again from here, where the session cookie goes', async () => {
    const fromApp = await fetch(`${server.origin}/sign-in`, { headers: { 'Sec-Fetch-Site': 'same-site' } });
    expect(fromApp.status).toBe(200);
    expect(await fromApp.text()).toContain('<meta http-equiv="refresh" content="0; url=/sign-in">');
    const again = await fetch(`${server.origin}/sign-in`, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
    expect(await again.text()).toContain('<form method="post" action="/sign-in">');
  });

  it('connect.team names the campaign, and says what is wrong with an address that is none', async () => {
    const app = await tempHustings();
    const website = createServer((_req, res) => res.end('<!doctype html><title>Our branch</title>'));
    await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
    try {
      const connect = (address: string) => app.dispatch('connect.team', { address });
      // Browser mode has no window to open it in: the page goes there itself.
      expect(await connect(`${server.origin}/sign-in`)).toEqual({ ok: true, value: { origin: server.origin, campaign: 'Westshire Greens', opened: false } });
      const refused = async (address: string) => {
        const r = await connect(address);
        expect(r.ok ? r.value : r.error.code).toBe('invalid_input');
        return !r.ok && r.error.fields?.address;
      };
      const websiteOrigin = `http://127.0.0.1:${(website.address() as AddressInfo).port}`;
      expect(await refused(websiteOrigin)).toBe(`${websiteOrigin} answers, but it is not a Hustings team server: check the address with your team secretary.`);
      expect(await refused(local.origin)).toBe(`${local.origin} answers, but it is not a Hustings team server: check the address with your team secretary.`);
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const nothing = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
      await new Promise((resolve) => closed.close(resolve));
      expect(await refused(nothing)).toBe(`Nothing answers at ${nothing}: the team server may not be running there, or the port is wrong.`);
      expect(await refused('http://team.example.org')).toMatch(/^http:\/\/team\.example\.org is not encrypted/);
      // A team server's people cannot make it fetch addresses for them.
      const asMember = await app.dispatch('connect.team', { address: server.origin }, { name: 'Mo', roles: ['member'] });
      expect(asMember).toEqual({
        ok: false,
        error: { code: 'conflict', message: 'You connect to a team from Hustings on your own computer: this is a team server already.' },
      });
    } finally {
      website.close();
      await app.cleanup();
    }
  });
});

describe('a team server behind a reverse proxy', () => {
  it('listens beyond this computer over plain HTTP when told --insecure-http', async () => {
    const proxied = await startBrowserMode({ databaseUrl: database.url, args: ['--team', '--host', '0.0.0.0', '--insecure-http'] });
    try {
      expect(proxied.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
      const page = await fetch(`http://127.0.0.1:${new URL(proxied.url).port}/sign-in`);
      expect(page.status).toBe(200);
    } finally {
      await proxied.stop();
    }
  });
});

describe('a team server over HTTPS', () => {
  it('speaks TLS with the certificate given, and its cookie is Secure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hustings-tls-'));
    const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'],
      {
        stdio: 'ignore',
      },
    );
    const tls = await startBrowserMode({ databaseUrl: database.url, args: ['--team', '--tls-cert', cert, '--tls-key', key] });
    try {
      expect(tls.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      const link = addUser('Eve Encrypted', 'member').replace(server.origin, tls.origin);
      const token = new URL(link).searchParams.get('link')!;
      const body = new URLSearchParams({ link: token, password: PASSWORD, repeat: PASSWORD }).toString();
      const answer = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
        const req = request(
          `${tls.origin}/welcome`,
          { method: 'POST', rejectUnauthorized: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: tls.origin } },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie']?.[0] ?? '') });
          },
        );
        req.once('error', reject);
        req.end(body);
      });
      expect(answer.status).toBe(303);
      expect(answer.cookie).toMatch(/; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
      // Connecting checks the certificate: a self-signed one is not taken for the server.
      expect(await checkTeamAddress(tls.origin)).toEqual({
        ok: false,
        message: `${tls.origin} could not prove it is ${new URL(tls.origin).host} (its certificate is not valid: DEPTH_ZERO_SELF_SIGNED_CERT). Do not sign in there; ask your team secretary.`,
      });
    } finally {
      await tls.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
