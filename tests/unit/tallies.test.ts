import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/domain/canvass-codes.ts';
import { addCounts, computeTallies, countStanding, emptyCounts, foldReturns, percentages, rate, type ReturnFact } from '../../shared/domain/tallies.ts';

const r = (outcome: ReturnFact['outcome'], support: string | null = null, requests: ReturnFact['requests'] = []): ReturnFact => ({
  outcome,
  support,
  requests,
});

describe('an elector’s standing', () => {
  it('is never canvassed with no returns', () => {
    expect(foldReturns([])).toEqual({ outcome: null, support: null, requests: [] });
  });

  it('keeps the latest outcome, the latest stated support and every request', () => {
    expect(foldReturns([r('in', '2', ['literature']), r('not_in'), r('in', null, ['join', 'literature'])])).toEqual({
      outcome: 'in',
      support: '2',
      requests: ['literature', 'join'],
    });
    expect(foldReturns([r('in', '2'), r('in', '4')]).support).toBe('4');
  });

  it('drops support and requests when the elector moved, died or asked not to be contacted', () => {
    expect(foldReturns([r('in', '1', ['poster']), r('moved')])).toEqual({ outcome: 'moved', support: null, requests: [] });
  });
});

describe('tallies', () => {
  it('percentages add up to exactly 100', () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(percentages([2, 1])).toEqual([67, 33]);
    expect(percentages([0, 0])).toEqual([0, 0]);
    expect(percentages([5, 0, 15])).toEqual([25, 0, 75]);
    const many = percentages([7, 13, 1, 1, 1, 29, 3]);
    expect(many.reduce((a, b) => a + b)).toBe(100);
  });

  it('rates have one decimal and survive zero', () => {
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(0, 0)).toBe(0);
  });

  it('counts contact rate, coverage, support and requests from standings', () => {
    const counts = emptyCounts();
    const standings = [
      foldReturns([r('in', '1', ['literature'])]),
      foldReturns([r('in', '1', ['join'])]),
      foldReturns([r('in', '3', ['literature'])]),
      foldReturns([r('refused')]),
      foldReturns([r('not_in')]),
      foldReturns([r('not_in'), r('not_in')]),
      foldReturns([]),
      foldReturns([]),
    ];
    for (const s of standings) countStanding(counts, s);
    const t = computeTallies(counts, DEFAULT_CODES);
    expect(t.electors).toBe(8);
    expect(t.canvassed).toBe(6);
    expect(t.coverage).toBe(75);
    expect(t.contacted).toBe(4);
    expect(t.contactRate).toBe(66.7);
    expect(t.supportGiven).toBe(3);
    expect(t.support.map((s) => [s.code, s.count, s.percent])).toEqual([
      ['1', 2, 67],
      ['2', 0, 0],
      ['3', 1, 33],
      ['4', 0, 0],
      ['5', 0, 0],
    ]);
    expect(t.requests.find((q) => q.request === 'literature')?.count).toBe(2);
    expect(t.requests.find((q) => q.request === 'join')?.count).toBe(1);
    expect(t.outcomes.find((o) => o.outcome === 'not_in')).toMatchObject({ count: 2, percent: 33, label: 'Not in' });
  });

  it('adds district counts into an area, and keeps support codes no longer configured', () => {
    const a = { electors: 10, byOutcome: { in: 2 }, bySupport: { '1': 2 }, byRequest: { poster: 1 } };
    const b = { electors: 5, byOutcome: { in: 1, not_in: 3 }, bySupport: { Q: 1 }, byRequest: {} };
    const sum = addCounts(a, b);
    expect(sum).toEqual({ electors: 15, byOutcome: { in: 3, not_in: 3 }, bySupport: { '1': 2, Q: 1 }, byRequest: { poster: 1 } });
    const t = computeTallies(sum, DEFAULT_CODES);
    expect(t.support.at(-1)).toEqual({ code: 'Q', label: 'Q (no longer a code)', count: 1, percent: 33 });
    expect(t.canvassed).toBe(6);
    expect(t.contactRate).toBe(50);
  });
});
