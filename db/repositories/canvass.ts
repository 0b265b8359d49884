/** Canvass sessions, the returns entered for them, and the tallies and follow-up lists they give. */
import type { CanvassSessionOut, FollowUpOut } from '../../shared/contract/canvass.ts';
import type { CanvassReturnOut } from '../../shared/contract/register.ts';
import { type Queries, together } from '../store.ts';
import { CONTACT_OUTCOMES, type Outcome, type Request } from '../../shared/domain/canvass-codes.ts';
import { foldReturns, type ReturnFact, type TallyCounts } from '../../shared/domain/tallies.ts';
import { lockRow } from './dialect.ts';
import { REQUEST_COLUMN, setStanding } from './electors.ts';

/** Rows are the contract's shapes (shared/contract), declared once. */
export type CanvassSession = CanvassSessionOut;

export type SessionWrite = Pick<CanvassSession, 'areaId' | 'pollingDistrict' | 'heldOn' | 'canvassers' | 'notes'>;

const SESSION = `SELECT s.id, s.area_id AS areaId, a.name AS areaName, s.polling_district AS pollingDistrict, s.held_on AS heldOn,
  s.canvassers, s.notes, s.updated_at AS updatedAt, (SELECT COUNT(*) FROM canvass_returns r WHERE r.session_id = s.id) AS returnCount
  FROM canvass_sessions s JOIN areas a ON a.id = s.area_id`;

export async function listSessions(db: Queries, areaId?: number): Promise<CanvassSession[]> {
  if (areaId !== undefined) return (await db.all(`${SESSION} WHERE s.area_id = ? ORDER BY s.held_on DESC, s.id DESC`, [areaId])) as CanvassSession[];
  return (await db.all(`${SESSION} ORDER BY s.held_on DESC, s.id DESC`)) as CanvassSession[];
}

export async function getSession(db: Queries, id: number): Promise<CanvassSession | undefined> {
  return (await db.get(`${SESSION} WHERE s.id = ?`, [id])) as CanvassSession | undefined;
}

/** The setting that holds the canvass codes in use (none: the defaults). */
export const CODES_SETTING = 'canvass.codes';

/** What entering a return checks, read in one statement: each part undefined when there is none. */
export interface EntryFacts {
  session?: { areaId: number; pollingDistrict: string; heldOn: string };
  elector?: { areaId: number; pollingDistrict: string; walkSeq: number; electorNumber: string };
  /** The codes setting's JSON text. */
  codesJson?: string;
  /** When the return with the device's client id was undone. */
  undoneAt?: string;
}

/**
 * The session, the elector's place in the walk, the codes in use and whether the client id was
 * undone, for one return: a single round trip, where four reads cost four on a team server.
 */
export async function entryFacts(db: Queries, sessionId: number, electorId: number, clientId: string | null): Promise<EntryFacts> {
  const row = (await db.get<EntryRow>(
    `SELECT s.id AS sessionId, s.area_id AS sessionAreaId, s.polling_district AS sessionDistrict, s.held_on AS heldOn,
         e.id AS electorId, e.area_id AS areaId, e.polling_district AS pollingDistrict, e.walk_seq AS walkSeq, e.elector_number AS electorNumber,
         (SELECT value_json FROM settings WHERE key = ?) AS codesJson,
         (SELECT undone_at FROM canvass_returns_undone WHERE client_id = ?) AS undoneAt
       FROM (SELECT 1 AS one) AS one LEFT JOIN canvass_sessions s ON s.id = ? LEFT JOIN electors e ON e.id = ?`,
    [CODES_SETTING, clientId, sessionId, electorId],
  ))!;
  return {
    session: row.sessionId === null ? undefined : { areaId: row.sessionAreaId, pollingDistrict: row.sessionDistrict, heldOn: row.heldOn },
    elector:
      row.electorId === null ? undefined : { areaId: row.areaId, pollingDistrict: row.pollingDistrict, walkSeq: row.walkSeq, electorNumber: row.electorNumber },
    codesJson: row.codesJson ?? undefined,
    undoneAt: row.undoneAt ?? undefined,
  };
}

interface EntryRow {
  sessionId: number | null;
  sessionAreaId: number;
  sessionDistrict: string;
  heldOn: string;
  electorId: number | null;
  areaId: number;
  pollingDistrict: string;
  walkSeq: number;
  electorNumber: string;
  codesJson: string | null;
  undoneAt: string | null;
}

/** A session without counting its returns. */
export async function getSessionBasics(db: Queries, id: number): Promise<Omit<CanvassSession, 'returnCount' | 'areaName'> | undefined> {
  return (await db.get(
    'SELECT id, area_id AS areaId, polling_district AS pollingDistrict, held_on AS heldOn, canvassers, notes FROM canvass_sessions WHERE id = ?',
    [id],
  )) as Omit<CanvassSession, 'returnCount' | 'areaName'> | undefined;
}

export async function insertSession(db: Queries, s: SessionWrite): Promise<number> {
  const now = new Date().toISOString();
  return await db.insert(
    'INSERT INTO canvass_sessions (area_id, polling_district, held_on, canvassers, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [s.areaId, s.pollingDistrict, s.heldOn, s.canvassers, s.notes, now, now],
  );
}

/**
 * Changes a session. A new date is its returns' date too, so the standing of the electors they
 * were for is worked out again (which return is the latest may have changed).
 */
export async function updateSession(db: Queries, id: number, s: SessionWrite): Promise<void> {
  await db.run('UPDATE canvass_sessions SET polling_district = ?, held_on = ?, canvassers = ?, notes = ?, updated_at = ? WHERE id = ?', [
    s.pollingDistrict,
    s.heldOn,
    s.canvassers,
    s.notes,
    new Date().toISOString(),
    id,
  ]);
  const moved = await db.run('UPDATE canvass_returns SET canvassed_on = ? WHERE session_id = ? AND canvassed_on <> ?', [s.heldOn, id, s.heldOn]);
  if (moved.changes > 0) for (const e of await sessionElectors(db, id)) await refreshStanding(db, e);
}

async function sessionElectors(db: Queries, sessionId: number): Promise<number[]> {
  return ((await db.all('SELECT DISTINCT elector_id AS id FROM canvass_returns WHERE session_id = ?', [sessionId])) as { id: number }[]).map((r) => r.id);
}

/** Deletes a session and its returns, then refreshes the standing of everyone it touched. */
export async function deleteSession(db: Queries, id: number): Promise<number> {
  const electors = await sessionElectors(db, id);
  await db.run('DELETE FROM canvass_sessions WHERE id = ?', [id]);
  for (const e of electors) await refreshStanding(db, e);
  return electors.length;
}

export type CanvassReturn = CanvassReturnOut;

export interface ReturnWrite {
  electorId: number;
  sessionId: number;
  outcome: Outcome;
  support: string | null;
  requests: readonly Request[];
  codes: string;
  note: string;
  canvassedOn: string;
  enteredBy: string;
  /** The id the device gave it (offline entry), or null. */
  clientId: string | null;
}

const RETURN = `SELECT id, elector_id AS electorId, session_id AS sessionId, outcome, support, requests, codes, note,
  canvassed_on AS canvassedOn, entered_at AS enteredAt, entered_by AS enteredBy FROM canvass_returns`;

function toReturn(r: Omit<CanvassReturn, 'requests'> & { requests: string }): CanvassReturn {
  return { ...r, requests: r.requests === '' ? [] : (r.requests.split(',') as Request[]) };
}

export async function getReturn(db: Queries, id: number): Promise<CanvassReturn | undefined> {
  const r = (await db.get(`${RETURN} WHERE id = ?`, [id])) as (Omit<CanvassReturn, 'requests'> & { requests: string }) | undefined;
  return r ? toReturn(r) : undefined;
}

/** An elector's returns, oldest first (the order `foldReturns` wants). */
export async function electorReturns(db: Queries, electorId: number): Promise<CanvassReturn[]> {
  return (
    (await db.all(`${RETURN} WHERE elector_id = ? ORDER BY canvassed_on, id`, [electorId])) as (Omit<CanvassReturn, 'requests'> & { requests: string })[]
  ).map(toReturn);
}

/** The latest returns of a session, newest first, with who they were for. */
export async function recentSessionReturns(
  db: Queries,
  sessionId: number,
  limit: number,
): Promise<(CanvassReturn & { electorNumber: string; fullName: string })[]> {
  return (
    (await db.all(
      `SELECT r.id, r.elector_id AS electorId, r.session_id AS sessionId, r.outcome, r.support, r.requests, r.codes, r.note,
           r.canvassed_on AS canvassedOn, r.entered_at AS enteredAt, r.entered_by AS enteredBy, e.elector_number AS electorNumber, e.full_name AS fullName
         FROM canvass_returns r JOIN electors e ON e.id = r.elector_id WHERE r.session_id = ? ORDER BY r.session_id DESC, r.id DESC LIMIT ?`,
      [sessionId, limit],
    )) as (Omit<CanvassReturn, 'requests'> & { requests: string; electorNumber: string; fullName: string })[]
  ).map((r) => ({ ...toReturn(r), electorNumber: r.electorNumber, fullName: r.fullName }));
}

/**
 * An elector's returns, oldest first, read once their row is locked: on PostgreSQL two returns for
 * one elector at once are then folded one after the other, the second reading the first's return,
 * instead of both reading only their own and the last to commit losing the other's. The lock and
 * the read go to the server together.
 */
async function lockedReturns(db: Queries, electorId: number): Promise<CanvassReturn[]> {
  const [, returns] = await together(lockRow(db, 'electors', electorId), electorReturns(db, electorId));
  return returns;
}

/** Sets an elector's standing to what their returns (oldest first) come to. */
async function foldStanding(db: Queries, electorId: number, returns: CanvassReturn[]): Promise<void> {
  const facts: ReturnFact[] = returns;
  await setStanding(db, electorId, foldReturns(facts), returns.at(-1)?.canvassedOn ?? null);
}

/** Recomputes an elector's standing from all their returns. */
async function refreshStanding(db: Queries, electorId: number): Promise<void> {
  await foldStanding(db, electorId, await lockedReturns(db, electorId));
}

/**
 * Records a return, unless one with its client id is recorded already: then nothing is written
 * and `created` is false. The unique index decides, not a look first, so two sends of one return
 * at once on PostgreSQL record it once (the second waits for the first, then finds its row).
 * Answers with all the elector's returns, oldest first, as they are after the insert; the
 * standing of a new one is folded from them. The insert, the elector's lock and the read go to
 * the server together, then the standing and the reopened follow-ups: two round trips.
 */
export async function insertReturn(db: Queries, r: ReturnWrite): Promise<{ id: number; created: boolean; electorReturns: CanvassReturn[] }> {
  const [inserted, returns] = await together(
    db.get<{ id: number }>(
      `INSERT INTO canvass_returns (elector_id, session_id, outcome, support, requests, codes, note, canvassed_on, entered_at, entered_by, client_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [r.electorId, r.sessionId, r.outcome, r.support, r.requests.join(','), r.codes, r.note, r.canvassedOn, new Date().toISOString(), r.enteredBy, r.clientId],
    ),
    lockedReturns(db, r.electorId),
  );
  if (!inserted) return { id: (await returnIdOf(db, r.clientId!))!, created: false, electorReturns: returns };
  const id = inserted.id;
  await together(
    foldStanding(db, r.electorId, returns),
    // Asked again on or after the day it was done: the follow-up is open again (until this return is undone).
    r.requests.length > 0
      ? db.run(
          `UPDATE follow_up_done SET reopened_by_return_id = ? WHERE elector_id = ? AND reopened_by_return_id IS NULL AND done_on <= ?
           AND request IN (${r.requests.map(() => '?').join(', ')})`,
          [id, r.electorId, r.canvassedOn, ...r.requests],
        )
      : undefined,
  );
  return { id, created: true, electorReturns: returns };
}

/** The return recorded with a device's client id, if any. */
async function returnIdOf(db: Queries, clientId: string): Promise<number | undefined> {
  return (await db.get<{ id: number }>('SELECT id FROM canvass_returns WHERE client_id = ?', [clientId]))?.id;
}

/** Deletes a return; its client id, if it had one, is kept as undone so a late resend is refused. */
export async function deleteReturn(db: Queries, id: number): Promise<void> {
  const r = (await db.get('SELECT elector_id AS e, client_id AS c FROM canvass_returns WHERE id = ?', [id])) as { e: number; c: string | null } | undefined;
  await db.run('DELETE FROM canvass_returns WHERE id = ?', [id]);
  if (r?.c)
    await db.run('INSERT INTO canvass_returns_undone (client_id, undone_at) VALUES (?, ?) ON CONFLICT (client_id) DO NOTHING', [r.c, new Date().toISOString()]);
  if (r) await refreshStanding(db, r.e);
}

/**
 * Tally counts of an area per polling district, read from electors' standing in one pass.
 * Districts come back in order; add them up for the area.
 */
export async function tallyCounts(db: Queries, areaId: number): Promise<{ pollingDistrict: string; counts: TallyCounts }[]> {
  const rows = (await db.all(
    `SELECT polling_district AS d, latest_outcome AS o, latest_support AS s, COUNT(*) AS n,
         SUM(wants_literature) AS literature, SUM(wants_poster) AS poster, SUM(wants_postal_vote) AS postal_vote,
         SUM(wants_join) AS "join", SUM(wants_visit) AS visit
       FROM electors WHERE area_id = ? GROUP BY polling_district, latest_outcome, latest_support ORDER BY polling_district`,
    [areaId],
  )) as ({ d: string; o: Outcome | null; s: string | null; n: number } & Record<Request, number>)[];
  const out: { pollingDistrict: string; counts: TallyCounts }[] = [];
  for (const r of rows) {
    let d = out.at(-1);
    if (!d || d.pollingDistrict !== r.d) {
      d = { pollingDistrict: r.d, counts: { electors: 0, byOutcome: {}, bySupport: {}, byRequest: {} } };
      out.push(d);
    }
    const c = d.counts;
    c.electors += r.n;
    if (r.o !== null) c.byOutcome[r.o] = (c.byOutcome[r.o] ?? 0) + r.n;
    if (r.s !== null) c.bySupport[r.s] = (c.bySupport[r.s] ?? 0) + r.n;
    for (const q of Object.keys(REQUEST_COLUMN) as Request[]) if (r[q] > 0) c.byRequest[q] = (c.byRequest[q] ?? 0) + r[q];
  }
  return out;
}

/**
 * An area's electors and those spoken to, counted in one pass over an index (electors_promise_walk
 * holds the outcome): ten times cheaper than the tallies' grouping, for the home page.
 */
export async function contactCounts(db: Queries, areaId: number): Promise<{ electors: number; contacted: number }> {
  const contact = [...CONTACT_OUTCOMES];
  return (await db.get(
    `SELECT COUNT(*) AS electors, COUNT(*) FILTER (WHERE latest_outcome IN (${contact.map(() => '?').join(', ')})) AS contacted
       FROM electors WHERE area_id = ?`,
    [...contact, areaId],
  )) as { electors: number; contacted: number };
}

export type FollowUp = FollowUpOut;

export type FollowUpState = 'open' | 'done';

const FOLLOW_UP = `SELECT e.id AS electorId, e.elector_number AS electorNumber, e.full_name AS fullName, e.address_lines AS address, e.postcode,
  e.polling_district AS pollingDistrict, e.latest_support AS latestSupport, e.last_canvassed_on AS lastCanvassedOn,
  f.done_on AS doneOn, f.done_by AS doneBy, COALESCE(f.note, '') AS doneNote,
  CASE WHEN f.reopened_by_return_id IS NULL THEN 0 ELSE 1 END AS askedAgain`;

/** Which follow-ups: open ones have the request in their standing and no tick (or were asked again since). */
function followUpFilter(request: Request, state: FollowUpState, pollingDistrict?: string): string {
  const district = pollingDistrict ? 'AND e.polling_district = ?' : '';
  return state === 'open'
    ? `FROM electors e LEFT JOIN follow_up_done f ON f.elector_id = e.id AND f.request = ?
       WHERE e.area_id = ? AND e.${REQUEST_COLUMN[request]} = 1 AND (f.elector_id IS NULL OR f.reopened_by_return_id IS NOT NULL) ${district}`
    : // CROSS JOIN keeps SQLite reading the ticks first: left to itself it walks every elector of
      // the area (100,000: ~30 ms) to probe each for a tick, where there are a few hundred ticks.
      `FROM follow_up_done f CROSS JOIN electors e
       WHERE e.id = f.elector_id AND f.request = ? AND e.area_id = ? AND f.reopened_by_return_id IS NULL ${district}`;
}

/**
 * Follow-ups of one kind in an area. Open: electors whose standing has the request and who have
 * not been ticked off (or asked again since), in walk order. Done: those ticked off and not asked
 * again, latest first. All of them, or a page (`limit` from `offset`).
 */
export async function followUps(
  db: Queries,
  areaId: number,
  request: Request,
  pollingDistrict?: string,
  state: FollowUpState = 'open',
  page?: { offset: number; limit: number },
): Promise<FollowUp[]> {
  const order = state === 'open' ? 'ORDER BY e.walk_seq' : 'ORDER BY f.done_on DESC, f.done_at DESC, e.walk_seq';
  const limit = page ? 'LIMIT ? OFFSET ?' : '';
  const rows = (await db.all(`${FOLLOW_UP} ${followUpFilter(request, state, pollingDistrict)} ${order} ${limit}`, [
    request,
    areaId,
    ...(pollingDistrict ? [pollingDistrict] : []),
    ...(page ? [page.limit, page.offset] : []),
  ])) as (Omit<FollowUp, 'askedAgain'> & {
    askedAgain: number;
  })[];
  return rows.map((r) => ({ ...r, askedAgain: r.askedAgain === 1 }));
}

/** How many follow-ups of one kind are still waiting and how many are done, without reading them. */
export async function followUpCounts(db: Queries, areaId: number, request: Request, pollingDistrict?: string): Promise<{ open: number; done: number }> {
  const count = async (state: FollowUpState) =>
    (
      (await db.get(`SELECT COUNT(*) AS n ${followUpFilter(request, state, pollingDistrict)}`, [
        request,
        areaId,
        ...(pollingDistrict ? [pollingDistrict] : []),
      ])) as { n: number }
    ).n;
  return { open: await count('open'), done: await count('done') };
}

export interface FollowUpDone {
  electorId: number;
  request: Request;
  doneOn: string;
  note: string;
  doneBy: string;
  doneAt: string;
  /** The return that asked again after it was done (the follow-up is open again), or null. */
  reopenedByReturnId: number | null;
}

/** The done mark of one elector's request, whether or not it has been reopened since. */
export async function getFollowUpDone(db: Queries, electorId: number, request: Request): Promise<FollowUpDone | undefined> {
  return (await db.get(
    `SELECT elector_id AS electorId, request, done_on AS doneOn, note, done_by AS doneBy, done_at AS doneAt, reopened_by_return_id AS reopenedByReturnId
       FROM follow_up_done WHERE elector_id = ? AND request = ?`,
    [electorId, request],
  )) as FollowUpDone | undefined;
}

/** Every done mark of an elector (for their page and a subject access export). */
export async function electorFollowUpsDone(db: Queries, electorId: number): Promise<FollowUpDone[]> {
  return (await db.all(
    `SELECT elector_id AS electorId, request, done_on AS doneOn, note, done_by AS doneBy, done_at AS doneAt, reopened_by_return_id AS reopenedByReturnId
       FROM follow_up_done WHERE elector_id = ? ORDER BY done_on, request`,
    [electorId],
  )) as FollowUpDone[];
}

/** Ticks a request off (again): a reopened mark becomes a fresh one. Marks made together share `doneAt`. */
export async function markFollowUpDone(db: Queries, m: Omit<FollowUpDone, 'reopenedByReturnId'>): Promise<void> {
  await db.run(
    `INSERT INTO follow_up_done (elector_id, request, done_on, note, done_by, done_at, reopened_by_return_id) VALUES (?, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT (elector_id, request) DO UPDATE SET done_on = excluded.done_on, note = excluded.note, done_by = excluded.done_by,
       done_at = excluded.done_at, reopened_by_return_id = NULL`,
    [m.electorId, m.request, m.doneOn, m.note, m.doneBy, m.doneAt],
  );
}

/** Takes a done mark back: the follow-up is open again. */
export async function unmarkFollowUpDone(db: Queries, electorId: number, request: Request): Promise<void> {
  await db.run('DELETE FROM follow_up_done WHERE elector_id = ? AND request = ?', [electorId, request]);
}
