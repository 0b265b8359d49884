/**
 * Who voted: batches of numbers from tellers on the day, or pages of the marked register
 * afterwards (and its CSV import). A batch carries the sending device's client id, so a batch
 * sent again after a dropped connection is recorded once.
 */
import type { Queries } from '../store.ts';

export type VoteSource = 'teller' | 'marked_register' | 'import';
import type { VoteMethod } from '../../shared/domain/voting-columns.ts';
export type { VoteMethod };

export interface VoteBatchWrite {
  electionId: number;
  areaId: number;
  pollingDistrict: string;
  source: VoteSource;
  clientId: string | null;
  receivedAt: string;
  enteredBy: string;
  /** When they voted: the batch's time for tellers (default), the polling day for the marked register. */
  votedAt?: string;
  votes: { electorId: number; method: VoteMethod }[];
}

export interface VoteBatchResult {
  batchId: number;
  /** Electors whose vote this batch recorded, in the order given. */
  recorded: number[];
  /** Electors given whose vote was already recorded in this election (or earlier in the batch). */
  duplicates: number[];
  /** The client id had been recorded before: nothing was written, the answer is the first one's. */
  resent: boolean;
}

export interface StoredBatch {
  id: number;
  electionId: number;
  areaId: number;
  pollingDistrict: string;
  source: VoteSource;
  clientId: string | null;
  receivedAt: string;
  enteredBy: string;
}

const BATCH = `SELECT id, election_id AS electionId, area_id AS areaId, polling_district AS pollingDistrict, source, client_id AS clientId,
  received_at AS receivedAt, entered_by AS enteredBy FROM vote_batches`;

export async function batchByClientId(db: Queries, clientId: string): Promise<StoredBatch | undefined> {
  return (await db.get(`${BATCH} WHERE client_id = ?`, [clientId])) as StoredBatch | undefined;
}

/** The electors a batch recorded. */
async function batchElectors(db: Queries, batchId: number): Promise<Set<number>> {
  return new Set((await db.values<[unknown]>('SELECT elector_id FROM votes WHERE batch_id = ?', [batchId])).map((r) => r[0]) as number[]);
}

/**
 * Records a batch of votes. A vote already recorded in the election (by any batch, or earlier in
 * this one) is left as it was and reported as a duplicate. A client id seen before records
 * nothing and answers as the first time did; the caller checks it belongs to the same election,
 * area and district (`batchByClientId`).
 */
export async function recordVoteBatch(db: Queries, b: VoteBatchWrite): Promise<VoteBatchResult> {
  const earlier = b.clientId === null ? undefined : await batchByClientId(db, b.clientId);
  if (earlier) {
    const mine = await batchElectors(db, earlier.id);
    const recorded: number[] = [];
    const duplicates: number[] = [];
    for (const v of b.votes) {
      if (mine.delete(v.electorId)) recorded.push(v.electorId);
      else duplicates.push(v.electorId);
    }
    return { batchId: earlier.id, recorded, duplicates, resent: true };
  }
  const batchId = await db.insert(
    'INSERT INTO vote_batches (election_id, area_id, polling_district, source, client_id, received_at, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [b.electionId, b.areaId, b.pollingDistrict, b.source, b.clientId, b.receivedAt, b.enteredBy],
  );
  const insert = `INSERT INTO votes (election_id, elector_id, method, batch_id, voted_at, position) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (election_id, elector_id) DO NOTHING`;
  const recorded: number[] = [];
  const duplicates: number[] = [];
  for (const [i, v] of b.votes.entries()) {
    if ((await db.run(insert, [b.electionId, v.electorId, v.method, batchId, b.votedAt ?? b.receivedAt, i + 1])).changes === 1) recorded.push(v.electorId);
    else duplicates.push(v.electorId);
  }
  return { batchId, recorded, duplicates, resent: false };
}

/** Removes batches and their votes; answers the client ids found and how many votes went. */
export async function deleteBatches(db: Queries, clientIds: readonly string[]): Promise<{ undone: string[]; votesRemoved: number }> {
  const undone: string[] = [];
  let votesRemoved = 0;
  const remove = 'DELETE FROM vote_batches WHERE id = ?';
  for (const clientId of clientIds) {
    const batch = await db.get<{ id: number; votes: number }>(
      'SELECT id, (SELECT COUNT(*) FROM votes WHERE batch_id = vote_batches.id) AS votes FROM vote_batches WHERE client_id = ?',
      [clientId],
    );
    if (batch === undefined) continue;
    const id = batch.id;
    votesRemoved += batch.votes;
    await db.run(remove, [id]); // its votes go with it (ON DELETE CASCADE)
    undone.push(clientId);
  }
  return { undone, votesRemoved };
}

export interface NumberedElector {
  id: number;
  electorNumber: string;
  fullName: string;
  pollingDistrict: string;
}

/** An elector of the area by canonical number. */
export async function electorByNumber(db: Queries, areaId: number, electorNumber: string): Promise<NumberedElector | undefined> {
  return (await db.get(
    'SELECT id, elector_number AS electorNumber, full_name AS fullName, polling_district AS pollingDistrict FROM electors WHERE area_id = ? AND elector_number = ?',
    [areaId, electorNumber],
  )) as NumberedElector | undefined;
}

/** Electors and votes recorded in the election, per polling district of the area. */
export async function districtCounts(
  db: Queries,
  electionId: number,
  areaId: number,
): Promise<{ pollingDistrict: string; station: string | null; electors: number; voted: number }[]> {
  return (await db.all(
    `SELECT d.polling_district AS pollingDistrict, s.name AS station, d.electors,
         (SELECT COUNT(*) FROM votes v JOIN electors e ON e.id = v.elector_id WHERE v.election_id = ? AND e.area_id = d.area_id AND e.polling_district = d.polling_district) AS voted
       FROM (SELECT area_id, polling_district, COUNT(*) AS electors FROM electors WHERE area_id = ? GROUP BY area_id, polling_district) d
       LEFT JOIN polling_station_districts sd ON sd.area_id = d.area_id AND sd.polling_district = d.polling_district
       LEFT JOIN polling_stations s ON s.id = sd.station_id
       ORDER BY d.polling_district`,
    [electionId, areaId],
  )) as { pollingDistrict: string; station: string | null; electors: number; voted: number }[];
}

export interface RecentBatch {
  batchId: number;
  clientId: string | null;
  pollingDistrict: string;
  receivedAt: string;
  enteredBy: string;
  votes: { electorId: number; electorNumber: string; fullName: string; method: VoteMethod }[];
}

/** The latest batches of an election in an area, newest first, with their votes. */
export async function recentBatches(
  db: Queries,
  f: { electionId: number; areaId: number; pollingDistrict?: string; source?: VoteSource; limit: number },
): Promise<RecentBatch[]> {
  const where = ['election_id = ?', 'area_id = ?'];
  const params: (string | number)[] = [f.electionId, f.areaId];
  if (f.pollingDistrict) {
    where.push('polling_district = ?');
    params.push(f.pollingDistrict);
  }
  if (f.source) {
    where.push('source = ?');
    params.push(f.source);
  }
  const batches = (await db.all(
    `SELECT id AS batchId, client_id AS clientId, polling_district AS pollingDistrict, received_at AS receivedAt, entered_by AS enteredBy
       FROM vote_batches WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`,
    [...params, f.limit],
  )) as Omit<RecentBatch, 'votes'>[];
  const votes = `SELECT v.elector_id AS electorId, e.elector_number AS electorNumber, e.full_name AS fullName, v.method
     FROM votes v JOIN electors e ON e.id = v.elector_id WHERE v.batch_id = ? ORDER BY v.position`;
  return Promise.all(batches.map(async (b) => ({ ...b, votes: (await db.all(votes, [b.batchId])) as RecentBatch['votes'] })));
}
