import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchResult } from '../../shared/contract/telling.ts';
import { recordVoteBatch } from '../../db/repositories/votes.ts';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';
import { addStation } from '../helpers/polling.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
let contestId: number;
let electionId: number;
let n = 0;
const cid = () => `batch-${String(++n).padStart(4, '0')}`;
const voteCount = async () => (await app.store.values('SELECT COUNT(*) FROM votes'))[0]?.[0] as number;

beforeEach(async () => {
  app = await tempHustings();
  areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
  expect((await importCsv(app, areaId, SMALL_REGISTER)).state).toBe('done');
  electionId = (await ok(app, 'elections.create', { name: 'Council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' })).id;
  contestId = (await ok(app, 'contests.create', { electionId, areaId, status: 'contesting' })).id;
});
afterEach(() => app.cleanup());

const batch = (numbers: string[], extra: Record<string, unknown> = {}) =>
  app.dispatch('telling.recordBatch', { contestId, pollingDistrict: 'AA', clientId: cid(), entries: numbers.map((number) => ({ number })), ...extra });

describe('tellers’ numbers', () => {
  it('records numbers typed without the district, names them, and stamps the batch', async () => {
    const res = await batch(['1', '3', 'AA-5'], { receivedAt: '2026-05-07T10:15:00.000Z' });
    if (!res.ok) throw new Error(res.error.message);
    const r = res as { value: BatchResult };
    expect(r.value.recorded.map((v) => [v.electorNumber, v.fullName])).toEqual([
      ['AA-1', 'John Smith'],
      ['AA-3', 'Ann Brown'],
      ['AA-5', 'Ravi Patel'],
    ]);
    expect(r.value).toMatchObject({ refused: [], resent: false, receivedAt: '2026-05-07T10:15:00.000Z' });
    const votes = await app.store.all('SELECT method, voted_at AS votedAt FROM votes');
    expect(votes).toEqual(Array(3).fill({ method: 'in_person', votedAt: '2026-05-07T10:15:00.000Z' }));
    expect(await app.store.get('SELECT source, polling_district AS d, entered_by AS by FROM vote_batches')).toEqual({
      source: 'teller',
      d: 'AA',
      by: 'tester',
    });
    const districts = await ok(app, 'telling.getDistricts', { contestId });
    expect(districts.districts).toEqual([
      { pollingDistrict: 'AA', station: null, electors: 6, voted: 3 },
      { pollingDistrict: 'AB', station: null, electors: 3, voted: 0 },
    ]);
  });

  it('lists a batch’s numbers in the order typed, the same after a vote’s row is rewritten', async () => {
    await ok(app, 'telling.recordBatch', { contestId, pollingDistrict: 'AA', clientId: cid(), entries: ['5', '1', '3'].map((number) => ({ number })) });
    const listed = async () => (await ok(app, 'telling.listRecent', { contestId }))[0].votes.map((v: { electorNumber: string }) => v.electorNumber);
    expect(await listed()).toEqual(['AA-5', 'AA-1', 'AA-3']);
    // PostgreSQL writes an updated row anew elsewhere in the table: the order must not follow it.
    await app.store.run("UPDATE votes SET method = method WHERE elector_id = (SELECT id FROM electors WHERE elector_number = 'AA-5')");
    expect(await listed()).toEqual(['AA-5', 'AA-1', 'AA-3']);
  });

  it('refuses each bad number on its own, saying why, and records the rest', async () => {
    await batch(['2']);
    const res = await batch(['4', 'AB-1', '99', '2', '4', '1-', '0', '6']);
    if (!res.ok) throw new Error(res.error.message);
    const r = res as { value: BatchResult };
    expect(r.value.recorded.map((v) => v.electorNumber)).toEqual(['AA-4', 'AA-6']);
    expect(r.value.refused.map((x) => [x.number, x.reason])).toEqual([
      ['AB-1', 'not_in_district'],
      ['99', 'unknown'],
      ['2', 'already_voted'],
      ['4', 'duplicate'],
      ['1-', 'invalid'],
      ['0', 'invalid'],
    ]);
    expect(r.value.refused[0].message).toBe('AB-1 is not in polling district AA');
    expect(r.value.refused[2].message).toBe('AA-2 Jane Smith has already voted');
    expect(await voteCount()).toBe(3);
  });

  it('records a batch sent twice once, and answers the same', async () => {
    const input = { contestId, pollingDistrict: 'aa', clientId: 'offline-batch-1', entries: [{ number: '1' }, { number: '2' }, { number: '77' }] };
    const first = await ok(app, 'telling.recordBatch', input);
    const audit = (await app.store.values('SELECT COUNT(*) FROM audit_log'))[0]?.[0];
    const again = await ok(app, 'telling.recordBatch', input);
    expect(again).toEqual({ ...first, resent: true });
    expect(await voteCount()).toBe(2);
    expect((await app.store.values('SELECT COUNT(*) FROM vote_batches'))[0]?.[0]).toBe(1);
    expect((await app.store.values('SELECT COUNT(*) FROM audit_log'))[0]?.[0]).toBe(audit);
    // The same id for another district is a mistake, not a resend.
    const clash = await app.dispatch('telling.recordBatch', { ...input, pollingDistrict: 'AB' });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.error).toMatchObject({ code: 'conflict', fields: { clientId: 'Already used' } });
  });

  it('refuses bad batches as a whole with the field named, writing nothing', async () => {
    const before = await snapshot(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ pollingDistrict: 'ZZ' }, 'pollingDistrict'],
      [{ pollingDistrict: '' }, 'pollingDistrict'],
      [{ clientId: 'short' }, 'clientId'],
      [{ entries: [] }, 'entries'],
      [{ receivedAt: '2099-01-01T00:00:00Z' }, 'receivedAt'],
      [{ receivedAt: 'yesterday' }, 'receivedAt'],
      [{ contestId: 999 }, 'id'],
    ];
    for (const [extra, field] of cases) {
      const r = await batch(['1'], extra);
      expect(r.ok, JSON.stringify(extra)).toBe(false);
      if (!r.ok) expect(Object.keys(r.error.fields ?? {}), JSON.stringify(extra)).toContain(field);
    }
    expect(await snapshot(app)).toBe(before);
  });

  it('undoes batches by client id, once', async () => {
    const a = await ok(app, 'telling.recordBatch', { contestId, pollingDistrict: 'AA', clientId: 'undo-me-1', entries: [{ number: '1' }, { number: '2' }] });
    await ok(app, 'telling.recordBatch', { contestId, pollingDistrict: 'AA', clientId: 'keep-me-1', entries: [{ number: '3' }] });
    expect(await ok(app, 'telling.undo', { clientIds: ['undo-me-1'] })).toEqual({ undone: ['undo-me-1'], notFound: [], votesRemoved: 2 });
    expect(await ok(app, 'telling.undo', { clientIds: ['undo-me-1'] })).toEqual({ undone: [], notFound: ['undo-me-1'], votesRemoved: 0 });
    expect(await voteCount()).toBe(1);
    // Undone, the numbers can be entered again.
    expect(
      (await ok(app, 'telling.recordBatch', { contestId, pollingDistrict: 'AA', clientId: 'again-001', entries: [{ number: '1' }] })).recorded,
    ).toHaveLength(1);
    const recent = await ok(app, 'telling.listRecent', { contestId });
    expect(recent.map((b: any) => [b.clientId, b.votes.map((v: any) => v.electorNumber)])).toEqual([
      ['again-001', ['AA-1']],
      ['keep-me-1', ['AA-3']],
    ]);
    expect(a.batchId).toBeGreaterThan(0);
  });

  it('names the station of each district', async () => {
    await addStation(app.store, areaId, 'St Mary’s Church Hall', ['AB']);
    const d = await ok(app, 'telling.getDistricts', { contestId });
    expect(d.districts.map((x: any) => x.station)).toEqual([null, 'St Mary’s Church Hall']);
  });
});

describe('the marked register', () => {
  it('records in-person and postal votes of an earlier election on its polling day', async () => {
    const past = (await ok(app, 'elections.create', { name: 'Council 2022', type: 'local', pollingDay: '2022-05-05', nation: 'england' })).id;
    const r = await ok(app, 'telling.recordBatch', {
      contestId,
      electionId: past,
      source: 'marked_register',
      pollingDistrict: 'AB',
      clientId: 'marked-page-1',
      entries: [{ number: '1' }, { number: '3/1', method: 'postal' }],
    });
    expect(r.recorded.map((v: any) => [v.electorNumber, v.method])).toEqual([
      ['AB-1', 'in_person'],
      ['AB-3/1', 'postal'],
    ]);
    expect(await app.store.all('SELECT DISTINCT election_id AS e, voted_at AS at FROM votes')).toEqual([{ e: past, at: '2022-05-05' }]);
    // The contest's own election is untouched.
    expect((await ok(app, 'telling.getDistricts', { contestId })).districts[1].voted).toBe(0);
    expect((await ok(app, 'telling.getDistricts', { contestId, electionId: past })).districts[1].voted).toBe(2);
  });
});

describe('recordVoteBatch', () => {
  it('reports duplicates within the election and is idempotent by client id', async () => {
    const ids = (await app.store.values("SELECT id FROM electors WHERE polling_district = 'AA' ORDER BY number")).map((r) => r[0]) as number[];
    const write = (clientId: string | null, electorIds: number[]) =>
      recordVoteBatch(app.store, {
        electionId,
        areaId,
        pollingDistrict: 'AA',
        source: 'import',
        clientId,
        receivedAt: '2026-05-08T09:00:00.000Z',
        enteredBy: 'tester',
        votedAt: '2026-05-07',
        votes: electorIds.map((electorId) => ({ electorId, method: 'postal' as const })),
      });
    const first = await write('import-file-1', [ids[0], ids[1], ids[0]]);
    expect(first).toMatchObject({ recorded: [ids[0], ids[1]], duplicates: [ids[0]], resent: false });
    expect(await write('import-file-1', [ids[0], ids[1], ids[0]])).toEqual({ ...first, resent: true });
    expect(await write(null, [ids[1], ids[2]])).toMatchObject({ recorded: [ids[2]], duplicates: [ids[1]] });
    expect(await voteCount()).toBe(3);
  });
});
