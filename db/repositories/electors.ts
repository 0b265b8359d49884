/**
 * The electoral register of an area: households and electors. Other features read it through
 * `findElector` (nomination subscribers) and `householdCounts` (leaflet drops).
 */
import type { Db } from '../open.ts';
import { householdKey, parseAddress, sortByWalkOrder, type ParsedAddress } from '../../shared/domain/households.ts';
import type { RegisterRow } from '../../shared/domain/register-rows.ts';
import type { MatchPerson } from '../../shared/domain/register-matching.ts';
import type { Outcome, Request } from '../../shared/domain/canvass-codes.ts';
import type { ElectorStanding } from '../../shared/domain/tallies.ts';

export interface ElectorSummary {
  id: number;
  areaId: number;
  pollingDistrict: string;
  electorNumber: string;
  fullName: string;
  surname: string;
  forenames: string;
  markers: string;
  householdId: number | null;
  /** Address lines joined by newlines. */
  address: string;
  postcode: string;
  street: string;
  latestOutcome: Outcome | null;
  latestSupport: string | null;
}

export interface Elector extends ElectorSummary {
  number: number;
  suffix: number | null;
  title: string;
  dateOfAttainment: string | null;
  walkSeq: number;
  requests: Request[];
  lastCanvassedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Household {
  id: number;
  areaId: number;
  pollingDistrict: string;
  street: string;
  houseNumber: number | null;
  house: string;
  flat: string;
  address: string;
  postcode: string;
  walkSeq: number;
}

const REQUEST_COLUMNS: Record<Request, string> = {
  literature: 'wants_literature',
  poster: 'wants_poster',
  postal_vote: 'wants_postal_vote',
  join: 'wants_join',
  visit: 'wants_visit',
};
export const REQUEST_COLUMN = REQUEST_COLUMNS;

const SUMMARY = `SELECT e.id, e.area_id AS areaId, e.polling_district AS pollingDistrict, e.elector_number AS electorNumber,
  e.full_name AS fullName, e.surname, e.forenames, e.markers, e.household_id AS householdId, e.address_lines AS address,
  e.postcode, COALESCE(h.street, '') AS street, e.latest_outcome AS latestOutcome, e.latest_support AS latestSupport`;

const FULL = `${SUMMARY}, e.number, e.suffix, e.title, e.date_of_attainment AS dateOfAttainment, e.walk_seq AS walkSeq,
  e.wants_literature, e.wants_poster, e.wants_postal_vote, e.wants_join, e.wants_visit,
  e.last_canvassed_on AS lastCanvassedOn, e.created_at AS createdAt, e.updated_at AS updatedAt
  FROM electors e LEFT JOIN households h ON h.id = e.household_id`;

type FullRow = Omit<Elector, 'requests'> & Record<string, unknown>;

function toElector(row: FullRow): Elector {
  const requests = (Object.keys(REQUEST_COLUMNS) as Request[]).filter((q) => row[REQUEST_COLUMNS[q]] === 1);
  const e: Record<string, unknown> = { ...row, requests };
  for (const c of Object.values(REQUEST_COLUMNS)) delete e[c];
  return e as unknown as Elector;
}

/** The elector with this canonical number in the area (e.g. a nomination subscriber), if any. */
export async function findElector(db: Db, areaId: number, electorNumber: string): Promise<Elector | undefined> {
  const row = db.prepare(`${FULL} WHERE e.area_id = ? AND e.elector_number = ?`).get(areaId, electorNumber) as FullRow | undefined;
  return row ? toElector(row) : undefined;
}

export async function getElector(db: Db, id: number): Promise<Elector | undefined> {
  const row = db.prepare(`${FULL} WHERE e.id = ?`).get(id) as FullRow | undefined;
  return row ? toElector(row) : undefined;
}

/** Households and electors per polling district of an area, districts in order. */
export async function householdCounts(
  db: Db,
  areaId: number,
): Promise<{ pollingDistrict: string; households: number; electors: number }[]> {
  return db
    .prepare(
      `SELECT polling_district AS pollingDistrict, COUNT(DISTINCT household_id) AS households, COUNT(*) AS electors
       FROM electors WHERE area_id = ? GROUP BY polling_district ORDER BY polling_district`,
    )
    .all(areaId) as { pollingDistrict: string; households: number; electors: number }[];
}

/** Areas that have a register, with their counts. */
export async function registerSummaries(db: Db): Promise<{ areaId: number; areaName: string; electors: number; households: number; districts: number }[]> {
  return db
    .prepare(
      `SELECT a.id AS areaId, a.name AS areaName, COUNT(e.id) AS electors, COUNT(DISTINCT e.household_id) AS households,
         COUNT(DISTINCT e.polling_district) AS districts
       FROM areas a JOIN electors e ON e.area_id = a.id GROUP BY a.id ORDER BY a.name`,
    )
    .all() as { areaId: number; areaName: string; electors: number; households: number; districts: number }[];
}

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE clauses (to add to) for the rows of an area, or of one of its polling districts. */
function inArea(alias: 'e' | 'h', areaId: number, pollingDistrict?: string): { where: string[]; params: unknown[] } {
  return pollingDistrict
    ? { where: [`${alias}.area_id = ?`, `${alias}.polling_district = ?`], params: [areaId, pollingDistrict] }
    : { where: [`${alias}.area_id = ?`], params: [areaId] };
}

/**
 * A page of an area's electors in walk order, optionally only those whose name, elector number,
 * street or postcode contains the search text.
 */
export async function listElectors(
  db: Db,
  q: { areaId: number; pollingDistrict?: string; search?: string; offset: number; limit: number },
): Promise<{ total: number; items: ElectorSummary[] }> {
  const { where, params } = inArea('e', q.areaId, q.pollingDistrict);
  const search = q.search?.trim();
  if (search) {
    const like = likePattern(search);
    where.push(
      `(e.full_name LIKE ? ESCAPE '\\' OR e.elector_number LIKE ? ESCAPE '\\' OR h.street LIKE ? ESCAPE '\\' OR e.postcode LIKE ? ESCAPE '\\')`,
    );
    params.push(like, like, like, like);
  }
  const from = `FROM electors e LEFT JOIN households h ON h.id = e.household_id WHERE ${where.join(' AND ')}`;
  const total = (db.prepare(`SELECT COUNT(*) AS n ${from}`).get(...params) as { n: number }).n;
  const items = db.prepare(`${SUMMARY} ${from} ORDER BY e.walk_seq LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as ElectorSummary[];
  return { total, items };
}

/**
 * The elector after (or before) `from` in walk order; with `sameDistrict` only within its
 * polling district. Walk order runs district by district, so across a whole area the neighbour
 * is in the same district or else the first (last) of the next (previous) one: two index reads.
 */
export async function neighbourInWalk(
  db: Db,
  from: { areaId: number; pollingDistrict: string; walkSeq: number },
  direction: 1 | -1,
  sameDistrict: boolean,
): Promise<ElectorSummary | undefined> {
  const cmp = direction === 1 ? '>' : '<';
  const order = direction === 1 ? 'ASC' : 'DESC';
  const select = `${SUMMARY} FROM electors e LEFT JOIN households h ON h.id = e.household_id`;
  const inDistrict = db
    .prepare(`${select} WHERE e.area_id = ? AND e.polling_district = ? AND e.walk_seq ${cmp} ? ORDER BY e.polling_district ${order}, e.walk_seq ${order} LIMIT 1`)
    .get(from.areaId, from.pollingDistrict, from.walkSeq) as ElectorSummary | undefined;
  if (inDistrict || sameDistrict) return inDistrict;
  return db
    .prepare(`${select} WHERE e.area_id = ? AND e.polling_district ${cmp} ? ORDER BY e.polling_district ${order}, e.walk_seq ${order} LIMIT 1`)
    .get(from.areaId, from.pollingDistrict) as ElectorSummary | undefined;
}

export async function getHousehold(db: Db, id: number): Promise<Household | undefined> {
  return db
    .prepare(
      `SELECT id, area_id AS areaId, polling_district AS pollingDistrict, street, house_number AS houseNumber, house, flat,
         address_lines AS address, postcode, walk_seq AS walkSeq FROM households WHERE id = ?`,
    )
    .get(id) as Household | undefined;
}

/**
 * Households of an area (or one of its polling districts) whose address lines or postcode hold
 * every word of the search, with how many match. A house number typed first ("12 mill") puts
 * that number first; the rest follow in walk order.
 */
export async function findHouseholds(
  db: Db,
  q: { areaId: number; pollingDistrict?: string; search: string; limit: number },
): Promise<{ total: number; items: Household[] }> {
  const { where, params } = inArea('h', q.areaId, q.pollingDistrict);
  const words = q.search.split(/[\s,]+/).filter(Boolean).slice(0, 8);
  for (const w of words) {
    where.push(`(h.address_lines LIKE ? ESCAPE '\\' OR h.postcode LIKE ? ESCAPE '\\')`);
    params.push(likePattern(w), likePattern(w));
  }
  const from = `FROM households h WHERE ${where.join(' AND ')} AND EXISTS (SELECT 1 FROM electors e WHERE e.household_id = h.id)`;
  const total = (db.prepare(`SELECT COUNT(*) AS n ${from}`).get(...params) as { n: number }).n;
  const leading = /^\d+$/.test(words[0] ?? '') ? Number(words[0]) : null;
  const items = db
    .prepare(
      `SELECT h.id, h.area_id AS areaId, h.polling_district AS pollingDistrict, h.street, h.house_number AS houseNumber, h.house, h.flat,
         h.address_lines AS address, h.postcode, h.walk_seq AS walkSeq ${from}
       ORDER BY CASE WHEN h.house_number = ? THEN 0 ELSE 1 END, h.walk_seq LIMIT ?`,
    )
    .all(...params, leading, q.limit) as Household[];
  return { total, items };
}

export async function householdMembers(db: Db, householdId: number): Promise<ElectorSummary[]> {
  return db
    .prepare(`${SUMMARY} FROM electors e LEFT JOIN households h ON h.id = e.household_id WHERE e.household_id = ? ORDER BY e.walk_seq`)
    .all(householdId) as ElectorSummary[];
}

/** Distinct polling districts of an area's register. */
export async function pollingDistricts(db: Db, areaId: number): Promise<string[]> {
  return (db.prepare('SELECT DISTINCT polling_district AS d FROM electors WHERE area_id = ? ORDER BY d').all(areaId) as { d: string }[]).map(
    (r) => r.d,
  );
}

export interface WalkSheetHousehold extends Household {
  electors: { id: number; electorNumber: string; fullName: string; markers: string; latestOutcome: string | null; latestSupport: string | null }[];
}

/**
 * Households of an area (or one polling district) in walk order with their electors, for a
 * printed walk sheet. Electors who moved, died or asked not to be contacted are left off.
 */
export async function walkSheet(db: Db, areaId: number, pollingDistrict?: string): Promise<WalkSheetHousehold[]> {
  const params: unknown[] = [areaId, ...(pollingDistrict ? [pollingDistrict] : [])];
  const rows = db
    .prepare(
      `SELECT h.id, h.area_id AS areaId, h.polling_district AS pollingDistrict, h.street, h.house_number AS houseNumber, h.house, h.flat,
         h.address_lines AS address, h.postcode, h.walk_seq AS walkSeq,
         e.id AS electorId, e.elector_number AS electorNumber, e.full_name AS fullName, e.markers,
         e.latest_outcome AS latestOutcome, e.latest_support AS latestSupport
       FROM electors e JOIN households h ON h.id = e.household_id
       WHERE e.area_id = ? ${pollingDistrict ? 'AND e.polling_district = ?' : ''}
         AND (e.latest_outcome IS NULL OR e.latest_outcome NOT IN ('moved', 'deceased', 'do_not_contact'))
       ORDER BY e.walk_seq`,
    )
    .all(...params) as (Household & { electorId: number; electorNumber: string; fullName: string; markers: string; latestOutcome: string | null; latestSupport: string | null })[];
  const out: WalkSheetHousehold[] = [];
  for (const r of rows) {
    let h = out.at(-1);
    if (!h || h.id !== r.id) {
      const { electorId: _e, electorNumber: _n, fullName: _f, markers: _m, latestOutcome: _o, latestSupport: _s, ...household } = r;
      h = { ...household, electors: [] };
      out.push(h);
    }
    h.electors.push({
      id: r.electorId,
      electorNumber: r.electorNumber,
      fullName: r.fullName,
      markers: r.markers,
      latestOutcome: r.latestOutcome,
      latestSupport: r.latestSupport,
    });
  }
  return out;
}

/** Sets an elector's standing (folded from their returns). */
export async function setStanding(db: Db, electorId: number, s: ElectorStanding, lastCanvassedOn: string | null): Promise<void> {
  db.prepare(
    `UPDATE electors SET latest_outcome = ?, latest_support = ?, wants_literature = ?, wants_poster = ?, wants_postal_vote = ?,
       wants_join = ?, wants_visit = ?, last_canvassed_on = ? WHERE id = ?`,
  ).run(
    s.outcome,
    s.support,
    s.requests.includes('literature') ? 1 : 0,
    s.requests.includes('poster') ? 1 : 0,
    s.requests.includes('postal_vote') ? 1 : 0,
    s.requests.includes('join') ? 1 : 0,
    s.requests.includes('visit') ? 1 : 0,
    lastCanvassedOn,
    electorId,
  );
}

export async function deleteElector(db: Db, id: number): Promise<void> {
  const row = db.prepare('SELECT household_id AS h FROM electors WHERE id = ?').get(id) as { h: number | null } | undefined;
  db.prepare('DELETE FROM electors WHERE id = ?').run(id);
  if (row?.h != null) db.prepare('DELETE FROM households WHERE id = ? AND NOT EXISTS (SELECT 1 FROM electors WHERE household_id = ?)').run(row.h, row.h);
}

// ---------------------------------------------------------------------------------------------
// Import

/** The electors of an area as the matcher needs them. */
export async function matchableElectors(db: Db, areaId: number): Promise<(MatchPerson & { id: number })[]> {
  const rows = db
    .prepare(
      `SELECT id, full_name AS fullName, surname, forenames, address_lines AS address, postcode, elector_number AS electorNumber
       FROM electors WHERE area_id = ?`,
    )
    .all(areaId) as { id: number; fullName: string; surname: string; forenames: string; address: string; postcode: string; electorNumber: string }[];
  return rows.map(({ address, ...r }) => ({ ...r, addressLines: address === '' ? [] : address.split('\n') }));
}

export interface RegisterWrite {
  areaId: number;
  /** Rows in file order, as objects or packed by `packRow`. */
  rows: readonly (RegisterRow | string)[];
  /** For each row, the id of the existing elector it continues, or null for a new elector. */
  existingIds: readonly (number | null)[];
  /** Existing electors that are not on the new register. */
  leftIds: readonly number[];
}

/**
 * A row's column values in `electors` order (district … forenames, address, postcode), read
 * straight from a packed row without building the object.
 */
function registerValues(r: RegisterRow | string): (string | number | null)[] {
  if (typeof r !== 'string') {
    return [r.pollingDistrict, r.electorNumber, r.number, r.suffix, r.markers, r.dateOfAttainment, r.title, r.fullName, r.surname, r.forenames, r.addressLines.join('\n'), r.postcode];
  }
  const f = r.split('\u001f');
  return [f[1], f[4], Number(f[2]), f[3] === '' ? null : Number(f[3]), f[5], f[6] === '' ? null : f[6], f[7], f[8], f[9], f[10], f[11].replaceAll('\u001e', '\n'), f[12]];
}

/** What households need from a row, read straight from a packed row. */
function addressOf(r: RegisterRow | string): Pick<RegisterRow, 'pollingDistrict' | 'number' | 'suffix' | 'addressLines' | 'postcode'> {
  if (typeof r !== 'string') return r;
  const f = r.split('\u001f');
  return { pollingDistrict: f[1], number: Number(f[2]), suffix: f[3] === '' ? null : Number(f[3]), addressLines: f[11] === '' ? [] : f[11].split('\u001e'), postcode: f[12] };
}

export interface RegisterWriteResult {
  households: number;
  inserted: number;
  updated: number;
  removed: number;
}

/**
 * Replaces an area's register with `rows`, keeping matched electors' ids (so their returns stay
 * theirs) and households' ids where the address is unchanged. Call inside a transaction.
 */
export function writeRegister(db: Db, w: RegisterWrite): RegisterWriteResult {
  const now = new Date().toISOString();

  // Households: one per distinct address, in walk order.
  const n = w.rows.length;
  type Pending = { address: ParsedAddress; row: Pick<RegisterRow, 'pollingDistrict' | 'addressLines' | 'postcode'>; id: number; seq: number };
  const keys: (string | null)[] = new Array(n);
  const numbers = new Int32Array(n);
  const suffixes = new Int32Array(n);
  const byKey = new Map<string, Pending>();
  for (let i = 0; i < n; i++) {
    const row = addressOf(w.rows[i]);
    const key = householdKey(row.addressLines, row.postcode);
    keys[i] = key;
    numbers[i] = row.number;
    suffixes[i] = row.suffix ?? 0;
    if (key !== null && !byKey.has(key)) {
      const { pollingDistrict, addressLines, postcode } = row;
      byKey.set(key, { address: parseAddress(addressLines), row: { pollingDistrict, addressLines, postcode }, id: 0, seq: 0 });
    }
  }
  sortByWalkOrder([...byKey.values()], (h) => h.address, (h) => h.row.pollingDistrict).forEach((h, i) => (h.seq = i + 1));

  const existingHouseholds = new Map(
    (db.prepare('SELECT id, address_key AS k FROM households WHERE area_id = ?').all(w.areaId) as { id: number; k: string }[]).map((r) => [r.k, r.id]),
  );
  const insertHousehold = db.prepare(
    `INSERT INTO households (area_id, polling_district, address_key, street, house_number, house, flat, address_lines, postcode, walk_seq, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateHousehold = db.prepare(
    `UPDATE households SET polling_district = ?, street = ?, house_number = ?, house = ?, flat = ?, address_lines = ?, postcode = ?, walk_seq = ?, updated_at = ?
     WHERE id = ?`,
  );
  for (const [key, h] of byKey) {
    const a = h.address;
    const lines = h.row.addressLines.join('\n');
    const existing = existingHouseholds.get(key);
    if (existing !== undefined) {
      updateHousehold.run(h.row.pollingDistrict, a.street, a.houseNumber, a.house, a.flat, lines, h.row.postcode, h.seq, now, existing);
      h.id = existing;
      existingHouseholds.delete(key);
    } else {
      h.id = Number(
        insertHousehold.run(w.areaId, h.row.pollingDistrict, key, a.street, a.houseNumber, a.house, a.flat, lines, h.row.postcode, h.seq, now, now).lastInsertRowid,
      );
    }
  }

  // Each elector's place in walk order: household order, then elector number. Rows are written in
  // file order (registers come roughly in that order already), which keeps index inserts cheap.
  const householdSeq = new Int32Array(n);
  for (let i = 0; i < n; i++) householdSeq[i] = keys[i] === null ? 2_000_000_000 : byKey.get(keys[i] as string)!.seq;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => householdSeq[a] - householdSeq[b] || numbers[a] - numbers[b] || suffixes[a] - suffixes[b]);
  const walkSeq = new Int32Array(n);
  for (let rank = 0; rank < n; rank++) walkSeq[order[rank]] = rank + 1;

  const removeElector = db.prepare('DELETE FROM electors WHERE id = ?');
  for (const id of w.leftIds) removeElector.run(id);
  // Matched electors may swap numbers: free every old number first.
  const park = db.prepare("UPDATE electors SET elector_number = '~' || id WHERE id = ?");
  for (const id of w.existingIds) if (id !== null) park.run(id);

  const insertElector = db.prepare(
    `INSERT INTO electors (polling_district, elector_number, number, suffix, markers, date_of_attainment, title, full_name, surname, forenames,
       household_id, address_lines, postcode, walk_seq, updated_at, area_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateElector = db.prepare(
    `UPDATE electors SET polling_district = ?, elector_number = ?, number = ?, suffix = ?, markers = ?, date_of_attainment = ?, title = ?,
       full_name = ?, surname = ?, forenames = ?, household_id = ?, address_lines = ?, postcode = ?, walk_seq = ?, updated_at = ?
     WHERE id = ?`,
  );
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    const householdId = key === null ? null : byKey.get(key)!.id;
    const existing = w.existingIds[i];
    const v = registerValues(w.rows[i]);
    if (existing === null) {
      insertElector.run(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], householdId, v[10], v[11], walkSeq[i], now, w.areaId, now);
      inserted++;
    } else {
      updateElector.run(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], householdId, v[10], v[11], walkSeq[i], now, existing);
      updated++;
    }
  }

  // Addresses nobody lives at any more.
  const removeHousehold = db.prepare('DELETE FROM households WHERE id = ?');
  for (const id of existingHouseholds.values()) removeHousehold.run(id);

  return { households: byKey.size, inserted, updated, removed: w.leftIds.length };
}

/**
 * Households per street (those with electors), streets in walk order: the counts a leaflet round
 * takes from the register. With a polling district, only that district's streets.
 */
export async function streetHouseholdCounts(
  db: Db,
  areaId: number,
  pollingDistrict?: string,
): Promise<{ street: string; pollingDistrict: string; households: number }[]> {
  const district = pollingDistrict === undefined || pollingDistrict === '' ? null : pollingDistrict;
  return db
    .prepare(
      `SELECT h.street, h.polling_district AS pollingDistrict, COUNT(*) AS households FROM households h
       WHERE h.area_id = ? AND (? IS NULL OR h.polling_district = ?) AND h.street <> ''
         AND EXISTS (SELECT 1 FROM electors e WHERE e.household_id = h.id)
       GROUP BY h.polling_district, h.street ORDER BY MIN(h.walk_seq)`,
    )
    .all(areaId, district, district) as { street: string; pollingDistrict: string; households: number }[];
}
