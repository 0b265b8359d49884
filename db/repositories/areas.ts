import type { Area } from '../../shared/contract/areas.ts';
import type { Db } from '../open.ts';

export type AreaWrite = Omit<Area, 'id' | 'contestCount'>;

const SELECT = `SELECT a.id, a.name, a.kind, a.gss_code AS gssCode, a.electorate, a.classification, a.nation, a.region, a.notes,
  (SELECT COUNT(*) FROM contests c WHERE c.area_id = a.id) AS contestCount FROM areas a`;

export async function listAreas(db: Db, search?: string): Promise<Area[]> {
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return db.prepare(`${SELECT} WHERE a.name LIKE ? ESCAPE '\\' OR a.gss_code LIKE ? ESCAPE '\\' ORDER BY a.name`).all(like, like) as Area[];
  }
  return db.prepare(`${SELECT} ORDER BY a.name`).all() as Area[];
}

export async function getArea(db: Db, id: number): Promise<Area | undefined> {
  return db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Area | undefined;
}

export async function insertAreas(db: Db, areas: AreaWrite[]): Promise<number[]> {
  const now = new Date().toISOString();
  const stmt = db.prepare(
    `INSERT INTO areas (name, kind, gss_code, electorate, classification, nation, region, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return areas.map((a) => Number(stmt.run(a.name, a.kind, a.gssCode, a.electorate, a.classification, a.nation, a.region, a.notes, now, now).lastInsertRowid));
}

export async function updateArea(db: Db, id: number, a: AreaWrite): Promise<void> {
  db.prepare(
    `UPDATE areas SET name = ?, kind = ?, gss_code = ?, electorate = ?, classification = ?, nation = ?, region = ?, notes = ?, updated_at = ? WHERE id = ?`,
  ).run(a.name, a.kind, a.gssCode, a.electorate, a.classification, a.nation, a.region, a.notes, new Date().toISOString(), id);
}

export async function deleteArea(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM areas WHERE id = ?').run(id);
}

/** GSS codes and lower-cased names already present, to spot re-imports. */
export async function existingAreaKeys(db: Db): Promise<{ codes: Set<string>; names: Set<string> }> {
  const rows = db.prepare('SELECT gss_code AS code, name FROM areas').all() as { code: string; name: string }[];
  return { codes: new Set(rows.map((r) => r.code).filter(Boolean)), names: new Set(rows.map((r) => r.name.toLowerCase())) };
}
