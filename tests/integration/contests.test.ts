import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';

const CONSTITUENCIES = readFileSync(new URL('../fixtures/uk-parliament-constituencies-2024-electorate.csv', import.meta.url), 'utf8');

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let general: number;

beforeEach(async () => {
  app = await tempHustings();
  await ok(app, 'areas.import', {
    csv: CONSTITUENCIES,
    kind: 'constituency',
    defaultNation: 'england',
    mapping: { name: 'PCON25NM', gssCode: 'PCON25CD', electorate: 'Electorate' },
    decisions: { 159: 'skip', 240: 'skip', 575: 'import-without-code' },
  });
  await ok(app, 'areas.create', { name: 'Abbey Ward', kind: 'ward', electorate: 5_000, classification: null, nation: 'england' });
  general = (await ok(app, 'elections.create', { name: 'General election 2029', type: 'uk-parliament', pollingDay: '2029-05-03', nation: 'england' })).id;
});
afterEach(() => app.cleanup());

const contestsOf = async (electionId: number) => ok<{ id: number; areaName: string; status: string; nation: string }[]>(app, 'contests.list', { electionId });

describe('considering every area at once', () => {
  it('adds every constituency as a contest being considered, in one batch, and no ward', async () => {
    const r = await ok(app, 'contests.considerAll', { electionId: general });
    expect(r).toMatchObject({ created: 650, alreadyContests: 0, batch: { electionId: general, nation: null, nameContains: '', contests: 650 } });
    const contests = await contestsOf(general);
    expect(contests).toHaveLength(650);
    expect(new Set(contests.map((c) => c.status))).toEqual(new Set(['considering']));
    expect(contests.some((c) => c.areaName === 'Abbey Ward')).toBe(false);
    expect(await ok(app, 'contests.listBatches', { electionId: general })).toEqual([r.batch]);
    const audit = await ok(app, 'audit.list', { entity: 'contest-batch', entityId: r.batch.id });
    expect(audit[0].summary).toBe('Added 650 areas to General election 2029 as contests being considered');
  });

  it('filters by nation and by name, and leaves areas that are already contests as they are', async () => {
    const cardiff = (await ok<{ id: number; name: string }[]>(app, 'areas.list', { search: 'Cardiff East' }))[0];
    await ok(app, 'contests.create', { electionId: general, areaId: cardiff.id, status: 'contesting', reason: 'Branch here' });
    const r = await ok(app, 'contests.considerAll', { electionId: general, nation: 'wales', nameContains: 'cardiff' });
    expect(r).toMatchObject({ created: 3, alreadyContests: 1 });
    const contests = await contestsOf(general);
    expect(contests.map((c) => `${c.areaName}: ${c.status}`)).toEqual([
      'Cardiff East: contesting',
      'Cardiff North: considering',
      'Cardiff South and Penarth: considering',
      'Cardiff West: considering',
    ]);
  });

  it('offers a council election only areas of its kind in its nation', async () => {
    await ok(app, 'areas.create', { name: 'Abbey Ward (Wales)', kind: 'ward', electorate: 4_000, classification: null, nation: 'wales' });
    const council = (await ok(app, 'elections.create', { name: 'Council 2027', type: 'local', pollingDay: '2027-05-06', nation: 'england' })).id;
    expect(await ok(app, 'contests.considerAll', { electionId: council })).toMatchObject({ created: 1 });
    expect((await contestsOf(council)).map((c) => c.areaName)).toEqual(['Abbey Ward']);
  });

  it('says plainly when nothing matches, and writes nothing', async () => {
    const before = await snapshot(app);
    const r = await app.dispatch('contests.considerAll', { electionId: general, nation: 'northern-ireland', nameContains: 'Cardiff' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!r.ok) expect(r.error.message).toMatch(/^No constituency areas match in Northern Ireland with “Cardiff” in the name\./);
    expect(await snapshot(app)).toBe(before);
  });

  it('undoes a batch: removes exactly its contests that gained no data, keeps the rest and says why', async () => {
    const byHand = (await ok<{ id: number }[]>(app, 'areas.list', { search: 'Aldershot' }))[0];
    await ok(app, 'contests.create', { electionId: general, areaId: byHand.id, status: 'considering' });
    const { batch } = await ok(app, 'contests.considerAll', { electionId: general, nation: 'wales' });
    expect(batch.contests).toBe(32);
    const [first, second, third] = await contestsOf(general).then((cs) => cs.filter((c) => c.nation === 'wales'));
    await ok(app, 'planner.save', { contestId: first.id, membersKnown: 12 });
    await ok(app, 'contests.update', { id: second.id, status: 'contesting', reason: 'Good result last time' });
    await ok(app, 'tasks.create', { electionId: general, contestId: third.id, title: 'Find a candidate', dueKind: 'fixed', dueDate: '2029-03-01' });

    const undone = await ok(app, 'contests.undoBatch', { id: batch.id });
    expect(undone.removed).toBe(29);
    expect(undone.kept).toEqual([
      { contestId: first.id, areaName: first.areaName, holds: 'a plan' },
      { contestId: second.id, areaName: second.areaName, holds: 'a changed status or reason' },
      { contestId: third.id, areaName: third.areaName, holds: 'tasks' },
    ]);
    expect(undone.message).toBe(
      `Removed 29 contests from General election 2029. 3 were kept because they have gained data since: ${first.areaName} (a plan); ${second.areaName} (a changed status or reason); ${third.areaName} (tasks). Delete them one by one if you are sure.`,
    );
    expect((await contestsOf(general)).map((c) => c.areaName)).toEqual(['Aldershot', first.areaName, second.areaName, third.areaName].sort());
    // The batch stays while it holds contests, so it can be undone again once they are cleared.
    expect(await ok(app, 'contests.listBatches', { electionId: general })).toMatchObject([{ id: batch.id, contests: 3 }]);
  });

  it('undoes a batch with nothing gained in full, and then it is gone', async () => {
    const { batch } = await ok(app, 'contests.considerAll', { electionId: general, nameContains: 'Birmingham' });
    expect(await ok(app, 'contests.undoBatch', { id: batch.id })).toEqual({
      removed: batch.contests,
      kept: [],
      message: `Removed ${batch.contests} contests from General election 2029.`,
    });
    expect(await contestsOf(general)).toEqual([]);
    expect(await ok(app, 'contests.listBatches', { electionId: general })).toEqual([]);
    const again = await app.dispatch('contests.undoBatch', { id: batch.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('areas by region', () => {
  it('records each imported constituency’s region, which can be changed like any area field', async () => {
    const areas = await ok<{ id: number; name: string; kind: string; region: string }[]>(app, 'areas.list', {});
    const hexham = areas.find((a) => a.name === 'Hexham')!;
    expect(hexham.region).toBe('North East');
    expect(areas.filter((a) => a.region === 'North East')).toHaveLength(27);
    expect(areas.find((a) => a.name === 'Abbey Ward')?.region).toBe('');
    const area = await ok<Record<string, unknown>>(app, 'areas.get', { id: hexham.id });
    const { id, contestCount, updatedAt: _, ...fields } = area;
    expect(await ok(app, 'areas.update', { id, ...fields, region: 'Tynedale' })).toMatchObject({ region: 'Tynedale', contestCount });
  });

  it('considers the areas of one region only, and records the region on the batch', async () => {
    const r = await ok(app, 'contests.considerAll', { electionId: general, region: 'North East' });
    expect(r).toMatchObject({ created: 27, alreadyContests: 0, batch: { nation: null, region: 'North East', nameContains: '', contests: 27 } });
    expect((await contestsOf(general)).map((c) => c.areaName)).toContain('Hexham');
    expect(await ok(app, 'contests.listBatches', { electionId: general })).toEqual([r.batch]);
    // Every region, as the form's "Every region" sends it.
    expect((await ok(app, 'contests.considerAll', { electionId: general, region: '' })).batch).toMatchObject({ region: null, contests: 623 });
  });

  it('says which region matched nothing, and writes nothing', async () => {
    const before = await snapshot(app);
    const r = await app.dispatch('contests.considerAll', { electionId: general, nation: 'wales', region: 'North East' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!r.ok) expect(r.error.message).toMatch(/^No constituency areas match in Wales in the region “North East”\./);
    expect(await snapshot(app)).toBe(before);
  });
});
