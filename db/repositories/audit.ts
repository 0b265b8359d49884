import type { AuditEntry } from '../../shared/contract/audit.ts';
import { parseAuditJson } from '../../shared/domain/audit-changes.ts';
import type { Queries, SqlValue, Store } from '../store.ts';
import { jsonField } from './dialect.ts';

export interface AuditRecord {
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(db: Queries, r: AuditRecord): Promise<void> {
  await db.run(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      new Date().toISOString(),
      r.actor,
      r.action,
      r.entity,
      r.entityId,
      r.summary,
      r.before === undefined ? null : JSON.stringify(r.before),
      r.after === undefined ? null : JSON.stringify(r.after),
    ],
  );
}

export interface AuditFilter {
  entity?: string;
  entityId?: number;
  actor?: string;
  action?: string;
  /** First and last calendar day (UTC), inclusive, as YYYY-MM-DD. */
  from?: string;
  to?: string;
  limit: number;
  /** Only these entities (the records the caller may read); absent: every one. */
  entities?: readonly string[];
}

/** The day after a YYYY-MM-DD date, for an exclusive upper bound on instants. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function listAudit(db: Queries, filter: AuditFilter): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, value: SqlValue) => {
    where.push(clause);
    params.push(value);
  };
  if (filter.entity) add('entity = ?', filter.entity);
  if (filter.entityId !== undefined) add('entity_id = ?', filter.entityId);
  if (filter.actor) add('actor = ?', filter.actor);
  if (filter.action) add('action = ?', filter.action);
  if (filter.from) add('at >= ?', `${filter.from}T00:00:00.000Z`);
  if (filter.to) add('at < ?', `${nextDay(filter.to)}T00:00:00.000Z`);
  if (filter.entities) {
    where.push(filter.entities.length > 0 ? `entity IN (${filter.entities.map(() => '?').join(', ')})` : '1 = 0');
    params.push(...filter.entities);
  }
  const rows = (await db.all(
    `SELECT id, at, actor, action, entity, entity_id AS entityId, summary, before_json AS beforeJson, after_json AS afterJson
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    [...params, filter.limit],
  )) as (Omit<AuditEntry, 'before' | 'after'> & { beforeJson: string | null; afterJson: string | null })[];
  return rows.map(({ beforeJson, afterJson, ...r }) => ({ ...r, before: parseAuditJson(beforeJson), after: parseAuditJson(afterJson) }));
}

/** The entities, actors and actions that occur in the trail, for the Activity page's filters. */
export async function auditFacets(db: Queries): Promise<{ entities: string[]; actors: string[]; actions: string[] }> {
  const distinct = async (column: string) =>
    ((await db.all(`SELECT DISTINCT ${column} AS v FROM audit_log ORDER BY ${column}`)) as { v: string }[]).map((r) => r.v);
  return { entities: await distinct('entity'), actors: await distinct('actor'), actions: await distinct('action') };
}

/** Where other records' audit copies name the erased one, e.g. canvass returns' `electorId`. */
export interface AuditReference {
  entity: string;
  /** Top-level field of the before/after copies holding the erased record's id. */
  field: string;
}

const ERASED_SUMMARY = '(personal data erased)';
const pendingCheckpoint = new WeakSet<Queries>();

/**
 * Erasure (UK GDPR art. 17): blanks the before/after copies and summaries of every audit row
 * about one record, and of rows about other records whose copies refer to it (`references`).
 * The rows stay, saying only that data was erased; the caller writes one more row recording
 * the erasure (who, when, nothing about the person). After the transaction commits, the
 * dispatcher checkpoints the WAL (see `afterCommit`) so no old copy lingers in it, and
 * `secure_delete` has already zeroed the freed space. Returns how many rows were blanked.
 */
export async function eraseAuditOf(db: Queries, entity: string, entityId: number, references: AuditReference[] = []): Promise<number> {
  const conditions = ['(entity = ? AND entity_id = ?)'];
  const params: SqlValue[] = [entity, entityId];
  for (const ref of references) {
    conditions.push(`(entity = ? AND (${jsonField(db, 'before_json', ref.field)} = ? OR ${jsonField(db, 'after_json', ref.field)} = ?))`);
    params.push(ref.entity, entityId, entityId);
  }
  const changes = (
    await db.run(`UPDATE audit_log SET summary = '${ERASED_SUMMARY}', before_json = NULL, after_json = NULL WHERE ${conditions.join(' OR ')}`, params)
  ).changes;
  requestCheckpoint(db);
  return changes;
}

/** After this transaction commits, `afterCommit` flushes the WAL (erased data must not linger in it). */
export function requestCheckpoint(db: Queries): void {
  pendingCheckpoint.add(db);
}

const pendingUndo = new WeakMap<Queries, (() => void)[]>();

/**
 * Takes back work done outside the database (the erasure log) if this transaction rolls back;
 * `afterRollback` runs it, newest first, and `afterCommit` forgets it.
 */
export function onRollback(db: Queries, undo: () => void): void {
  pendingUndo.set(db, [undo, ...(pendingUndo.get(db) ?? [])]);
}

export function afterRollback(db: Queries): void {
  const undos = pendingUndo.get(db) ?? [];
  pendingUndo.delete(db);
  for (const undo of undos) {
    try {
      undo();
    } catch (error) {
      console.error(`[hustings] undoing after a rollback: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Run by the dispatcher after each committed mutation: after an erasure, copy the WAL into the
 * database file and truncate it, so the erased data is not left in old WAL frames.
 */
export async function afterCommit(store: Store, tx: Queries): Promise<void> {
  pendingUndo.delete(tx);
  if (!pendingCheckpoint.has(tx)) return;
  pendingCheckpoint.delete(tx);
  try {
    await store.flushLog();
  } catch (error) {
    // The erasure is committed either way; the next checkpoint will flush the WAL.
    console.warn(`[hustings] checkpoint after an erasure failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
