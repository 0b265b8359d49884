import type { AuditEntry } from '../../shared/contract/audit.ts';
import { parseAuditJson } from '../../shared/domain/audit-changes.ts';
import { mentionPattern, scrubJsonText, scrubText } from '../../shared/domain/erasure.ts';
import type { Queries } from '../store.ts';
import { type AuditReference, eraseAuditOf, requestCheckpoint } from './audit.ts';
import { likeAnyCase } from './dialect.ts';

/**
 * Free text where a person may be named although the record is not theirs: who a task is for,
 * the canvassers of a session, a candidate's name in a declared result, a witness or agent on
 * nomination papers, and notes. Kept deliberately: the imprints of leaflets (printer, promoter:
 * printed on the leaflets by law) and the suppliers of expenses (they must appear on the return
 * of election expenses); see docs/reliability.md §8.
 */
export const FREE_TEXT: readonly (readonly [table: string, columns: readonly string[]])[] = [
  ['tasks', ['title', 'notes', 'assignee']],
  ['canvass_sessions', ['canvassers', 'notes']],
  ['canvass_returns', ['note']],
  ['follow_up_done', ['note']],
  ['volunteers', ['availability', 'notes']],
  ['round_assignments', ['notes']],
  ['drops', ['left_note', 'notes']],
  ['delivery_rounds', ['notes']],
  ['round_streets', ['notes']],
  ['print_runs', ['notes']],
  ['leaflets', ['notes']],
  ['candidates', ['notes']],
  ['candidacies', ['consent_witnessed_by', 'agent_name']],
  ['candidacy_status_changes', ['reason']],
  ['candidacy_checklist_items', ['note']],
  ['party_lists', ['agent_name', 'notes']],
  ['party_list_status_changes', ['reason']],
  ['party_list_members', ['consent_witnessed_by']],
  ['party_list_checklist_items', ['note']],
  ['contest_result_votes', ['name']],
  ['contest_decisions', ['meeting', 'minute']],
  ['contest_plans', ['notes']],
  ['contests', ['reason']],
  ['elections', ['notes']],
  ['areas', ['notes']],
  ['committee_rooms', ['notes']],
  ['milestone_overrides', ['reason']],
  ['deposits', ['notes']],
  ['donations', ['description', 'reason']],
];

/**
 * The key of each table above that has none called id. A mention is reported (listMentions'
 * rowId) by the key's first column: the elector, election, candidacy or list the row belongs
 * to, or the contest whose plan or deposit it is.
 */
const KEYS: Readonly<Record<string, readonly string[]>> = {
  follow_up_done: ['elector_id', 'request'],
  candidacy_checklist_items: ['candidacy_id', 'item'],
  party_list_checklist_items: ['party_list_id', 'item'],
  contest_plans: ['contest_id'],
  milestone_overrides: ['election_id', 'milestone'],
  deposits: ['contest_id'],
};

const keyOf = (table: string) => KEYS[table] ?? ['id'];

/** A broad LIKE pre-filter for an identifier; the exact whole-word match (any case) is done in JavaScript. */
function likePattern(identifier: string): string {
  return `%${identifier.replace(/[^\p{L}\p{N}]+/gu, '%')}%`;
}

/** Rows whose columns may mention an identifier: their key columns (k0, k1…) and those columns. */
async function rowsMentioning(db: Queries, table: string, columns: readonly string[], identifiers: readonly string[]) {
  const likes = identifiers.map(likePattern);
  const like = likeAnyCase(db);
  const where = columns.flatMap((c) => likes.map(() => `${c} ${like} ?`)).join(' OR ');
  const params = columns.flatMap(() => likes);
  const key = keyOf(table).map((k, i) => `${k} AS k${i}`);
  return (await db.all(`SELECT ${key.join(', ')}, ${columns.join(', ')} FROM ${table} WHERE ${where}`, params)) as Record<string, string | number | null>[];
}

/** `WHERE` for one row of `table` found by rowsMentioning, and its parameters. */
function whereKey(table: string, row: Record<string, string | number | null>): { sql: string; params: (string | number | null)[] } {
  const key = keyOf(table);
  return { sql: `WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`, params: key.map((_, i) => row[`k${i}`]) };
}

export interface ScrubCount {
  /** Audit rows whose summary or before/after copies named the person. */
  auditRows: number;
  /** Other records whose free text named the person. */
  records: number;
}

/**
 * Replaces every whole-word mention of the identifiers (name, address, email, phone…) in the
 * audit trail's summaries and copies and in the free text above with "(erased)", and asks for
 * the WAL to be checkpointed after the commit. Call inside the erasure's transaction.
 *
 * `alongside` are strings that identify the person only next to one of the identifiers, such as
 * a postcode shared by a street of neighbours: they are replaced only in a record (all its free
 * text, or an audit row's summary and copies) that named the person, so a note about the
 * neighbours keeps it.
 */
async function scrubMentions(db: Queries, identifiers: readonly string[], alongside: readonly string[] = []): Promise<ScrubCount> {
  const pattern = mentionPattern(identifiers);
  const near = mentionPattern(alongside);
  const count: ScrubCount = { auditRows: 0, records: 0 };
  if (!pattern) return count;
  const scrubBoth = (text: string) => scrubText(scrubText(text, pattern), near);

  const audit = 'UPDATE audit_log SET summary = ?, before_json = ?, after_json = ? WHERE id = ?';
  for (const r of await rowsMentioning(db, 'audit_log', ['summary', 'before_json', 'after_json'], identifiers)) {
    const named =
      scrubText(String(r.summary), pattern) !== r.summary ||
      (r.before_json !== null && scrubJsonText(String(r.before_json), pattern) !== null) ||
      (r.after_json !== null && scrubJsonText(String(r.after_json), pattern) !== null);
    if (!named) continue;
    const copy = (json: string | number | null) => {
      if (json === null) return null;
      const first = scrubJsonText(String(json), pattern) ?? String(json);
      return scrubJsonText(first, near) ?? first;
    };
    await db.run(audit, [scrubBoth(String(r.summary)), copy(r.before_json), copy(r.after_json), r.k0]);
    count.auditRows++;
  }

  for (const [table, columns] of FREE_TEXT) {
    for (const r of await rowsMentioning(db, table, columns, identifiers)) {
      const text = columns.filter((c) => typeof r[c] === 'string');
      if (!text.some((c) => scrubText(r[c] as string, pattern) !== r[c])) continue;
      const changed = text.filter((c) => scrubBoth(r[c] as string) !== r[c]);
      const row = whereKey(table, r);
      await db.run(`UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} ${row.sql}`, [
        ...changed.map((c) => scrubBoth(r[c] as string)),
        ...row.params,
      ]);
      count.records++;
    }
  }
  requestCheckpoint(db);
  return count;
}

export interface Traces {
  /** The audit trail's entity of the person's own record and its id, whose rows are blanked. */
  entity: string;
  entityId: number | null;
  references?: AuditReference[];
  /** Strings that name the person wherever they are written. */
  identifiers: readonly string[];
  /** Strings replaced only next to an identifier (see scrubMentions). */
  alongside?: readonly string[];
}

/** Every copy of a person besides their own record: their audit rows blanked, mentions scrubbed. */
export async function eraseTraces(db: Queries, t: Traces): Promise<ScrubCount> {
  const blanked = t.entityId === null ? 0 : await eraseAuditOf(db, t.entity, t.entityId, t.references);
  const scrubbed = await scrubMentions(db, t.identifiers, t.alongside);
  return { auditRows: blanked + scrubbed.auditRows, records: scrubbed.records };
}

export interface Mentions {
  /** Free text in other records that names the person. */
  records: { table: string; column: string; rowId: number; text: string }[];
  /** Audit rows whose summary or copies name them. */
  audit: AuditEntry[];
}

/** Where the identifiers are written, for a subject-access export (the same search erasure makes). */
export async function listMentions(db: Queries, identifiers: readonly string[]): Promise<Mentions> {
  const pattern = mentionPattern(identifiers);
  const found: Mentions = { records: [], audit: [] };
  if (!pattern) return found;
  const names = (text: unknown) => typeof text === 'string' && scrubText(text, pattern) !== text;
  for (const [table, columns] of FREE_TEXT) {
    for (const r of await rowsMentioning(db, table, columns, identifiers)) {
      for (const column of columns) if (names(r[column])) found.records.push({ table, column, rowId: Number(r.k0), text: String(r[column]) });
    }
  }
  for (const r of await rowsMentioning(db, 'audit_log', ['summary', 'before_json', 'after_json'], identifiers)) {
    const inCopy = (json: unknown) => typeof json === 'string' && scrubJsonText(json, pattern) !== null;
    if (!names(r.summary) && !inCopy(r.before_json) && !inCopy(r.after_json)) continue;
    const row = (await db.get(
      'SELECT id, at, actor, action, entity, entity_id AS entityId, summary, before_json AS beforeJson, after_json AS afterJson FROM audit_log WHERE id = ?',
      [r.k0],
    )) as Omit<AuditEntry, 'before' | 'after'> & { beforeJson: string | null; afterJson: string | null };
    const { beforeJson, afterJson, ...rest } = row;
    found.audit.push({ ...rest, before: parseAuditJson(beforeJson), after: parseAuditJson(afterJson) });
  }
  return found;
}

/**
 * Sets top-level fields of the before/after copies of one kind of record to null, e.g. the
 * elector number of an erased donor's donations: numbers like "AB-12" recur in other areas, so
 * they are taken out where they belong rather than searched for everywhere.
 */
export async function redactAuditFields(db: Queries, entity: string, ids: readonly number[], fields: readonly string[]): Promise<number> {
  const select = 'SELECT id, before_json AS beforeJson, after_json AS afterJson FROM audit_log WHERE entity = ? AND entity_id = ?';
  const update = 'UPDATE audit_log SET before_json = ?, after_json = ? WHERE id = ?';
  const redact = (json: string | null): string | null => {
    if (json === null) return null;
    try {
      const value = JSON.parse(json) as unknown;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return json;
      const copy = { ...(value as Record<string, unknown>) };
      for (const f of fields) if (f in copy && copy[f] !== null) copy[f] = null;
      return JSON.stringify(copy);
    } catch {
      return json;
    }
  };
  let changed = 0;
  for (const id of ids) {
    for (const r of (await db.all(select, [entity, id])) as { id: number; beforeJson: string | null; afterJson: string | null }[]) {
      const before = redact(r.beforeJson);
      const after = redact(r.afterJson);
      if (before === r.beforeJson && after === r.afterJson) continue;
      await db.run(update, [before, after, r.id]);
      changed++;
    }
  }
  requestCheckpoint(db);
  return changed;
}
