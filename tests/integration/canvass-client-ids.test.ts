/**
 * Offline canvass entry (issue 13): a return carries the id its device made, so one sent again
 * after its answer was lost — or twice at once — is recorded once, with one audit row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElector } from '../../db/repositories/electors.ts';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
let sessionId: number;
const idOf = async (n: string) => (await findElector(app.store, areaId, n))!.id;
const CLIENT_ID = '3f2b8c1e-9d4a-4e6f-8a7b-2c1d0e9f8a7b';

async function stored(clientId: string) {
  const returns = await app.store.all<{ id: number }>('SELECT id FROM canvass_returns WHERE client_id = ?', [clientId]);
  const audits = await app.store.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'record-return'");
  return { returns: returns.length, audits: audits!.n };
}

beforeEach(async () => {
  app = await tempHustings();
  areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
  expect((await importCsv(app, areaId, SMALL_REGISTER)).state).toBe('done');
  sessionId = (await ok(app, 'canvass.createSession', { areaId, pollingDistrict: 'AA', heldOn: '2026-11-20' })).id;
});
afterEach(() => app.cleanup());

describe('a return with a client id', () => {
  it('sent twice is recorded once, with one audit row, and both answers name the same return', async () => {
    const electorId = await idOf('AA-6');
    const first = await ok(app, 'canvass.recordReturn', { sessionId, electorId, codes: 'I3L', clientId: CLIENT_ID });
    const again = await ok(app, 'canvass.recordReturn', { sessionId, electorId, codes: 'I3L', clientId: CLIENT_ID });
    expect(again.return).toEqual(first.return);
    expect(again.next.electorNumber).toBe('AA-5');
    expect(again.earlierInSession).toEqual([]);
    expect(await stored(CLIENT_ID)).toEqual({ returns: 1, audits: 1 });
    // Without a client id, each call is a return of its own, as before.
    await ok(app, 'canvass.recordReturn', { sessionId, electorId, codes: 'N' });
    await ok(app, 'canvass.recordReturn', { sessionId, electorId, codes: 'N' });
    expect((await ok(app, 'canvass.getSession', { id: sessionId })).returnCount).toBe(3);
  });

  it('sent five times at once is recorded once (on PostgreSQL the sends run side by side)', async () => {
    const electorId = await idOf('AA-1');
    // Connections opened first (queries at once), so no send waits for one while another commits.
    await Promise.all(Array.from({ length: 8 }, () => app.dispatch('canvass.getSession', { id: sessionId })));
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => app.dispatch('canvass.recordReturn', { sessionId, electorId, codes: '2P', clientId: CLIENT_ID })),
    );
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, true, true]);
    const ids = new Set(answers.map((a) => (a.ok ? (a.value as { return: { id: number } }).return.id : 0)));
    expect(ids.size).toBe(1);
    expect(await stored(CLIENT_ID)).toEqual({ returns: 1, audits: 1 });
    expect((await ok(app, 'register.getElector', { id: electorId })).elector).toMatchObject({ latestSupport: '2', requests: ['poster'] });
  });

  it('is refused when it is no UUID, naming the field, and nothing is written', async () => {
    const before = await snapshot(app);
    for (const clientId of ['', 'abc', 42, '3f2b8c1e9d4a4e6f8a7b2c1d0e9f8a7b!', '3f2b8c1e-9d4a-4e6f-8a7b-2c1d0e9f8a7']) {
      const r = await app.dispatch('canvass.recordReturn', { sessionId, electorId: await idOf('AA-1'), codes: 'I', clientId });
      expect(r.ok, String(clientId)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.fields?.clientId).toMatch(/A client id is a UUID made by the device/);
      }
    }
    expect(await snapshot(app)).toBe(before);
  });

  it('used again for another elector is refused: one id, one return', async () => {
    await ok(app, 'canvass.recordReturn', { sessionId, electorId: await idOf('AA-1'), codes: 'I', clientId: CLIENT_ID });
    const before = await snapshot(app);
    const r = await app.dispatch('canvass.recordReturn', { sessionId, electorId: await idOf('AA-2'), codes: 'I', clientId: CLIENT_ID });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'conflict', fields: { clientId: 'Already used for another return' } });
    expect(await snapshot(app)).toBe(before);
  });

  it('undone, then sent again by a device that never heard the answer, is refused: an undo is not silently reversed', async () => {
    const electorId = await idOf('AA-1');
    const first = await ok(app, 'canvass.recordReturn', { sessionId, electorId, codes: '5', clientId: CLIENT_ID });
    await ok(app, 'canvass.undoReturn', { id: first.return.id });
    const before = await snapshot(app);
    const r = await app.dispatch('canvass.recordReturn', { sessionId, electorId, codes: '5', clientId: CLIENT_ID });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('conflict');
      expect(r.error.message).toMatch(/^This return for AA-1 was recorded and then undone on .+: it is not recorded again\. Type it afresh if it is wanted\.$/);
    }
    expect(await snapshot(app)).toBe(before);
    expect((await ok(app, 'register.getElector', { id: electorId })).elector.latestSupport).toBeNull();
    // Typed afresh, it is a new return with a new id.
    await ok(app, 'canvass.recordReturn', { sessionId, electorId, codes: '5', clientId: '9c5b94b1-35ad-49bb-b118-8e8fc24abf80' });
    expect((await ok(app, 'register.getElector', { id: electorId })).elector.latestSupport).toBe('5');
  });
});
