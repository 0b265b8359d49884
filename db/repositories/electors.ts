/**
 * The electoral register of an area: households and electors. Other features read it through
 * `findElector` (nomination subscribers) and `householdCounts` (leaflet drops).
 */
import type { ElectorOut, ElectorSummaryOut, HouseholdOut } from '../../shared/contract/register.ts';
import type { Queries, SqlValue } from '../store.ts';
import { ELECTOR_SEARCH_MATCH, electorSearchQuery } from '../postgres/elector-search.ts';
import { likeAnyCase } from './dialect.ts';
import { type VotedIn, votedInWhere } from './voting-history.ts';
import { parseAddress, sortByWalkOrder } from '../../shared/domain/households.ts';
import { type RegisterBuffer, TextField } from '../../shared/domain/register-buffer.ts';
import type { MatchSource } from '../../shared/domain/register-matching.ts';
import type { Request } from '../../shared/domain/canvass-codes.ts';
import type { ElectorStanding } from '../../shared/domain/tallies.ts';

/** Row types are the contract's (the address is its lines joined by newlines). */
export type ElectorSummary = ElectorSummaryOut;
export type Elector = ElectorOut;
export type Household = HouseholdOut;

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
export async function findElector(db: Queries, areaId: number, electorNumber: string): Promise<Elector | undefined> {
  const row = (await db.get(`${FULL} WHERE e.area_id = ? AND e.elector_number = ?`, [areaId, electorNumber])) as FullRow | undefined;
  return row ? toElector(row) : undefined;
}

export async function getElector(db: Queries, id: number): Promise<Elector | undefined> {
  const row = (await db.get(`${FULL} WHERE e.id = ?`, [id])) as FullRow | undefined;
  return row ? toElector(row) : undefined;
}

/** Households and electors per polling district of an area, districts in order. */
export async function householdCounts(db: Queries, areaId: number): Promise<{ pollingDistrict: string; households: number; electors: number }[]> {
  // Both counts from indexes: electors from electors_walk, households (each counted in its own
  // district, when someone lives in it, as register.list counts them) from households_walk.
  // COUNT(DISTINCT household_id) over the electors read every row and sorted: 0.4-0.8 s at 100,000.
  return (await db.all(
    `SELECT d.pollingDistrict, d.electors,
         (SELECT COUNT(*) FROM households h WHERE h.area_id = ? AND h.polling_district = d.pollingDistrict
            AND EXISTS (SELECT 1 FROM electors e WHERE e.household_id = h.id)) AS households
       FROM (SELECT polling_district AS pollingDistrict, COUNT(*) AS electors FROM electors WHERE area_id = ? GROUP BY polling_district) d
       ORDER BY d.pollingDistrict`,
    [areaId, areaId],
  )) as { pollingDistrict: string; households: number; electors: number }[];
}

/** An area's households with someone living in them, from the households_walk index. */
export async function householdTotal(db: Queries, areaId: number): Promise<number> {
  const row = (await db.get('SELECT COUNT(*) AS n FROM households h WHERE h.area_id = ? AND EXISTS (SELECT 1 FROM electors e WHERE e.household_id = h.id)', [
    areaId,
  ])) as { n: number };
  return row.n;
}

/** Areas that have a register, with their counts. */
/**
 * Each area with a register: its electors, households and polling districts. Counted from
 * indexes (a household counts when someone lives in it), never by sorting every elector.
 */
export async function registerSummaries(db: Queries): Promise<{ areaId: number; areaName: string; electors: number; households: number; districts: number }[]> {
  return (await db.all(`SELECT a.id AS areaId, a.name AS areaName,
         (SELECT COUNT(*) FROM electors e WHERE e.area_id = a.id) AS electors,
         (SELECT COUNT(*) FROM households h WHERE h.area_id = a.id AND EXISTS (SELECT 1 FROM electors e WHERE e.household_id = h.id)) AS households,
         (SELECT COUNT(DISTINCT e.polling_district) FROM electors e WHERE e.area_id = a.id) AS districts
       FROM areas a WHERE EXISTS (SELECT 1 FROM electors e WHERE e.area_id = a.id) ORDER BY a.name`)) as {
    areaId: number;
    areaName: string;
    electors: number;
    households: number;
    districts: number;
  }[];
}

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE clauses (to add to) for the rows of an area, or of one of its polling districts. */
function inArea(alias: 'e' | 'h', areaId: number, pollingDistrict?: string): { where: string[]; params: SqlValue[] } {
  return pollingDistrict
    ? { where: [`${alias}.area_id = ?`, `${alias}.polling_district = ?`], params: [areaId, pollingDistrict] }
    : { where: [`${alias}.area_id = ?`], params: [areaId] };
}

/**
 * The search as an FTS5 query: every word, as a prefix ("smi" finds Smith), must be in the
 * elector's name, address or postcode. Words are quoted, so nothing typed is query syntax;
 * "o'brien" or "ab12-3" stay one phrase of adjacent tokens. Empty when no word has a letter or digit.
 */
function searchQuery(search: string): string {
  return search
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 8)
    .map((w) => `"${w.replace(/"/g, '""')}"*`)
    .join(' ');
}

/**
 * The condition "every word typed starts a word of the elector's name, address or postcode",
 * from each engine's own full-text index: FTS5's electors_search on SQLite, the GIN index of
 * db/postgres/elector-search.ts on PostgreSQL. Null when nothing searchable was typed.
 */
function wordsMatch(db: Queries, search: string): { sql: string; param: string } | null {
  if (db.engine === 'postgres') {
    const query = electorSearchQuery(search);
    return query === null ? null : { sql: ELECTOR_SEARCH_MATCH, param: query };
  }
  const query = searchQuery(search);
  return query === '' ? null : { sql: 'id IN (SELECT rowid FROM electors_search WHERE electors_search MATCH ?)', param: query };
}

/** A search that reads as the start of an elector number ("AC-17", "ac-17/1"), upper-cased. */
function numberPrefix(search: string): string | null {
  return /^[a-z]{1,4}\d?-\d*(\/\d*)?$/i.test(search) ? search.toUpperCase() : null;
}

/**
 * The first string after every string that starts with `prefix` (its last character moved on
 * one): `n >= prefix AND n < after` is the prefix as a range both engines read from an index.
 */
function afterPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** `IN (?, ?, …)` for a list of ids, with the list as its parameters. */
function inList(ids: readonly number[]): string {
  return `IN (${ids.map(() => '?').join(', ')})`;
}

/**
 * A page of an area's electors in walk order (street, then house number: walk_seq), optionally
 * only those matching a search: every word the start of a word of their name, address or
 * postcode (through the electors_search index), or the search the start of their elector number.
 * The page is `limit` from `offset`, or from just after the walk place `after` (the previous
 * page's nextCursor); nextCursor is null on the last page.
 */
export async function listElectors(
  db: Queries,
  q: { areaId: number; pollingDistrict?: string; search?: string; offset: number; limit: number; after?: number; votedIn?: VotedIn },
): Promise<{ total: number; items: ElectorSummary[]; nextCursor: number | null }> {
  const where = ['area_id = ?'];
  const params: SqlValue[] = [q.areaId];
  if (q.pollingDistrict) {
    where.push('polling_district = ?');
    params.push(q.pollingDistrict);
  }
  if (q.votedIn) {
    const voted = votedInWhere('electors', q.areaId, q.votedIn.n, q.votedIn.m);
    where.push(voted.sql);
    params.push(...voted.params);
  }
  const search = q.search?.trim() ?? '';
  if (search) {
    const match = wordsMatch(db, search);
    const number = numberPrefix(search);
    const found: string[] = [];
    if (match) {
      found.push(match.sql);
      params.push(match.param);
    }
    if (number) {
      found.push('(elector_number >= ? AND elector_number < ?)');
      params.push(number, afterPrefix(number));
    }
    where.push(found.length ? `(${found.join(' OR ')})` : 'FALSE');
  }
  const filter = `FROM electors WHERE ${where.join(' AND ')}`;
  const total = ((await db.get(`SELECT COUNT(*) AS n ${filter}`, params)) as { n: number }).n;
  // The page's ids first, from the index alone (skipping to page 900 reads no rows), then its rows.
  const after = q.after === undefined ? '' : 'AND walk_seq > ?';
  const page = (await db.values(`SELECT id, walk_seq ${filter} ${after} ORDER BY walk_seq LIMIT ? OFFSET ?`, [
    ...params,
    ...(q.after === undefined ? [] : [q.after]),
    q.limit,
    q.after === undefined ? q.offset : 0,
  ])) as [number, number][];
  const ids = page.map(([id]) => id);
  const items = ids.length
    ? ((await db.all(
        `${SUMMARY} FROM electors e LEFT JOIN households h ON h.id = e.household_id WHERE e.id ${inList(ids)} ORDER BY e.walk_seq`,
        ids,
      )) as ElectorSummary[])
    : [];
  const last = page.at(-1);
  const more =
    last !== undefined && page.length === q.limit && (await db.get(`SELECT 1 ${filter} AND walk_seq > ? LIMIT 1`, [...params, last[1]])) !== undefined;
  return { total, items, nextCursor: more ? last[1] : null };
}

/**
 * The elector after (or before) `from` in walk order; with `sameDistrict` only within its
 * polling district. Walk order runs district by district, so across a whole area the neighbour
 * is in the same district or else the first (last) of the next (previous) one: two index reads.
 */
export async function neighbourInWalk(
  db: Queries,
  from: { areaId: number; pollingDistrict: string; walkSeq: number },
  direction: 1 | -1,
  sameDistrict: boolean,
): Promise<ElectorSummary | undefined> {
  const cmp = direction === 1 ? '>' : '<';
  const order = direction === 1 ? 'ASC' : 'DESC';
  const select = `${SUMMARY} FROM electors e LEFT JOIN households h ON h.id = e.household_id`;
  const inDistrict = (await db.get(
    `${select} WHERE e.area_id = ? AND e.polling_district = ? AND e.walk_seq ${cmp} ? ORDER BY e.polling_district ${order}, e.walk_seq ${order} LIMIT 1`,
    [from.areaId, from.pollingDistrict, from.walkSeq],
  )) as ElectorSummary | undefined;
  if (inDistrict || sameDistrict) return inDistrict;
  return (await db.get(`${select} WHERE e.area_id = ? AND e.polling_district ${cmp} ? ORDER BY e.polling_district ${order}, e.walk_seq ${order} LIMIT 1`, [
    from.areaId,
    from.pollingDistrict,
  ])) as ElectorSummary | undefined;
}

/** Where a walk starts: one row from the walk index, however big the register. */
export async function firstInWalk(db: Queries, areaId: number, pollingDistrict?: string): Promise<ElectorSummary | undefined> {
  const select = `${SUMMARY} FROM electors e LEFT JOIN households h ON h.id = e.household_id`;
  const { where, params } = inArea('e', areaId, pollingDistrict);
  return (await db.get(`${select} WHERE ${where.join(' AND ')} ORDER BY e.polling_district, e.walk_seq LIMIT 1`, params)) as ElectorSummary | undefined;
}

export async function getHousehold(db: Queries, id: number): Promise<Household | undefined> {
  return (await db.get(
    `SELECT id, area_id AS areaId, polling_district AS pollingDistrict, street, house_number AS houseNumber, house, flat,
         address_lines AS address, postcode, walk_seq AS walkSeq FROM households WHERE id = ?`,
    [id],
  )) as Household | undefined;
}

/**
 * Households of an area (or one of its polling districts) whose address lines or postcode hold
 * every word of the search, with how many match. A house number typed first ("12 mill") puts
 * that number first; the rest follow in walk order.
 */
export async function findHouseholds(
  db: Queries,
  q: { areaId: number; pollingDistrict?: string; search: string; limit: number },
): Promise<{ total: number; items: Household[] }> {
  const { where, params } = inArea('h', q.areaId, q.pollingDistrict);
  const words = q.search
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 8);
  const like = likeAnyCase(db);
  for (const w of words) {
    where.push(`(h.address_lines ${like} ? ESCAPE '\\' OR h.postcode ${like} ? ESCAPE '\\')`);
    params.push(likePattern(w), likePattern(w));
  }
  const from = `FROM households h WHERE ${where.join(' AND ')} AND EXISTS (SELECT 1 FROM electors e WHERE e.household_id = h.id)`;
  const total = ((await db.get(`SELECT COUNT(*) AS n ${from}`, params)) as { n: number }).n;
  const leading = /^\d+$/.test(words[0] ?? '') ? Number(words[0]) : null;
  const items = (await db.all(
    `SELECT h.id, h.area_id AS areaId, h.polling_district AS pollingDistrict, h.street, h.house_number AS houseNumber, h.house, h.flat,
         h.address_lines AS address, h.postcode, h.walk_seq AS walkSeq ${from}
       ORDER BY CASE WHEN h.house_number = ? THEN 0 ELSE 1 END, h.walk_seq LIMIT ?`,
    [...params, leading, q.limit],
  )) as Household[];
  return { total, items };
}

export async function householdMembers(db: Queries, householdId: number): Promise<ElectorSummary[]> {
  return (await db.all(`${SUMMARY} FROM electors e LEFT JOIN households h ON h.id = e.household_id WHERE e.household_id = ? ORDER BY e.walk_seq`, [
    householdId,
  ])) as ElectorSummary[];
}

/** Distinct polling districts of an area's register. */
export async function pollingDistricts(db: Queries, areaId: number): Promise<string[]> {
  return ((await db.all('SELECT DISTINCT polling_district AS d FROM electors WHERE area_id = ? ORDER BY d', [areaId])) as { d: string }[]).map((r) => r.d);
}

export interface WalkSheetHousehold extends Household {
  electors: { id: number; electorNumber: string; fullName: string; markers: string; latestOutcome: string | null; latestSupport: string | null }[];
}

/**
 * Households of an area (or one polling district) in walk order with their electors, for a
 * printed walk sheet. Electors who moved, died or asked not to be contacted are left off.
 */
export async function walkSheet(db: Queries, areaId: number, pollingDistrict?: string, votedIn?: VotedIn): Promise<WalkSheetHousehold[]> {
  const voted = votedIn ? votedInWhere('e', areaId, votedIn.n, votedIn.m) : null;
  const params: SqlValue[] = [areaId, ...(pollingDistrict ? [pollingDistrict] : []), ...(voted ? voted.params : [])];
  const rows = (await db.all(
    `SELECT h.id, h.area_id AS areaId, h.polling_district AS pollingDistrict, h.street, h.house_number AS houseNumber, h.house, h.flat,
         h.address_lines AS address, h.postcode, h.walk_seq AS walkSeq,
         e.id AS electorId, e.elector_number AS electorNumber, e.full_name AS fullName, e.markers,
         e.latest_outcome AS latestOutcome, e.latest_support AS latestSupport
       FROM electors e JOIN households h ON h.id = e.household_id
       WHERE e.area_id = ? ${pollingDistrict ? 'AND e.polling_district = ?' : ''}
         AND (e.latest_outcome IS NULL OR e.latest_outcome NOT IN ('moved', 'deceased', 'do_not_contact'))
         ${voted ? `AND ${voted.sql}` : ''}
       ORDER BY e.walk_seq`,
    params,
  )) as (Household & {
    electorId: number;
    electorNumber: string;
    fullName: string;
    markers: string;
    latestOutcome: string | null;
    latestSupport: string | null;
  })[];
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

/** Every elector's number, id and name in an area (or one district), in walk order, as compact triples. */
export async function electorNames(db: Queries, areaId: number, pollingDistrict?: string): Promise<[string, number, string][]> {
  const { where, params } = inArea('e', areaId, pollingDistrict);
  return (await db.values(`SELECT e.elector_number, e.id, e.full_name FROM electors e WHERE ${where.join(' AND ')} ORDER BY e.walk_seq`, params)) as [
    string,
    number,
    string,
  ][];
}

/** Sets an elector's standing (folded from their returns). */
export async function setStanding(db: Queries, electorId: number, s: ElectorStanding, lastCanvassedOn: string | null): Promise<void> {
  await db.run(
    `UPDATE electors SET latest_outcome = ?, latest_support = ?, wants_literature = ?, wants_poster = ?, wants_postal_vote = ?,
       wants_join = ?, wants_visit = ?, last_canvassed_on = ? WHERE id = ?`,
    [
      s.outcome,
      s.support,
      s.requests.includes('literature') ? 1 : 0,
      s.requests.includes('poster') ? 1 : 0,
      s.requests.includes('postal_vote') ? 1 : 0,
      s.requests.includes('join') ? 1 : 0,
      s.requests.includes('visit') ? 1 : 0,
      lastCanvassedOn,
      electorId,
    ],
  );
}

export async function deleteElector(db: Queries, id: number): Promise<void> {
  const row = (await db.get('SELECT household_id AS h FROM electors WHERE id = ?', [id])) as { h: number | null } | undefined;
  await db.run('DELETE FROM electors WHERE id = ?', [id]);
  if (row?.h != null) await db.run('DELETE FROM households WHERE id = ? AND NOT EXISTS (SELECT 1 FROM electors WHERE household_id = ?)', [row.h, row.h]);
}

// ---------------------------------------------------------------------------------------------
// Import

/** Electors read a page at a time by the matcher: a page's rows are the only objects held. */
const MATCH_PAGE = 2_000;
/** What the matcher reads of an elector (after its id), in this order. */
const MATCH_FIELDS = ['full_name', 'surname', 'forenames', 'address_lines', 'postcode', 'elector_number'];
/** A row's field bounds: where each field starts in its page's text, and where the last ends. */
const BOUNDS = MATCH_FIELDS.length + 1;

/**
 * The area's electors as the matcher needs them, in id order. Held as one string a page (each
 * row's fields run together) with the fields' bounds in a typed array: 100,000 electors held as
 * row objects were a fifth of a re-import's peak memory, and stayed alive through the write.
 */
export async function matchableElectors(db: Queries, areaId: number): Promise<MatchSource & { ids: Float64Array }> {
  const pages: string[] = [];
  const idList: number[] = [];
  let bounds = new Int32Array(BOUNDS * MATCH_PAGE);
  for (let after = 0; ;) {
    // `+area_id`: walk the table in id order from `after`; by an area index, SQLite sorted the
    // area's remaining electors again for every page (five times slower).
    const rows = await db.values<[number, ...string[]]>(
      `SELECT id, ${MATCH_FIELDS.join(', ')} FROM electors WHERE +area_id = ? AND id > ? ORDER BY id LIMIT ${MATCH_PAGE}`,
      [areaId, after],
    );
    if (bounds.length < BOUNDS * (idList.length + rows.length)) {
      const more = new Int32Array(2 * bounds.length);
      more.set(bounds);
      bounds = more;
    }
    let at = 0;
    for (const [id, ...fields] of rows) {
      let b = BOUNDS * idList.length;
      idList.push(id);
      for (const text of fields) {
        bounds[b++] = at;
        at += text.length;
      }
      bounds[b] = at;
    }
    pages.push(rows.map(([, ...fields]) => fields.join('')).join(''));
    if (rows.length < MATCH_PAGE) break;
    after = idList[idList.length - 1];
  }
  const length = idList.length;
  return {
    length,
    ids: Float64Array.from(idList),
    forEach(visit) {
      for (let i = 0; i < length; i++) {
        const page = pages[Math.floor(i / MATCH_PAGE)];
        const field = (f: number) => page.slice(bounds[BOUNDS * i + f], bounds[BOUNDS * i + f + 1]);
        const address = field(3);
        visit(
          {
            fullName: field(0),
            surname: field(1),
            forenames: field(2),
            addressLines: address === '' ? [] : address.split('\n'),
            postcode: field(4),
            electorNumber: field(5),
          },
          i,
        );
      }
    },
  };
}

export interface RegisterWrite {
  areaId: number;
  /** The checked rows in file order, with their households. */
  register: RegisterBuffer;
  /** For each row, the id of the existing elector it continues, or null for a new elector. */
  existingIds: readonly (number | null)[];
  /** Existing electors that are not on the new register. */
  leftIds: readonly number[];
}

export interface RegisterWriteResult {
  households: number;
  inserted: number;
  updated: number;
  removed: number;
}

/** Rows one multi-row INSERT writes: per-run costs were a quarter of inserting an elector. */
const INSERT_BATCH = 256;

/**
 * An INSERT run for INSERT_BATCH rows at a time: push a row's values onto `values`, call `row()`,
 * and `flush()` after the last.
 */
function batchedInsert(db: Queries, insertInto: string, rowValues: string) {
  const statement = (rows: number) => `${insertInto} VALUES ${new Array(rows).fill(rowValues).join(', ')}`;
  const full = statement(INSERT_BATCH);
  const values: SqlValue[] = [];
  let rows = 0;
  const run = async (sql: string) => {
    const batch = values.splice(0); // an engine may read the values after this returns
    rows = 0;
    await db.run(sql, batch);
  };
  return {
    values,
    async row() {
      if (++rows === INSERT_BATCH) await run(full);
    },
    async flush() {
      if (rows > 0) await run(statement(rows));
    },
  };
}

/** New electors from which an import fills the search index in one statement rather than row by row. */
const BULK_SEARCH_INDEX = 1_000;

/**
 * The search index's insert trigger (migration 016) set aside for a large import: FTS5 indexed
 * 100,000 electors five times faster in one INSERT … SELECT than one row at a time from the
 * trigger. `fill()` indexes every elector added since and puts the trigger back as it was. Call
 * inside the import's transaction: the DROP, the rows and the CREATE commit together or not at all,
 * so a crash or a failed import leaves the trigger and the index as they were.
 */
export async function searchIndexHeldBack(db: Queries) {
  // PostgreSQL's search index is an index of electors (no trigger, no table of its own): it is
  // written with each row, and there is nothing to hold back.
  if (db.engine !== 'sqlite') return null;
  const trigger = (await db.get("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'electors_search_insert'")) as { sql: string } | undefined;
  if (trigger === undefined) return null;
  const after = ((await db.get('SELECT COALESCE(MAX(id), 0) AS m FROM electors')) as { m: number }).m;
  await db.run('DROP TRIGGER electors_search_insert');
  return {
    async fill() {
      await db.run(
        'INSERT INTO electors_search (rowid, full_name, address_lines, postcode) SELECT id, full_name, address_lines, postcode FROM electors WHERE id > ?',
        [after],
      );
      await db.run(trigger.sql);
    },
  };
}

/**
 * Ids for `count` new households, taken before they are written so that each one's id is known
 * without asking row by row. On SQLite, those it would give them (the import's transaction holds
 * the write lock); on PostgreSQL, from the table's sequence, which other transactions share.
 */
async function newHouseholdIds(db: Queries, count: number): Promise<number[]> {
  if (count === 0) return [];
  if (db.engine === 'postgres') {
    return (await db.values<[number]>("SELECT nextval(pg_get_serial_sequence('households', 'id')) FROM generate_series(1, ?)", [count])).map((r) => r[0]);
  }
  const max = ((await db.get('SELECT COALESCE(MAX(id), 0) AS m FROM households')) as { m: number }).m;
  return Array.from({ length: count }, (_, i) => max + 1 + i);
}

/**
 * Replaces an area's register with the buffered rows, keeping matched electors' ids (so their
 * returns stay theirs) and households' ids where the address is unchanged. Call inside a
 * transaction.
 */
export async function writeRegister(db: Queries, w: RegisterWrite): Promise<RegisterWriteResult> {
  const now = new Date().toISOString();
  const reg = w.register;
  const n = reg.length;
  const drafts = reg.households;
  if (!Number.isSafeInteger(w.areaId)) throw new TypeError(`area id ${w.areaId} is not an integer`);
  // The area and the time are the same for every row: written into the inserts once rather than
  // bound on each of 100,000 runs (both are ours: an integer and an ISO timestamp, never user text).
  const constants = `${w.areaId}, '${now}', '${now}'`;

  // Households in walk order: their place in it, and their ids (kept where the address is unchanged).
  // Street, house and flat: read now rather than held from the file onwards.
  const addresses = drafts.map((d) => reg.field(d.row, TextField.address));
  const parsed = addresses.map((a) => parseAddress(a === '' ? [] : a.split('\n')));
  const walk = sortByWalkOrder(
    drafts.map((_, h) => h),
    (h) => parsed[h],
    (h) => reg.pollingDistrict(drafts[h].row),
  );
  const householdSeq = new Int32Array(drafts.length);
  const householdId = new Float64Array(drafts.length);
  const existingHouseholds = new Map((await db.values('SELECT address_key AS k, id FROM households WHERE area_id = ?', [w.areaId])) as [string, number][]);
  const updateHousehold = `UPDATE households SET polling_district = ?, street = ?, house_number = ?, house = ?, flat = ?, address_lines = ?, postcode = ?, walk_seq = ?, updated_at = ?
     WHERE id = ?`;
  const insertHouseholds = batchedInsert(
    db,
    'INSERT INTO households (id, polling_district, address_key, street, house_number, house, flat, address_lines, postcode, walk_seq, area_id, created_at, updated_at)',
    `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${constants})`,
  );
  const newIds = await newHouseholdIds(
    db,
    drafts.reduce((count, d) => (existingHouseholds.has(d.key) ? count : count + 1), 0),
  );
  let taken = 0;
  for (let rank = 0; rank < walk.length; rank++) {
    const h = walk[rank];
    const d = drafts[h];
    const a = parsed[h];
    const pd = reg.pollingDistrict(d.row);
    const postcode = reg.field(d.row, TextField.postcode);
    householdSeq[h] = rank + 1;
    const existing = existingHouseholds.get(d.key);
    if (existing !== undefined) {
      await db.run(updateHousehold, [pd, a.street, a.houseNumber, a.house, a.flat, addresses[h], postcode, rank + 1, now, existing]);
      householdId[h] = existing;
      existingHouseholds.delete(d.key);
    } else {
      const id = newIds[taken++];
      householdId[h] = id;
      insertHouseholds.values.push(id, pd, d.key, a.street, a.houseNumber, a.house, a.flat, addresses[h], postcode, rank + 1);
      await insertHouseholds.row();
    }
  }
  await insertHouseholds.flush();

  // Each elector's place in walk order: household order, then elector number. Rows are written in
  // file order (registers come roughly in that order already), which keeps index inserts cheap.
  const seqOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = reg.householdOf(i);
    seqOf[i] = h < 0 ? 2_000_000_000 : householdSeq[h];
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => seqOf[a] - seqOf[b] || reg.number(a) - reg.number(b) || (reg.suffix(a) ?? 0) - (reg.suffix(b) ?? 0));
  const walkSeq = new Int32Array(n);
  for (let rank = 0; rank < n; rank++) walkSeq[order[rank]] = rank + 1;

  const removeElector = 'DELETE FROM electors WHERE id = ?';
  for (const id of w.leftIds) await db.run(removeElector, [id]);
  // Matched electors may swap numbers: free every old number first.
  const park = "UPDATE electors SET elector_number = '~' || id WHERE id = ?";
  for (const id of w.existingIds) if (id !== null) await db.run(park, [id]);

  const newCount = w.existingIds.reduce((n: number, id) => (id === null ? n + 1 : n), 0);
  const search = newCount >= BULK_SEARCH_INDEX ? await searchIndexHeldBack(db) : null;
  const insertElectors = batchedInsert(
    db,
    `INSERT INTO electors (polling_district, elector_number, number, suffix, markers, date_of_attainment, title, full_name, surname, forenames,
       household_id, address_lines, postcode, walk_seq, area_id, created_at, updated_at)`,
    `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${constants})`,
  );
  const updateElector = `UPDATE electors SET polling_district = ?, elector_number = ?, number = ?, suffix = ?, markers = ?, date_of_attainment = ?, title = ?,
       full_name = ?, surname = ?, forenames = ?, household_id = ?, address_lines = ?, postcode = ?, walk_seq = ?, updated_at = ?
     WHERE id = ?`;
  let inserted = 0;
  let updated = 0;
  const F = TextField;
  const t: string[] = [];
  for (let i = 0; i < n; i++) {
    const h = reg.householdOf(i);
    const hid = h < 0 ? null : householdId[h];
    const existing = w.existingIds[i];
    reg.text(i, t);
    const date = t[F.dateOfAttainment] === '' ? null : t[F.dateOfAttainment];
    if (existing === null) {
      insertElectors.values.push(
        reg.pollingDistrict(i),
        reg.electorNumber(i),
        reg.number(i),
        reg.suffix(i),
        t[F.markers],
        date,
        t[F.title],
        t[F.fullName],
        t[F.surname],
        t[F.forenames],
        hid,
        t[F.address],
        t[F.postcode],
        walkSeq[i],
      );
      await insertElectors.row();
      inserted++;
    } else {
      await db.run(updateElector, [
        reg.pollingDistrict(i),
        reg.electorNumber(i),
        reg.number(i),
        reg.suffix(i),
        t[F.markers],
        date,
        t[F.title],
        t[F.fullName],
        t[F.surname],
        t[F.forenames],
        hid,
        t[F.address],
        t[F.postcode],
        walkSeq[i],
        now,
        existing,
      ]);
      updated++;
    }
  }

  await insertElectors.flush();
  await search?.fill();

  // Addresses nobody lives at any more.
  const removeHousehold = 'DELETE FROM households WHERE id = ?';
  for (const id of existingHouseholds.values()) await db.run(removeHousehold, [id]);

  return { households: drafts.length, inserted, updated, removed: w.leftIds.length };
}

/** How many canvass returns the given electors have (what goes with them if they are removed). */
export async function returnCount(db: Queries, electorIds: readonly number[]): Promise<number> {
  let n = 0;
  // A whole register may be leaving: in lists of ids each engine takes as parameters of one statement.
  for (let i = 0; i < electorIds.length; i += IDS_PER_STATEMENT) {
    const ids = electorIds.slice(i, i + IDS_PER_STATEMENT);
    n += ((await db.get(`SELECT COUNT(*) AS n FROM canvass_returns WHERE elector_id ${inList(ids)}`, ids)) as { n: number }).n;
  }
  return n;
}

/** Fewer than SQLite (32,766) and PostgreSQL (65,535) take as a statement's parameters. */
const IDS_PER_STATEMENT = 10_000;

/** An area's electors by canonical number, with the names a notice of alteration is checked against. */
export async function electorsByNumber(
  db: Queries,
  areaId: number,
): Promise<Map<string, { id: number; fullName: string; surname: string; forenames: string }>> {
  const rows = (await db.all('SELECT elector_number AS n, id, full_name AS fullName, surname, forenames FROM electors WHERE area_id = ?', [areaId])) as {
    n: string;
    id: number;
    fullName: string;
    surname: string;
    forenames: string;
  }[];
  return new Map(rows.map(({ n, ...e }) => [n, e]));
}

export interface AlterationsWrite {
  areaId: number;
  register: RegisterBuffer;
  /** For each row: the elector it updates, or that it adds one or deletes one. */
  actions: readonly (number | 'add' | 'delete')[];
  deleteIds: readonly number[];
}

/**
 * Applies notices of alteration: deletes, updates and adds the electors the rows name and no one
 * else, then puts the area back in walk order. Call inside a transaction.
 */
export async function writeAlterations(db: Queries, w: AlterationsWrite): Promise<{ households: number }> {
  const now = new Date().toISOString();
  const reg = w.register;
  const removeElector = 'DELETE FROM electors WHERE id = ?';
  for (const id of w.deleteIds) await db.run(removeElector, [id]);

  const households = new Map((await db.values('SELECT address_key AS k, id FROM households WHERE area_id = ?', [w.areaId])) as [string, number][]);
  const insertHousehold = `INSERT INTO households (area_id, polling_district, address_key, street, house_number, house, flat, address_lines, postcode, walk_seq, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`;
  const householdOf = async (i: number): Promise<number | null> => {
    const h = reg.householdOf(i);
    if (h < 0) return null;
    const { key, row } = reg.households[h];
    let id = households.get(key);
    if (id === undefined) {
      const address = reg.field(row, TextField.address);
      const a = parseAddress(address === '' ? [] : address.split('\n'));
      id = await db.insert(insertHousehold, [
        w.areaId,
        reg.pollingDistrict(row),
        key,
        a.street,
        a.houseNumber,
        a.house,
        a.flat,
        address,
        reg.field(row, TextField.postcode),
        now,
        now,
      ]);
      households.set(key, id);
    }
    return id;
  };
  const insertElector = `INSERT INTO electors (polling_district, elector_number, number, suffix, markers, date_of_attainment, title, full_name, surname, forenames,
       household_id, address_lines, postcode, walk_seq, area_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`;
  const updateElector = `UPDATE electors SET polling_district = ?, elector_number = ?, number = ?, suffix = ?, markers = ?, date_of_attainment = ?, title = ?,
       full_name = ?, surname = ?, forenames = ?, household_id = ?, address_lines = ?, postcode = ?, updated_at = ?
     WHERE id = ?`;
  const F = TextField;
  const t: string[] = [];
  for (let i = 0; i < reg.length; i++) {
    const action = w.actions[i];
    if (action === 'delete') continue;
    reg.text(i, t);
    const values = [
      reg.pollingDistrict(i),
      reg.electorNumber(i),
      reg.number(i),
      reg.suffix(i),
      t[F.markers],
      t[F.dateOfAttainment] === '' ? null : t[F.dateOfAttainment],
      t[F.title],
      t[F.fullName],
      t[F.surname],
      t[F.forenames],
      await householdOf(i),
      t[F.address],
      t[F.postcode],
    ];
    if (action === 'add') await db.run(insertElector, [...values, w.areaId, now, now]);
    else await db.run(updateElector, [...values, now, action]);
  }
  // Addresses nobody lives at any more.
  await db.run('DELETE FROM households WHERE area_id = ? AND NOT EXISTS (SELECT 1 FROM electors e WHERE e.household_id = households.id)', [w.areaId]);
  await renumberWalk(db, w.areaId);
  return { households: ((await db.get('SELECT COUNT(*) AS n FROM households WHERE area_id = ?', [w.areaId])) as { n: number }).n };
}

/**
 * Puts an area's households and electors in walk order as a full import would (households by
 * district, street, house and flat; a household's electors by number), writing only the places
 * that moved.
 */
async function renumberWalk(db: Queries, areaId: number): Promise<void> {
  const households = (await db.all('SELECT id, polling_district AS pd, address_lines AS address, walk_seq AS seq FROM households WHERE area_id = ?', [
    areaId,
  ])) as { id: number; pd: string; address: string; seq: number }[];
  const parsed = new Map(households.map((h) => [h.id, parseAddress(h.address === '' ? [] : h.address.split('\n'))]));
  const setHousehold = 'UPDATE households SET walk_seq = ? WHERE id = ?';
  const rank = new Map<number, number>();
  const walked = sortByWalkOrder(
    households,
    (h) => parsed.get(h.id)!,
    (h) => h.pd,
  );
  for (const [i, h] of walked.entries()) {
    rank.set(h.id, i + 1);
    if (h.seq !== i + 1) await db.run(setHousehold, [i + 1, h.id]);
  }
  const electors = (await db.all('SELECT id, household_id AS h, number, COALESCE(suffix, 0) AS suffix, walk_seq AS seq FROM electors WHERE area_id = ?', [
    areaId,
  ])) as { id: number; h: number | null; number: number; suffix: number; seq: number }[];
  const place = (e: (typeof electors)[number]) => (e.h === null ? 2_000_000_000 : rank.get(e.h)!);
  electors.sort((a, b) => place(a) - place(b) || a.number - b.number || a.suffix - b.suffix);
  const setElector = 'UPDATE electors SET walk_seq = ? WHERE id = ?';
  for (const [i, e] of electors.entries()) {
    if (e.seq !== i + 1) await db.run(setElector, [i + 1, e.id]);
  }
}

/**
 * Households per street (those with electors), streets in walk order: the counts a leaflet round
 * takes from the register. With a polling district, only that district's streets.
 */
export async function streetHouseholdCounts(
  db: Queries,
  areaId: number,
  pollingDistrict?: string,
): Promise<{ street: string; pollingDistrict: string; households: number }[]> {
  const { where, params } = inArea('h', areaId, pollingDistrict || undefined);
  return (await db.all(
    `SELECT h.street, h.polling_district AS pollingDistrict, COUNT(*) AS households FROM households h
       WHERE ${where.join(' AND ')} AND h.street <> ''
         AND EXISTS (SELECT 1 FROM electors e WHERE e.household_id = h.id)
       GROUP BY h.polling_district, h.street ORDER BY MIN(h.walk_seq)`,
    params,
  )) as { street: string; pollingDistrict: string; households: number }[];
}
