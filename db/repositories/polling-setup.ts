/** Polling stations, committee rooms, polling-day duties and promise rules (migration 017). */
import type { DutyOut, RoomOut, StationOut } from '../../shared/contract/polling-setup.ts';
import { REMOVAL_OUTCOMES } from '../../shared/domain/canvass-codes.ts';
import { formatSupports, parseSupports, promiseWhere } from '../../shared/domain/promises.ts';
import type { Queries } from '../store.ts';

const now = () => new Date().toISOString();

async function districtsBy(db: Queries, sql: string, key: number): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const r of (await db.all(sql, [key])) as { owner: number; d: string }[]) {
    const list = out.get(r.owner) ?? [];
    list.push(r.d);
    out.set(r.owner, list);
  }
  return out;
}

// ---------------------------------------------------------------- stations

export async function listStations(db: Queries, areaId: number): Promise<StationOut[]> {
  const rows = (await db.all('SELECT id, area_id AS areaId, name, address FROM polling_stations WHERE area_id = ? ORDER BY name, id', [areaId])) as Omit<
    StationOut,
    'districts'
  >[];
  const ds = await districtsBy(
    db,
    'SELECT station_id AS owner, polling_district AS d FROM polling_station_districts WHERE area_id = ? ORDER BY polling_district',
    areaId,
  );
  return rows.map((r) => ({ ...r, districts: ds.get(r.id) ?? [] }));
}

export async function getStation(db: Queries, id: number): Promise<StationOut | undefined> {
  const row = (await db.get('SELECT id, area_id AS areaId, name, address FROM polling_stations WHERE id = ?', [id])) as
    Omit<StationOut, 'districts'> | undefined;
  if (!row) return undefined;
  const districts = (
    await db.values<[unknown]>('SELECT polling_district FROM polling_station_districts WHERE station_id = ? ORDER BY polling_district', [id])
  ).map((r) => r[0]) as string[];
  return { ...row, districts };
}

export async function findStationByName(db: Queries, areaId: number, name: string): Promise<StationOut | undefined> {
  const sid = (
    await db.values<[unknown]>('SELECT id FROM polling_stations WHERE area_id = ? AND lower(name) = lower(?) ORDER BY id', [areaId, name])
  )[0]?.[0] as number | undefined;
  return sid === undefined ? undefined : getStation(db, sid);
}

/** Which station serves each district of an area: district → station. */
export async function stationOfDistricts(db: Queries, areaId: number): Promise<Map<string, { id: number; name: string }>> {
  const rows = (await db.all(
    'SELECT d.polling_district AS d, s.id, s.name FROM polling_station_districts d JOIN polling_stations s ON s.id = d.station_id WHERE d.area_id = ?',
    [areaId],
  )) as { d: string; id: number; name: string }[];
  return new Map(rows.map((r) => [r.d, { id: r.id, name: r.name }]));
}

export async function saveStation(db: Queries, s: { id?: number; areaId: number; name: string; address: string }): Promise<number> {
  const t = now();
  if (s.id !== undefined) {
    await db.run('UPDATE polling_stations SET name = ?, address = ?, updated_at = ? WHERE id = ?', [s.name, s.address, t, s.id]);
    return s.id;
  }
  return await db.insert('INSERT INTO polling_stations (area_id, name, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
    s.areaId,
    s.name,
    s.address,
    t,
    t,
  ]);
}

/** The station serves exactly these districts (taken from any other station). */
export async function setStationDistricts(db: Queries, stationId: number, areaId: number, districts: readonly string[]): Promise<void> {
  await db.run('DELETE FROM polling_station_districts WHERE station_id = ?', [stationId]);
  const put = `INSERT INTO polling_station_districts (station_id, area_id, polling_district) VALUES (?, ?, ?)
     ON CONFLICT (area_id, polling_district) DO UPDATE SET station_id = excluded.station_id`;
  for (const d of districts) await db.run(put, [stationId, areaId, d]);
}

export async function deleteStation(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM polling_stations WHERE id = ?', [id]);
}

// ---------------------------------------------------------------- committee rooms

export async function listRooms(db: Queries, contestId: number): Promise<RoomOut[]> {
  const rows = (await db.all('SELECT id, contest_id AS contestId, name, address, notes FROM committee_rooms WHERE contest_id = ? ORDER BY name, id', [
    contestId,
  ])) as Omit<RoomOut, 'districts'>[];
  const ds = await districtsBy(
    db,
    'SELECT room_id AS owner, polling_district AS d FROM committee_room_districts WHERE contest_id = ? ORDER BY polling_district',
    contestId,
  );
  return rows.map((r) => ({ ...r, districts: ds.get(r.id) ?? [] }));
}

export async function getRoom(db: Queries, id: number): Promise<RoomOut | undefined> {
  const row = (await db.get('SELECT id, contest_id AS contestId, name, address, notes FROM committee_rooms WHERE id = ?', [id])) as
    Omit<RoomOut, 'districts'> | undefined;
  if (!row) return undefined;
  const districts = (await db.values<[unknown]>('SELECT polling_district FROM committee_room_districts WHERE room_id = ? ORDER BY polling_district', [id])).map(
    (r) => r[0],
  ) as string[];
  return { ...row, districts };
}

export async function roomOfDistricts(db: Queries, contestId: number): Promise<Map<string, { id: number; name: string }>> {
  const rows = (await db.all(
    'SELECT d.polling_district AS d, r.id, r.name FROM committee_room_districts d JOIN committee_rooms r ON r.id = d.room_id WHERE d.contest_id = ?',
    [contestId],
  )) as { d: string; id: number; name: string }[];
  return new Map(rows.map((r) => [r.d, { id: r.id, name: r.name }]));
}

export async function saveRoom(
  db: Queries,
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
    await db.run('UPDATE committee_rooms SET name = ?, address = ?, notes = ?, updated_at = ? WHERE id = ?', [r.name, r.address, r.notes, t, r.id]);
    return r.id;
  }
  return await db.insert('INSERT INTO committee_rooms (contest_id, name, address, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
    r.contestId,
    r.name,
    r.address,
    r.notes,
    t,
    t,
  ]);
}

export async function setRoomDistricts(db: Queries, roomId: number, contestId: number, districts: readonly string[]): Promise<void> {
  await db.run('DELETE FROM committee_room_districts WHERE room_id = ?', [roomId]);
  const put = `INSERT INTO committee_room_districts (room_id, contest_id, polling_district) VALUES (?, ?, ?)
     ON CONFLICT (contest_id, polling_district) DO UPDATE SET room_id = excluded.room_id`;
  for (const d of districts) await db.run(put, [roomId, contestId, d]);
}

export async function deleteRoom(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM committee_rooms WHERE id = ?', [id]);
}

// ---------------------------------------------------------------- duties

const DUTY_SELECT = `SELECT p.id, p.contest_id AS contestId, p.volunteer_id AS volunteerId, v.name AS volunteerName, p.duty,
  p.station_id AS stationId, s.name AS stationName, p.room_id AS roomId, r.name AS roomName,
  p.starts_at AS startsAt, p.ends_at AS endsAt, p.round
  FROM polling_day_duties p JOIN volunteers v ON v.id = p.volunteer_id
  LEFT JOIN polling_stations s ON s.id = p.station_id LEFT JOIN committee_rooms r ON r.id = p.room_id`;

/** Tellers by station then shift, then knockers-up by room then round (one without a shift or round first, as SQLite sorts nulls). */
export async function listDuties(db: Queries, contestId: number): Promise<DutyOut[]> {
  return (await db.all(
    `${DUTY_SELECT} WHERE p.contest_id = ? ORDER BY p.duty DESC, s.name, p.station_id, p.starts_at NULLS FIRST, r.name, p.room_id, p.round NULLS FIRST, v.name, p.id`,
    [contestId],
  )) as DutyOut[];
}

export async function getDuty(db: Queries, id: number): Promise<DutyOut | undefined> {
  return (await db.get(`${DUTY_SELECT} WHERE p.id = ?`, [id])) as DutyOut | undefined;
}

export async function countDuties(db: Queries, where: { stationId: number } | { roomId: number }): Promise<number> {
  return 'stationId' in where
    ? ((await db.values<[unknown]>('SELECT COUNT(*) FROM polling_day_duties WHERE station_id = ?', [where.stationId]))[0]?.[0] as number)
    : ((await db.values<[unknown]>('SELECT COUNT(*) FROM polling_day_duties WHERE room_id = ?', [where.roomId]))[0]?.[0] as number);
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

export async function saveDuty(db: Queries, d: DutyRow): Promise<number> {
  const t = now();
  const values = [d.volunteerId, d.duty, d.stationId, d.roomId, d.startsAt, d.endsAt, d.round, t];
  if (d.id !== undefined) {
    await db.run(
      'UPDATE polling_day_duties SET volunteer_id = ?, duty = ?, station_id = ?, room_id = ?, starts_at = ?, ends_at = ?, round = ?, updated_at = ? WHERE id = ?',
      [...values, d.id],
    );
    return d.id;
  }
  return await db.insert(
    'INSERT INTO polling_day_duties (volunteer_id, duty, station_id, room_id, starts_at, ends_at, round, updated_at, contest_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [...values, d.contestId, t],
  );
}

export async function deleteDuty(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM polling_day_duties WHERE id = ?', [id]);
}

// ---------------------------------------------------------------- promises

export async function getPromiseRule(db: Queries, contestId: number): Promise<{ supports: string[]; updatedAt: string } | null> {
  const row = (await db.get('SELECT supports, updated_at AS updatedAt FROM promise_rules WHERE contest_id = ?', [contestId])) as
    { supports: string; updatedAt: string } | undefined;
  return row ? { supports: parseSupports(row.supports), updatedAt: row.updatedAt } : null;
}

export async function putPromiseRule(db: Queries, contestId: number, supports: readonly string[]): Promise<void> {
  await db.run(
    'INSERT INTO promise_rules (contest_id, supports, updated_at) VALUES (?, ?, ?) ON CONFLICT (contest_id) DO UPDATE SET supports = excluded.supports, updated_at = excluded.updated_at',
    [contestId, formatSupports(supports), now()],
  );
}

export async function countPromises(db: Queries, areaId: number, supports: readonly string[]): Promise<number> {
  const w = promiseWhere('e', supports);
  return (await db.values<[unknown]>(`SELECT COUNT(*) FROM electors e WHERE e.area_id = ? AND ${w.sql}`, [areaId, ...w.params]))[0]?.[0] as number;
}

/** Electors of an area not removed, by latest support code (those with none left out). */
export async function supportCounts(db: Queries, areaId: number): Promise<Map<string, number>> {
  const removals = [...REMOVAL_OUTCOMES];
  const rows = (await db.all(
    `SELECT latest_support AS code, COUNT(*) AS n FROM electors WHERE area_id = ? AND latest_support IS NOT NULL
       AND (latest_outcome IS NULL OR latest_outcome NOT IN (${removals.map(() => '?').join(', ')})) GROUP BY latest_support`,
    [areaId, ...removals],
  )) as { code: string; n: number }[];
  return new Map(rows.map((r) => [r.code, r.n]));
}
