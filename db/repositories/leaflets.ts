import type { Db } from '../open.ts';

/** A leaflet as stored; the handlers add the imprint check and stock. */
export interface LeafletRecord {
  id: number;
  title: string;
  version: string;
  size: string;
  status: string;
  notes: string;
  printerName: string;
  printerAddress: string;
  promoterName: string;
  promoterAddress: string;
  onBehalfOfPromoter: boolean;
  onBehalfOfName: string;
  onBehalfOfAddress: string;
  artworkFile: string | null;
  artworkName: string | null;
  artworkType: string | null;
  artworkBytes: number | null;
  contests: { id: number; name: string }[];
}

export type LeafletFields = Omit<LeafletRecord, 'id' | 'status' | 'contests' | 'artworkFile' | 'artworkName' | 'artworkType' | 'artworkBytes'> & {
  contestIds: number[];
};

const SELECT = `SELECT id, title, version, size, status, notes, printer_name AS printerName, printer_address AS printerAddress,
  promoter_name AS promoterName, promoter_address AS promoterAddress, on_behalf_of_promoter AS onBehalfOfPromoter,
  on_behalf_of_name AS onBehalfOfName, on_behalf_of_address AS onBehalfOfAddress, artwork_file AS artworkFile,
  artwork_name AS artworkName, artwork_type AS artworkType, artwork_bytes AS artworkBytes
  FROM leaflets`;

type Raw = Omit<LeafletRecord, 'contests' | 'onBehalfOfPromoter'> & { onBehalfOfPromoter: number };

function complete(db: Db, rows: Raw[]): LeafletRecord[] {
  const contests = db.prepare(
    `SELECT c.id, a.name || ' (' || e.name || ')' AS name FROM leaflet_contests lc
     JOIN contests c ON c.id = lc.contest_id JOIN areas a ON a.id = c.area_id JOIN elections e ON e.id = c.election_id
     WHERE lc.leaflet_id = ? ORDER BY e.polling_day, a.name`,
  );
  return rows.map((r) => ({ ...r, onBehalfOfPromoter: r.onBehalfOfPromoter === 1, contests: contests.all(r.id) as { id: number; name: string }[] }));
}

export async function listLeaflets(db: Db, filter: { contestId?: number } = {}): Promise<LeafletRecord[]> {
  const rows =
    filter.contestId === undefined
      ? db.prepare(`${SELECT} ORDER BY title, version, id`).all()
      : db.prepare(`${SELECT} WHERE id IN (SELECT leaflet_id FROM leaflet_contests WHERE contest_id = ?) ORDER BY title, version, id`).all(filter.contestId);
  return complete(db, rows as Raw[]);
}

export async function getLeaflet(db: Db, id: number): Promise<LeafletRecord | undefined> {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Raw | undefined;
  return row ? complete(db, [row])[0] : undefined;
}

function setContests(db: Db, id: number, contestIds: number[]): void {
  db.prepare('DELETE FROM leaflet_contests WHERE leaflet_id = ?').run(id);
  const insert = db.prepare('INSERT INTO leaflet_contests (leaflet_id, contest_id) VALUES (?, ?)');
  for (const c of new Set(contestIds)) insert.run(id, c);
}

function imprintValues(l: LeafletFields) {
  return [l.printerName, l.printerAddress, l.promoterName, l.promoterAddress, l.onBehalfOfPromoter ? 1 : 0, l.onBehalfOfName, l.onBehalfOfAddress];
}

export async function insertLeaflet(db: Db, l: LeafletFields): Promise<number> {
  const now = new Date().toISOString();
  const r = db
    .prepare(
      `INSERT INTO leaflets (title, version, size, status, notes, printer_name, printer_address, promoter_name, promoter_address,
       on_behalf_of_promoter, on_behalf_of_name, on_behalf_of_address, created_at, updated_at)
       VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(l.title, l.version, l.size, l.notes, ...imprintValues(l), now, now);
  const id = Number(r.lastInsertRowid);
  setContests(db, id, l.contestIds);
  return id;
}

export async function updateLeaflet(db: Db, id: number, l: LeafletFields): Promise<void> {
  db.prepare(
    `UPDATE leaflets SET title = ?, version = ?, size = ?, notes = ?, printer_name = ?, printer_address = ?, promoter_name = ?,
     promoter_address = ?, on_behalf_of_promoter = ?, on_behalf_of_name = ?, on_behalf_of_address = ?, updated_at = ? WHERE id = ?`,
  ).run(l.title, l.version, l.size, l.notes, ...imprintValues(l), new Date().toISOString(), id);
  setContests(db, id, l.contestIds);
}

export async function setLeafletStatus(db: Db, id: number, status: string): Promise<void> {
  db.prepare('UPDATE leaflets SET status = ?, updated_at = ? WHERE id = ?').run(status, new Date().toISOString(), id);
}

export async function setLeafletArtwork(db: Db, id: number, artwork: { file: string; name: string; type: string; bytes: number } | null): Promise<void> {
  db.prepare('UPDATE leaflets SET artwork_file = ?, artwork_name = ?, artwork_type = ?, artwork_bytes = ?, updated_at = ? WHERE id = ?').run(
    artwork?.file ?? null,
    artwork?.name ?? null,
    artwork?.type ?? null,
    artwork?.bytes ?? null,
    new Date().toISOString(),
    id,
  );
}

export async function deleteLeaflet(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM leaflets WHERE id = ?').run(id);
}

/** How many print runs, drops and assignments hang off a leaflet. */
export async function leafletDependants(db: Db, id: number): Promise<{ printRuns: number; drops: number; assignments: number }> {
  return db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM print_runs WHERE leaflet_id = ?) AS printRuns, (SELECT COUNT(*) FROM drops WHERE leaflet_id = ?) AS drops,
       (SELECT COUNT(*) FROM round_assignments WHERE leaflet_id = ?) AS assignments`,
    )
    .get(id, id, id) as { printRuns: number; drops: number; assignments: number };
}
