import type { PrintRun } from '../../shared/contract/leaflets.ts';
import type { Queries } from '../store.ts';
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

export async function listPrintRuns(db: Queries, filter: { leafletId?: number; contestId?: number } = {}): Promise<PrintRun[]> {
  const where = whereEquals([
    ['p.leaflet_id', filter.leafletId],
    ['p.contest_id', filter.contestId],
  ]);
  return (await db.all(`${SELECT} ${where.sql} ORDER BY p.printed_on DESC, p.id DESC`, where.params)) as PrintRun[];
}

export async function getPrintRun(db: Queries, id: number): Promise<PrintRun | undefined> {
  return (await db.get(`${SELECT} WHERE p.id = ?`, [id])) as PrintRun | undefined;
}

export async function insertPrintRun(db: Queries, p: PrintRunFields): Promise<number> {
  const now = new Date().toISOString();
  const r = await db.insert(
    `INSERT INTO print_runs (leaflet_id, contest_id, printed_on, quantity, printer, cost_pence, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [p.leafletId, p.contestId, p.printedOn, p.quantity, p.printer, p.costPence, p.notes, now, now],
  );
  return r;
}

export async function updatePrintRun(db: Queries, id: number, p: PrintRunFields): Promise<void> {
  await db.run(
    `UPDATE print_runs SET leaflet_id = ?, contest_id = ?, printed_on = ?, quantity = ?, printer = ?, cost_pence = ?, notes = ?, updated_at = ?
     WHERE id = ?`,
    [p.leafletId, p.contestId, p.printedOn, p.quantity, p.printer, p.costPence, p.notes, new Date().toISOString(), id],
  );
}

export async function deletePrintRun(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM print_runs WHERE id = ?', [id]);
}
