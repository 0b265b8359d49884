import type { AuditEntry } from '../../shared/contract/audit.ts';
import type { Db } from '../open.ts';

export interface AuditRecord {
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(db: Db, r: AuditRecord): Promise<void> {
  db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    new Date().toISOString(),
    r.actor,
    r.action,
    r.entity,
    r.entityId,
    r.summary,
    r.before === undefined ? null : JSON.stringify(r.before),
    r.after === undefined ? null : JSON.stringify(r.after),
  );
}

export async function listAudit(db: Db, filter: { entity?: string; entityId?: number; limit: number }): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.entity) {
    where.push('entity = ?');
    params.push(filter.entity);
  }
  if (filter.entityId !== undefined) {
    where.push('entity_id = ?');
    params.push(filter.entityId);
  }
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, entity, entity_id AS entityId, summary, before_json AS beforeJson, after_json AS afterJson
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, filter.limit) as (Omit<AuditEntry, 'before' | 'after'> & { beforeJson: string | null; afterJson: string | null })[];
  return rows.map(({ beforeJson, afterJson, ...r }) => ({
    ...r,
    before: beforeJson === null ? null : JSON.parse(beforeJson),
    after: afterJson === null ? null : JSON.parse(afterJson),
  }));
}

/**
 * Erasure (UK GDPR art. 17): blanks the before/after copies and summaries of every audit row
 * about one record, so the person's data is gone from the trail too. The rows themselves stay,
 * saying only that data was erased; the caller writes one more row recording the erasure.
 */
export async function eraseAuditOf(db: Db, entity: string, entityId: number): Promise<number> {
  return db
    .prepare(
      `UPDATE audit_log SET summary = '(personal data erased)', before_json = NULL, after_json = NULL
       WHERE entity = ? AND entity_id = ?`,
    )
    .run(entity, entityId).changes;
}
