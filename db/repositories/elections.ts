import type { Election } from '../../shared/contract/elections.ts';
import type { Db } from '../open.ts';

export type ElectionWrite = Omit<Election, 'id' | 'contestCount'>;

const SELECT = `SELECT e.id, e.name, e.type, e.polling_day AS pollingDay, e.nation, e.dc_id AS dcId, e.notes,
  (SELECT COUNT(*) FROM contests c WHERE c.election_id = e.id) AS contestCount FROM elections e`;

export async function listElections(db: Db): Promise<Election[]> {
  return db.prepare(`${SELECT} ORDER BY e.polling_day DESC, e.name`).all() as Election[];
}

export async function getElection(db: Db, id: number): Promise<Election | undefined> {
  return db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Election | undefined;
}

export async function insertElection(db: Db, e: ElectionWrite): Promise<number> {
  const now = new Date().toISOString();
  const r = db
    .prepare(`INSERT INTO elections (name, type, polling_day, nation, dc_id, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(e.name, e.type, e.pollingDay, e.nation, e.dcId, e.notes, now, now);
  return Number(r.lastInsertRowid);
}

export async function updateElection(db: Db, id: number, e: ElectionWrite): Promise<void> {
  db.prepare(`UPDATE elections SET name = ?, type = ?, polling_day = ?, nation = ?, dc_id = ?, notes = ?, updated_at = ? WHERE id = ?`).run(
    e.name,
    e.type,
    e.pollingDay,
    e.nation,
    e.dcId,
    e.notes,
    new Date().toISOString(),
    id,
  );
}

export async function deleteElection(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM elections WHERE id = ?').run(id);
}
