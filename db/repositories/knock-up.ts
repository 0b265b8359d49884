/**
 * Knock-up lists: a committee room's promises (the contest's promise rule) who have not yet voted,
 * street by street in walk order, and the calls made on them round by round. Promises are found
 * in the index electors_promise_walk (area, support, district, walk order, outcome: migration
 * 018) and checked against the votes primary key; only those still to vote are read in full.
 */
import type { Queries } from '../store.ts';
import { indexedBy } from './dialect.ts';
import { parseSupports, promiseWhere } from '../../shared/domain/promises.ts';
import { type VotedIn, votedInWhere } from './voting-history.ts';

/** The contest's promise rule as codes, or null when none is set. */
export async function promiseRule(db: Queries, contestId: number): Promise<string[] | null> {
  const stored = (await db.values<[unknown]>('SELECT supports FROM promise_rules WHERE contest_id = ?', [contestId]))[0]?.[0] as string | undefined;
  if (stored === undefined) return null;
  return parseSupports(stored);
}

export interface Room {
  id: number;
  name: string;
  districts: string[];
}

export async function contestRooms(db: Queries, contestId: number): Promise<Room[]> {
  const rows = (await db.all(
    `SELECT r.id, r.name, string_agg(d.polling_district, ',' ORDER BY d.polling_district) AS districts FROM committee_rooms r
       LEFT JOIN committee_room_districts d ON d.room_id = r.id
       WHERE r.contest_id = ? GROUP BY r.id ORDER BY r.name, r.id`,
    [contestId],
  )) as { id: number; name: string; districts: string | null }[];
  return rows.map((r) => ({ id: r.id, name: r.name, districts: r.districts ? r.districts.split(',') : [] }));
}

export async function getRoom(db: Queries, contestId: number, roomId: number): Promise<Room | undefined> {
  return (await contestRooms(db, contestId)).find((r) => r.id === roomId);
}

interface Scope {
  contestId: number;
  electionId: number;
  areaId: number;
  districts: readonly string[];
  supports: readonly string[];
}

function scopeWhere(s: Scope) {
  const promise = promiseWhere('e', s.supports);
  return {
    sql: `e.area_id = ? AND e.polling_district IN (${s.districts.map(() => '?').join(', ')}) AND ${promise.sql}`,
    params: [s.areaId, ...s.districts, ...promise.params],
  };
}

/** Promises in the districts, and how many of them have voted. */
export async function promiseCounts(db: Queries, s: Scope): Promise<{ promises: number; voted: number }> {
  if (s.districts.length === 0 || s.supports.length === 0) return { promises: 0, voted: 0 };
  const where = scopeWhere(s);
  return (await db.get(
    `SELECT COUNT(*) AS promises, COUNT(v.elector_id) AS voted FROM electors e ${indexedBy(db, 'electors_promise_walk')}
       LEFT JOIN votes v ON v.election_id = ? AND v.elector_id = e.id WHERE ${where.sql}`,
    [s.electionId, ...where.params],
  )) as { promises: number; voted: number };
}

export interface KnockUpElector {
  electorId: number;
  electorNumber: string;
  fullName: string;
  pollingDistrict: string;
  street: string;
  house: string;
  postcode: string;
  support: string;
  knocked: number[];
}

/** id, number, name, district, street, flat, house, address, postcode, support */
type ListRow = [number, string, string, string, string | null, string | null, string | null, string, string, string];

/**
 * The promises of the districts who have not voted, district by district in walk order, and how
 * many promises there are and how many of them have voted. The count and the NOT EXISTS both read
 * the index alone, so the voted promises' rows are never read. With `votedIn`, only those with
 * that history in earlier elections (the contest's own does not count) are listed; the counts
 * stay the room's whole.
 */
export async function knockUpList(db: Queries, s: Scope, votedIn?: VotedIn): Promise<{ promises: number; voted: number; electors: KnockUpElector[] }> {
  if (s.districts.length === 0 || s.supports.length === 0) return { promises: 0, voted: 0, electors: [] };
  const where = scopeWhere(s);
  const history = votedIn ? votedInWhere('e', s.areaId, votedIn.n, votedIn.m, s.electionId) : { sql: 'TRUE', params: [] };
  const rows = (await db.values(
    `SELECT e.id, e.elector_number, e.full_name, e.polling_district, h.street, h.flat, h.house, e.address_lines, e.postcode, e.latest_support
       FROM electors e ${indexedBy(db, 'electors_promise_walk')}
       LEFT JOIN households h ON h.id = e.household_id
       WHERE ${where.sql} AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.election_id = ? AND v.elector_id = e.id) AND ${history.sql}
       ORDER BY e.polling_district, e.walk_seq`,
    [...where.params, s.electionId, ...history.params],
  )) as ListRow[];
  // Unfiltered, those not listed have voted; filtered, the room's counts are read apart.
  let counts: { promises: number; voted: number };
  if (votedIn) counts = await promiseCounts(db, s);
  else {
    const promises = (
      await db.values<[unknown]>(`SELECT COUNT(*) FROM electors e ${indexedBy(db, 'electors_promise_walk')} WHERE ${where.sql}`, where.params)
    )[0]?.[0] as number;
    counts = { promises, voted: promises - rows.length };
  }
  const knocked = new Map<number, number[]>();
  const calls = (await db.values('SELECT elector_id AS e, round FROM knock_ups WHERE contest_id = ? ORDER BY round', [s.contestId])) as [number, number][];
  for (const [e, round] of calls) {
    const list = knocked.get(e);
    if (list) list.push(round);
    else knocked.set(e, [round]);
  }
  const electors = rows.map(([electorId, electorNumber, fullName, pollingDistrict, street, flat, house, address, postcode, support]) => ({
    electorId,
    electorNumber,
    fullName,
    pollingDistrict,
    street: street ?? '',
    house: [flat, house].filter(Boolean).join(', ') || address.split('\n')[0],
    postcode,
    support,
    knocked: knocked.get(electorId) ?? [],
  }));
  return { ...counts, electors };
}

/** Records calls; a call already recorded for that round is left as it was. */
export async function recordKnocks(
  db: Queries,
  k: { contestId: number; roomId: number; round: number; electorIds: readonly number[]; knockedBy: string },
): Promise<number> {
  const insert = `INSERT INTO knock_ups (contest_id, elector_id, room_id, round, knocked_at, knocked_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (contest_id, elector_id, round) DO NOTHING`;
  const at = new Date().toISOString();
  let n = 0;
  for (const e of k.electorIds) n += (await db.run(insert, [k.contestId, e, k.roomId, k.round, at, k.knockedBy])).changes;
  return n;
}

export async function removeKnocks(db: Queries, k: { contestId: number; round: number; electorIds: readonly number[] }): Promise<number> {
  const remove = 'DELETE FROM knock_ups WHERE contest_id = ? AND elector_id = ? AND round = ?';
  let n = 0;
  for (const e of k.electorIds) n += (await db.run(remove, [k.contestId, e, k.round])).changes;
  return n;
}
