import { describe, expect, it } from 'vitest';
import { computeResult, declarationProblems, formatShare, isFirstPastThePost, resultProblems, voteShare } from '../../shared/domain/results.ts';
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
    expect(c.rows.map((x) => [x.key, x.position])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
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
    expect(
      resultProblems(base({ ballotsCast: 5000 }))
        .map((x) => x.message)
        .join(),
    ).toMatch(/more than the 4980 valid ballot papers/);
    expect(resultProblems(base({ ballotsCast: 10, rejectedBallots: 11 })).map((x) => x.field)).toContain('rejectedBallots');
    const dup = base({
      rows: [
        { key: 'a', name: 'Ann', votes: 1 },
        { key: 'b', name: 'ann ', votes: 2 },
      ],
    });
    expect(resultProblems(dup)).toEqual([{ field: 'rows.1.name', message: 'ann  is listed twice' }]);
  });

  it('ties share a place', () => {
    const c = computeResult(
      base({
        rows: [
          { key: 'a', name: 'A', votes: 5 },
          { key: 'b', name: 'B', votes: 5 },
          { key: 'c', name: 'C', votes: 1 },
        ],
      }),
    );
    expect(c.rows.map((x) => x.position)).toEqual([1, 1, 3]);
  });
});

describe('declarations', () => {
  const base = { declaredOn: '2024-07-05', pollingDay: '2024-07-04', today: '2024-07-10', seats: 1, firstPastThePost: true };
  const rows = [
    { name: 'Winner', votes: 20_000, elected: false },
    { name: 'Loser', votes: 1_500, elected: true },
  ];
  it('refuses the fewest votes elected under first past the post, and more elected than seats', () => {
    expect(declarationProblems({ ...base, rows })).toEqual([
      {
        field: 'rows.1.elected',
        message: 'Loser is marked elected with 1500 votes, fewer than Winner (20000), who is not: the candidates with the most votes are elected',
      },
    ]);
    expect(declarationProblems({ ...base, rows: rows.map((r) => ({ ...r, elected: true })) })).toEqual([
      { field: 'rows', message: '2 candidates are marked elected, but the contest fills 1 seat' },
    ]);
    expect(declarationProblems({ ...base, rows: rows.map((r) => ({ ...r, elected: r.name === 'Winner' })) })).toEqual([]);
    // STV: first preferences do not decide who is elected.
    expect(declarationProblems({ ...base, firstPastThePost: false, rows })).toEqual([]);
    // A tie broken by lot: either may be elected.
    expect(
      declarationProblems({
        ...base,
        rows: [
          { name: 'A', votes: 10, elected: false },
          { name: 'B', votes: 10, elected: true },
        ],
      }),
    ).toEqual([]);
  });
  it('refuses a declaration before polling day or in the future', () => {
    expect(declarationProblems({ ...base, declaredOn: '2024-07-03', rows: [] })[0].field).toBe('declaredOn');
    expect(declarationProblems({ ...base, declaredOn: '2027-07-05', rows: [] })).toEqual([
      { field: 'declaredOn', message: 'Mon 5 Jul 2027 is in the future: enter the date the returning officer declared the result' },
    ]);
    expect(declarationProblems({ ...base, declaredOn: '2024-07-10', rows: [] })).toEqual([]);
  });
  it('knows which contests are first past the post', () => {
    expect(isFirstPastThePost('uk-parliament', 'england', 'standard')).toBe(true);
    expect(isFirstPastThePost('local', 'scotland', 'standard')).toBe(false);
    expect(isFirstPastThePost('ni-assembly', 'northern-ireland', 'standard')).toBe(false);
    expect(isFirstPastThePost('gla', 'england', 'gla-list')).toBe(false);
    expect(isFirstPastThePost('gla', 'england', 'gla-mayor')).toBe(true);
  });
});
