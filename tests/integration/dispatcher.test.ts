import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/index.ts';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
beforeEach(async () => {
  app = await tempHustings();
  const e = await ok(app, 'elections.create', { name: 'GE 2029', type: 'uk-parliament', pollingDay: '2029-05-03', nation: 'england' });
  const a = await ok(app, 'areas.create', { name: 'Leeds Central', kind: 'constituency', electorate: 70000, classification: 'borough', nation: 'england' });
  await ok(app, 'contests.create', { electionId: e.id, areaId: a.id, status: 'considering' });
});
afterEach(() => app.cleanup());

const HUGE = 'x'.repeat(1_000_000);
const MALFORMED: [string, unknown][] = [
  ['a string instead of an object', 'hello'],
  ['a number', 42],
  ['an array', [1, 2]],
  ['null values everywhere', { id: null, name: null, type: null, pollingDay: null }],
  ['wrong types', { id: 'one', name: 7, electorate: 'many', pollingDay: 20290503, confirm: 'yes' }],
  ['an extra field', { id: 1, name: 'x', surprise: true }],
  ['huge strings', { id: 1, name: HUGE, reason: HUGE, csv: HUGE.repeat(25), search: HUGE }],
  ['impossible numbers', { id: -1, electorate: Number.NaN, limit: 1e308 }],
  ['impossible dates', { id: 1, name: 'x', type: 'local', nation: 'england', pollingDay: '2029-02-30' }],
];

describe('the dispatcher', () => {
  for (const method of Object.keys(contract)) {
    it(`${method} rejects malformed input with field messages and changes nothing`, async () => {
      const before = await snapshot(app);
      for (const [label, input] of MALFORMED) {
        const r = await app.dispatch(method, input);
        if (r.ok) {
          // Queries that take no required input may accept some shapes; they must not write.
          expect(contract[method as keyof typeof contract].kind, `${method} accepted ${label}`).toBe('query');
          continue;
        }
        expect(r.error.code, `${method} with ${label}: ${r.error.message}`).toMatch(/^(invalid_input|not_found|needs_confirmation|conflict)$/);
        expect(r.error.message.length).toBeGreaterThan(0);
      }
      expect(await snapshot(app)).toBe(before);
    });
  }

  it('names each wrong field in words a user can act on', async () => {
    const r = await app.dispatch('elections.create', { name: '', type: 'general', pollingDay: '2029-02-30', nation: 'england', extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields).toEqual({
      name: 'Name is required',
      type: 'Choose an election type from the list',
      pollingDay: 'This date does not exist',
      extra: '"extra" is not a field of this form',
    });
  });

  it('refuses an election type in a nation where it is not held', async () => {
    const r = await app.dispatch('elections.create', { name: 'Holyrood', type: 'scottish-parliament', pollingDay: '2026-05-07', nation: 'wales' });
    expect(!r.ok && r.error.fields).toEqual({ nation: 'Scottish Parliament elections are held in Scotland only' });
  });

  it('refuses an unknown method', async () => {
    expect(await app.dispatch('elections.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('writes an audit row for every change, with before and after', async () => {
    const [{ contestCount: _, updatedAt: __, ...e }] = await ok(app, 'elections.list', {});
    await ok(app, 'elections.update', { ...e, name: 'GE 2029 (early)' });
    const audit = await ok(app, 'audit.list', { entity: 'election', entityId: e.id });
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
    expect(audit[0]).toMatchObject({ actor: 'tester', before: { name: 'GE 2029' }, after: { name: 'GE 2029 (early)' } });
  });

  it('asks before deleting an election with contests, then deletes them together', async () => {
    const [e] = await ok(app, 'elections.list', {});
    const refused = await app.dispatch('elections.delete', { id: e.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } });
    expect(!refused.ok && refused.error.message).toMatch(/1 contest \(Leeds Central\)/);
    expect(await ok(app, 'contests.list', {})).toHaveLength(1);
    expect(await ok(app, 'elections.delete', { id: e.id, confirm: true })).toEqual({ deletedContests: 1 });
    expect(await ok(app, 'contests.list', {})).toHaveLength(0);
  });

  it('keeps an election or area whose contest has money recorded, and says why before asking', async () => {
    const [c] = await ok(app, 'contests.list', {});
    await ok(app, 'treasury.updateSettings', { contestId: c.id, areaKind: 'borough' });
    const before = await snapshot(app);
    const impact = await ok(app, 'elections.deleteImpact', { id: c.electionId });
    expect(impact.contests).toEqual(['Leeds Central']);
    expect(impact.blockedBy).toMatch(/^GE 2029 cannot be deleted: money is recorded for Leeds Central \(GE 2029\)/);
    const refused = await app.dispatch('elections.delete', { id: c.electionId, confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: impact.blockedBy } });
    expect((await ok(app, 'areas.deleteImpact', { id: c.areaId })).blockedBy).toMatch(/^Leeds Central cannot be deleted/);
    expect(await app.dispatch('areas.delete', { id: c.areaId, confirm: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await snapshot(app)).toBe(before);
  });

  it('refuses a second contest for the same area in one election', async () => {
    const [c] = await ok(app, 'contests.list', {});
    const r = await app.dispatch('contests.create', { electionId: c.electionId, areaId: c.areaId, status: 'contesting' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', fields: { areaId: 'Already a contest in this election' } } });
  });

  it('rolls back a mutation that fails half-way', async () => {
    const before = await snapshot(app);
    const csv = 'Name,Code\nArmley,E05001235\nArmley,E05001235\n';
    const r = await app.dispatch('areas.import', { csv, kind: 'ward', defaultNation: 'england', mapping: { name: 'Name', gssCode: 'Code' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } });
    expect(await snapshot(app)).toBe(before);
  });
});
