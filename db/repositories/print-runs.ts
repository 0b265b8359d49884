import type { PrintRun } from '../../shared/contract/leaflets.ts';
import type { Db } from '../open.ts';
import { whereEquals } from './filter.ts';

/**
 * Print runs: copies of a leaflet in, and (for the treasury) what they cost and which contest pays.
 * Other features may read them through `listPrintRuns`.
 */
export interface PrintRunFields {
  leafletId: number;
  contestId: number | null;
  printedOn: string;
  quantity: number;
  printer: string;
  costPence: number;
  notes: string;
}

const SELECT = `SELECT p.id, p.leaflet_id AS leafletId, l.title AS leafletTitle, p.contest_id AS contestId,
  CASE WHEN c.id IS NULL THEN NULL ELSE a.name || ' (' || e.name || ')' END AS contestName,
  p.printed_on AS printedOn, p.quantity, p.printer, p.cost_pence AS costPence, p.notes
  FROM print_runs p JOIN leaflets l ON l.id = p.leaflet_id
  LEFT JOIN contests c ON c.id = p.contest_id LEFT JOIN areas a ON a.id = c.area_id LEFT JOIN elections e ON e.id = c.election_id`;

export async function listPrintRuns(db: Db, filter: { leafletId?: number; contestId?: number } = {}): Promise<PrintRun[]> {
  const where = whereEquals([
    ['p.leaflet_id', filter.leafletId],
    ['p.contest_id', filter.contestId],
  ]);
  return db.prepare(`${SELECT} ${where.sql} ORDER BY p.printed_on DESC, p.id DESC`).all(...where.params) as PrintRun[];
}

export async function getPrintRun(db: Db, id: number): Promise<PrintRun | undefined> {
  return db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PrintRun | undefined;
}

export async function insertPrintRun(db: Db, p: PrintRunFields): Promise<number> {
  const now = new Date().toISOString();
  const r = db
    .prepare(
      `INSERT INTO print_runs (leaflet_id, contest_id, printed_on, quantity, printer, cost_pence, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(p.leafletId, p.contestId, p.printedOn, p.quantity, p.printer, p.costPence, p.notes, now, now);
  return Number(r.lastInsertRowid);
}

export async function updatePrintRun(db: Db, id: number, p: PrintRunFields): Promise<void> {
  db.prepare(
    `UPDATE print_runs SET leaflet_id = ?, contest_id = ?, printed_on = ?, quantity = ?, printer = ?, cost_pence = ?, notes = ?, updated_at = ?
     WHERE id = ?`,
  ).run(p.leafletId, p.contestId, p.printedOn, p.quantity, p.printer, p.costPence, p.notes, new Date().toISOString(), id);
}

export async function deletePrintRun(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM print_runs WHERE id = ?').run(id);
}
