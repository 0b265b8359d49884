import type { MilestoneKey } from '../../shared/domain/timetable.ts';
import type { Queries } from '../store.ts';

/** A task as stored: the due date is resolved against the timetable by the caller. */
export interface TaskRow {
  id: number;
  electionId: number;
  electionName: string;
  contestId: number | null;
  contestName: string | null;
  title: string;
  notes: string;
  assignee: string;
  dueKind: 'fixed' | 'relative';
  dueDate: string | null;
  milestone: MilestoneKey | null;
  /** Signed: negative = before the milestone. */
  offset: number | null;
  offsetUnit: 'working' | 'calendar' | null;
  done: boolean;
  doneAt: string | null;
}

export interface TaskWrite {
  electionId: number;
  contestId: number | null;
  title: string;
  notes: string;
  assignee: string;
  dueKind: 'fixed' | 'relative';
  dueDate: string | null;
  milestone: MilestoneKey | null;
  offset: number | null;
  offsetUnit: 'working' | 'calendar' | null;
}

const SELECT = `SELECT t.id, t.election_id AS electionId, e.name AS electionName, t.contest_id AS contestId, a.name AS contestName,
  t.title, t.notes, t.assignee, t.due_kind AS dueKind, t.due_date AS dueDate, t.anchor_milestone AS milestone,
  t.offset_days AS offset, t.offset_unit AS offsetUnit, t.done, t.done_at AS doneAt
  FROM tasks t JOIN elections e ON e.id = t.election_id
  LEFT JOIN contests c ON c.id = t.contest_id LEFT JOIN areas a ON a.id = c.area_id`;

type Raw = Omit<TaskRow, 'done'> & { done: number };
const toTask = (r: Raw): TaskRow => ({ ...r, done: r.done === 1 });

export async function listTasks(db: Queries, filter: { electionId?: number; contestId?: number; includeDone?: boolean } = {}): Promise<TaskRow[]> {
  const where: string[] = [];
  const params: number[] = [];
  if (filter.electionId !== undefined) {
    where.push('t.election_id = ?');
    params.push(filter.electionId);
  }
  if (filter.contestId !== undefined) {
    where.push('t.contest_id = ?');
    params.push(filter.contestId);
  }
  if (filter.includeDone === false) where.push('t.done = 0');
  const rows = (await db.all(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.id`, params)) as Raw[];
  return rows.map(toTask);
}

export async function getTask(db: Queries, id: number): Promise<TaskRow | undefined> {
  const r = (await db.get(`${SELECT} WHERE t.id = ?`, [id])) as Raw | undefined;
  return r && toTask(r);
}

export async function insertTask(db: Queries, t: TaskWrite): Promise<number> {
  const now = new Date().toISOString();
  const r = await db.insert(
    `INSERT INTO tasks (election_id, contest_id, title, notes, assignee, due_kind, due_date, anchor_milestone, offset_days, offset_unit, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [t.electionId, t.contestId, t.title, t.notes, t.assignee, t.dueKind, t.dueDate, t.milestone, t.offset, t.offsetUnit, now, now],
  );
  return r;
}

export async function updateTask(db: Queries, id: number, t: TaskWrite): Promise<void> {
  await db.run(
    `UPDATE tasks SET election_id = ?, contest_id = ?, title = ?, notes = ?, assignee = ?, due_kind = ?, due_date = ?, anchor_milestone = ?,
     offset_days = ?, offset_unit = ?, updated_at = ? WHERE id = ?`,
    [t.electionId, t.contestId, t.title, t.notes, t.assignee, t.dueKind, t.dueDate, t.milestone, t.offset, t.offsetUnit, new Date().toISOString(), id],
  );
}

export async function setTaskDone(db: Queries, id: number, done: boolean): Promise<void> {
  const now = new Date().toISOString();
  await db.run('UPDATE tasks SET done = ?, done_at = ?, updated_at = ? WHERE id = ?', [done ? 1 : 0, done ? now : null, now, id]);
}

export async function deleteTask(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM tasks WHERE id = ?', [id]);
}
