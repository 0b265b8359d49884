/**
 * Postal and proxy voters (electors.absent_vote): set from an absent voters list or the register's
 * markers, and the "postal vote week" list of supporters who hold one.
 */
import { promiseWhere } from '../../shared/domain/promises.ts';
import type { AbsentVote } from '../../shared/domain/voting-columns.ts';
import type { Queries } from '../store.ts';

/** Sets each elector's absent vote; call inside a transaction. Returns how many changed. */
export async function setAbsentVotes(db: Queries, updates: readonly { electorId: number; absentVote: AbsentVote | null }[]): Promise<number> {
  const set = 'UPDATE electors SET absent_vote = ? WHERE id = ? AND absent_vote IS DISTINCT FROM ?';
  let changed = 0;
  for (const u of updates) changed += (await db.run(set, [u.absentVote, u.electorId, u.absentVote])).changes;
  return changed;
}

/**
 * Sets the absent vote of an area's electors whose register markers hold one of the letters
 * the council uses for them (e.g. postal 'A', proxy 'P'). Others are left as they are.
 */
export async function absentVotesFromMarkers(db: Queries, areaId: number, letters: Partial<Record<AbsentVote, string>>): Promise<Record<AbsentVote, number>> {
  const counts: Record<AbsentVote, number> = { postal: 0, proxy: 0, postal_proxy: 0 };
  // A postal proxy's letter wins over the other two when an elector carries both.
  for (const kind of ['postal', 'proxy', 'postal_proxy'] as const) {
    const letter = letters[kind];
    if (!letter) continue;
    counts[kind] = (
      await db.run('UPDATE electors SET absent_vote = ? WHERE area_id = ? AND upper(markers) LIKE ?', [kind, areaId, `%${letter.toUpperCase()}%`])
    ).changes;
  }
  return counts;
}

export interface PostalWeekElector {
  id: number;
  electorNumber: string;
  fullName: string;
  address: string;
  postcode: string;
  pollingDistrict: string;
  absentVote: AbsentVote;
  latestSupport: string;
}

/** Supporters of an area holding a postal or proxy vote, in walk order. */
export async function postalWeekList(db: Queries, areaId: number, supports: readonly string[]): Promise<PostalWeekElector[]> {
  const supporter = promiseWhere('e', supports);
  return (await db.all(
    `SELECT e.id, e.elector_number AS electorNumber, e.full_name AS fullName, e.address_lines AS address, e.postcode,
              e.polling_district AS pollingDistrict, e.absent_vote AS absentVote, e.latest_support AS latestSupport
       FROM electors e WHERE e.area_id = ? AND e.absent_vote IS NOT NULL AND ${supporter.sql}
       ORDER BY e.polling_district, e.walk_seq`,
    [areaId, ...supporter.params],
  )) as PostalWeekElector[];
}

/** How many of an area's electors hold each kind of absent vote. */
export async function absentVoteCounts(db: Queries, areaId: number): Promise<Record<AbsentVote, number>> {
  const counts: Record<AbsentVote, number> = { postal: 0, proxy: 0, postal_proxy: 0 };
  const rows = (await db.all('SELECT absent_vote AS k, COUNT(*) AS n FROM electors WHERE area_id = ? AND absent_vote IS NOT NULL GROUP BY absent_vote', [
    areaId,
  ])) as {
    k: AbsentVote;
    n: number;
  }[];
  for (const r of rows) counts[r.k] = r.n;
  return counts;
}
