import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ukToday } from '../../shared/domain/working-days.ts';
import { call, snapshot, tempHustings } from '../helpers/db.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let contestId: number;
let otherId: number;
const today = ukToday();
const nextYear = `${Number(today.slice(0, 4)) + 1}-05-06`;

beforeEach(async () => {
  app = await tempHustings();
  const e = await call(app, 'elections.create', { name: 'Council 2027', type: 'local', pollingDay: nextYear, nation: 'england' });
  const a = await call(app, 'areas.create', { name: 'Hyde Park', kind: 'ward', electorate: 19_000, classification: null, nation: 'england' });
  const b = await call(app, 'areas.create', { name: 'Unknown Ward', kind: 'ward', electorate: null, classification: null, nation: 'england' });
  contestId = (await call(app, 'contests.create', { electionId: e.id, areaId: a.id, status: 'considering' })).id;
  otherId = (await call(app, 'contests.create', { electionId: e.id, areaId: b.id, status: 'considering' })).id;
});
afterEach(() => app.cleanup());

describe('the planner', () => {
  it('starts with nothing entered: every assumption at its default and the unknowns said', async () => {
    const p = await call(app, 'planner.get', { contestId });
    expect(p.stored.updatedAt).toBeNull();
    expect(p.plan.assumptions.every((a: { isDefault: boolean }) => a.isDefault)).toBe(true);
    expect(p.plan.figures.households).toEqual({ count: 10_000, source: 'estimated' });
    expect(p.plan.verdict).toBe('stretch');
    expect(p.plan.findings.map((f: { sentence: string }) => f.sentence).join(' ')).toMatch(/Funds available for this campaign have not been entered/);
    expect(p.decisions).toEqual([]);
  });

  it('saves figures and assumptions, recomputes, and audits the change', async () => {
    await call(app, 'planner.save', {
      contestId,
      fundsAvailablePence: 50_000,
      volunteerHoursOffered: 300,
      membersKnown: 12,
      plannedRounds: 3,
      electorsPerHousehold: 1.9,
    });
    const p = await call(app, 'planner.save', {
      contestId,
      fundsAvailablePence: 90_000,
      volunteerHoursOffered: 300,
      membersKnown: 12,
      plannedRounds: 3,
      electorsPerHousehold: 1.9,
    });
    expect(p.stored).toMatchObject({ fundsAvailablePence: 90_000, plannedRounds: 3, electorsPerHousehold: 1.9, costPerThousandPence: null });
    // 10,000 households × 3 rounds × £40 / 1,000 = £1,200; no deposit for a council ward.
    expect(p.plan.figures.cost.leafletsPence).toBe(120_000);
    expect(p.plan.figures.people.neededHours).toBe(300);
    // The treasury's limit for an English ward: £960 + 19,000 × 8p = £2,480.
    expect(p.plan.figures.cost.spendingLimitPence).toBe(248_000);
    expect(p.plan.findings.find((f) => f.topic === 'limit')?.sentence).toBe(
      'Leaflets of £1,200 are within the legal spending limit of £2,480 (the deposit does not count towards it).',
    );
    // The nomination rules of an English ward: two subscribers and no deposit.
    expect(p.plan.figures.cost.depositPence).toBe(0);
    expect(p.plan.findings.find((f) => f.topic === 'papers')?.sentence).toBe(
      'The nomination paper needs 2 subscribers (a proposer and a seconder) against 12 members or sympathisers known in the area: 10 to spare.',
    );
    const audit = await call(app, 'audit.list', { entity: 'contest-plan', entityId: contestId });
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
    expect(audit[0].before).toMatchObject({ fundsAvailablePence: 50_000 });
    expect(audit[0].after).toMatchObject({ fundsAvailablePence: 90_000 });
  });

  it('refuses bad figures field by field and writes nothing', async () => {
    const before = await snapshot(app);
    const r = await app.dispatch('planner.save', { contestId, fundsAvailablePence: -5, plannedRounds: 1.5, electorsPerHousehold: 1.955, deliveriesPerHour: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields).toMatchObject({
      fundsAvailablePence: 'Funds available cannot be negative',
      plannedRounds: 'Leaflet rounds planned must be a whole number',
      electorsPerHousehold: expect.stringMatching(/at most 2 decimal places/),
      deliveriesPerHour: expect.stringMatching(/from 1 to 1000/),
    });
    expect(await app.dispatch('planner.save', { contestId: 999, fundsAvailablePence: 5 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await snapshot(app)).toBe(before);
  });

  it('counts households from the imported register once there is one', async () => {
    const { contest } = await call(app, 'planner.get', { contestId: otherId });
    await importCsv(app, contest.areaId, SMALL_REGISTER);
    const p = await call(app, 'planner.get', { contestId: otherId });
    expect(p.plan.figures.households).toEqual({ count: 7, source: 'register' });
    // 7 households × 2 rounds × £40 per thousand = 56p.
    expect(p.plan.figures.cost.leafletsPence).toBe(56);
  });

  it('says households are unknown where there is no electorate', async () => {
    const p = await call(app, 'planner.get', { contestId: otherId });
    expect(p.plan.figures.households.count).toBeNull();
    expect(p.plan.findings.find((f) => f.topic === 'households')?.sentence).toMatch(/The number of households is not known/);
  });

  it('records a decision; the contest’s status follows it, and the latest one wins', async () => {
    await call(app, 'planner.save', { contestId, fundsAvailablePence: 90_000 });
    const d = await call(app, 'planner.decide', {
      contestId,
      decidedOn: today,
      meeting: 'Branch meeting',
      outcome: 'contesting',
      votesFor: 9,
      votesAgainst: 2,
      votesAbstain: 1,
      minute: 'Agreed to stand in Hyde Park.',
    });
    expect(d).toMatchObject({ outcome: 'contesting', verdict: 'stretch', areaName: 'Hyde Park' });
    let c = await call(app, 'contests.get', { id: contestId });
    expect(c.status).toBe('contesting');
    expect(c.reason).toMatch(/Branch meeting/);

    const earlier = await call(app, 'planner.decide', {
      contestId,
      decidedOn: '2020-01-01',
      meeting: 'Old meeting',
      outcome: 'not-contesting',
      votesFor: 0,
      votesAgainst: 0,
      votesAbstain: 0,
      minute: 'By consensus.',
    });
    c = await call(app, 'contests.get', { id: contestId });
    expect(c.status).toBe('contesting');

    await call(app, 'planner.deleteDecision', { id: d.id });
    c = await call(app, 'contests.get', { id: contestId });
    expect(c.status).toBe('not-contesting');
    await call(app, 'planner.deleteDecision', { id: earlier.id });
    expect((await call(app, 'contests.get', { id: contestId })).status).toBe('considering');

    const audit = await call(app, 'audit.list', {});
    expect(audit.map((a: { entity: string; action: string }) => `${a.entity}:${a.action}`)).toEqual(
      expect.arrayContaining(['contest-decision:create', 'contest-decision:delete', 'contest:update']),
    );
    const visible = await call(app, 'planner.listDecisions', {});
    expect(visible).toEqual([]);
  });

  it('refuses a decision not carried, dated in the future, or on no contest, and writes nothing', async () => {
    const before = await snapshot(app);
    const base = { contestId, decidedOn: today, meeting: 'AGM', outcome: 'contesting', votesFor: 3, votesAgainst: 5, votesAbstain: 0, minute: 'x' };
    const lost = await app.dispatch('planner.decide', base);
    expect(!lost.ok && lost.error.fields?.votesFor).toMatch(/3 for and 5 against the motion was not carried/);
    const future = await app.dispatch('planner.decide', { ...base, votesFor: 6, decidedOn: '2200-01-01' });
    expect(!future.ok && future.error.fields?.decidedOn).toMatch(/or earlier/);
    const none = await app.dispatch('planner.decide', { ...base, votesFor: 6, contestId: 999 });
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const blank = await app.dispatch('planner.decide', { ...base, votesFor: 6, meeting: ' ', minute: '' });
    expect(!blank.ok && blank.error.fields).toMatchObject({ meeting: 'Meeting is required', minute: 'Minute is required' });
    expect(await snapshot(app)).toBe(before);
  });

  it('compares contests side by side with their latest decisions', async () => {
    await call(app, 'planner.save', { contestId, fundsAvailablePence: 10_000, volunteerHoursOffered: 0 });
    await call(app, 'planner.decide', {
      contestId,
      decidedOn: today,
      meeting: 'AGM',
      outcome: 'not-contesting',
      votesFor: 7,
      votesAgainst: 1,
      votesAbstain: 0,
      minute: 'Not this time.',
    });
    const rows = await call(app, 'planner.list', {});
    expect(rows.map((r: { contest: { areaName: string } }) => r.contest.areaName)).toEqual(['Hyde Park', 'Unknown Ward']);
    expect(rows[0].plan.verdict).toBe('not-practical');
    expect(rows[0].latestDecision).toMatchObject({ meeting: 'AGM', outcome: 'not-contesting' });
    expect(rows[1].latestDecision).toBeNull();
    expect(await app.dispatch('planner.list', { electionId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('deletes plans and decisions with their contest', async () => {
    await call(app, 'planner.save', { contestId, fundsAvailablePence: 10_000 });
    await call(app, 'planner.decide', {
      contestId,
      decidedOn: today,
      meeting: 'AGM',
      outcome: 'contesting',
      votesFor: 7,
      votesAgainst: 1,
      votesAbstain: 0,
      minute: 'Stand.',
    });
    await call(app, 'contests.delete', { id: contestId });
    expect(await app.store.get('SELECT COUNT(*) AS n FROM contest_plans')).toEqual({ n: 0 });
    expect(await app.store.get('SELECT COUNT(*) AS n FROM contest_decisions')).toEqual({ n: 0 });
  });
});
