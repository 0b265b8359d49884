import type { Queries } from '../store.ts';

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

export async function getResult(db: Queries, contestId: number): Promise<{ header: ResultHeader; rows: ResultVoteRow[] } | undefined> {
  const header = (await db.get(
    `SELECT contest_id AS contestId, electorate, ballots_cast AS ballotsCast, rejected_ballots AS rejectedBallots,
       votes_per_ballot AS votesPerBallot, declared_on AS declaredOn FROM contest_results WHERE contest_id = ?`,
    [contestId],
  )) as ResultHeader | undefined;
  if (!header) return undefined;
  const rows = (
    (await db.all(
      'SELECT id, candidacy_id AS candidacyId, party_list_id AS partyListId, constituency_seats AS constituencySeats, name, party, votes, elected FROM contest_result_votes WHERE contest_id = ? ORDER BY position',
      [contestId],
    )) as (Omit<ResultVoteRow, 'elected'> & { elected: number })[]
  ).map((r) => ({ ...r, elected: r.elected === 1 }));
  return { header, rows };
}

/** Replaces the contest's result and sets contests.declared_on. */
export async function saveResult(db: Queries, h: ResultHeader, rows: readonly Omit<ResultVoteRow, 'id'>[]): Promise<void> {
  const at = new Date().toISOString();
  await db.run('DELETE FROM contest_results WHERE contest_id = ?', [h.contestId]);
  await db.run(
    `INSERT INTO contest_results (contest_id, electorate, ballots_cast, rejected_ballots, votes_per_ballot, declared_on, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [h.contestId, h.electorate, h.ballotsCast, h.rejectedBallots, h.votesPerBallot, h.declaredOn, at],
  );
  const insert =
    'INSERT INTO contest_result_votes (contest_id, candidacy_id, party_list_id, constituency_seats, name, party, votes, elected, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
  for (const [i, r] of rows.entries())
    await db.run(insert, [h.contestId, r.candidacyId, r.partyListId, r.constituencySeats, r.name, r.party, r.votes, r.elected ? 1 : 0, i + 1]);
}

export async function deleteResult(db: Queries, contestId: number): Promise<void> {
  await db.run('DELETE FROM contest_results WHERE contest_id = ?', [contestId]);
}
