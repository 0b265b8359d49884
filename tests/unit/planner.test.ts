import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ASSUMPTIONS,
  EMPTY_INPUTS,
  type PlanFacts,
  type PlanInputs,
  assumptionProblems,
  ceilDiv,
  computePlan,
  deliveryHours,
  leafletCostPence,
  planHouseholds,
  resolveAssumptions,
  shortfallLevel,
  verdictSummary,
} from '../../shared/domain/planner.ts';

/** A UK Parliament seat nine weeks out, with every fact known. */
const FACTS: PlanFacts = {
  today: '2024-04-01',
  pollingDay: '2024-07-04',
  electorate: 17_575,
  registerHouseholds: 9_250,
  depositPence: 50_000,
  spendingLimitPence: 1_139_000 + 17_575 * 8,
  subscribersRequired: 10,
  subscriberRoles: 'a proposer, a seconder and 8 assentors',
  closeOfNominations: { date: '2024-06-07', text: '4pm Friday 7 June 2024' },
  workingDaysToClose: 48,
};

const ENOUGH: PlanInputs = { fundsAvailablePence: 200_000, volunteerHoursOffered: 400, membersKnown: 25, householdsEntered: null };

function topic(plan: ReturnType<typeof computePlan>, t: string) {
  const f = plan.findings.find((x) => x.topic === t);
  if (!f) throw new Error(`no ${t} finding`);
  return f;
}

describe('planner arithmetic', () => {
  it('costs leaflets as households × rounds × rate per thousand, rounded up to the penny', () => {
    expect(leafletCostPence(18_500, 4_000)).toBe(74_000);
    expect(leafletCostPence(1, 4_000)).toBe(4); // exactly 4p
    expect(leafletCostPence(1, 4_001)).toBe(5); // 4.001p is billed as 5p, never understated
    expect(leafletCostPence(333, 3_333)).toBe(1_110); // 1,109.889p
    expect(leafletCostPence(0, 4_000)).toBe(0);
  });

  it('stays exact for large whole numbers', () => {
    expect(ceilDiv(9_007_199_254_740, 1_000)).toBe(9_007_199_255);
    expect(ceilDiv(9_007_199_254_000, 1_000)).toBe(9_007_199_254);
    expect(() => ceilDiv(1.5, 1)).toThrow(RangeError);
    expect(() => ceilDiv(1, 0)).toThrow(RangeError);
  });

  it('rounds delivery hours up to the whole hour', () => {
    expect(deliveryHours(18_500, 100)).toBe(185);
    expect(deliveryHours(18_501, 100)).toBe(186);
  });

  it('takes households from a count entered, then the register, then an estimate from the electorate', () => {
    expect(planHouseholds({ householdsEntered: 1_000 }, { registerHouseholds: 900, electorate: 2_000 }, 1.9)).toEqual({ count: 1_000, source: 'entered' });
    expect(planHouseholds({ householdsEntered: null }, { registerHouseholds: 900, electorate: 2_000 }, 1.9)).toEqual({ count: 900, source: 'register' });
    // 2,000 / 1.9 = 1,052.6 → 1,053 (rounded up, in exact hundredths)
    expect(planHouseholds({ householdsEntered: null }, { registerHouseholds: null, electorate: 2_000 }, 1.9)).toEqual({ count: 1_053, source: 'estimated' });
    expect(planHouseholds({ householdsEntered: null }, { registerHouseholds: 0, electorate: 1_900 }, 1.9)).toEqual({ count: 1_000, source: 'estimated' });
    expect(planHouseholds({ householdsEntered: null }, { registerHouseholds: null, electorate: null }, 1.9)).toEqual({ count: null, source: null });
  });

  it('judges a shortfall of up to the stretch percentage as a stretch', () => {
    expect(shortfallLevel(100, 100, 20)).toBe('ok');
    expect(shortfallLevel(100, 80, 20)).toBe('stretch');
    expect(shortfallLevel(100, 79, 20)).toBe('not-practical');
    expect(shortfallLevel(100, 99, 0)).toBe('not-practical');
  });
});

describe('assumptions', () => {
  it('shows defaults and which ones the meeting changed', () => {
    const { values, list } = resolveAssumptions({ plannedRounds: 3, costPerThousandPence: null });
    expect(values.plannedRounds).toBe(3);
    expect(values.costPerThousandPence).toBe(DEFAULT_ASSUMPTIONS.costPerThousandPence);
    const rounds = list.find((a) => a.key === 'plannedRounds')!;
    expect(rounds).toMatchObject({ value: 3, defaultValue: 2, isDefault: false });
    expect(list.find((a) => a.key === 'costPerThousandPence')!.isDefault).toBe(true);
    expect(list).toHaveLength(Object.keys(DEFAULT_ASSUMPTIONS).length);
  });

  it('refuses values out of range or with too many decimals, saying which', () => {
    expect(assumptionProblems({ plannedRounds: 2, electorsPerHousehold: 2.25 })).toEqual({});
    const p = assumptionProblems({ plannedRounds: 1.5, deliveriesPerHour: 0, electorsPerHousehold: 1.955, stretchPercent: 101 });
    expect(p.plannedRounds).toMatch(/whole number/);
    expect(p.deliveriesPerHour).toMatch(/from 1 to 1000/);
    expect(p.electorsPerHousehold).toMatch(/2 decimal places/);
    expect(p.stretchPercent).toMatch(/from 0 to 100/);
  });
});

describe('verdict', () => {
  it('is practical when every resource covers its need, with each reason stated', () => {
    const plan = computePlan(FACTS, ENOUGH);
    expect(plan.verdict).toBe('practical');
    expect(plan.figures.cost).toMatchObject({
      leafletCopies: 18_500,
      leafletsPence: 74_000,
      depositPence: 50_000,
      totalPence: 124_000,
      electionExpensesPence: 74_000,
    });
    expect(topic(plan, 'cost').sentence).toBe('Leaflets and deposit cost £1,240 against £2,000 available: £760 to spare.');
    expect(topic(plan, 'limit').sentence).toBe('Leaflets of £740 are within the legal spending limit of £12,796 (the deposit does not count towards it).');
    expect(topic(plan, 'people').sentence).toBe(
      'Delivering 2 rounds to 9,250 households needs 185 hours against 400 hours offered before polling day: 215 hours to spare.',
    );
    expect(topic(plan, 'papers').sentence).toBe(
      'The nomination paper needs 10 subscribers (a proposer, a seconder and 8 assentors) against 25 members or sympathisers known in the area: 15 to spare.',
    );
    expect(topic(plan, 'deadline').sentence).toBe('48 working days left before nominations close at 4pm Friday 7 June 2024.');
    expect(verdictSummary(plan)).toBe('Practical');
  });

  it('says how far short the money is (the issue’s own example)', () => {
    const plan = computePlan(FACTS, { ...ENOUGH, fundsAvailablePence: 90_000 });
    expect(plan.verdict).toBe('not-practical');
    expect(plan.findings[0]).toEqual({
      topic: 'cost',
      level: 'not-practical',
      sentence: 'Leaflets and deposit cost £1,240 against £900 available: £340 short.',
    });
    expect(verdictSummary(plan)).toBe('Not practical: Leaflets and deposit cost £1,240 against £900 available: £340 short.');
  });

  it('calls a small shortfall a stretch', () => {
    const plan = computePlan(FACTS, { ...ENOUGH, fundsAvailablePence: 110_000 });
    expect(plan.verdict).toBe('stretch');
    expect(topic(plan, 'cost')).toMatchObject({ level: 'stretch', sentence: 'Leaflets and deposit cost £1,240 against £1,100 available: £140 short.' });
  });

  it('follows edited assumptions: more rounds, dearer print, canvassing and other spending', () => {
    const plan = computePlan(FACTS, ENOUGH, { plannedRounds: 3, costPerThousandPence: 4_550, canvassHours: 60, otherSpendingPence: 12_345 });
    // 9,250 × 3 = 27,750 copies × £45.50 / 1,000 = £1,262.625 → £1,262.63
    expect(plan.figures.cost.leafletsPence).toBe(126_263);
    expect(plan.figures.cost.totalPence).toBe(126_263 + 50_000 + 12_345);
    expect(topic(plan, 'cost').sentence).toBe('Leaflets, deposit and other spending cost £1,886.08 against £2,000 available: £113.92 to spare.');
    expect(topic(plan, 'limit').sentence).toMatch(/^Leaflets and other spending of £1,386.08 are within/);
    expect(plan.figures.people).toEqual({ deliveryHours: 278, canvassHours: 60, neededHours: 338, offeredHours: 400 });
    expect(topic(plan, 'people').sentence).toBe(
      'Delivering 3 rounds to 9,250 households and 60 hours of canvassing need 338 hours against 400 hours offered before polling day: 62 hours to spare.',
    );
  });

  it('does not count the deposit against the legal limit, and refuses spending over it', () => {
    const plan = computePlan({ ...FACTS, spendingLimitPence: 70_000 }, ENOUGH);
    expect(topic(plan, 'limit')).toEqual({
      topic: 'limit',
      level: 'not-practical',
      sentence: 'Leaflets of £740 would be over the legal spending limit of £700 by £40: spending above the limit is an offence.',
    });
    const close = computePlan({ ...FACTS, spendingLimitPence: 80_000 }, ENOUGH);
    expect(topic(close, 'limit')).toMatchObject({ level: 'stretch', sentence: 'Leaflets of £740 leave only £60 under the legal spending limit of £800.' });
  });

  it('with no volunteers: not practical, and says so', () => {
    const plan = computePlan(FACTS, { ...ENOUGH, volunteerHoursOffered: 0 });
    expect(plan.verdict).toBe('not-practical');
    expect(topic(plan, 'people')).toEqual({
      topic: 'people',
      level: 'not-practical',
      sentence: 'No volunteer has offered any time before polling day, and delivering 2 rounds to 9,250 households needs 185 hours.',
    });
  });

  it('with no volunteers and unknown households: still not practical', () => {
    const plan = computePlan({ ...FACTS, electorate: null, registerHouseholds: null }, { ...ENOUGH, volunteerHoursOffered: 0 });
    expect(topic(plan, 'people')).toMatchObject({
      level: 'not-practical',
      sentence: 'No volunteer has offered any time before polling day: nobody to deliver leaflets or canvass.',
    });
  });

  it('with no electorate: households unknown, said so, never practical, no invented figures', () => {
    const plan = computePlan({ ...FACTS, electorate: null, registerHouseholds: null }, ENOUGH);
    expect(plan.verdict).toBe('stretch');
    expect(plan.figures.households).toEqual({ count: null, source: null });
    expect(plan.figures.cost).toMatchObject({ leafletCopies: null, leafletsPence: null, totalPence: null, electionExpensesPence: null });
    expect(plan.figures.people.neededHours).toBeNull();
    expect(topic(plan, 'households').sentence).toMatch(/^The number of households is not known .*enter the electorate or a household count\.$/);
    expect(topic(plan, 'cost')).toMatchObject({
      level: 'unknown',
      sentence: 'The cost of leaflets is not known, so the total cannot be weighed against £2,000 available.',
    });
    expect(topic(plan, 'people')).toMatchObject({ level: 'unknown' });
  });

  it('with no electorate but a deposit already beyond the funds: not practical', () => {
    const plan = computePlan({ ...FACTS, electorate: null, registerHouseholds: null }, { ...ENOUGH, fundsAvailablePence: 30_000 });
    expect(topic(plan, 'cost')).toEqual({
      topic: 'cost',
      level: 'not-practical',
      sentence: 'Deposit alone costs £500 against £300 available: £200 short, before leaflets.',
    });
  });

  it('estimates households from the electorate and says it is an estimate', () => {
    const plan = computePlan({ ...FACTS, registerHouseholds: null }, ENOUGH);
    expect(plan.figures.households).toEqual({ count: 9_250, source: 'estimated' });
    expect(topic(plan, 'households')).toMatchObject({
      level: 'ok',
      sentence: expect.stringMatching(/^About 9,250 households, estimated from 17,575 electors at 1\.9 electors per household/),
    });
  });

  it('when the close of nominations has passed: too late to stand', () => {
    const plan = computePlan({ ...FACTS, today: '2024-06-10', workingDaysToClose: -1 }, ENOUGH);
    expect(plan.verdict).toBe('not-practical');
    expect(plan.findings[0]).toEqual({
      topic: 'deadline',
      level: 'not-practical',
      sentence: 'Nominations closed at 4pm Friday 7 June 2024: too late to stand.',
    });
  });

  it('when nominations close soon or today: a stretch', () => {
    const soon = computePlan({ ...FACTS, today: '2024-06-04', workingDaysToClose: 3 }, ENOUGH);
    expect(topic(soon, 'deadline')).toMatchObject({
      level: 'stretch',
      sentence: 'Only 3 working days left before nominations close at 4pm Friday 7 June 2024, fewer than the 5 needed to gather and check papers.',
    });
    const today = computePlan({ ...FACTS, today: '2024-06-07', workingDaysToClose: 0 }, ENOUGH);
    expect(topic(today, 'deadline').sentence).toBe('Nominations close today, at 4pm Friday 7 June 2024: papers must be delivered by hand today.');
    expect(computePlan({ ...FACTS, today: '2024-06-04', workingDaysToClose: 3 }, ENOUGH, { minWorkingDaysForPapers: 3 }).verdict).toBe('practical');
  });

  it('when polling day has passed: nothing left to plan', () => {
    const plan = computePlan({ ...FACTS, today: '2024-07-05', workingDaysToClose: null }, ENOUGH);
    expect(plan.verdict).toBe('not-practical');
    expect(topic(plan, 'timing').sentence).toBe('Polling day (Thu 4 Jul 2024) has passed: there is no campaign left to plan.');
  });

  it('with too few known members, or exactly enough: short or no spare', () => {
    expect(topic(computePlan(FACTS, { ...ENOUGH, membersKnown: 4 }), 'papers')).toMatchObject({
      level: 'not-practical',
      sentence: expect.stringMatching(/against 4 members or sympathisers known in the area: 6 short\.$/),
    });
    expect(topic(computePlan(FACTS, { ...ENOUGH, membersKnown: 10 }), 'papers')).toMatchObject({
      level: 'stretch',
      sentence: expect.stringMatching(/none to spare/),
    });
    expect(topic(computePlan({ ...FACTS, subscribersRequired: 0 }, { ...ENOUGH, membersKnown: 0 }), 'papers').level).toBe('ok');
  });

  it('when nothing is entered yet: a stretch listing what is missing, never practical', () => {
    const plan = computePlan(
      { ...FACTS, depositPence: null, spendingLimitPence: null, subscribersRequired: null, closeOfNominations: null, workingDaysToClose: null },
      EMPTY_INPUTS,
    );
    expect(plan.verdict).toBe('stretch');
    expect(plan.findings.every((f) => f.level === 'unknown' || f.level === 'ok')).toBe(true);
    expect(plan.findings.map((f) => f.topic).sort()).toEqual(['cost', 'deadline', 'limit', 'papers', 'people']);
  });

  it('lists the worst reasons first', () => {
    const plan = computePlan(FACTS, { ...ENOUGH, volunteerHoursOffered: 150, membersKnown: 2 });
    expect(plan.findings.map((f) => f.level)).toEqual(['not-practical', 'stretch', 'ok', 'ok', 'ok']);
    expect(plan.findings[0].topic).toBe('papers');
    expect(plan.findings[1].sentence).toMatch(/: 35 hours short\.$/);
  });
});
