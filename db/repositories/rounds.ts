import type { Assignment } from '../../shared/contract/leaflets.ts';
import type { Queries } from '../store.ts';
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
  updatedAt: string;
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
  r.estimated_minutes AS ownEstimateMinutes, r.notes, r.updated_at AS updatedAt, (SELECT COUNT(*) FROM drops d WHERE d.round_id = r.id) AS drops
  FROM delivery_rounds r LEFT JOIN areas a ON a.id = r.area_id`;

async function withStreets(db: Queries, rows: Omit<RoundRecord, 'streets'>[]): Promise<RoundRecord[]> {
  const streets = 'SELECT name, households, households_source AS householdsSource, notes FROM round_streets WHERE round_id = ? ORDER BY position';
  return Promise.all(rows.map(async (r) => ({ ...r, streets: (await db.all(streets, [r.id])) as StreetRecord[] })));
}

export async function listRounds(db: Queries, filter: { areaId?: number; pollingDistrict?: string } = {}): Promise<RoundRecord[]> {
  const where = whereEquals([
    ['r.area_id', filter.areaId],
    ['r.polling_district', filter.pollingDistrict?.trim().toUpperCase()],
  ]);
  const rows = await db.all(`${SELECT} ${where.sql} ORDER BY r.polling_district, r.name, r.id`, where.params);
  return await withStreets(db, rows as Omit<RoundRecord, 'streets'>[]);
}

export async function getRound(db: Queries, id: number): Promise<RoundRecord | undefined> {
  const row = (await db.get(`${SELECT} WHERE r.id = ?`, [id])) as Omit<RoundRecord, 'streets'> | undefined;
  return row ? (await withStreets(db, [row]))[0] : undefined;
}

async function setStreets(db: Queries, id: number, streets: StreetRecord[]): Promise<void> {
  await db.run('DELETE FROM round_streets WHERE round_id = ?', [id]);
  const insert = 'INSERT INTO round_streets (round_id, position, name, households, households_source, notes) VALUES (?, ?, ?, ?, ?, ?)';
  for (const [i, s] of streets.entries()) await db.run(insert, [id, i + 1, s.name, s.households, s.householdsSource, s.notes]);
}

export async function insertRound(db: Queries, r: RoundFields): Promise<number> {
  const now = new Date().toISOString();
  const id = await db.insert(
    'INSERT INTO delivery_rounds (name, area_id, polling_district, estimated_minutes, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [r.name, r.areaId, r.pollingDistrict, r.estimatedMinutes, r.notes, now, now],
  );
  await setStreets(db, id, r.streets);
  return id;
}

export async function updateRound(db: Queries, id: number, r: RoundFields): Promise<void> {
  await db.run('UPDATE delivery_rounds SET name = ?, area_id = ?, polling_district = ?, estimated_minutes = ?, notes = ?, updated_at = ? WHERE id = ?', [
    r.name,
    r.areaId,
    r.pollingDistrict,
    r.estimatedMinutes,
    r.notes,
    new Date().toISOString(),
    id,
  ]);
  await setStreets(db, id, r.streets);
}

export async function deleteRound(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM delivery_rounds WHERE id = ?', [id]);
}

const ASSIGNMENT = `SELECT a.id, a.round_id AS roundId, a.volunteer_id AS volunteerId, v.name AS volunteerName, a.leaflet_id AS leafletId,
  l.title AS leafletTitle, a.planned_on AS plannedOn, a.planned_minutes AS plannedMinutes, a.notes
  FROM round_assignments a JOIN volunteers v ON v.id = a.volunteer_id LEFT JOIN leaflets l ON l.id = a.leaflet_id`;

export async function listAssignments(db: Queries, filter: { roundId?: number; volunteerId?: number } = {}): Promise<Assignment[]> {
  const where = whereEquals([
    ['a.round_id', filter.roundId],
    ['a.volunteer_id', filter.volunteerId],
  ]);
  return (await db.all(`${ASSIGNMENT} ${where.sql} ORDER BY a.planned_on IS NULL, a.planned_on, v.name, a.id`, where.params)) as Assignment[];
}

export async function getAssignment(db: Queries, id: number): Promise<Assignment | undefined> {
  return (await db.get(`${ASSIGNMENT} WHERE a.id = ?`, [id])) as Assignment | undefined;
}

export async function insertAssignment(
  db: Queries,
  a: { roundId: number; volunteerId: number; leafletId: number | null; plannedOn: string | null; plannedMinutes: number | null; notes: string },
): Promise<number> {
  const now = new Date().toISOString();
  const r = await db.insert(
    `INSERT INTO round_assignments (round_id, volunteer_id, leaflet_id, planned_on, planned_minutes, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [a.roundId, a.volunteerId, a.leafletId, a.plannedOn, a.plannedMinutes, a.notes, now, now],
  );
  return r;
}

export async function deleteAssignment(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM round_assignments WHERE id = ?', [id]);
}
