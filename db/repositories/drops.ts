import type { Drop } from '../../shared/contract/leaflets.ts';
import type { Queries } from '../store.ts';
import { whereEquals } from './filter.ts';

export interface DropFields {
  leafletId: number;
  roundId: number;
  volunteerId: number | null;
  droppedOn: string;
  delivered: number;
  complete: boolean;
  leftNote: string;
  notes: string;
}

const SELECT = `SELECT d.id, d.leaflet_id AS leafletId, l.title AS leafletTitle, d.round_id AS roundId, r.name AS roundName,
  d.volunteer_id AS volunteerId, v.name AS volunteerName, d.dropped_on AS droppedOn, d.delivered, d.complete, d.left_note AS leftNote, d.notes
  FROM drops d JOIN leaflets l ON l.id = d.leaflet_id JOIN delivery_rounds r ON r.id = d.round_id LEFT JOIN volunteers v ON v.id = d.volunteer_id`;

type Raw = Omit<Drop, 'complete'> & { complete: number };
const toDrop = (r: Raw): Drop => ({ ...r, complete: r.complete === 1 });

export async function listDrops(db: Queries, filter: { leafletId?: number; roundId?: number; volunteerId?: number } = {}): Promise<Drop[]> {
  const where = whereEquals([
    ['d.leaflet_id', filter.leafletId],
    ['d.round_id', filter.roundId],
    ['d.volunteer_id', filter.volunteerId],
  ]);
  const rows = (await db.all(`${SELECT} ${where.sql} ORDER BY d.dropped_on DESC, d.id DESC`, where.params)) as Raw[];
  return rows.map(toDrop);
}

export async function getDrop(db: Queries, id: number): Promise<Drop | undefined> {
  const row = (await db.get(`${SELECT} WHERE d.id = ?`, [id])) as Raw | undefined;
  return row ? toDrop(row) : undefined;
}

export async function insertDrop(db: Queries, d: DropFields): Promise<number> {
  const now = new Date().toISOString();
  const r = await db.insert(
    `INSERT INTO drops (leaflet_id, round_id, volunteer_id, dropped_on, delivered, complete, left_note, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [d.leafletId, d.roundId, d.volunteerId, d.droppedOn, d.delivered, d.complete ? 1 : 0, d.leftNote, d.notes, now, now],
  );
  return r;
}

export async function deleteDrop(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM drops WHERE id = ?', [id]);
}
