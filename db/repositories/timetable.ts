import type { MilestoneKey } from '../../shared/domain/timetable.ts';
import type { ExtraHolidayRow, HolidayInput } from '../../shared/contract/timetable.ts';
import type { Queries } from '../store.ts';

// --- Extra non-working days ----------------------------------------------------------------------

const HOLIDAY_SELECT = 'SELECT id, date, title, kind, division FROM extra_holidays';

export async function listExtraHolidays(db: Queries): Promise<ExtraHolidayRow[]> {
  return (await db.all(`${HOLIDAY_SELECT} ORDER BY date, division`)) as ExtraHolidayRow[];
}

export async function getExtraHoliday(db: Queries, id: number): Promise<ExtraHolidayRow | undefined> {
  return (await db.get(`${HOLIDAY_SELECT} WHERE id = ?`, [id])) as ExtraHolidayRow | undefined;
}

export async function findExtraHoliday(db: Queries, date: string, division: string): Promise<ExtraHolidayRow | undefined> {
  return (await db.get(`${HOLIDAY_SELECT} WHERE date = ? AND division = ?`, [date, division])) as ExtraHolidayRow | undefined;
}

export async function insertExtraHoliday(db: Queries, h: Required<HolidayInput>): Promise<number> {
  const now = new Date().toISOString();
  const r = await db.insert('INSERT INTO extra_holidays (date, title, kind, division, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
    h.date,
    h.title,
    h.kind,
    h.division,
    now,
    now,
  ]);
  return r;
}

export async function deleteExtraHoliday(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM extra_holidays WHERE id = ?', [id]);
}

// --- Milestone overrides -------------------------------------------------------------------------

export interface OverrideRow {
  electionId: number;
  milestone: MilestoneKey;
  date: string;
  reason: string;
}

/** Overrides of some elections (all when no ids are given). */
export async function listOverrides(db: Queries, electionIds?: readonly number[]): Promise<OverrideRow[]> {
  const sql = 'SELECT election_id AS electionId, milestone, date, reason FROM milestone_overrides';
  if (electionIds === undefined) return (await db.all(`${sql} ORDER BY election_id, milestone`)) as OverrideRow[];
  if (electionIds.length === 0) return [];
  return (await db.all(`${sql} WHERE election_id IN (${electionIds.map(() => '?').join(', ')}) ORDER BY election_id, milestone`, electionIds)) as OverrideRow[];
}

export async function putOverride(db: Queries, o: OverrideRow): Promise<void> {
  const now = new Date().toISOString();
  await db.run(
    `INSERT INTO milestone_overrides (election_id, milestone, date, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (election_id, milestone) DO UPDATE SET date = excluded.date, reason = excluded.reason, updated_at = excluded.updated_at`,
    [o.electionId, o.milestone, o.date, o.reason, now, now],
  );
}

export async function deleteOverride(db: Queries, electionId: number, milestone: MilestoneKey): Promise<boolean> {
  return (await db.run('DELETE FROM milestone_overrides WHERE election_id = ? AND milestone = ?', [electionId, milestone])).changes > 0;
}
