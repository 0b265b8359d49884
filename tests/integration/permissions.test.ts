/**
 * Who may call what (issue 13): every method for every role, through the dispatcher with a
 * caller, as every door (IPC, HTTP, CLI) calls it. Refused calls answer `forbidden` naming who
 * may, and write nothing; allowed ones get past the check (an `{}` input may then be invalid).
 * The same matrix through a team server's HTTP door, signed in: postgres-team-matrix.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCtx, asCaller } from '../../main/api/context.ts';
import { queriesNow } from '../../main/api/dispatcher.ts';
import { allows, refusal } from '../../shared/contract/access.ts';
import { type MethodName, contract } from '../../shared/contract/index.ts';
import { type Caller, ROLES } from '../../shared/contract/roles.ts';
import { snapshot } from '../helpers/db.ts';
import { type TreasuryContests, donationTo, treasuryContests } from '../helpers/treasury.ts';

let t: TreasuryContests;
beforeAll(async () => {
  t = await treasuryContests();
});
afterAll(() => t.app.cleanup());

const methods = Object.keys(contract) as MethodName[];
const only = (role: (typeof ROLES)[number]): Caller => ({ name: `Sam the ${role}`, roles: [role] });
const auditRows = async () => (await t.app.store.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n;

describe('the permission matrix, method by role', () => {
  // Refusals first, while nothing the allowed calls below may write has happened yet.
  for (const role of ROLES) {
    it(`refuses ${role} every method not declared for them, naming who may, and writes nothing`, async () => {
      const before = await snapshot(t.app);
      const wrong: string[] = [];
      for (const method of methods.filter((m) => !allows(contract[m].access, [role]))) {
        const rows = await auditRows();
        const r = await t.app.dispatch(method, {}, only(role));
        if (r.ok || r.error.code !== 'forbidden') wrong.push(`${method}: ${r.ok ? 'allowed' : r.error.code}`);
        else if (r.error.message !== refusal(contract[method])) wrong.push(`${method}: "${r.error.message}"`);
        if ((await auditRows()) !== rows) wrong.push(`${method}: wrote an audit row`);
      }
      expect(wrong).toEqual([]);
      expect(await snapshot(t.app)).toBe(before);
    });
  }

  for (const role of ROLES) {
    it(`lets ${role} past the check for every method declared for them`, async () => {
      const refused: string[] = [];
      for (const method of methods.filter((m) => allows(contract[m].access, [role]))) {
        const r = await t.app.dispatch(method, {}, only(role));
        if (!r.ok && r.error.code === 'forbidden') refused.push(method);
      }
      expect(refused).toEqual([]);
    });
  }

  it('refuses nothing to the single user of a file, who has no caller', async () => {
    const refused: string[] = [];
    for (const method of methods) {
      const r = await t.app.dispatch(method, {});
      if (!r.ok && r.error.code === 'forbidden') refused.push(method);
    }
    expect(refused).toEqual([]);
  });
});

describe('a refused call', () => {
  it('with good input still writes nothing, where the role that may do it succeeds', async () => {
    const donation = donationTo(t.county);
    const before = await snapshot(t.app);
    const r = await t.app.dispatch('treasury.createDonation', donation, { name: 'Cal', roles: ['coordinator', 'canvasser', 'member'] });
    expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only a treasurer may record a donation — ask your team secretary.' } });
    expect(await snapshot(t.app)).toBe(before);
    const done = await t.app.dispatch('treasury.createDonation', donation, { name: 'Tess', roles: ['treasurer'] });
    expect(done.ok).toBe(true);
    const [row] = await t.app.store.all<{ actor: string }>("SELECT actor FROM audit_log WHERE entity = 'donation' ORDER BY id DESC LIMIT 1");
    expect(row.actor).toBe('Tess');
  });

  it('is allowed to a person holding several roles when any one of them may', async () => {
    const both: Caller = { name: 'Mo', roles: ['member', 'canvasser'] };
    expect((await t.app.dispatch('elections.list', {}, both)).ok).toBe(true);
    expect((await t.app.dispatch('register.list', {}, both)).ok).toBe(true);
    const ledger = await t.app.dispatch('treasury.getLedger', { contestId: t.county }, both);
    expect(!ledger.ok && ledger.error.code).toBe('forbidden');
  });

  it('refuses everything to someone holding no role', async () => {
    const none: Caller = { name: 'Nobody', roles: [] };
    for (const method of ['access.me', 'elections.list', 'canvass.getCodes'] as const) {
      const r = await t.app.dispatch(method, {}, none);
      expect(!r.ok && r.error.code, method).toBe('forbidden');
    }
  });
});

describe('access.me', () => {
  it('names the caller and their roles, and is null for the single user of a file', async () => {
    expect(await t.app.dispatch('access.me', {})).toEqual({ ok: true, value: null });
    const caller: Caller = { name: 'Pat', roles: ['treasurer', 'admin'] };
    expect(await t.app.dispatch('access.me', {}, caller)).toEqual({ ok: true, value: { name: 'Pat', roles: ['treasurer', 'admin'] } });
  });
});

describe('queries a handler makes through queriesNow', () => {
  it('are checked against the handler’s caller as the dispatcher checks them', async () => {
    const ctx = createCtx(t.app.store, t.app.encryption, t.app.dbPath, 'tester', { jobs: t.app.jobs, uploads: t.app.uploads });
    const asMember = queriesNow(asCaller(ctx, only('member')));
    const r = await asMember('register.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: refusal(contract['register.list']) } });
    expect((await asMember('elections.list', {})).ok).toBe(true);
    expect((await queriesNow(asCaller(ctx, only('canvasser')))('register.list', {})).ok).toBe(true);
    expect((await queriesNow(ctx)('register.list', {})).ok).toBe(true);
  });
});
