import { describe, expect, it } from 'vitest';
import {
  estimateRoundMinutes,
  fillFromRegister,
  formatMinutes,
  neededMinutes,
  planFit,
  roundHouseholds,
  validateRound,
  type RemainingRound,
  type RoundAssignment,
} from '../../shared/domain/delivery-rounds.ts';

describe('round validation', () => {
  it('accepts a named round with streets and households', () => {
    expect(
      validateRound({
        name: 'Elm Road',
        streets: [
          { name: 'Elm Road', households: 40 },
          { name: 'Oak Close', households: 0 },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses a round with no streets', () => {
    expect(validateRound({ name: 'Elm', streets: [] })).toEqual([
      { field: 'streets', message: 'A round needs at least one street: add the streets in the order they are walked.' },
    ]);
  });

  it('says which street is wrong and why', () => {
    const problems = validateRound({
      name: ' ',
      streets: [
        { name: 'Elm Road', households: -3 },
        { name: '', households: 12 },
        { name: 'Ash Way', households: 2.5 },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual(['name', 'streets.0.households', 'streets.1.name', 'streets.2.households']);
    expect(problems[1].message).toBe('Street 1 (Elm Road): households must be a whole number, 0 or more (got -3).');
    expect(problems[2].message).toBe('Street 2 has no name.');
  });

  it('refuses a round whose streets have no households at all', () => {
    expect(validateRound({ name: 'Empty', streets: [{ name: 'Lane', households: 0 }] })).toEqual([
      { field: 'streets', message: 'The round has no households: enter how many households each street has.' },
    ]);
  });

  it('adds households', () => {
    expect(roundHouseholds([{ households: 3 }, { households: 4 }])).toBe(7);
  });
});

describe('round time estimates', () => {
  it('is households at the pace plus time between streets, rounded up to 5 minutes', () => {
    // 150 households at 100/h = 90 min, + 3 streets × 3 min = 99 → 100.
    expect(estimateRoundMinutes([{ households: 50 }, { households: 60 }, { households: 40 }])).toBe(100);
    expect(estimateRoundMinutes([{ households: 1 }])).toBe(5);
  });

  it('takes another pace', () => {
    expect(estimateRoundMinutes([{ households: 60 }], { householdsPerHour: 30, minutesPerStreet: 0 })).toBe(120);
  });

  it('is zero for an empty round and refuses a pace of nothing', () => {
    expect(estimateRoundMinutes([])).toBe(0);
    expect(estimateRoundMinutes([{ households: 0 }])).toBe(0);
    expect(() => estimateRoundMinutes([{ households: 5 }], { householdsPerHour: 0, minutesPerStreet: 1 })).toThrow(RangeError);
  });

  it('formats minutes', () => {
    expect(formatMinutes(40)).toBe('40 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(85)).toBe('1 h 25 min');
    expect(formatMinutes(-5)).toBe('0 min');
  });

  it('scales what is left of a partly delivered round', () => {
    expect(neededMinutes({ households: 100, leftHouseholds: 100, estimatedMinutes: 60 })).toBe(60);
    expect(neededMinutes({ households: 100, leftHouseholds: 40, estimatedMinutes: 60 })).toBe(25);
    expect(neededMinutes({ households: 100, leftHouseholds: 0, estimatedMinutes: 60 })).toBe(0);
  });
});

describe('whether the remaining rounds fit planned time before polling day', () => {
  const today = '2026-04-20';
  const pollingDay = '2026-05-07';
  const round = (roundId: number, minutes = 60, left = 100): RemainingRound<number> => ({
    roundId,
    name: `Round ${roundId}`,
    households: 100,
    leftHouseholds: left,
    estimatedMinutes: minutes,
  });
  const assign = (roundId: number, plannedOn: string | null, plannedMinutes: number | null = null, volunteerId = 1): RoundAssignment<number> => ({
    roundId,
    volunteerId,
    volunteerName: volunteerId === 1 ? 'Ann' : 'Bob',
    plannedOn,
    plannedMinutes,
  });

  it('fits when every round is assigned before polling day with enough time', () => {
    const fit = planFit([round(1), round(2, 90)], [assign(1, '2026-04-25'), assign(2, '2026-05-06', 90, 2)], { today, pollingDay });
    expect(fit.fits).toBe(true);
    expect(fit.rounds.map((r) => r.status)).toEqual(['planned', 'planned']);
    expect(fit).toMatchObject({ neededMinutes: 150, plannedMinutes: 150, shortfallMinutes: 0 });
    expect(fit.summary).toBe('2 rounds (2 h 30 min) to deliver; all fit the time volunteers have planned before polling day (Thu 7 May 2026).');
    expect(fit.rounds[0].message).toBe('Round 1: Ann on 2026-04-25.');
  });

  it('names each reason a round does not fit', () => {
    const fit = planFit(
      [round(1), round(2), round(3), round(4), round(5), round(6)],
      [assign(2, null), assign(3, '2026-04-19'), assign(4, '2026-05-07'), assign(5, '2026-04-30', 30), assign(6, '2026-05-01')],
      { today, pollingDay },
    );
    expect(fit.fits).toBe(false);
    expect(fit.rounds.map((r) => [r.roundId, r.status])).toEqual([
      [1, 'unassigned'],
      [2, 'undated'],
      [3, 'overdue'],
      [4, 'too-late'],
      [5, 'short'],
      [6, 'planned'],
    ]);
    expect(fit.rounds[3].message).toBe('Round 4 is planned for Thu 7 May 2026, not before polling day (Thu 7 May 2026).');
    expect(fit.rounds[4].message).toBe('Round 5 needs about 1 h; 30 min is planned.');
    expect(fit).toMatchObject({ neededMinutes: 360, plannedMinutes: 90, shortfallMinutes: 270 });
    expect(fit.summary).toBe('6 rounds (6 h) to deliver; 5 do not fit the time volunteers have planned before polling day (Thu 7 May 2026).');
  });

  it('counts planned time from today, not from yesterday', () => {
    expect(planFit([round(1)], [assign(1, today)], { today, pollingDay }).fits).toBe(true);
  });

  it('flags a volunteer with more than a day of walking planned on one day', () => {
    const fit = planFit([round(1, 200), round(2, 200), round(3, 200)], [assign(1, '2026-04-25'), assign(2, '2026-04-25'), assign(3, '2026-04-25', null, 2)], {
      today,
      pollingDay,
    });
    expect(fit.rounds.map((r) => r.status)).toEqual(['overbooked', 'overbooked', 'planned']);
    expect(fit.rounds[0].message).toBe('Ann has 6 h 40 min of rounds planned on Sat 25 Apr 2026, more than 6 h.');
    expect(
      planFit([round(1, 200), round(2, 200)], [assign(1, '2026-04-25'), assign(2, '2026-04-25')], { today, pollingDay, maxMinutesPerVolunteerDay: 480 }).fits,
    ).toBe(true);
  });

  it('shares a round between volunteers', () => {
    const fit = planFit([round(1, 120)], [assign(1, '2026-04-25', 60), assign(1, '2026-04-26', 60, 2)], { today, pollingDay });
    expect(fit.rounds[0]).toMatchObject({ status: 'planned', plannedMinutes: 120, message: 'Round 1: Ann and Bob on 2026-04-25.' });
  });

  it('only needs the time for what is left of a partial round, and ignores finished ones', () => {
    const fit = planFit([round(1, 60, 50), round(2, 60, 0)], [assign(1, '2026-04-25', 30)], { today, pollingDay });
    expect(fit.fits).toBe(true);
    expect(fit.rounds).toHaveLength(1);
    expect(fit.neededMinutes).toBe(30);
  });

  it('says so when everything is delivered, or polling day has come', () => {
    expect(planFit([], [], { today, pollingDay })).toMatchObject({ fits: true, summary: 'Every round has been delivered.' });
    const late = planFit([round(1)], [assign(1, '2026-05-06')], { today: pollingDay, pollingDay });
    expect(late.fits).toBe(false);
    expect(late.rounds[0].status).toBe('overdue');
    expect(late.summary).toBe('1 round (1 h) still to deliver and polling day (Thu 7 May 2026) has come.');
  });
});

describe('household counts from the register', () => {
  const register = [
    { street: 'High Street', households: 2 },
    { street: 'Mill Lane', households: 3 },
  ];
  const street = (name: string, households = 0) => ({ name, households, householdsSource: 'entered' as const, notes: '' });

  it('fills the streets it knows, matching names loosely, and keeps the rest as entered', () => {
    const r = fillFromRegister([street('mill  lane.', 9), street('Oak Close', 7)], register);
    expect(r.streets).toEqual([
      { name: 'mill  lane.', households: 3, householdsSource: 'register', notes: '' },
      { name: 'Oak Close', households: 7, householdsSource: 'entered', notes: '' },
    ]);
    expect(r).toMatchObject({ matched: 1, missing: ['Oak Close'] });
  });

  it('takes every register street, in walk order, into a round with none named yet', () => {
    const r = fillFromRegister([street('')], register);
    expect(r.streets.map((s) => [s.name, s.households, s.householdsSource])).toEqual([
      ['High Street', 2, 'register'],
      ['Mill Lane', 3, 'register'],
    ]);
    expect(r.matched).toBe(2);
  });

  it('finds nothing in an empty register', () => {
    expect(fillFromRegister([street('Mill Lane', 4)], [])).toMatchObject({ matched: 0, missing: ['Mill Lane'] });
  });
});
