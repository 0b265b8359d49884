/**
 * What an audit row's before/after copies say changed, field by field, for the Activity page.
 * A creation shows every field it set, a deletion every field it removed, an edit only the
 * fields whose values differ. Nested values are compared by their JSON text.
 */

export type AuditAction = 'create' | 'update' | 'delete' | 'other';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function auditAction(before: unknown, after: unknown): AuditAction {
  if (before == null && after != null) return 'create';
  if (before != null && after == null) return 'delete';
  if (before != null && after != null) return 'update';
  return 'other';
}

export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return same(before, after) ? [] : [{ field: '(value)', before: before ?? null, after: after ?? null }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  // Every edit moves a record's version on; the row's own time says when.
  return fields
    .filter((field) => field !== 'updatedAt' && !same(b[field], a[field]))
    .map((field) => ({ field, before: Object.hasOwn(b, field) ? b[field] : null, after: Object.hasOwn(a, field) ? a[field] : null }));
}

/** A short text for a value in a change list (long text and nested values are shortened). */
export function formatAuditValue(value: unknown, limit = 120): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** Parses a stored before/after JSON column; unreadable text is shown as it is, not thrown. */
export function parseAuditJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
