import type { MilestoneKey } from '../../shared/domain/timetable.ts';
import type { ExtraHolidayRow, HolidayInput } from '../../shared/contract/timetable.ts';
import type { Db } from '../open.ts';

// --- Extra non-working days ----------------------------------------------------------------------

const HOLIDAY_SELECT = 'SELECT id, date, title, kind, division FROM extra_holidays';

export async function listExtraHolidays(db: Db): Promise<ExtraHolidayRow[]> {
  return db.prepare(`${HOLIDAY_SELECT} ORDER BY date, division`).all() as ExtraHolidayRow[];
}

export async function getExtraHoliday(db: Db, id: number): Promise<ExtraHolidayRow | undefined> {
  return db.prepare(`${HOLIDAY_SELECT} WHERE id = ?`).get(id) as ExtraHolidayRow | undefined;
}

export async function findExtraHoliday(db: Db, date: string, division: string): Promise<ExtraHolidayRow | undefined> {
  return db.prepare(`${HOLIDAY_SELECT} WHERE date = ? AND division = ?`).get(date, division) as ExtraHolidayRow | undefined;
}

export async function insertExtraHoliday(db: Db, h: Required<HolidayInput>): Promise<number> {
  const now = new Date().toISOString();
  const r = db
    .prepare('INSERT INTO extra_holidays (date, title, kind, division, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(h.date, h.title, h.kind, h.division, now, now);
  return Number(r.lastInsertRowid);
}

export async function deleteExtraHoliday(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM extra_holidays WHERE id = ?').run(id);
}

// --- Milestone overrides -------------------------------------------------------------------------

export interface OverrideRow {
  electionId: number;
  milestone: MilestoneKey;
  date: string;
  reason: string;
}

/** Overrides of some elections (all when no ids are given). */
export async function listOverrides(db: Db, electionIds?: readonly number[]): Promise<OverrideRow[]> {
  const sql = 'SELECT election_id AS electionId, milestone, date, reason FROM milestone_overrides';
  if (electionIds === undefined) return db.prepare(`${sql} ORDER BY election_id, milestone`).all() as OverrideRow[];
  if (electionIds.length === 0) return [];
  return db
    .prepare(`${sql} WHERE election_id IN (${electionIds.map(() => '?').join(', ')}) ORDER BY election_id, milestone`)
    .all(...electionIds) as OverrideRow[];
}

export async function putOverride(db: Db, o: OverrideRow): Promise<void> {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO milestone_overrides (election_id, milestone, date, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (election_id, milestone) DO UPDATE SET date = excluded.date, reason = excluded.reason, updated_at = excluded.updated_at`,
  ).run(o.electionId, o.milestone, o.date, o.reason, now, now);
}

export async function deleteOverride(db: Db, electionId: number, milestone: MilestoneKey): Promise<boolean> {
  return db.prepare('DELETE FROM milestone_overrides WHERE election_id = ? AND milestone = ?').run(electionId, milestone).changes > 0;
}
