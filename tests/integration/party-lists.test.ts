import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok as call, snapshot, tempHustings } from '../helpers/db.ts';

let app: Awaited<ReturnType<typeof tempHustings>>;
const ok = <T = any>(method: string, input: unknown) => call<T>(app, method, input);

async function refused(method: string, input: unknown) {
  const r = await app.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

const area = (name: string, kind: string, nation: string, electorate: number | null = null) =>
  ok('areas.create', { name, kind, gssCode: '', electorate, classification: null, nation, notes: '' });

/** A Senedd 2026 constituency contest (6 seats, closed lists of up to 8) and `names` candidates. */
async function senedd(names = 3) {
  const election = await ok('elections.create', { name: 'Senedd 2026', type: 'senedd', pollingDay: '2026-05-07', nation: 'wales' });
  const place = await area('Clwyd', 'constituency', 'wales', 140_000);
  const contest = await ok('contests.create', { electionId: election.id, areaId: place.id, status: 'contesting' });
  const people = [];
  for (let i = 1; i <= names; i++) people.push(await ok('candidates.create', { ballotName: `Candidate ${i}`, homeAddress: `${i} Stryd Fawr, Rhyl` }));
  return { election, area: place, contest, people };
}

async function standList(names = 3) {
  const s = await senedd(names);
  let list = await ok('partyLists.create', { contestId: s.contest.id, partyName: 'Small Party' });
  for (const p of s.people) list = await ok('partyLists.addMember', { listId: list.id, candidateId: p.id });
  return { ...s, list };
}

const namesOf = (list: any) => list.members.map((m: any) => `${m.position}. ${m.name}`);

beforeEach(async () => {
  app = await tempHustings();
});
afterEach(() => app.cleanup());

describe('party lists', () => {
  it('stands a list in a Senedd 2026 constituency: names in ballot order, six seats, the list’s own papers and one deposit', async () => {
    const { list, people, contest } = await standList(3);
    expect(namesOf(list)).toEqual(['1. Candidate 1', '2. Candidate 2', '3. Candidate 3']);
    expect(list.ballot).toMatchObject({ seats: 6, maxNames: 8, allocation: 'dhondt' });
    expect(list.items.map((i: any) => i.id)).toEqual(['party-nomination-paper', 'certificate-of-authorisation', 'emblem-request', 'deposit', 'election-agent']);
    // Senedd 2026: one deposit per list; the amount is the unconfirmed 2021 figure until a source confirms it.
    expect(list.deposit).toMatchObject({ amountPence: 50_000, source: 'unconfirmed', returnRuleText: 'returned if more than 5% of the valid votes' });
    expect(list.closeOfNominations).toBe('2026-04-09');
    expect(list.members[0].problems).toEqual([
      'Consent to nomination not yet signed',
      'Home address form not yet received',
      'Overdue: nominations closed on 2026-04-09',
    ]);
    expect(list.complete).toBe(false);
    // One list per contest.
    expect((await refused('partyLists.create', { contestId: contest.id, partyName: 'Small Party' })).code).toBe('conflict');
    // A name at a given place pushes those below down.
    const fourth = await ok('candidates.create', { ballotName: 'Candidate 4' });
    const d = await ok('partyLists.addMember', { listId: list.id, candidateId: fourth.id, position: 1 });
    expect(namesOf(d)).toEqual(['1. Candidate 4', '2. Candidate 1', '3. Candidate 2', '4. Candidate 3']);
    expect((await refused('partyLists.addMember', { listId: list.id, candidateId: people[0].id })).code).toBe('conflict');
    expect(await ok('partyLists.list', { contestId: contest.id })).toEqual([
      { id: list.id, contestId: contest.id, partyName: 'Small Party', areaName: 'Clwyd', electionName: 'Senedd 2026', status: 'prospective', names: 4 },
    ]);
  });

  it('refuses a 9th name on a Senedd list, writing nothing', async () => {
    const { list } = await standList(8);
    expect(list.members).toHaveLength(8);
    const ninth = await ok('candidates.create', { ballotName: 'Candidate 9' });
    const before = await snapshot(app);
    const e = await refused('partyLists.addMember', { listId: list.id, candidateId: ninth.id });
    expect(e.code).toBe('invalid_input');
    expect(e.fields).toEqual({ candidateId: 'The list already has 8 names, the most a list may hold here: take one off before adding Candidate 9' });
    expect(await snapshot(app)).toBe(before);
  });

  it('reorders the list, and refuses a duplicate place, a missing name or a name from another list, writing nothing', async () => {
    const { list } = await standList(3);
    const [a, b, c] = list.members;
    const d = await ok('partyLists.reorder', {
      listId: list.id,
      order: [
        { memberId: a.id, position: 3 },
        { memberId: b.id, position: 1 },
        { memberId: c.id, position: 2 },
      ],
    });
    expect(namesOf(d)).toEqual(['1. Candidate 2', '2. Candidate 3', '3. Candidate 1']);

    const before = await snapshot(app);
    const dup = await refused('partyLists.reorder', {
      listId: list.id,
      order: [
        { memberId: a.id, position: 1 },
        { memberId: b.id, position: 1 },
        { memberId: c.id, position: 2 },
      ],
    });
    expect(dup.code).toBe('invalid_input');
    expect(dup.fields).toEqual({ 'order.1.position': 'Place 1 is given to both Candidate 1 and Candidate 2' });
    const missing = await refused('partyLists.reorder', {
      listId: list.id,
      order: [
        { memberId: a.id, position: 1 },
        { memberId: b.id, position: 2 },
      ],
    });
    expect(missing.fields).toEqual({ order: 'Give a place to every name on the list: Candidate 3 has none' });
    const beyond = await refused('partyLists.reorder', {
      listId: list.id,
      order: [
        { memberId: a.id, position: 4 },
        { memberId: b.id, position: 2 },
        { memberId: c.id, position: 1 },
      ],
    });
    expect(beyond.fields).toEqual({ 'order.0.position': 'Places run from 1 to 3' });
    const stranger = await refused('partyLists.reorder', {
      listId: list.id,
      order: [
        { memberId: 999, position: 1 },
        { memberId: b.id, position: 2 },
        { memberId: c.id, position: 3 },
      ],
    });
    expect(stranger.fields).toMatchObject({ 'order.0.memberId': 'Name 999 is not on this list' });
    const zero = await refused('partyLists.reorder', { listId: list.id, order: [{ memberId: a.id, position: 0 }] });
    expect(zero.fields).toEqual({ 'order.0.position': 'Places start at 1' });
    expect(await snapshot(app)).toBe(before);
  });

  it('removes a name and those below move up; deleting a candidate leaves no gap', async () => {
    const { list, people } = await standList(4);
    const d = await ok('partyLists.removeMember', { id: list.members[1].id });
    expect(namesOf(d)).toEqual(['1. Candidate 1', '2. Candidate 3', '3. Candidate 4']);
    await ok('candidates.delete', { id: people[0].id });
    expect(namesOf(await ok('partyLists.get', { id: list.id }))).toEqual(['1. Candidate 3', '2. Candidate 4']);
    expect((await refused('partyLists.removeMember', { id: list.members[1].id })).code).toBe('not_found');
  });

  it('refuses a list in a contest that elects candidates singly, and accepts the London-wide list and a Scottish region', async () => {
    const ge = await ok('elections.create', { name: 'General election', type: 'uk-parliament', pollingDay: '2029-05-03', nation: 'wales' });
    const seat = await area('Wrexham', 'constituency', 'wales');
    const contest = await ok('contests.create', { electionId: ge.id, areaId: seat.id, status: 'contesting' });
    const before = await snapshot(app);
    const e = await refused('partyLists.create', { contestId: contest.id, partyName: 'Small Party' });
    expect(e.fields).toEqual({
      contestId:
        'Wrexham (UK Parliament general election) elects candidates singly, so it cannot hold a party list: lists stand in the Senedd from 2026, Scottish Parliament regions and the London-wide list',
    });
    // The Senedd before 2026 had constituency members elected singly.
    const old = await ok('elections.create', { name: 'Senedd 2021', type: 'senedd', pollingDay: '2021-05-06', nation: 'wales' });
    const oldContest = await ok('contests.create', { electionId: old.id, areaId: seat.id, status: 'contesting' });
    expect((await refused('partyLists.create', { contestId: oldContest.id, partyName: 'Small Party' })).code).toBe('invalid_input');
    // A GLA contest holds a list only for the London-wide post.
    const gla = await ok('elections.create', { name: 'London 2028', type: 'gla', pollingDay: '2028-05-04', nation: 'england' });
    const london = await area('London-wide', 'region', 'england');
    const glaContest = await ok('contests.create', { electionId: gla.id, areaId: london.id, status: 'contesting' });
    expect((await refused('partyLists.create', { contestId: glaContest.id, partyName: 'Small Party' })).code).toBe('invalid_input');
    expect(await snapshot(app)).not.toBe(before); // elections were added; the refusals wrote nothing of their own
    await ok('nominations.setRules', { contestId: glaContest.id, postKind: 'gla-list', seats: 1, subscribersRequired: null, depositPence: null });
    const ldn = await ok('partyLists.create', { contestId: glaContest.id, partyName: 'Small Party' });
    expect(ldn.ballot).toMatchObject({ seats: 11, maxNames: null, allocation: 'additional-member' });
    expect(ldn.deposit).toMatchObject({ amountPence: 500_000, returnRuleText: 'returned if more than 2.5% of the valid votes' });
    const sp = await ok('elections.create', { name: 'Holyrood 2026', type: 'scottish-parliament', pollingDay: '2026-05-07', nation: 'scotland' });
    const region = await area('Lothian', 'region', 'scotland');
    const spContest = await ok('contests.create', { electionId: sp.id, areaId: region.id, status: 'contesting' });
    expect((await ok('partyLists.create', { contestId: spContest.id, partyName: 'Small Party' })).ballot).toMatchObject({
      seats: 7,
      allocation: 'additional-member',
    });
  });

  it('keeps a person to one list in an election, and off the lists while standing as an individual', async () => {
    const { list, election, people } = await standList(1);
    const place = await area('Fflint Wrecsam', 'constituency', 'wales');
    const other = await ok('contests.create', { electionId: election.id, areaId: place.id, status: 'contesting' });
    const second = await ok('partyLists.create', { contestId: other.id, partyName: 'Small Party' });
    const e = await refused('partyLists.addMember', { listId: second.id, candidateId: people[0].id });
    expect(e.fields).toEqual({ candidateId: 'Candidate 1 is already on the list in Clwyd: a person may be on only one list in an election' });
    const ind = await ok('candidates.create', { ballotName: 'Ivor Independent', partyCandidate: false });
    await ok('candidacies.create', { candidateId: ind.id, contestId: other.id });
    const both = await refused('partyLists.addMember', { listId: list.id, candidateId: ind.id });
    expect(both.fields).toEqual({
      candidateId: 'Ivor Independent stands as an individual candidate in Fflint Wrecsam: nobody may be both on a list and an individual candidate',
    });
  });

  it('papers: each name’s consent and home address form, the list’s items, then delivered and validly nominated', async () => {
    const { list, contest } = await standList(2);
    expect((await refused('partyLists.setStatus', { id: list.id, status: 'delivered', onDate: '2026-04-01' })).fields).toMatchObject({
      status: expect.stringMatching(/cannot become delivered/),
    });
    for (const m of list.members) {
      await ok('partyLists.setMemberPapers', { id: m.id, consentSignedOn: '2026-03-20', consentWitnessedBy: 'Wendy Witness', homeAddressFormOn: '2026-03-20' });
    }
    const early = await refused('partyLists.setMemberPapers', {
      id: list.members[0].id,
      consentSignedOn: 'not a date',
      consentWitnessedBy: '',
      homeAddressFormOn: null,
    });
    expect(early.fields).toMatchObject({ consentSignedOn: 'Write the date as YYYY-MM-DD' });
    for (const item of ['party-nomination-paper', 'certificate-of-authorisation'])
      await ok('partyLists.setItem', { id: list.id, item, state: 'done', doneOn: '2026-04-01' });
    // The deposit item follows the treasury's record of the list's one deposit, not a tick.
    const unpaid = await ok('partyLists.setItem', { id: list.id, item: 'deposit', state: 'done', doneOn: '2026-04-01' });
    expect(unpaid.problems).toContain('Deposit: Marked done, but the treasury has no record of the payment: record it on the contest’s money page');
    await ok('treasury.saveDeposit', { contestId: contest.id, amount: '500', paidOn: '2026-04-01', method: 'bankers-draft' });
    await ok('partyLists.setItem', { id: list.id, item: 'emblem-request', state: 'not-needed' });
    const notSkippable = await refused('partyLists.setItem', { id: list.id, item: 'deposit', state: 'not-needed' });
    expect(notSkippable.fields?.state).toMatch(/always needed/);
    const d = await ok('partyLists.setItem', { id: list.id, item: 'election-agent', state: 'not-needed', note: 'First on the list acts as agent' });
    // Nominations closed on 9 April 2026, so only the overdue warnings of today's date remain: none, all done.
    expect(d.problems).toEqual([]);
    expect(d.complete).toBe(true);
    await ok('partyLists.setStatus', { id: list.id, status: 'papers-in-progress', onDate: '2026-03-20' });
    await ok('partyLists.setStatus', { id: list.id, status: 'delivered', onDate: '2026-04-02' });
    const late = await refused('partyLists.setMemberPapers', {
      id: list.members[0].id,
      consentSignedOn: '2026-04-03',
      consentWitnessedBy: 'W',
      homeAddressFormOn: '2026-03-20',
    });
    expect(late.fields).toEqual({ consentSignedOn: 'The consent is dated Fri 3 Apr 2026, after the papers were delivered on Thu 2 Apr 2026: check the date' });
    const valid = await ok('partyLists.setStatus', { id: list.id, status: 'validly-nominated', onDate: '2026-04-10' });
    expect(valid.history.map((h: any) => h.status)).toEqual(['prospective', 'papers-in-progress', 'delivered', 'validly-nominated']);
    expect((await refused('partyLists.setStatus', { id: list.id, status: 'withdrawn', onDate: '2026-04-20' })).fields).toEqual({
      onDate: 'A list can be withdrawn only until close of nominations (Thu 9 Apr 2026); after that the name stays on the ballot paper',
    });
  });

  it('one deposit per list in the treasury, a party limit from the names on the list, and results by list with seats won', async () => {
    const { list, contest } = await standList(3);
    const ledger = await ok('treasury.getLedger', { contestId: contest.id });
    expect(ledger.deposit).toMatchObject({ expectedPence: 50_000, outcome: 'awaiting-result' });
    expect(ledger.deposit.expectedRule).toBe('£500.00 for the party list (unconfirmed default), returned if more than 5% of the valid votes');
    // Senedd party limit as proposed: £52,500 for one name + £3,500 for each further name (to 6).
    expect(ledger.limit).toMatchObject({
      basis: 'rule',
      limitPence: 5_950_000,
      confirmed: false,
      working: '£52,500 + 2 × £3,500 for a list of 3 names = £59,500',
    });
    await ok('treasury.saveDeposit', { contestId: contest.id, amount: '£500', paidOn: '2026-04-01', method: 'bankers-draft' });

    const rows = [
      { name: 'Big Party', party: 'Big Party', votes: 41_000 },
      { name: 'Middle Party', party: 'Middle Party', votes: 30_000 },
      { name: 'Small Party', party: 'Small Party', votes: 19_000, partyListId: list.id },
      { name: 'Ivor Independent', party: '', votes: 14_000 },
      { name: 'Tiny Party', party: 'Tiny Party', votes: 4_000 },
    ];
    const result = await ok('results.record', { contestId: contest.id, declaredOn: '2026-05-08', electorate: 140_000, rows });
    expect(result.listSeats).toBe(6);
    // D'Hondt: 41,000 / 30,000 / 20,500 / 19,000 / 15,000 / 14,000 — Big 2, Middle 2, ours 1, the independent 1.
    expect(result.rows.map((r: any) => [r.name, r.seatsWon, r.elected])).toEqual([
      ['Big Party', 2, true],
      ['Middle Party', 2, true],
      ['Small Party', 1, true],
      ['Ivor Independent', 1, true],
      ['Tiny Party', 0, false],
    ]);
    const after = await ok('partyLists.get', { id: list.id });
    expect(after.seatsWon).toBe(1);
    expect(after.members.map((m: any) => m.elected)).toEqual([true, false, false]);
    expect(after.deposit).toMatchObject({ outcome: 'returned', reason: 'returned: more than 5% of the valid votes' });
    const money = await ok('treasury.getLedger', { contestId: contest.id });
    expect(money.deposit).toMatchObject({ outcome: 'returned', outcomeReason: 'Small Party: returned: more than 5% of the valid votes' });
    expect(money.postPoll).toMatchObject({ declaredOn: '2026-05-08', returnDue: '2026-06-12' });
    const ret = await ok('treasury.getReturn', { contestId: contest.id });
    expect(ret.deposit.outcome).toBe('returned');

    // A list wins no more seats than it has names: with 3 names and most of the votes, the rest go on.
    const landslide = await ok('results.record', {
      contestId: contest.id,
      declaredOn: '2026-05-08',
      electorate: 200_000,
      rows: [{ ...rows[2], votes: 90_000 }, rows[0], rows[3]],
    });
    expect(landslide.rows.map((r: any) => r.seatsWon)).toEqual([3, 2, 1]);
    expect((await ok('partyLists.get', { id: list.id })).members.every((m: any) => m.elected)).toBe(true);
  });

  it('refuses a list row in a single-member contest, another contest’s list, or the list twice, writing nothing', async () => {
    const { list, contest, election } = await standList(1);
    const place = await area('Gwynedd Maldwyn', 'constituency', 'wales');
    const other = await ok('contests.create', { electionId: election.id, areaId: place.id, status: 'contesting' });
    const ge = await ok('elections.create', { name: 'General election', type: 'uk-parliament', pollingDay: '2024-07-04', nation: 'wales' });
    const single = await ok('contests.create', { electionId: ge.id, areaId: place.id, status: 'contesting' });
    const before = await snapshot(app);
    const row = { name: 'Small Party', party: 'Small Party', votes: 100, partyListId: list.id };
    const base = { declaredOn: '2024-07-05', electorate: 1000 };
    expect((await refused('results.record', { ...base, contestId: single.id, rows: [row] })).fields).toEqual({
      'rows.0.partyListId': 'This contest elects candidates singly: a result row cannot be a party list',
    });
    expect((await refused('results.record', { ...base, declaredOn: '2026-05-08', contestId: other.id, rows: [row] })).fields).toEqual({
      'rows.0.partyListId': `Party list ${list.id} is not standing in this contest`,
    });
    expect(
      (await refused('results.record', { ...base, declaredOn: '2026-05-08', contestId: contest.id, rows: [row, { ...row, name: 'Again' }] })).fields,
    ).toEqual({
      'rows.1.partyListId': 'Again is entered twice',
    });
    expect(await snapshot(app)).toBe(before);
  });
});
