import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok as call, snapshot, tempHustings } from '../helpers/db.ts';
import { nominationSetup } from '../helpers/candidates.ts';
import { seedElectors } from '../helpers/electors.ts';

let app: Awaited<ReturnType<typeof tempHustings>>;
const ok = <T = any>(method: string, input: unknown) => call<T>(app, method, input);

async function refused(method: string, input: unknown) {
  const r = await app.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

const counts = () => snapshot(app);

async function loadRegister(rows: [areaId: number, number: string, name: string][]) {
  await seedElectors(app.store, rows);
}

const setup = (type?: string) => nominationSetup(app, type);

beforeEach(async () => {
  app = await tempHustings();
});
afterEach(() => app.cleanup());

// `hustings nominations check` is tested in candidates-cli.test.ts, outside the fast loop.
describe('candidacies and nomination papers', () => {
  it('starts a candidacy prospective with the UK Parliament checklist', async () => {
    const { k } = await setup();
    expect(k.status).toBe('prospective');
    expect(k.history).toHaveLength(1);
    expect(k.rules.requirements.subscribers.required).toBe(10);
    expect(k.rules.requirements.deposit.amountPence).toBe(50_000);
    expect(k.checklist.items.map((i: any) => i.id)).toHaveLength(7);
    expect(k.checklist.complete).toBe(false);
    expect(k.registerLoaded).toBe(false);
    // Every item is due at close of nominations from the contest's timetable (EC example: 4pm Fri 7 Jun 2024).
    expect(k.closeOfNominations).toBe('2024-06-07');
    expect(k.closeOfNominationsTime).toBe('4pm');
    expect(k.checklist.items.every((i: any) => i.dueOn === '2024-06-07')).toBe(true);
    expect((await refused('candidacies.create', { candidateId: k.candidateId, contestId: k.contestId })).code).toBe('conflict');
  });

  it('subscribers without a register: accepted unchecked; duplicates and bad numbers refused, nothing written', async () => {
    const { k } = await setup();
    const d = await ok('subscribers.add', { candidacyId: k.id, electorNumber: 'ab 12', name: 'Bob Brown' });
    expect(d.subscribers).toEqual([{ id: expect.any(Number), position: 1, role: 'proposer', electorNumber: 'AB-12', fullName: 'Bob Brown', checked: false }]);
    const before = await counts();
    const dup = await refused('subscribers.add', { candidacyId: k.id, electorNumber: 'AB-12', name: 'Bob Brown' });
    expect(dup.fields).toEqual({ electorNumber: 'AB-12 is already a subscriber on this form (number 1, proposer)' });
    const bad = await refused('subscribers.add', { candidacyId: k.id, electorNumber: 'A1B', name: 'X' });
    expect(bad.fields?.electorNumber).toMatch(/is not an elector number/);
    expect(await counts()).toEqual(before);
  });

  it('subscribers against the register: area, existence and name checked', async () => {
    const { k, area, other } = await setup();
    await loadRegister([
      [area.id, 'AB-1', 'SMITH, John'],
      [area.id, 'AB-2', 'Mary Jones'],
      [other.id, 'ZZ-1', 'Far Away'],
    ]);
    const d = await ok('subscribers.add', { candidacyId: k.id, electorNumber: 'AB-1', name: 'John Smith' });
    expect(d.registerLoaded).toBe(true);
    expect(d.subscribers[0].checked).toBe(true);
    expect((await refused('subscribers.add', { candidacyId: k.id, electorNumber: 'AB-3', name: 'No One' })).message).toBe('AB-3 is not on the register');
    expect((await refused('subscribers.add', { candidacyId: k.id, electorNumber: 'ZZ-1', name: 'Far Away' })).message).toMatch(/not in this contest's area/);
    expect((await refused('subscribers.add', { candidacyId: k.id, electorNumber: 'AB-2', name: 'Mark Jones' })).fields?.name).toMatch(/Mary Jones/);
    const d2 = await ok('subscribers.add', { candidacyId: k.id, electorNumber: 'AB-2', name: 'mary jones' });
    expect(d2.subscribers.map((s: any) => s.role)).toEqual(['proposer', 'seconder']);
    const moved = await ok('subscribers.move', { id: d2.subscribers[1].id, position: 1 });
    expect(moved.subscribers.map((s: any) => s.electorNumber)).toEqual(['AB-2', 'AB-1']);
    const removed = await ok('subscribers.remove', { id: moved.subscribers[0].id });
    expect(removed.subscribers).toMatchObject([{ electorNumber: 'AB-1', position: 1, role: 'proposer' }]);
  });

  it('checklist, consent window and status path; bad input writes nothing', async () => {
    const { k } = await setup();
    for (let i = 1; i <= 10; i++) await ok('subscribers.add', { candidacyId: k.id, electorNumber: `AB-${i}`, name: `Person ${i}` });
    expect((await refused('subscribers.add', { candidacyId: k.id, electorNumber: 'AB-11', name: 'Eleven' })).message).toMatch(/already has all 10/);
    expect((await refused('candidacies.setItem', { id: k.id, item: 'consent', state: 'done' })).message).toMatch(/Record the date the consent was signed/);
    expect((await refused('candidacies.setItem', { id: k.id, item: 'deposit', state: 'not-needed' })).message).toMatch(/always needed/);
    const early = await ok('candidacies.setPapers', { id: k.id, consentSignedOn: '2024-05-06', consentWitnessedBy: 'Wendy Witness', agentName: '' });
    expect(early.checklist.problems).toContain(
      'Consent to nomination: Signed on Mon 6 May 2024, more than one month before close of nominations (Fri 7 Jun 2024): the consent must be signed again on or after Tue 7 May 2024',
    );
    await ok('candidacies.setPapers', { id: k.id, consentSignedOn: '2024-06-01', consentWitnessedBy: 'Wendy Witness', agentName: '' });
    for (const item of ['nomination-form', 'home-address-form', 'consent', 'certificate-of-authorisation']) {
      await ok('candidacies.setItem', { id: k.id, item, state: 'done', doneOn: '2024-06-03' });
    }
    // The deposit is ticked by the treasury's record of it; a short payment is refused there.
    const deposit = { contestId: k.contestId, paidOn: '2024-06-03', method: 'bankers-draft' };
    const savedBefore = await counts();
    expect((await refused('treasury.saveDeposit', { ...deposit, amount: '450' })).fields?.amount).toMatch(
      /^£450\.00 is £50\.00 short of the £500 deposit for this election/,
    );
    expect(await counts()).toEqual(savedBefore);
    expect((await ok('candidacies.get', { id: k.id })).checklist.items.find((i: any) => i.id === 'deposit').state).toBe('todo');
    await ok('treasury.saveDeposit', { ...deposit, amount: '500' });
    let d = await ok('candidacies.setItem', { id: k.id, item: 'election-agent', state: 'not-needed', note: 'own agent' });
    expect(d.checklist.items.find((i: any) => i.id === 'deposit')).toMatchObject({ state: 'done', doneOn: '2024-06-03', problems: [] });
    expect(d.checklist.problems).toEqual(['Nomination form: 10 subscribers not checked against the register']);
    expect(d.checklist.complete).toBe(false);

    await ok('candidacies.setStatus', { id: k.id, status: 'papers-in-progress', onDate: '2024-06-02' });
    const before = await counts();
    expect((await refused('candidacies.setStatus', { id: k.id, status: 'delivered', onDate: '2024-05-31' })).fields?.onDate).toMatch(
      /after this delivery date|before the last change/,
    );
    expect((await refused('candidacies.setStatus', { id: k.id, status: 'validly-nominated', onDate: '2024-06-05' })).message).toMatch(
      /cannot become validly nominated/,
    );
    expect((await refused('candidacies.setStatus', { id: k.id, status: 'delivered', onDate: '2024-06-31' })).fields?.onDate).toMatch(/does not exist/);
    expect(await counts()).toEqual(before);
    d = await ok('candidacies.setStatus', { id: k.id, status: 'delivered', onDate: '2024-06-04' });
    expect(d.deliveredOn).toBe('2024-06-04');
    const consentAfter = await refused('candidacies.setPapers', { id: k.id, consentSignedOn: '2024-06-05', consentWitnessedBy: 'W', agentName: '' });
    expect(consentAfter.fields?.consentSignedOn).toMatch(/after the papers were delivered on Tue 4 Jun 2024/);
    expect((await refused('candidacies.setStatus', { id: k.id, status: 'rejected', onDate: '2024-06-07' })).message).toMatch(/reason/);
    const late = await refused('candidacies.setStatus', { id: k.id, status: 'withdrawn', onDate: '2024-06-08' });
    expect(late.fields?.onDate).toBe(
      'A candidate can withdraw only until close of nominations (Fri 7 Jun 2024); after that the name stays on the ballot paper',
    );
    d = await ok('candidacies.setStatus', { id: k.id, status: 'rejected', onDate: '2024-06-07', reason: 'Subscriber 4 not registered' });
    expect(d.history.map((h: any) => h.status)).toEqual(['prospective', 'papers-in-progress', 'delivered', 'rejected']);
    expect(d.allowedNext).toEqual(['papers-in-progress']);

    const check = await ok('nominations.check', { contestId: k.contestId });
    expect(check.candidacies[0]).toMatchObject({ candidate: 'Alice Green', status: 'rejected', complete: false });
    const audits = (await app.store.get("SELECT COUNT(*) AS n FROM audit_log WHERE entity IN ('candidacy', 'nomination_subscriber')")) as { n: number };
    expect(audits.n).toBeGreaterThan(15);
  });

  it('papers trust nothing impossible: no consent from the future, no delivery of empty papers, no deposit ticked by hand', async () => {
    const { k } = await setup();
    await ok('candidacies.setStatus', { id: k.id, status: 'papers-in-progress', onDate: '2024-06-01' });
    const before = await counts();
    const future = await refused('candidacies.setPapers', { id: k.id, consentSignedOn: '2099-01-01', consentWitnessedBy: 'W', agentName: '' });
    expect(future.fields).toEqual({
      consentSignedOn: 'The consent is dated Thu 1 Jan 2099, which is in the future: enter the date written on the signed form',
    });
    const empty = await refused('candidacies.setStatus', { id: k.id, status: 'delivered', onDate: '2024-06-04' });
    expect(empty.fields?.status).toBe(
      'The papers cannot be marked delivered yet: the nomination form has 0 of the 10 subscribers it needs; not yet done: nomination form, home address form, consent to nomination',
    );
    const ticked = await refused('candidacies.setItem', { id: k.id, item: 'deposit', state: 'done', doneOn: '2024-06-03' });
    expect(ticked.fields?.state).toMatch(/^Record the deposit on the contest’s money page/);
    expect(await counts()).toEqual(before);

    // Saving the consent's signed date ticks the consent; clearing it unticks it.
    const signed = await ok('candidacies.setPapers', { id: k.id, consentSignedOn: '2024-06-01', consentWitnessedBy: 'Wendy Witness', agentName: '' });
    expect(signed.checklist.items.find((i: any) => i.id === 'consent')).toMatchObject({ state: 'done', doneOn: '2024-06-01' });
    const cleared = await ok('candidacies.setPapers', { id: k.id, consentSignedOn: null, consentWitnessedBy: 'Wendy Witness', agentName: '' });
    expect(cleared.checklist.items.find((i: any) => i.id === 'consent')).toMatchObject({ state: 'todo', doneOn: null });
  });

  it('GLA post kinds and rule overrides', async () => {
    const election = await ok('elections.create', { name: 'London 2024', type: 'gla', pollingDay: '2024-05-02', nation: 'england' });
    const area = await ok('areas.create', {
      name: 'Londonwide',
      kind: 'region',
      gssCode: '',
      electorate: 6_000_000,
      classification: null,
      nation: 'england',
      notes: '',
    });
    const contest = await ok('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting', reason: '' });
    expect((await ok('nominations.rules', { contestId: contest.id })).postKind).toBe('gla-constituency');
    const list = await ok('nominations.setRules', { contestId: contest.id, postKind: 'gla-list', seats: 11, subscribersRequired: null, depositPence: null });
    expect(list.requirements.deposit).toMatchObject({ amountPence: 500_000, returnRuleText: 'returned if more than 2.5% of the valid votes' });
    expect(
      (await refused('nominations.setRules', { contestId: contest.id, postKind: 'standard', seats: 1, subscribersRequired: null, depositPence: null })).fields
        ?.postKind,
    ).toBeTruthy();
    expect(
      (await refused('nominations.setRules', { contestId: contest.id, postKind: 'gla-list', seats: 1, subscribersRequired: -2, depositPence: null })).fields
        ?.subscribersRequired,
    ).toMatch(/negative/);
    const o = await ok('nominations.setRules', { contestId: contest.id, postKind: 'gla-mayor', seats: 1, subscribersRequired: 300, depositPence: null });
    expect(o.requirements.subscribers).toMatchObject({ required: 300, source: 'override' });
  });

  it('combined authority mayor (SI 2017/67): the constituent councils raise the subscribers and multiply the limit’s fixed sum', async () => {
    const election = await ok('elections.create', { name: 'Mayor 2028', type: 'combined-authority-mayor', pollingDay: '2028-05-04', nation: 'england' });
    const area = await ok('areas.create', {
      name: 'The combined area',
      kind: 'region',
      gssCode: '',
      electorate: 1_000_000,
      classification: null,
      nation: 'england',
      notes: '',
    });
    const contest = await ok('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting', reason: '' });
    expect((await ok('treasury.getLimit', { contestId: contest.id })).problem).toMatch(/number of constituent councils/);
    const rules = await ok('nominations.setRules', {
      contestId: contest.id,
      postKind: 'standard',
      seats: 1,
      subscribersRequired: null,
      depositPence: null,
      councils: 12,
    });
    expect(rules).toMatchObject({ councils: 12, requirements: { subscribers: { required: 120, spread: 'at least 10 from each constituent council' } } });
    // Left out, the councils already saved are kept.
    expect(
      (await ok('nominations.setRules', { contestId: contest.id, postKind: 'standard', seats: 1, subscribersRequired: null, depositPence: 600_000 })).councils,
    ).toBe(12);
    expect(await ok('treasury.getLimit', { contestId: contest.id })).toMatchObject({
      limitPence: 12 * 304_000 + 8_000_000,
      usesCouncils: true,
      councils: 12,
      confirmed: false,
    });
    const other = await ok('contests.create', {
      electionId: (await ok('elections.create', { name: 'Ward', type: 'local', pollingDay: '2028-05-04', nation: 'england' })).id,
      areaId: area.id,
      status: 'contesting',
      reason: '',
    });
    expect(
      (
        await refused('nominations.setRules', {
          contestId: other.id,
          postKind: 'standard',
          seats: 1,
          subscribersRequired: null,
          depositPence: null,
          councils: 3,
        })
      ).fields?.councils,
    ).toBeTruthy();
  });
});

describe('results', () => {
  it('records votes for every candidate, turnout and our deposit; sets declared_on', async () => {
    const { k, contest } = await setup();
    const input = {
      contestId: contest.id,
      declaredOn: '2024-07-05',
      electorate: 70_000,
      rejectedBallots: 100,
      rows: [
        { name: 'Big Party', party: 'Big', votes: 20_000, elected: true },
        { name: 'Other Party', party: 'Other', votes: 18_000 },
        { candidacyId: k.id, name: 'Alice Green', party: 'Small Party', votes: 2_000 },
      ],
    };
    const r = await ok('results.record', input);
    expect(r.totalVotes).toBe(40_000);
    expect(r.turnout).toBeCloseTo(40_100 / 70_000);
    const ours = r.rows.find((x: any) => x.candidacyId === k.id);
    expect(ours.share).toBeCloseTo(0.05);
    expect(ours.deposit).toEqual({ outcome: 'forfeited', amountPence: 50_000, reason: 'forfeited: not more than 5% of the valid votes' });
    expect((await ok('contests.get', { id: contest.id })).declaredOn).toBe('2024-07-05');
    expect((await ok('candidacies.get', { id: k.id })).deposit.outcome).toBe('forfeited');

    const before = await counts();
    const tooMany = await refused('results.record', { ...input, electorate: 30_000 });
    expect(tooMany.message).toMatch(/more than the electorate of 30000/);
    const early = await refused('results.record', { ...input, declaredOn: '2024-07-03' });
    expect(early.fields?.declaredOn).toMatch(/before polling day/);
    const negative = await refused('results.record', { ...input, rows: [{ name: 'X', votes: -5 }] });
    expect(negative.fields?.['rows.0.votes']).toMatch(/negative/);
    const future = await refused('results.record', { ...input, declaredOn: '2099-07-05' });
    expect(future.fields?.declaredOn).toBe('Sun 5 Jul 2099 is in the future: enter the date the returning officer declared the result');
    const loserElected = await refused('results.record', { ...input, rows: input.rows.map((x) => ({ ...x, elected: x.name === 'Alice Green' })) });
    expect(loserElected.fields?.['rows.2.elected']).toBe(
      'Alice Green is marked elected with 2000 votes, fewer than Big Party (20000), who is not: the candidates with the most votes are elected',
    );
    const twoElected = await refused('results.record', { ...input, rows: input.rows.map((x) => ({ ...x, elected: x.name !== 'Alice Green' })) });
    expect(twoElected.fields?.rows).toBe('2 candidates are marked elected, but the contest fills 1 seat');
    expect(await counts()).toEqual(before);

    const up = await ok('results.record', { ...input, rows: input.rows.map((x) => (x.name === 'Alice Green' ? { ...x, votes: 2_200 } : x)) });
    expect(up.rows.find((x: any) => x.candidacyId === k.id).deposit.outcome).toBe('returned');
    expect((await ok('results.delete', { contestId: contest.id })).deleted).toBe(true);
    expect((await ok('contests.get', { id: contest.id })).declaredOn).toBeNull();
  });
});
