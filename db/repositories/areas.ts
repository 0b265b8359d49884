import type { Area } from '../../shared/contract/areas.ts';
import type { Queries } from '../store.ts';
import { likeAnyCase } from './dialect.ts';

export type AreaWrite = Omit<Area, 'id' | 'contestCount'>;

const SELECT = `SELECT a.id, a.name, a.kind, a.gss_code AS gssCode, a.electorate, a.classification, a.nation, a.region, a.notes,
  (SELECT COUNT(*) FROM contests c WHERE c.area_id = a.id) AS contestCount FROM areas a`;

export async function listAreas(db: Queries, search?: string): Promise<Area[]> {
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = likeAnyCase(db);
    return (await db.all(`${SELECT} WHERE a.name ${like} ? ESCAPE '\\' OR a.gss_code ${like} ? ESCAPE '\\' ORDER BY a.name`, [pattern, pattern])) as Area[];
  }
  return (await db.all(`${SELECT} ORDER BY a.name`)) as Area[];
}

export async function getArea(db: Queries, id: number): Promise<Area | undefined> {
  return (await db.get(`${SELECT} WHERE a.id = ?`, [id])) as Area | undefined;
}

export async function insertAreas(db: Queries, areas: AreaWrite[]): Promise<number[]> {
  const now = new Date().toISOString();
  const stmt = `INSERT INTO areas (name, kind, gss_code, electorate, classification, nation, region, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  return Promise.all(
    areas.map(async (a) => await db.insert(stmt, [a.name, a.kind, a.gssCode, a.electorate, a.classification, a.nation, a.region, a.notes, now, now])),
  );
}

export async function updateArea(db: Queries, id: number, a: AreaWrite): Promise<void> {
  await db.run(
    `UPDATE areas SET name = ?, kind = ?, gss_code = ?, electorate = ?, classification = ?, nation = ?, region = ?, notes = ?, updated_at = ? WHERE id = ?`,
    [a.name, a.kind, a.gssCode, a.electorate, a.classification, a.nation, a.region, a.notes, new Date().toISOString(), id],
  );
}

export async function deleteArea(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM areas WHERE id = ?', [id]);
}

/** GSS codes and lower-cased names already present, to spot re-imports. */
export async function existingAreaKeys(db: Queries): Promise<{ codes: Set<string>; names: Set<string> }> {
  const rows = (await db.all('SELECT gss_code AS code, name FROM areas')) as { code: string; name: string }[];
  return { codes: new Set(rows.map((r) => r.code).filter(Boolean)), names: new Set(rows.map((r) => r.name.toLowerCase())) };
}
