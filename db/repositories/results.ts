import type { Db } from '../open.ts';

export interface ResultHeader {
  contestId: number;
  electorate: number;
  ballotsCast: number | null;
  rejectedBallots: number | null;
  votesPerBallot: number;
  declaredOn: string;
}

export interface ResultVoteRow {
  id: number;
  candidacyId: number | null;
  /** Set when the row is our party list's votes (list elections). */
  partyListId: number | null;
  /** Constituency seats won, counted in an additional-member allocation. */
  constituencySeats: number;
  name: string;
  party: string;
  votes: number;
  elected: boolean;
}

export async function getResult(db: Db, contestId: number): Promise<{ header: ResultHeader; rows: ResultVoteRow[] } | undefined> {
  const header = db
    .prepare(
      `SELECT contest_id AS contestId, electorate, ballots_cast AS ballotsCast, rejected_ballots AS rejectedBallots,
       votes_per_ballot AS votesPerBallot, declared_on AS declaredOn FROM contest_results WHERE contest_id = ?`,
    )
    .get(contestId) as ResultHeader | undefined;
  if (!header) return undefined;
  const rows = (
    db
      .prepare(
        'SELECT id, candidacy_id AS candidacyId, party_list_id AS partyListId, constituency_seats AS constituencySeats, name, party, votes, elected FROM contest_result_votes WHERE contest_id = ? ORDER BY position',
      )
      .all(contestId) as (Omit<ResultVoteRow, 'elected'> & { elected: number })[]
  ).map((r) => ({ ...r, elected: r.elected === 1 }));
  return { header, rows };
}

/** Replaces the contest's result and sets contests.declared_on. */
export async function saveResult(db: Db, h: ResultHeader, rows: readonly Omit<ResultVoteRow, 'id'>[]): Promise<void> {
  const at = new Date().toISOString();
  db.prepare('DELETE FROM contest_results WHERE contest_id = ?').run(h.contestId);
  db.prepare(
    `INSERT INTO contest_results (contest_id, electorate, ballots_cast, rejected_ballots, votes_per_ballot, declared_on, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(h.contestId, h.electorate, h.ballotsCast, h.rejectedBallots, h.votesPerBallot, h.declaredOn, at);
  const insert = db.prepare(
    'INSERT INTO contest_result_votes (contest_id, candidacy_id, party_list_id, constituency_seats, name, party, votes, elected, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  rows.forEach((r, i) => insert.run(h.contestId, r.candidacyId, r.partyListId, r.constituencySeats, r.name, r.party, r.votes, r.elected ? 1 : 0, i + 1));
}

export async function deleteResult(db: Db, contestId: number): Promise<void> {
  db.prepare('DELETE FROM contest_results WHERE contest_id = ?').run(contestId);
}
