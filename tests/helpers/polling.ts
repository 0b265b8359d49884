/**
 * Polling-day setup rows written straight into the 017 tables (stations, committee rooms, the
 * promise rule, canvass standing), for tests of telling, knock-up and voting history that need
 * them without going through the setup screens. Votes themselves: voting.ts.
 */
import type { Queries } from '../../db/store.ts';

const NOW = '2026-04-01T09:00:00.000Z';

export async function addStation(db: Queries, areaId: number, name: string, districts: string[]): Promise<number> {
  const id = await db.insert('INSERT INTO polling_stations (area_id, name, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
    areaId,
    name,
    '',
    NOW,
    NOW,
  ]);
  for (const d of districts) await db.run('INSERT INTO polling_station_districts (station_id, area_id, polling_district) VALUES (?, ?, ?)', [id, areaId, d]);
  return id;
}

export async function addRoom(db: Queries, contestId: number, name: string, districts: string[]): Promise<number> {
  const id = await db.insert('INSERT INTO committee_rooms (contest_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)', [contestId, name, NOW, NOW]);
  for (const d of districts) await db.run('INSERT INTO committee_room_districts (room_id, contest_id, polling_district) VALUES (?, ?, ?)', [id, contestId, d]);
  return id;
}

export async function setPromiseRule(db: Queries, contestId: number, supports: string[]): Promise<void> {
  await db.run(
    'INSERT INTO promise_rules (contest_id, supports, updated_at) VALUES (?, ?, ?) ON CONFLICT (contest_id) DO UPDATE SET supports = excluded.supports',
    [contestId, supports.join(','), NOW],
  );
}

/** Gives electors a standing as if canvassed (latest support, optionally an outcome). */
export async function setSupport(db: Queries, areaId: number, numbers: Record<string, string | null>, outcome: string | null = 'in'): Promise<void> {
  const set = 'UPDATE electors SET latest_support = ?, latest_outcome = ? WHERE area_id = ? AND elector_number = ?';
  for (const [n, support] of Object.entries(numbers)) {
    if ((await db.run(set, [support, outcome, areaId, n])).changes !== 1) throw new Error(`No elector ${n}`);
  }
}
