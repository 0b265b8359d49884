/**
 * Who voted in which election, read back: an elector's history, and the filter "voted in at
 * least N of the last M elections" for lists and walk sheets (and the knock-up list).
 *
 * An election is known for an area once any vote for it is recorded there (a teller's batch or
 * a marked register): an election with no record says nothing about who stayed at home.
 */
import type { ElectionType } from '../../shared/domain/election-types.ts';
import type { AbsentVote, VoteMethod } from '../../shared/domain/voting-columns.ts';
import type { Queries } from '../store.ts';

/** Elections known for an area (but `excludeId`), newest polling day first: the SQL and its parameters. */
function knownElectionsSql(areaId: number, excludeId?: number): { sql: string; params: number[] } {
  return {
    sql: `SELECT el.id FROM elections el WHERE el.id IN (SELECT DISTINCT election_id FROM vote_batches WHERE area_id = ?)
          ${excludeId === undefined ? '' : 'AND el.id != ?'} ORDER BY el.polling_day DESC, el.id DESC`,
    params: excludeId === undefined ? [areaId] : [areaId, excludeId],
  };
}

/** "Voted in at least n of the last m elections known for the area". */
export interface VotedIn {
  n: number;
  m: number;
}

/**
 * A predicate on `alias` (a row of electors): they voted in at least `n` of the last `m`
 * elections known for the area. `excludeElectionId` leaves out the poll under way, so a
 * knock-up list's history is of earlier elections.
 */
export function votedInWhere(alias: string, areaId: number, n: number, m: number, excludeElectionId?: number): { sql: string; params: number[] } {
  const last = knownElectionsSql(areaId, excludeElectionId);
  return {
    sql: `(SELECT COUNT(*) FROM votes vh WHERE vh.elector_id = ${alias}.id AND vh.election_id IN (${last.sql} LIMIT ?)) >= ?`,
    params: [...last.params, m, n],
  };
}

export interface KnownElection {
  id: number;
  name: string;
  type: ElectionType;
  pollingDay: string;
}

export async function knownElections(db: Queries, areaId: number): Promise<KnownElection[]> {
  const known = knownElectionsSql(areaId);
  return (await db.all(
    `SELECT e.id, e.name, e.type, e.polling_day AS pollingDay FROM elections e JOIN (${known.sql}) k ON k.id = e.id ORDER BY e.polling_day DESC, e.id DESC`,
    known.params,
  )) as KnownElection[];
}

const SHORT_TYPE: Record<ElectionType, string> = {
  'uk-parliament': 'general',
  'uk-parliament-by': 'by-election',
  local: 'local',
  parish: 'parish',
  mayor: 'mayoral',
  'combined-authority-mayor': 'mayoral',
  pcc: 'PCC',
  gla: 'GLA',
  'scottish-parliament': 'Scottish Parliament',
  senedd: 'Senedd',
  'ni-assembly': 'NI Assembly',
};

/**
 * How a history names an election: "2026 local", "2024 general"; when two known elections
 * would read the same, the election's own name instead.
 */
export function electionLabels(elections: readonly KnownElection[]): Map<number, string> {
  const short = (e: KnownElection) => `${e.pollingDay.slice(0, 4)} ${SHORT_TYPE[e.type] ?? e.type}`;
  const counts = new Map<string, number>();
  for (const e of elections) counts.set(short(e), (counts.get(short(e)) ?? 0) + 1);
  return new Map(elections.map((e) => [e.id, counts.get(short(e))! > 1 ? e.name : short(e)]));
}

export interface HistoryEntry {
  electionId: number;
  label: string;
  electionName: string;
  pollingDay: string;
  voted: boolean;
  method: VoteMethod | null;
}

/** An elector's record in every election known for their area, newest first. */
export async function electorHistory(db: Queries, electorId: number): Promise<HistoryEntry[]> {
  const e = (await db.get('SELECT area_id AS areaId FROM electors WHERE id = ?', [electorId])) as { areaId: number } | undefined;
  if (!e) return [];
  const elections = await knownElections(db, e.areaId);
  // A vote recorded for an election not (or no longer) known for the area still belongs in it.
  const votes = (await db.all(
    `SELECT v.election_id AS electionId, v.method, el.name, el.type, el.polling_day AS pollingDay FROM votes v JOIN elections el ON el.id = v.election_id WHERE v.elector_id = ?`,
    [electorId],
  )) as { electionId: number; method: VoteMethod; name: string; type: ElectionType; pollingDay: string }[];
  for (const v of votes) {
    if (!elections.some((k) => k.id === v.electionId)) elections.push({ id: v.electionId, name: v.name, type: v.type, pollingDay: v.pollingDay });
  }
  elections.sort((a, b) => (a.pollingDay < b.pollingDay ? 1 : a.pollingDay > b.pollingDay ? -1 : b.id - a.id));
  const labels = electionLabels(elections);
  return elections.map((k) => {
    const vote = votes.find((v) => v.electionId === k.id);
    return {
      electionId: k.id,
      label: labels.get(k.id)!,
      electionName: k.name,
      pollingDay: k.pollingDay,
      voted: vote !== undefined,
      method: vote?.method ?? null,
    };
  });
}

/** How many votes an elector has on record (for what erasure will remove). */
export async function electorVoteCount(db: Queries, electorId: number): Promise<number> {
  return ((await db.get('SELECT COUNT(*) AS n FROM votes WHERE elector_id = ?', [electorId])) as { n: number }).n;
}

/** An elector's postal or proxy vote, or null. */
export async function absentVoteOf(db: Queries, electorId: number): Promise<AbsentVote | null> {
  const r = (await db.get('SELECT absent_vote AS v FROM electors WHERE id = ?', [electorId])) as { v: AbsentVote | null } | undefined;
  return r?.v ?? null;
}
