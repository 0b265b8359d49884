import type { Election } from '../../shared/contract/elections.ts';
import type { Queries } from '../store.ts';

export type ElectionWrite = Omit<Election, 'id' | 'contestCount' | 'updatedAt'>;

const SELECT = `SELECT e.id, e.name, e.type, e.polling_day AS pollingDay, e.nation, e.dc_id AS dcId, e.notes, e.updated_at AS updatedAt,
  (SELECT COUNT(*) FROM contests c WHERE c.election_id = e.id) AS contestCount FROM elections e`;

export async function listElections(db: Queries): Promise<Election[]> {
  return (await db.all(`${SELECT} ORDER BY e.polling_day DESC, e.name`)) as Election[];
}

export async function getElection(db: Queries, id: number): Promise<Election | undefined> {
  return (await db.get(`${SELECT} WHERE e.id = ?`, [id])) as Election | undefined;
}

export async function insertElection(db: Queries, e: ElectionWrite): Promise<number> {
  const now = new Date().toISOString();
  const r = await db.insert(`INSERT INTO elections (name, type, polling_day, nation, dc_id, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
    e.name,
    e.type,
    e.pollingDay,
    e.nation,
    e.dcId,
    e.notes,
    now,
    now,
  ]);
  return r;
}

export async function updateElection(db: Queries, id: number, e: ElectionWrite): Promise<void> {
  await db.run(`UPDATE elections SET name = ?, type = ?, polling_day = ?, nation = ?, dc_id = ?, notes = ?, updated_at = ? WHERE id = ?`, [
    e.name,
    e.type,
    e.pollingDay,
    e.nation,
    e.dcId,
    e.notes,
    new Date().toISOString(),
    id,
  ]);
}

export async function deleteElection(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM elections WHERE id = ?', [id]);
}
