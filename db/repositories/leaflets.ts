import type { Queries } from '../store.ts';

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
  updatedAt: string;
}

export type LeafletFields = Omit<LeafletRecord, 'id' | 'status' | 'contests' | 'artworkFile' | 'artworkName' | 'artworkType' | 'artworkBytes' | 'updatedAt'> & {
  contestIds: number[];
};

const SELECT = `SELECT id, title, version, size, status, notes, printer_name AS printerName, printer_address AS printerAddress,
  promoter_name AS promoterName, promoter_address AS promoterAddress, on_behalf_of_promoter AS onBehalfOfPromoter,
  on_behalf_of_name AS onBehalfOfName, on_behalf_of_address AS onBehalfOfAddress, artwork_file AS artworkFile,
  artwork_name AS artworkName, artwork_type AS artworkType, artwork_bytes AS artworkBytes, updated_at AS updatedAt
  FROM leaflets`;

type Raw = Omit<LeafletRecord, 'contests' | 'onBehalfOfPromoter'> & { onBehalfOfPromoter: number };

async function complete(db: Queries, rows: Raw[]): Promise<LeafletRecord[]> {
  const contests = `SELECT c.id, a.name || ' (' || e.name || ')' AS name FROM leaflet_contests lc
     JOIN contests c ON c.id = lc.contest_id JOIN areas a ON a.id = c.area_id JOIN elections e ON e.id = c.election_id
     WHERE lc.leaflet_id = ? ORDER BY e.polling_day, a.name`;
  return Promise.all(
    rows.map(async (r) => ({
      ...r,
      onBehalfOfPromoter: r.onBehalfOfPromoter === 1,
      contests: (await db.all(contests, [r.id])) as { id: number; name: string }[],
    })),
  );
}

export async function listLeaflets(db: Queries, filter: { contestId?: number } = {}): Promise<LeafletRecord[]> {
  const rows =
    filter.contestId === undefined
      ? await db.all(`${SELECT} ORDER BY title, version, id`)
      : await db.all(`${SELECT} WHERE id IN (SELECT leaflet_id FROM leaflet_contests WHERE contest_id = ?) ORDER BY title, version, id`, [filter.contestId]);
  return await complete(db, rows as Raw[]);
}

export async function getLeaflet(db: Queries, id: number): Promise<LeafletRecord | undefined> {
  const row = (await db.get(`${SELECT} WHERE id = ?`, [id])) as Raw | undefined;
  return row ? (await complete(db, [row]))[0] : undefined;
}

async function setContests(db: Queries, id: number, contestIds: number[]): Promise<void> {
  await db.run('DELETE FROM leaflet_contests WHERE leaflet_id = ?', [id]);
  const insert = 'INSERT INTO leaflet_contests (leaflet_id, contest_id) VALUES (?, ?)';
  for (const c of new Set(contestIds)) await db.run(insert, [id, c]);
}

function imprintValues(l: LeafletFields) {
  return [l.printerName, l.printerAddress, l.promoterName, l.promoterAddress, l.onBehalfOfPromoter ? 1 : 0, l.onBehalfOfName, l.onBehalfOfAddress];
}

export async function insertLeaflet(db: Queries, l: LeafletFields): Promise<number> {
  const now = new Date().toISOString();
  const id = await db.insert(
    `INSERT INTO leaflets (title, version, size, status, notes, printer_name, printer_address, promoter_name, promoter_address,
       on_behalf_of_promoter, on_behalf_of_name, on_behalf_of_address, created_at, updated_at)
       VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [l.title, l.version, l.size, l.notes, ...imprintValues(l), now, now],
  );
  await setContests(db, id, l.contestIds);
  return id;
}

export async function updateLeaflet(db: Queries, id: number, l: LeafletFields): Promise<void> {
  await db.run(
    `UPDATE leaflets SET title = ?, version = ?, size = ?, notes = ?, printer_name = ?, printer_address = ?, promoter_name = ?,
     promoter_address = ?, on_behalf_of_promoter = ?, on_behalf_of_name = ?, on_behalf_of_address = ?, updated_at = ? WHERE id = ?`,
    [l.title, l.version, l.size, l.notes, ...imprintValues(l), new Date().toISOString(), id],
  );
  await setContests(db, id, l.contestIds);
}

export async function setLeafletStatus(db: Queries, id: number, status: string): Promise<void> {
  await db.run('UPDATE leaflets SET status = ?, updated_at = ? WHERE id = ?', [status, new Date().toISOString(), id]);
}

export async function setLeafletArtwork(db: Queries, id: number, artwork: { file: string; name: string; type: string; bytes: number } | null): Promise<void> {
  await db.run('UPDATE leaflets SET artwork_file = ?, artwork_name = ?, artwork_type = ?, artwork_bytes = ?, updated_at = ? WHERE id = ?', [
    artwork?.file ?? null,
    artwork?.name ?? null,
    artwork?.type ?? null,
    artwork?.bytes ?? null,
    new Date().toISOString(),
    id,
  ]);
}

export async function deleteLeaflet(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM leaflets WHERE id = ?', [id]);
}

/** How many print runs, drops and assignments hang off a leaflet. */
export async function leafletDependants(db: Queries, id: number): Promise<{ printRuns: number; drops: number; assignments: number }> {
  return (await db.get(
    `SELECT (SELECT COUNT(*) FROM print_runs WHERE leaflet_id = ?) AS printRuns, (SELECT COUNT(*) FROM drops WHERE leaflet_id = ?) AS drops,
       (SELECT COUNT(*) FROM round_assignments WHERE leaflet_id = ?) AS assignments`,
    [id, id, id],
  )) as { printRuns: number; drops: number; assignments: number };
}
