import type { Contest } from '../../shared/contract/contests.ts';
import type { Db } from '../open.ts';

const SELECT = `SELECT c.id, c.election_id AS electionId, e.name AS electionName, e.type AS electionType, e.polling_day AS pollingDay,
  c.area_id AS areaId, a.name AS areaName, a.nation, c.status, c.reason, c.declared_on AS declaredOn
  FROM contests c JOIN elections e ON e.id = c.election_id JOIN areas a ON a.id = c.area_id`;

export async function listContests(db: Db, filter: { electionId?: number; areaId?: number } = {}): Promise<Contest[]> {
  const where: string[] = [];
  const params: number[] = [];
  if (filter.electionId !== undefined) {
    where.push('c.election_id = ?');
    params.push(filter.electionId);
  }
  if (filter.areaId !== undefined) {
    where.push('c.area_id = ?');
    params.push(filter.areaId);
  }
  return db.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.polling_day, a.name`).all(...params) as Contest[];
}

export async function getContest(db: Db, id: number): Promise<Contest | undefined> {
  return db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Contest | undefined;
}

export async function findContest(db: Db, electionId: number, areaId: number): Promise<Contest | undefined> {
  return db.prepare(`${SELECT} WHERE c.election_id = ? AND c.area_id = ?`).get(electionId, areaId) as Contest | undefined;
}

export async function insertContest(db: Db, c: { electionId: number; areaId: number; status: string; reason: string }): Promise<number> {
  const now = new Date().toISOString();
  const r = db
    .prepare('INSERT INTO contests (election_id, area_id, status, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(c.electionId, c.areaId, c.status, c.reason, now, now);
  return Number(r.lastInsertRowid);
}

export async function updateContestStatus(db: Db, id: number, status: string, reason: string): Promise<void> {
  db.prepare('UPDATE contests SET status = ?, reason = ?, updated_at = ? WHERE id = ?').run(status, reason, new Date().toISOString(), id);
}

export async function setDeclaredOn(db: Db, id: number, declaredOn: string | null): Promise<void> {
  db.prepare('UPDATE contests SET declared_on = ?, updated_at = ? WHERE id = ?').run(declaredOn, new Date().toISOString(), id);
}

export async function deleteContest(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM contests WHERE id = ?').run(id);
}
