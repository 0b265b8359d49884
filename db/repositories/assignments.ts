/** Canvassers' districts: which person canvasses which area or polling district. */
import type { AssignmentOut } from '../../shared/contract/assignments.ts';
import type { Queries, SqlValue } from '../store.ts';

export type Assignment = AssignmentOut;

const ASSIGNMENT = `SELECT c.id, c.person, c.area_id AS areaId, a.name AS areaName, c.polling_district AS pollingDistrict,
  c.assigned_by AS assignedBy, c.assigned_at AS assignedAt
  FROM canvass_assignments c JOIN areas a ON a.id = c.area_id`;
const ORDER = 'ORDER BY c.person, a.name, c.polling_district';

export async function listAssignments(db: Queries, filter: { areaId?: number; person?: string } = {}): Promise<Assignment[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (filter.areaId !== undefined) {
    where.push('c.area_id = ?');
    params.push(filter.areaId);
  }
  if (filter.person !== undefined) {
    where.push('c.person = ?');
    params.push(filter.person);
  }
  return (await db.all(`${ASSIGNMENT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER}`, params)) as Assignment[];
}

export async function getAssignment(db: Queries, id: number): Promise<Assignment | undefined> {
  return (await db.get(`${ASSIGNMENT} WHERE c.id = ?`, [id])) as Assignment | undefined;
}

export async function findAssignment(db: Queries, person: string, areaId: number, pollingDistrict: string): Promise<Assignment | undefined> {
  return (await db.get(`${ASSIGNMENT} WHERE c.person = ? AND c.area_id = ? AND c.polling_district = ?`, [person, areaId, pollingDistrict])) as
    Assignment | undefined;
}

export async function insertAssignment(db: Queries, a: { person: string; areaId: number; pollingDistrict: string; assignedBy: string }): Promise<number> {
  return await db.insert('INSERT INTO canvass_assignments (person, area_id, polling_district, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)', [
    a.person,
    a.areaId,
    a.pollingDistrict,
    a.assignedBy,
    new Date().toISOString(),
  ]);
}

export async function deleteAssignment(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM canvass_assignments WHERE id = ?', [id]);
}
