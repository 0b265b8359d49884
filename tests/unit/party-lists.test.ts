import { describe, expect, it } from 'vitest';
import { allocateSeats, evaluateList, listBallotOf, listSizeProblems, seneddListDeposit, seneddPartyListLimit } from '../../shared/domain/party-lists.ts';

const entry = (key: string, votes: number, maxSeats = 8, priorSeats = 0) => ({ key, name: key, votes, maxSeats, priorSeats });

describe('which contests are fought by party lists', () => {
  const c = { postKind: 'standard' as const, areaKind: 'constituency', pollingDay: '2026-05-07' };
  it('Senedd from 2026: 6 seats, lists of 1 to 8 (Senedd Cymru (Members and Elections) Act 2024 s.1; GoWA 2006 s.7(3))', () => {
    expect(listBallotOf({ ...c, electionType: 'senedd' })).toMatchObject({ seats: 6, maxNames: 8, allocation: 'dhondt' });
    expect(listBallotOf({ ...c, electionType: 'senedd', pollingDay: '2021-05-06' })).toBeNull();
  });
  it('a Scottish Parliament region and the London-wide list are additional-member lists; constituencies are not', () => {
    expect(listBallotOf({ ...c, electionType: 'scottish-parliament', areaKind: 'region' })).toMatchObject({ seats: 7, allocation: 'additional-member' });
    expect(listBallotOf({ ...c, electionType: 'scottish-parliament' })).toBeNull();
    expect(listBallotOf({ ...c, electionType: 'gla', postKind: 'gla-list' })).toMatchObject({ seats: 11, thresholdBasisPoints: 500 });
    expect(listBallotOf({ ...c, electionType: 'gla', postKind: 'gla-constituency' })).toBeNull();
    expect(listBallotOf({ ...c, electionType: 'uk-parliament' })).toBeNull();
  });
  it('a list needs one name and at most the ballot’s most', () => {
    expect(listSizeProblems({ maxNames: 8 }, 0)).toEqual(['The list has no names yet: a list needs at least one']);
    expect(listSizeProblems({ maxNames: 8 }, 8)).toEqual([]);
    expect(listSizeProblems({ maxNames: 8 }, 9)).toEqual(['The list has 9 names; a list may hold at most 8']);
    expect(listSizeProblems({ maxNames: null }, 30)).toEqual([]);
  });
});

describe('Senedd list figures not confirmed for 2026 (senedd-2026-notes §3, §5)', () => {
  it('deposit: £500 per list (2021 figure), returned above 5%, marked unconfirmed', () => {
    expect(seneddListDeposit()).toEqual({ amountPence: 50_000, amountSource: 'unconfirmed', returnRule: { kind: 'share-above', basisPoints: 500 } });
  });
  it('party limit as proposed by the Welsh Government, 17 Apr 2025: £52,500 + £3,500 per further name, at most £70,000', () => {
    expect(seneddPartyListLimit(1)).toMatchObject({ limitPence: 5_250_000, confirmed: false, working: 'Party limit for a list of one: £52,500' });
    expect(seneddPartyListLimit(3).working).toBe('£52,500 + 2 × £3,500 for a list of 3 names = £59,500');
    expect(seneddPartyListLimit(6).limitPence).toBe(7_000_000);
    expect(seneddPartyListLimit(8)).toMatchObject({ limitPence: 7_000_000, working: '£52,500 + 5 × £3,500 for a list of 8 names (counted up to 6) = £70,000' });
  });
});

describe("seats by D'Hondt", () => {
  it('divides each list’s votes by 1, 2, 3… and gives each seat to the highest quotient (Senedd: 6 seats)', () => {
    const a = allocateSeats([entry('Big', 41_000), entry('Middle', 30_000), entry('Small', 19_000), entry('Independent', 14_000, 1), entry('Tiny', 4_000)], 6);
    expect(a.seats).toEqual({ Big: 2, Middle: 2, Small: 1, Independent: 1, Tiny: 0 });
    expect(a.order).toEqual(['Big', 'Middle', 'Big', 'Small', 'Middle', 'Independent']);
    expect(a.ties).toEqual([]);
  });
  it('an individual wins at most one seat and a list no more than its names; the seat goes to the next quotient', () => {
    expect(allocateSeats([entry('Ind', 90_000, 1), entry('Short', 80_000, 2), entry('Other', 10_000)], 6).seats).toEqual({ Ind: 1, Short: 2, Other: 3 });
  });
  it('leaves seats unfilled when every list is exhausted', () => {
    expect(allocateSeats([entry('One', 100, 1)], 6)).toMatchObject({ seats: { One: 1 }, order: ['One'] });
  });
  it('reports a tie for the returning officer to decide by lot, giving it provisionally to the first listed', () => {
    const a = allocateSeats([entry('A', 10_000), entry('B', 10_000)], 1);
    expect(a.seats).toEqual({ A: 1, B: 0 });
    expect(a.ties).toEqual(['Seat 1: A and B tie; the returning officer decides by lot (shown here for A)']);
  });
  it('additional-member: constituency seats already won count in the divisor (Scottish regions)', () => {
    // X won 5 constituencies: 50,000 / 6 = 8,333 against Y's 30,000, 15,000, 10,000, 7,500.
    const a = allocateSeats([entry('X', 50_000, 12, 5), entry('Y', 30_000, 12, 0)], 4);
    expect(a.order).toEqual(['Y', 'Y', 'Y', 'X']);
  });
  it('London-wide: a party under 5% of the list votes takes no seat', () => {
    const a = allocateSeats([entry('Big', 951_000), entry('Under', 49_000)], 11, { thresholdBasisPoints: 500 });
    expect(a.belowThreshold).toEqual(['Under']);
    expect(a.seats.Under).toBe(0);
  });
  it('refuses impossible input', () => {
    expect(() => allocateSeats([entry('A', -1)], 6)).toThrow(RangeError);
    expect(() => allocateSeats([entry('A', 1)], 0)).toThrow(RangeError);
  });
});

describe('a list’s papers', () => {
  const base = {
    ballot: listBallotOf({ electionType: 'senedd', postKind: 'standard', areaKind: 'constituency', pollingDay: '2026-05-07' })!,
    deposit: seneddListDeposit(),
    items: {},
    closeOfNominations: '2026-04-09',
    deliveredOn: null,
    today: '2026-04-02',
    depositPaid: null,
  };
  const signed = { name: 'Ann', consentSignedOn: '2026-03-20', consentWitnessedBy: 'Wyn', homeAddressFormOn: '2026-03-20' };
  it('asks each name for a consent and a home address form, and the list for its papers', () => {
    const e = evaluateList({ ...base, members: [{ name: 'Ann', consentSignedOn: null, consentWitnessedBy: '', homeAddressFormOn: null }] });
    expect(e.members[0].problems).toEqual(['Consent to nomination not yet signed', 'Home address form not yet received']);
    expect(e.items.find((i) => i.id === 'deposit')).toMatchObject({ applies: true, state: 'todo' });
    expect(e.complete).toBe(false);
  });
  it('is complete when every name’s papers and the list’s items are done (emblem optional, agent may default to the first name)', () => {
    const done = { state: 'done' as const, doneOn: '2026-04-01', note: '' };
    const e = evaluateList({
      ...base,
      members: [signed],
      items: { 'party-nomination-paper': done, 'certificate-of-authorisation': done, 'election-agent': { state: 'not-needed', doneOn: null, note: '' } },
      depositPaid: { amountPence: 50_000, paidOn: '2026-04-01' },
    });
    expect(e.items.find((i) => i.id === 'deposit')).toMatchObject({ state: 'done', doneOn: '2026-04-01' });
    expect(e.problems).toEqual([]);
    expect(e.complete).toBe(true);
  });
  it('flags a consent signed more than a month before close, and a list that is too long', () => {
    const e = evaluateList({
      ...base,
      members: Array.from({ length: 9 }, (_, i) => ({ ...signed, name: `N${i + 1}`, consentSignedOn: i === 0 ? '2026-02-01' : signed.consentSignedOn })),
    });
    expect(e.problems[0]).toBe('The list has 9 names; a list may hold at most 8');
    expect(e.members[0].problems[0]).toMatch(/more than one month before close of nominations/);
  });
});
