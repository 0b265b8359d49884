/**
 * Writing a marked register's votes: one batch per polling district.
 *
 * TEMPORARY: this stands in for db/repositories/votes.ts `recordVoteBatch` (the tellers' work,
 * written in parallel); at merge the import calls that instead and this file goes.
 */
import type { VoteMethod } from '../../shared/domain/voting-columns.ts';
import type { Db } from '../open.ts';

export interface MarkedBatch {
  electionId: number;
  areaId: number;
  pollingDistrict: string;
  receivedAt: string;
  enteredBy: string;
  /** For the marked register, the election's polling day. */
  votedAt: string;
  votes: readonly { electorId: number; method: VoteMethod }[];
}

/** Records a batch and its votes; a vote already on record for the election is kept as it was. Call inside a transaction. */
export function writeMarkedBatch(db: Db, b: MarkedBatch): { recorded: number; duplicates: number } {
  const batchId = Number(
    db
      .prepare("INSERT INTO vote_batches (election_id, area_id, polling_district, source, client_id, received_at, entered_by) VALUES (?, ?, ?, 'import', NULL, ?, ?)")
      .run(b.electionId, b.areaId, b.pollingDistrict, b.receivedAt, b.enteredBy).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO votes (election_id, elector_id, method, batch_id, voted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  let recorded = 0;
  for (const v of b.votes) recorded += insert.run(b.electionId, v.electorId, v.method, batchId, b.votedAt).changes;
  return { recorded, duplicates: b.votes.length - recorded };
}
