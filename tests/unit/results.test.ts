import { describe, expect, it } from 'vitest';
import { computeResult, formatShare, resultProblems, voteShare } from '../../shared/domain/results.ts';
import type { ResultInput } from '../../shared/domain/results.ts';

const base = (over: Partial<ResultInput> = {}): ResultInput => ({
  electorate: 10_000,
  ballotsCast: null,
  rejectedBallots: 20,
  votesPerBallot: 1,
  rows: [
    { key: 'a', name: 'Ann Able', votes: 3000 },
    { key: 'b', name: 'Bob Baker', votes: 2000 },
    { key: 'c', name: 'Our Candidate', votes: 245 },
  ],
  ...over,
});

describe('results', () => {
  it('computes shares, positions and turnout', () => {
    const r = base();
    expect(resultProblems(r)).toEqual([]);
    const c = computeResult(r);
    expect(c.totalVotes).toBe(5245);
    expect(c.ballots).toBe(5265);
    expect(c.turnout).toBeCloseTo(0.5265);
    expect(c.rows.map((x) => [x.key, x.position])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect(formatShare(c.rows[2].share)).toBe('4.7%');
    expect(voteShare(1, 0)).toBeNull();
    expect(formatShare(null)).toBe('–');
  });

  it('refuses votes above the electorate', () => {
    const p = resultProblems(base({ electorate: 5000 }));
    expect(p.map((x) => x.field)).toContain('rows');
    expect(p.find((x) => x.field === 'rows')?.message).toMatch(/more than the electorate of 5000/);
    const one = resultProblems(base({ electorate: 2500 }));
    expect(one.find((x) => x.field === 'rows.0.votes')?.message).toMatch(/Ann Able has 3000 votes, more than the electorate/);
  });

  it('multi-member wards may total more votes than electors, but not more ballots', () => {
    const r = base({ electorate: 4000, votesPerBallot: 3, ballotsCast: 3100 });
    expect(resultProblems(r)).toEqual([]);
    expect(computeResult(r).turnout).toBeCloseTo(0.775);
    expect(resultProblems(base({ electorate: 4000, votesPerBallot: 3, ballotsCast: 4100 }))[0].field).toBe('ballotsCast');
    expect(computeResult(base({ votesPerBallot: 3 })).turnout).toBeNull();
  });

  it('refuses malformed counts, names and ballot totals', () => {
    expect(resultProblems(base({ electorate: 0 }))[0].field).toBe('electorate');
    expect(resultProblems(base({ rows: [{ key: 'a', name: 'A', votes: -1 }] }))[0].field).toBe('rows.0.votes');
    expect(resultProblems(base({ rows: [{ key: 'a', name: 'A', votes: 1.5 }] }))[0].field).toBe('rows.0.votes');
    expect(resultProblems(base({ rows: [] }))[0].field).toBe('rows');
    expect(resultProblems(base({ ballotsCast: 5000 })).map((x) => x.message).join()).toMatch(/more than the 4980 valid ballot papers/);
    expect(resultProblems(base({ ballotsCast: 10, rejectedBallots: 11 })).map((x) => x.field)).toContain('rejectedBallots');
    const dup = base({ rows: [{ key: 'a', name: 'Ann', votes: 1 }, { key: 'b', name: 'ann ', votes: 2 }] });
    expect(resultProblems(dup)).toEqual([{ field: 'rows.1.name', message: 'ann  is listed twice' }]);
  });

  it('ties share a place', () => {
    const c = computeResult(base({ rows: [{ key: 'a', name: 'A', votes: 5 }, { key: 'b', name: 'B', votes: 5 }, { key: 'c', name: 'C', votes: 1 }] }));
    expect(c.rows.map((x) => x.position)).toEqual([1, 1, 3]);
  });
});
