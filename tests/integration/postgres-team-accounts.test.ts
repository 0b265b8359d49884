/**
 * A team server's accounts on a real PostgreSQL database: passwords hashed with scrypt, one-time
 * links that expire and open once, sessions that end after inactivity or everywhere at once, and
 * a lock-out whose delay grows with each failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../db/postgres/store.ts';
import { accountNamed, rolesOf, setRoles, switchOff } from '../../db/repositories/team.ts';
import type { Store } from '../../db/store.ts';
import { addAccount } from '../../main/team/accounts.ts';
import { checkLink, issueLink, redeemLink } from '../../main/team/links.ts';
import { waitAfter, waitBeforeTrying } from '../../main/team/lockout.ts';
import { hashPassword, verifyPassword } from '../../main/team/passwords.ts';
import { endEverySession, endSession, IDLE_LIMIT_MS, sessionCaller, startSession } from '../../main/team/sessions.ts';
import { signIn } from '../../main/team/sign-in.ts';
import { freshHustingsDatabase, type TestDatabase } from '../helpers/postgres.ts';

let database: TestDatabase;
let store: Store;
beforeAll(async () => {
  database = await freshHustingsDatabase();
  store = openPostgresStore(database.url, { max: 2 });
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
});

const PASSWORD = 'a long enough password';
const decision = { meeting: 'Branch meeting', decidedOn: '2026-11-04', recordedBy: 'secretary' };
const at = (iso: string) => new Date(iso);

async function accountWithPassword(name: string, roles: ('admin' | 'canvasser')[] = ['canvasser']) {
  const { id, token } = await addAccount(store, { name, roles, ...decision });
  expect(await redeemLink(store, token, PASSWORD)).toMatchObject({ ok: true, name });
  return id;
}

describe('passwords', () => {
  it('are stored as a salted scrypt hash, never in clear, and checked in constant time', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain(PASSWORD);
    expect(await hashPassword(PASSWORD)).not.toBe(hash); // a new salt each time
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword('a long enough passworD', hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'not a hash')).toBe(false);
  });
});

describe('one-time links', () => {
  it('let the person choose a password once, and are kept only hashed', async () => {
    const { id, token, expiresAt } = await addAccount(store, { name: 'Ann Able', roles: ['admin', 'canvasser'], ...decision });
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect(await store.get('SELECT COUNT(*) AS n FROM sign_in_links WHERE token_hash = ?', [token])).toEqual({ n: 0 });
    expect(await rolesOf(store, id)).toEqual(['canvasser', 'admin']);
    expect(await redeemLink(store, token, 'short')).toMatchObject({ ok: false, message: expect.stringContaining('at least 10 characters') });
    expect(await redeemLink(store, token, PASSWORD)).toMatchObject({ ok: true, name: 'Ann Able' });
    expect(await redeemLink(store, token, 'another long password')).toMatchObject({ ok: false, message: expect.stringContaining('already been used') });
    const stored = (await accountNamed(store, 'Ann Able'))!.passwordHash!;
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
  });

  it('expire (a reset after a day), and a newer link replaces an older one', async () => {
    const id = await accountWithPassword('Bob Baker');
    const now = at('2026-12-01T10:00:00Z');
    const reset = await issueLink(store, id, 'reset', now);
    expect(reset.expiresAt).toBe('2026-12-02T10:00:00.000Z');
    expect(await checkLink(store, reset.token, at('2026-12-02T09:59:00Z'))).toMatchObject({ ok: true, purpose: 'reset' });
    expect(await checkLink(store, reset.token, at('2026-12-02T10:00:01Z'))).toMatchObject({ ok: false, message: expect.stringContaining('expired') });
    expect(await redeemLink(store, reset.token, 'a new long password', at('2026-12-02T10:00:01Z'))).toMatchObject({ ok: false });
    const newer = await issueLink(store, id, 'reset', now);
    expect(await checkLink(store, reset.token, now)).toMatchObject({ ok: false, message: expect.stringContaining('not known') });
    expect(await checkLink(store, newer.token, now)).toMatchObject({ ok: true });
  });

  it('of a switched-off account do not open', async () => {
    const { id, token } = await addAccount(store, { name: 'Cat Cole', roles: ['member'], ...decision });
    await switchOff(store, id, new Date().toISOString());
    expect(await redeemLink(store, token, PASSWORD)).toMatchObject({ ok: false, message: expect.stringContaining('switched off') });
  });
});

describe('sessions', () => {
  it('name the caller with their roles, end after inactivity, at sign-out, and everywhere at once', async () => {
    const id = await accountWithPassword('Dan Dee', ['admin']);
    const t0 = at('2026-12-01T08:00:00Z');
    const first = await startSession(store, id, t0);
    expect(await sessionCaller(store, first, t0)).toEqual({ accountId: id, caller: { name: 'Dan Dee', roles: ['admin'] } });
    // Each call keeps it alive: 7 hours, then 7 more.
    const t1 = new Date(t0.getTime() + 7 * 3600_000);
    expect(await sessionCaller(store, first, t1)).not.toBeNull();
    expect(await sessionCaller(store, first, new Date(t1.getTime() + 7 * 3600_000))).not.toBeNull();
    // Then left idle for longer than the limit.
    expect(await sessionCaller(store, first, new Date(t1.getTime() + 7 * 3600_000 + IDLE_LIMIT_MS + 1000))).toBeNull();
    expect(await store.get('SELECT COUNT(*) AS n FROM sessions WHERE account_id = ?', [id])).toEqual({ n: 0 });

    const a = await startSession(store, id);
    const b = await startSession(store, id);
    await endSession(store, a);
    expect(await sessionCaller(store, a)).toBeNull();
    expect(await sessionCaller(store, b)).not.toBeNull();
    const c = await startSession(store, id);
    expect(await endEverySession(store, id)).toBe(2);
    expect(await sessionCaller(store, b)).toBeNull();
    expect(await sessionCaller(store, c)).toBeNull();
  });

  it('name every role the caller holds, in the roles’ order, and none once all are taken back', async () => {
    const id = await accountWithPassword('Hal Hill', ['admin', 'canvasser']);
    const session = await startSession(store, id);
    expect(await sessionCaller(store, session)).toEqual({ accountId: id, caller: { name: 'Hal Hill', roles: ['canvasser', 'admin'] } });
    await setRoles(store, id, [], { ...decision, at: new Date().toISOString() });
    expect(await sessionCaller(store, session)).toEqual({ accountId: id, caller: { name: 'Hal Hill', roles: [] } });
  });

  it('of a switched-off account are refused at once', async () => {
    const id = await accountWithPassword('Eve East');
    const session = await startSession(store, id);
    expect(await sessionCaller(store, session)).not.toBeNull();
    await switchOff(store, id, new Date().toISOString());
    expect(await sessionCaller(store, session)).toBeNull();
  });
});

describe('signing in', () => {
  it('gives a session for the right password and none for a wrong one or an unknown name', async () => {
    await accountWithPassword('Fay Ford');
    const ok = await signIn(store, 'Fay Ford', PASSWORD, '10.0.0.1');
    expect(ok).toMatchObject({ ok: true, name: 'Fay Ford' });
    expect(await sessionCaller(store, (ok as { sessionId: string }).sessionId)).toMatchObject({ caller: { name: 'Fay Ford' } });
    expect(await signIn(store, 'Fay Ford', 'wrong password!', '10.0.0.1')).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(await signIn(store, 'Nobody', PASSWORD, '10.0.0.1')).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  it('is held back after repeated failures, by a delay that grows, per name and per address', async () => {
    await accountWithPassword('Gus Gray');
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(waitAfter)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 900_000]);
    let now = at('2026-12-01T12:00:00Z');
    for (let i = 0; i < 3; i++) expect(await signIn(store, 'Gus Gray', 'wrong guess ' + i, '10.0.0.2', now)).toMatchObject({ code: 'unauthorized' });
    // The fourth try must wait a second: even the right password is not checked before then.
    expect(await signIn(store, 'Gus Gray', PASSWORD, '10.0.0.2', now)).toMatchObject({
      code: 'too_many_attempts',
      message: expect.stringContaining('1 second'),
    });
    // From another address, the name is held back all the same.
    expect(await signIn(store, 'gus gray ', PASSWORD, '10.0.0.3', now)).toMatchObject({ code: 'too_many_attempts' });
    now = new Date(now.getTime() + 1000);
    expect(await signIn(store, 'Gus Gray', 'wrong guess 4', '10.0.0.2', now)).toMatchObject({ code: 'unauthorized' });
    expect(await waitBeforeTrying(store, 'Gus Gray', '10.0.0.9', now)).toBe(2000);
    now = new Date(now.getTime() + 2000);
    expect(await signIn(store, 'Gus Gray', 'wrong guess 5', '10.0.0.2', now)).toMatchObject({ code: 'unauthorized' });
    expect(await waitBeforeTrying(store, 'Gus Gray', '10.0.0.9', now)).toBe(4000);
    // An address that failed for many names is held back for any name.
    expect(await waitBeforeTrying(store, 'Hal Hill', '10.0.0.2', now)).toBe(4000);
    now = new Date(now.getTime() + 4000);
    expect(await signIn(store, 'Gus Gray', PASSWORD, '10.0.0.2', now)).toMatchObject({ ok: true });
    expect(await waitBeforeTrying(store, 'Gus Gray', '10.0.0.9', now)).toBe(0);
    // Failures older than an hour no longer count, and are not kept.
    const old = "SELECT COUNT(*) AS n FROM sign_in_failures WHERE name = 'ida old'";
    await signIn(store, 'Ida Old', 'wrong password', '10.0.0.6', now);
    expect(await store.get(old)).toEqual({ n: 1 });
    await signIn(store, 'Nobody at all', 'wrong password', '10.0.0.7', new Date(now.getTime() + 2 * 3600_000));
    expect(await store.get(old)).toEqual({ n: 0 });
  });
});
