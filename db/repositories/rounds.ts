import type { Assignment } from '../../shared/contract/leaflets.ts';
import type { Db } from '../open.ts';
import { whereEquals } from './filter.ts';

interface StreetRecord {
  name: string;
  households: number;
  householdsSource: string;
  notes: string;
}

export interface RoundRecord {
  id: number;
  name: string;
  areaId: number | null;
  areaName: string | null;
  pollingDistrict: string;
  ownEstimateMinutes: number | null;
  notes: string;
  streets: StreetRecord[];
  drops: number;
}

export interface RoundFields {
  name: string;
  areaId: number | null;
  pollingDistrict: string;
  estimatedMinutes: number | null;
  notes: string;
  streets: StreetRecord[];
}

const SELECT = `SELECT r.id, r.name, r.area_id AS areaId, a.name AS areaName, r.polling_district AS pollingDistrict,
  r.estimated_minutes AS ownEstimateMinutes, r.notes, (SELECT COUNT(*) FROM drops d WHERE d.round_id = r.id) AS drops
  FROM delivery_rounds r LEFT JOIN areas a ON a.id = r.area_id`;

function withStreets(db: Db, rows: Omit<RoundRecord, 'streets'>[]): RoundRecord[] {
  const streets = db.prepare('SELECT name, households, households_source AS householdsSource, notes FROM round_streets WHERE round_id = ? ORDER BY position');
  return rows.map((r) => ({ ...r, streets: streets.all(r.id) as StreetRecord[] }));
}

export async function listRounds(db: Db, filter: { areaId?: number; pollingDistrict?: string } = {}): Promise<RoundRecord[]> {
  const where = whereEquals([
    ['r.area_id', filter.areaId],
    ['r.polling_district', filter.pollingDistrict?.trim().toUpperCase()],
  ]);
  const rows = db.prepare(`${SELECT} ${where.sql} ORDER BY r.polling_district, r.name, r.id`).all(...where.params);
  return withStreets(db, rows as Omit<RoundRecord, 'streets'>[]);
}

export async function getRound(db: Db, id: number): Promise<RoundRecord | undefined> {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Omit<RoundRecord, 'streets'> | undefined;
  return row ? withStreets(db, [row])[0] : undefined;
}

function setStreets(db: Db, id: number, streets: StreetRecord[]): void {
  db.prepare('DELETE FROM round_streets WHERE round_id = ?').run(id);
  const insert = db.prepare('INSERT INTO round_streets (round_id, position, name, households, households_source, notes) VALUES (?, ?, ?, ?, ?, ?)');
  streets.forEach((s, i) => insert.run(id, i + 1, s.name, s.households, s.householdsSource, s.notes));
}

export async function insertRound(db: Db, r: RoundFields): Promise<number> {
  const now = new Date().toISOString();
  const result = db
    .prepare('INSERT INTO delivery_rounds (name, area_id, polling_district, estimated_minutes, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.name, r.areaId, r.pollingDistrict, r.estimatedMinutes, r.notes, now, now);
  const id = Number(result.lastInsertRowid);
  setStreets(db, id, r.streets);
  return id;
}

export async function updateRound(db: Db, id: number, r: RoundFields): Promise<void> {
  db.prepare('UPDATE delivery_rounds SET name = ?, area_id = ?, polling_district = ?, estimated_minutes = ?, notes = ?, updated_at = ? WHERE id = ?').run(
    r.name,
    r.areaId,
    r.pollingDistrict,
    r.estimatedMinutes,
    r.notes,
    new Date().toISOString(),
    id,
  );
  setStreets(db, id, r.streets);
}

export async function deleteRound(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM delivery_rounds WHERE id = ?').run(id);
}

const ASSIGNMENT = `SELECT a.id, a.round_id AS roundId, a.volunteer_id AS volunteerId, v.name AS volunteerName, a.leaflet_id AS leafletId,
  l.title AS leafletTitle, a.planned_on AS plannedOn, a.planned_minutes AS plannedMinutes, a.notes
  FROM round_assignments a JOIN volunteers v ON v.id = a.volunteer_id LEFT JOIN leaflets l ON l.id = a.leaflet_id`;

export async function listAssignments(db: Db, filter: { roundId?: number; volunteerId?: number } = {}): Promise<Assignment[]> {
  const where = whereEquals([
    ['a.round_id', filter.roundId],
    ['a.volunteer_id', filter.volunteerId],
  ]);
  return db.prepare(`${ASSIGNMENT} ${where.sql} ORDER BY a.planned_on IS NULL, a.planned_on, v.name, a.id`).all(...where.params) as Assignment[];
}

export async function getAssignment(db: Db, id: number): Promise<Assignment | undefined> {
  return db.prepare(`${ASSIGNMENT} WHERE a.id = ?`).get(id) as Assignment | undefined;
}

export async function insertAssignment(
  db: Db,
  a: { roundId: number; volunteerId: number; leafletId: number | null; plannedOn: string | null; plannedMinutes: number | null; notes: string },
): Promise<number> {
  const now = new Date().toISOString();
  const r = db
    .prepare(
      `INSERT INTO round_assignments (round_id, volunteer_id, leaflet_id, planned_on, planned_minutes, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.roundId, a.volunteerId, a.leafletId, a.plannedOn, a.plannedMinutes, a.notes, now, now);
  return Number(r.lastInsertRowid);
}

export async function deleteAssignment(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM round_assignments WHERE id = ?').run(id);
}
