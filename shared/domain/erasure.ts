/**
 * Erasing a person (UK GDPR art. 17; docs/reliability.md §8): besides their own record, their
 * name, address, email or phone may be written elsewhere — a task's assignee, a canvass session's
 * canvassers, a result's candidate name, a note, and the audit trail's before/after copies of
 * other records. These pure helpers find and replace such mentions; db/repositories/erasure.ts
 * applies them to the database.
 */

/** What a mention of an erased person becomes. */
export const ERASED_TEXT = '(erased)';

/** Shorter strings are too likely to occur by chance to be searched for. */
const MIN_IDENTIFIER_LENGTH = 3;

/**
 * The strings that identify a person, from their record's fields: trimmed, long enough to be
 * meaningful, without duplicates (case-insensitive), longest first so "Ann Smith-Jones" is
 * replaced before "Ann Smith".
 */
export function personIdentifiers(values: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = (v ?? '').trim();
    if (t.length < MIN_IDENTIFIER_LENGTH || t === ERASED_TEXT) continue;
    const key = t.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out.sort((a, b) => b.length - a.length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One pattern for all identifiers, matched case-insensitively and only as whole words: "Ann Lee"
 * is found in "call Ann Lee." but not in "Ann Leeming", and "AB-12" not in "AB-123" or "AB-12/1".
 */
export function mentionPattern(identifiers: readonly string[]): RegExp | null {
  if (identifiers.length === 0) return null;
  const body = identifiers.map((i) => escapeRegExp(i).replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}]|/\\d)`, 'giu');
}

/** The text with every mention replaced by ERASED_TEXT (the same string when there is none). */
export function scrubText(text: string, pattern: RegExp | null): string {
  if (!pattern) return text;
  pattern.lastIndex = 0;
  return text.replace(pattern, ERASED_TEXT);
}

/** A JSON value with every string scrubbed (keys kept: they are field names, not data). */
function scrubValue(value: unknown, pattern: RegExp | null): unknown {
  if (typeof value === 'string') return scrubText(value, pattern);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, pattern));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrubValue(v, pattern)]));
  }
  return value;
}

/**
 * A stored JSON copy scrubbed, or null when nothing in it changes. Text that is not JSON is
 * scrubbed as text.
 */
export function scrubJsonText(json: string, pattern: RegExp | null): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    const text = scrubText(json, pattern);
    return text === json ? null : text;
  }
  const before = JSON.stringify(parsed);
  const after = JSON.stringify(scrubValue(parsed, pattern));
  return after === before ? null : after;
}

/**
 * The identifying strings of a free-text address: the whole of it as stored and as written on
 * one line ("3 Ostrich Row, Oldtown OT1 1AA"), and its first line when that has a house number.
 */
export function addressIdentifiers(address: string): string[] {
  const lines = address
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const first = address.split(/\r?\n|,/)[0]?.trim() ?? '';
  const out = [address];
  if (lines.length > 1) out.push(lines.join(', '));
  if (/\d/.test(first) && first.length >= 6) out.push(first);
  return out;
}

/**
 * The postcode at the end of a free-text address, if any: shared by a street of neighbours, so
 * scrubbed only alongside the person's name (see scrubMentions), as an elector's is.
 */
export function postcodeOf(address: string): string[] {
  const code = address.trim().match(/(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/iu);
  return code ? [code[0]] : [];
}

/** What a restore says about the people in the backup who had been erased since it was taken. */
export function erasedAgainSentence(people: number): string {
  return people === 1 ? '1 person erased since that backup was erased again.' : `${people} people erased since that backup were erased again.`;
}
