/**
 * Polling-day setup rows written straight into the 017 tables (stations, committee rooms, the
 * promise rule, canvass standing), for tests of telling, knock-up and voting history that need
 * them without going through the setup screens. Votes themselves: voting.ts.
 */
import type { Db } from '../../db/open.ts';

const NOW = '2026-04-01T09:00:00.000Z';

export function addStation(db: Db, areaId: number, name: string, districts: string[]): number {
  const id = Number(
    db.prepare('INSERT INTO polling_stations (area_id, name, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(areaId, name, '', NOW, NOW)
      .lastInsertRowid,
  );
  for (const d of districts) db.prepare('INSERT INTO polling_station_districts (station_id, area_id, polling_district) VALUES (?, ?, ?)').run(id, areaId, d);
  return id;
}

export function addRoom(db: Db, contestId: number, name: string, districts: string[]): number {
  const id = Number(
    db.prepare('INSERT INTO committee_rooms (contest_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(contestId, name, NOW, NOW).lastInsertRowid,
  );
  for (const d of districts) db.prepare('INSERT INTO committee_room_districts (room_id, contest_id, polling_district) VALUES (?, ?, ?)').run(id, contestId, d);
  return id;
}

export function setPromiseRule(db: Db, contestId: number, supports: string[]): void {
  db.prepare(
    'INSERT INTO promise_rules (contest_id, supports, updated_at) VALUES (?, ?, ?) ON CONFLICT (contest_id) DO UPDATE SET supports = excluded.supports',
  ).run(contestId, supports.join(','), NOW);
}

/** Gives electors a standing as if canvassed (latest support, optionally an outcome). */
export function setSupport(db: Db, areaId: number, numbers: Record<string, string | null>, outcome: string | null = 'in'): void {
  const set = db.prepare('UPDATE electors SET latest_support = ?, latest_outcome = ? WHERE area_id = ? AND elector_number = ?');
  for (const [n, support] of Object.entries(numbers)) if (set.run(support, outcome, areaId, n).changes !== 1) throw new Error(`No elector ${n}`);
}
