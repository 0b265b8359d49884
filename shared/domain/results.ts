/**
 * Result arithmetic for one contest: vote shares, turnout, and the checks that refuse impossible
 * figures (votes above the electorate, negative or fractional counts) and declarations (a date
 * in the future, more elected than seats, a loser elected under first past the post).
 */
import type { ElectionType, Nation } from './election-types.ts';
import type { PostKind } from './nominations.ts';
import { formatDateLong } from './working-days.ts';

interface ResultRowInput {
  /** Identifies the row for messages, e.g. a candidacy id or "other-2". */
  key: string;
  name: string;
  votes: number;
}

export interface ResultInput {
  electorate: number;
  /** Ballot papers counted, valid and rejected together; null to derive it (one vote per ballot). */
  ballotsCast: number | null;
  rejectedBallots: number | null;
  /** Votes each elector may cast: 1, or the seats in a multi-member first-past-the-post ward. */
  votesPerBallot: number;
  rows: readonly ResultRowInput[];
}

export interface ResultProblem {
  /** Field path, e.g. "electorate" or "rows.2.votes". */
  field: string;
  message: string;
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** Everything wrong with a result; empty when it can be stored. */
export function resultProblems(r: ResultInput): ResultProblem[] {
  const p: ResultProblem[] = [];
  if (!Number.isSafeInteger(r.electorate) || r.electorate < 1) p.push({ field: 'electorate', message: 'The electorate must be a whole number of 1 or more' });
  if (!Number.isSafeInteger(r.votesPerBallot) || r.votesPerBallot < 1) p.push({ field: 'votesPerBallot', message: 'Votes per ballot must be 1 or more' });
  if (r.rows.length === 0) p.push({ field: 'rows', message: 'Enter the votes of at least one candidate' });
  r.rows.forEach((row, i) => {
    if (!isCount(row.votes)) p.push({ field: `rows.${i}.votes`, message: `Votes for ${row.name || `row ${i + 1}`} must be a whole number of 0 or more` });
    else if (isCount(r.electorate) && row.votes > r.electorate) {
      p.push({ field: `rows.${i}.votes`, message: `${row.name || `Row ${i + 1}`} has ${row.votes} votes, more than the electorate of ${r.electorate}` });
    }
  });
  if (r.ballotsCast !== null && !isCount(r.ballotsCast)) p.push({ field: 'ballotsCast', message: 'Ballot papers counted must be a whole number of 0 or more' });
  if (r.rejectedBallots !== null && !isCount(r.rejectedBallots))
    p.push({ field: 'rejectedBallots', message: 'Rejected ballots must be a whole number of 0 or more' });
  if (p.length > 0) return p;

  const total = r.rows.reduce((a, row) => a + row.votes, 0);
  const rejected = r.rejectedBallots ?? 0;
  if (r.votesPerBallot === 1 && total > r.electorate) {
    p.push({ field: 'rows', message: `The votes add up to ${total}, more than the electorate of ${r.electorate}` });
  }
  const ballots = turnoutBallots(r);
  if (ballots !== null && ballots > r.electorate) {
    p.push({ field: 'ballotsCast', message: `${ballots} ballot papers is more than the electorate of ${r.electorate}` });
  }
  if (r.ballotsCast !== null) {
    if (rejected > r.ballotsCast) p.push({ field: 'rejectedBallots', message: `${rejected} rejected is more than the ${r.ballotsCast} ballot papers counted` });
    const valid = r.ballotsCast - rejected;
    if (r.votesPerBallot === 1 && total > valid) {
      p.push({ field: 'rows', message: `The votes add up to ${total}, more than the ${valid} valid ballot papers` });
    }
    if (r.rows.some((row) => row.votes > valid)) p.push({ field: 'rows', message: `No candidate can have more votes than the ${valid} valid ballot papers` });
  }
  const names = new Map<string, number>();
  r.rows.forEach((row, i) => {
    const k = row.name.trim().toLowerCase();
    if (k === '') p.push({ field: `rows.${i}.name`, message: `Row ${i + 1} needs a candidate name` });
    else if (names.has(k)) p.push({ field: `rows.${i}.name`, message: `${row.name} is listed twice` });
    else names.set(k, i);
  });
  return p;
}

/** Ballot papers for turnout: as entered, or derived (valid votes + rejected) when one vote each. */
function turnoutBallots(r: ResultInput): number | null {
  if (r.ballotsCast !== null) return r.ballotsCast;
  if (r.votesPerBallot !== 1) return null;
  return r.rows.reduce((a, row) => a + row.votes, 0) + (r.rejectedBallots ?? 0);
}

/** votes / total as a fraction (0..1); null when nothing was cast. */
export function voteShare(votes: number, total: number): number | null {
  return total > 0 ? votes / total : null;
}

/** "4.9%" from a fraction; "–" for null. */
export function formatShare(fraction: number | null, digits = 1): string {
  return fraction === null ? '–' : `${(fraction * 100).toFixed(digits)}%`;
}

interface ComputedRow extends ResultRowInput {
  share: number | null;
  /** 1-based place by votes; equal votes share a place. */
  position: number;
}

export interface ComputedResult {
  totalVotes: number;
  ballots: number | null;
  turnout: number | null;
  rows: ComputedRow[];
}

/** Shares, positions and turnout of a valid result (call resultProblems first). */
export function computeResult(r: ResultInput): ComputedResult {
  const totalVotes = r.rows.reduce((a, row) => a + row.votes, 0);
  const ballots = turnoutBallots(r);
  const sorted = [...r.rows].sort((a, b) => b.votes - a.votes);
  const rows = sorted.map((row) => ({
    ...row,
    share: voteShare(row.votes, totalVotes),
    position: sorted.findIndex((o) => o.votes === row.votes) + 1,
  }));
  return { totalVotes, ballots, turnout: ballots === null ? null : voteShare(ballots, r.electorate), rows };
}

/**
 * Whether the contest is counted first past the post, where the candidates with the most votes
 * win. Not: STV (Scottish and Northern Irish councils, the NI Assembly), lists (the Senedd, the
 * London-wide list), and Welsh councils, which may choose STV.
 */
export function isFirstPastThePost(type: ElectionType, nation: Nation, postKind: PostKind): boolean {
  switch (type) {
    case 'local':
      return nation === 'england';
    case 'ni-assembly':
    case 'senedd':
      return false;
    case 'gla':
      return postKind !== 'gla-list';
    default:
      return true;
  }
}

export interface Declaration {
  declaredOn: string;
  pollingDay: string;
  today: string;
  /** Seats filled in the contest. */
  seats: number;
  firstPastThePost: boolean;
  rows: readonly { name: string; votes: number; elected: boolean }[];
}

/** What is impossible about a declaration: its date, or who is marked elected. */
export function declarationProblems(d: Declaration): ResultProblem[] {
  const p: ResultProblem[] = [];
  if (d.declaredOn < d.pollingDay)
    p.push({ field: 'declaredOn', message: `The result cannot be declared before polling day (${formatDateLong(d.pollingDay)})` });
  if (d.declaredOn > d.today)
    p.push({ field: 'declaredOn', message: `${formatDateLong(d.declaredOn)} is in the future: enter the date the returning officer declared the result` });
  const elected = d.rows.filter((r) => r.elected).length;
  if (elected > d.seats) {
    p.push({ field: 'rows', message: `${elected} candidates are marked elected, but the contest fills ${d.seats} seat${d.seats === 1 ? '' : 's'}` });
  }
  if (d.firstPastThePost) {
    const bestLoser = d.rows.filter((r) => !r.elected).reduce<{ name: string; votes: number } | null>((a, r) => (a && a.votes >= r.votes ? a : r), null);
    d.rows.forEach((r, i) => {
      if (r.elected && bestLoser && r.votes < bestLoser.votes) {
        p.push({
          field: `rows.${i}.elected`,
          message: `${r.name} is marked elected with ${r.votes} votes, fewer than ${bestLoser.name} (${bestLoser.votes}), who is not: the candidates with the most votes are elected`,
        });
      }
    });
  }
  return p;
}
