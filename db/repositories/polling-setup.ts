/** Polling stations, committee rooms, polling-day duties and promise rules (migration 017). */
import type { DutyOut, RoomOut, StationOut } from '../../shared/contract/polling-setup.ts';
import { REMOVAL_OUTCOMES } from '../../shared/domain/canvass-codes.ts';
import { formatSupports, parseSupports, promiseWhere } from '../../shared/domain/promises.ts';
import type { Db } from '../open.ts';

const now = () => new Date().toISOString();

function districtsBy(db: Db, sql: string, key: number): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of db.prepare(sql).all(key) as { owner: number; d: string }[]) {
    const list = out.get(r.owner) ?? [];
    list.push(r.d);
    out.set(r.owner, list);
  }
  return out;
}

// ---------------------------------------------------------------- stations

export async function listStations(db: Db, areaId: number): Promise<StationOut[]> {
  const rows = db.prepare('SELECT id, area_id AS areaId, name, address FROM polling_stations WHERE area_id = ? ORDER BY name, id').all(areaId) as Omit<
    StationOut,
    'districts'
  >[];
  const ds = districtsBy(
    db,
    'SELECT station_id AS owner, polling_district AS d FROM polling_station_districts WHERE area_id = ? ORDER BY polling_district',
    areaId,
  );
  return rows.map((r) => ({ ...r, districts: ds.get(r.id) ?? [] }));
}

export async function getStation(db: Db, id: number): Promise<StationOut | undefined> {
  const row = db.prepare('SELECT id, area_id AS areaId, name, address FROM polling_stations WHERE id = ?').get(id) as Omit<StationOut, 'districts'> | undefined;
  if (!row) return undefined;
  const districts = db
    .prepare('SELECT polling_district FROM polling_station_districts WHERE station_id = ? ORDER BY polling_district')
    .pluck()
    .all(id) as string[];
  return { ...row, districts };
}

export async function findStationByName(db: Db, areaId: number, name: string): Promise<StationOut | undefined> {
  const sid = db.prepare('SELECT id FROM polling_stations WHERE area_id = ? AND name = ? COLLATE NOCASE ORDER BY id').pluck().get(areaId, name) as
    number | undefined;
  return sid === undefined ? undefined : getStation(db, sid);
}

/** Which station serves each district of an area: district → station. */
export async function stationOfDistricts(db: Db, areaId: number): Promise<Map<string, { id: number; name: string }>> {
  const rows = db
    .prepare('SELECT d.polling_district AS d, s.id, s.name FROM polling_station_districts d JOIN polling_stations s ON s.id = d.station_id WHERE d.area_id = ?')
    .all(areaId) as { d: string; id: number; name: string }[];
  return new Map(rows.map((r) => [r.d, { id: r.id, name: r.name }]));
}

export async function saveStation(db: Db, s: { id?: number; areaId: number; name: string; address: string }): Promise<number> {
  const t = now();
  if (s.id !== undefined) {
    db.prepare('UPDATE polling_stations SET name = ?, address = ?, updated_at = ? WHERE id = ?').run(s.name, s.address, t, s.id);
    return s.id;
  }
  return Number(
    db.prepare('INSERT INTO polling_stations (area_id, name, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(s.areaId, s.name, s.address, t, t)
      .lastInsertRowid,
  );
}

/** The station serves exactly these districts (taken from any other station). */
export async function setStationDistricts(db: Db, stationId: number, areaId: number, districts: readonly string[]): Promise<void> {
  db.prepare('DELETE FROM polling_station_districts WHERE station_id = ?').run(stationId);
  const put = db.prepare('INSERT OR REPLACE INTO polling_station_districts (station_id, area_id, polling_district) VALUES (?, ?, ?)');
  for (const d of districts) put.run(stationId, areaId, d);
}

export async function deleteStation(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM polling_stations WHERE id = ?').run(id);
}

// ---------------------------------------------------------------- committee rooms

export async function listRooms(db: Db, contestId: number): Promise<RoomOut[]> {
  const rows = db
    .prepare('SELECT id, contest_id AS contestId, name, address, notes FROM committee_rooms WHERE contest_id = ? ORDER BY name, id')
    .all(contestId) as Omit<RoomOut, 'districts'>[];
  const ds = districtsBy(
    db,
    'SELECT room_id AS owner, polling_district AS d FROM committee_room_districts WHERE contest_id = ? ORDER BY polling_district',
    contestId,
  );
  return rows.map((r) => ({ ...r, districts: ds.get(r.id) ?? [] }));
}

export async function getRoom(db: Db, id: number): Promise<RoomOut | undefined> {
  const row = db.prepare('SELECT id, contest_id AS contestId, name, address, notes FROM committee_rooms WHERE id = ?').get(id) as
    Omit<RoomOut, 'districts'> | undefined;
  if (!row) return undefined;
  const districts = db.prepare('SELECT polling_district FROM committee_room_districts WHERE room_id = ? ORDER BY polling_district').pluck().all(id) as string[];
  return { ...row, districts };
}

export async function roomOfDistricts(db: Db, contestId: number): Promise<Map<string, { id: number; name: string }>> {
  const rows = db
    .prepare('SELECT d.polling_district AS d, r.id, r.name FROM committee_room_districts d JOIN committee_rooms r ON r.id = d.room_id WHERE d.contest_id = ?')
    .all(contestId) as { d: string; id: number; name: string }[];
  return new Map(rows.map((r) => [r.d, { id: r.id, name: r.name }]));
}

export async function saveRoom(
  db: Db,
  r: {
    id?: number;
    contestId: number;
    name: string;
    address: string;
    notes: string;
  },
): Promise<number> {
  const t = now();
  if (r.id !== undefined) {
    db.prepare('UPDATE committee_rooms SET name = ?, address = ?, notes = ?, updated_at = ? WHERE id = ?').run(r.name, r.address, r.notes, t, r.id);
    return r.id;
  }
  return Number(
    db
      .prepare('INSERT INTO committee_rooms (contest_id, name, address, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(r.contestId, r.name, r.address, r.notes, t, t).lastInsertRowid,
  );
}

export async function setRoomDistricts(db: Db, roomId: number, contestId: number, districts: readonly string[]): Promise<void> {
  db.prepare('DELETE FROM committee_room_districts WHERE room_id = ?').run(roomId);
  const put = db.prepare('INSERT OR REPLACE INTO committee_room_districts (room_id, contest_id, polling_district) VALUES (?, ?, ?)');
  for (const d of districts) put.run(roomId, contestId, d);
}

export async function deleteRoom(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM committee_rooms WHERE id = ?').run(id);
}

// ---------------------------------------------------------------- duties

const DUTY_SELECT = `SELECT p.id, p.contest_id AS contestId, p.volunteer_id AS volunteerId, v.name AS volunteerName, p.duty,
  p.station_id AS stationId, s.name AS stationName, p.room_id AS roomId, r.name AS roomName,
  p.starts_at AS startsAt, p.ends_at AS endsAt, p.round
  FROM polling_day_duties p JOIN volunteers v ON v.id = p.volunteer_id
  LEFT JOIN polling_stations s ON s.id = p.station_id LEFT JOIN committee_rooms r ON r.id = p.room_id`;

/** Tellers by station then shift, then knockers-up by room then round. */
export async function listDuties(db: Db, contestId: number): Promise<DutyOut[]> {
  return db
    .prepare(`${DUTY_SELECT} WHERE p.contest_id = ? ORDER BY p.duty DESC, s.name, p.station_id, p.starts_at, r.name, p.room_id, p.round, v.name, p.id`)
    .all(contestId) as DutyOut[];
}

export async function getDuty(db: Db, id: number): Promise<DutyOut | undefined> {
  return db.prepare(`${DUTY_SELECT} WHERE p.id = ?`).get(id) as DutyOut | undefined;
}

export async function countDuties(db: Db, where: { stationId: number } | { roomId: number }): Promise<number> {
  return 'stationId' in where
    ? (db.prepare('SELECT COUNT(*) FROM polling_day_duties WHERE station_id = ?').pluck().get(where.stationId) as number)
    : (db.prepare('SELECT COUNT(*) FROM polling_day_duties WHERE room_id = ?').pluck().get(where.roomId) as number);
}

export interface DutyRow {
  id?: number;
  contestId: number;
  volunteerId: number;
  duty: 'teller' | 'knocker_up';
  stationId: number | null;
  roomId: number | null;
  startsAt: string | null;
  endsAt: string | null;
  round: number | null;
}

export async function saveDuty(db: Db, d: DutyRow): Promise<number> {
  const t = now();
  const values = [d.volunteerId, d.duty, d.stationId, d.roomId, d.startsAt, d.endsAt, d.round, t];
  if (d.id !== undefined) {
    db.prepare(
      'UPDATE polling_day_duties SET volunteer_id = ?, duty = ?, station_id = ?, room_id = ?, starts_at = ?, ends_at = ?, round = ?, updated_at = ? WHERE id = ?',
    ).run(...values, d.id);
    return d.id;
  }
  return Number(
    db
      .prepare(
        'INSERT INTO polling_day_duties (volunteer_id, duty, station_id, room_id, starts_at, ends_at, round, updated_at, contest_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(...values, d.contestId, t).lastInsertRowid,
  );
}

export async function deleteDuty(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM polling_day_duties WHERE id = ?').run(id);
}

// ---------------------------------------------------------------- promises

export async function getPromiseRule(db: Db, contestId: number): Promise<{ supports: string[]; updatedAt: string } | null> {
  const row = db.prepare('SELECT supports, updated_at AS updatedAt FROM promise_rules WHERE contest_id = ?').get(contestId) as
    { supports: string; updatedAt: string } | undefined;
  return row ? { supports: parseSupports(row.supports), updatedAt: row.updatedAt } : null;
}

export async function putPromiseRule(db: Db, contestId: number, supports: readonly string[]): Promise<void> {
  db.prepare(
    'INSERT INTO promise_rules (contest_id, supports, updated_at) VALUES (?, ?, ?) ON CONFLICT (contest_id) DO UPDATE SET supports = excluded.supports, updated_at = excluded.updated_at',
  ).run(contestId, formatSupports(supports), now());
}

export async function countPromises(db: Db, areaId: number, supports: readonly string[]): Promise<number> {
  const w = promiseWhere('e', supports);
  return db
    .prepare(`SELECT COUNT(*) FROM electors e WHERE e.area_id = ? AND ${w.sql}`)
    .pluck()
    .get(areaId, ...w.params) as number;
}

/** Electors of an area not removed, by latest support code (those with none left out). */
export async function supportCounts(db: Db, areaId: number): Promise<Map<string, number>> {
  const removals = [...REMOVAL_OUTCOMES];
  const rows = db
    .prepare(
      `SELECT latest_support AS code, COUNT(*) AS n FROM electors WHERE area_id = ? AND latest_support IS NOT NULL
       AND (latest_outcome IS NULL OR latest_outcome NOT IN (${removals.map(() => '?').join(', ')})) GROUP BY latest_support`,
    )
    .all(areaId, ...removals) as { code: string; n: number }[];
  return new Map(rows.map((r) => [r.code, r.n]));
}
