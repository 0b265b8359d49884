import { describe, expect, it } from 'vitest';
import { coverage, formatPercent, percentOf, roundCoverage } from '../../shared/domain/delivery-coverage.ts';

const rounds = [
  { roundId: 1, name: 'Elm Road', pollingDistrict: 'AB', households: 120 },
  { roundId: 2, name: 'Oak Close', pollingDistrict: 'AB', households: 80 },
  { roundId: 3, name: 'Station Road', pollingDistrict: 'AC', households: 200 },
  { roundId: 4, name: 'Farms', pollingDistrict: null, households: 30 },
];

describe('a round covered by one leaflet', () => {
  it('is not started with no drops', () => {
    expect(roundCoverage(rounds[0], [])).toMatchObject({ delivered: 0, reached: 0, left: 120, over: 0, status: 'not-started' });
  });

  it('is partial with what is left', () => {
    expect(roundCoverage(rounds[0], [{ roundId: 1, delivered: 70, complete: false }])).toMatchObject({
      reached: 70,
      left: 50,
      status: 'partial',
    });
  });

  it('adds up several partial drops and completes when the count is reached', () => {
    const drops = [
      { roundId: 1, delivered: 70, complete: false },
      { roundId: 1, delivered: 50, complete: false },
      { roundId: 2, delivered: 999, complete: true },
    ];
    expect(roundCoverage(rounds[0], drops)).toMatchObject({ delivered: 120, reached: 120, left: 0, status: 'complete' });
  });

  it('is complete when marked so, even a few copies short (no letterbox, dog)', () => {
    expect(roundCoverage(rounds[0], [{ roundId: 1, delivered: 115, complete: true }])).toMatchObject({
      delivered: 115,
      reached: 120,
      left: 0,
      status: 'complete',
    });
  });

  it('never counts copies beyond the households as extra households', () => {
    expect(roundCoverage(rounds[1], [{ roundId: 2, delivered: 95, complete: false }])).toMatchObject({
      reached: 80,
      left: 0,
      over: 15,
      status: 'complete',
    });
  });
});

describe('coverage of a leaflet', () => {
  const drops = [
    { roundId: 1, delivered: 120, complete: true },
    { roundId: 2, delivered: 40, complete: false },
    { roundId: 3, delivered: 10, complete: false },
  ];

  it('groups by polling district with percentages; rounds with no district last', () => {
    const c = coverage(rounds, drops);
    expect(c.districts).toEqual([
      { district: 'AB', households: 200, roundHouseholds: 200, reached: 160, percent: 80, rounds: 2, roundsComplete: 1 },
      { district: 'AC', households: 200, roundHouseholds: 200, reached: 10, percent: 5, rounds: 1, roundsComplete: 0 },
      { district: null, households: 30, roundHouseholds: 30, reached: 0, percent: 0, rounds: 1, roundsComplete: 0 },
    ]);
    expect(c.total).toMatchObject({ households: 430, reached: 170, rounds: 4, roundsComplete: 1 });
    expect(c.total.percent).toBeCloseTo(39.535, 3);
    expect(c.notCovered.map((r) => r.roundId)).toEqual([2, 3, 4]);
  });

  it("uses the register's households for a district when it has more than the rounds", () => {
    const c = coverage(rounds, drops, { ab: 400, AC: 150, AD: 90 });
    const ab = c.districts.find((d) => d.district === 'AB')!;
    expect(ab).toMatchObject({ households: 400, roundHouseholds: 200, reached: 160, percent: 40 });
    // A register count lower than the rounds' total cannot shrink the area below what was walked.
    expect(c.districts.find((d) => d.district === 'AC')!.households).toBe(200);
    // A district with households and no rounds still shows, at 0%.
    expect(c.districts.find((d) => d.district === 'AD')).toMatchObject({ households: 90, reached: 0, percent: 0, rounds: 0 });
    expect(c.total.households).toBe(400 + 200 + 90 + 30);
  });

  it('treats district codes case- and space-insensitively', () => {
    const c = coverage([{ roundId: 9, name: 'x', pollingDistrict: ' ab ', households: 10 }, rounds[0]], []);
    expect(c.districts.map((d) => d.district)).toEqual(['AB']);
  });

  it('has no percentage when there are no households', () => {
    const c = coverage([], []);
    expect(c.total).toMatchObject({ households: 0, reached: 0, percent: null });
    expect(c.districts).toEqual([]);
    expect(c.notCovered).toEqual([]);
  });
});

describe('percentages', () => {
  it('divides safely', () => {
    expect(percentOf(1, 4)).toBe(25);
    expect(percentOf(0, 0)).toBeNull();
  });

  it('rounds down so nearly-all never reads as all', () => {
    expect(formatPercent(percentOf(9999, 10000))).toBe('99.9%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(62.5)).toBe('62.5%');
    expect(formatPercent(percentOf(1, 3))).toBe('33.3%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('—');
    // 0.7 * 100 is 70.00000000000001 in floating point; still 70%.
    expect(formatPercent(percentOf(7, 10))).toBe('70%');
    expect(formatPercent(percentOf(29, 100))).toBe('29%');
  });
});
