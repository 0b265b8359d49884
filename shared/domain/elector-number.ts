/**
 * Elector numbers (domain notes §4, §9): polling-district letters, a number, an optional suffix,
 * written `AB-123`, `AB-123/1` or `AB-123.1`. The canonical form is `AB-123` or `AB-123/1`.
 */
export interface ElectorNumber {
  district: string;
  number: number;
  suffix: number | null;
}

const PATTERN = /^\s*([A-Za-z]{1,4})\s*[-\s]?\s*(\d{1,6})(?:\s*[/.]\s*(\d{1,3}))?\s*$/;

export type ParseResult = { ok: true; value: ElectorNumber } | { ok: false; message: string };

export function parseElectorNumber(text: string): ParseResult {
  const m = PATTERN.exec(text);
  if (!m) {
    return {
      ok: false,
      message: `"${text.trim()}" is not an elector number: write the polling-district letters, a number and an optional suffix, e.g. AB-123 or AB-123/1`,
    };
  }
  const number = Number(m[2]);
  if (number === 0) return { ok: false, message: `"${text.trim()}": elector numbers start at 1` };
  return { ok: true, value: { district: m[1].toUpperCase(), number, suffix: m[3] === undefined ? null : Number(m[3]) } };
}

export function formatElectorNumber(e: ElectorNumber): string {
  return `${e.district}-${e.number}${e.suffix === null ? '' : `/${e.suffix}`}`;
}

/** Canonical text of an elector number, or null when it does not parse. */
export function canonicalElectorNumber(text: string): string | null {
  const r = parseElectorNumber(text);
  return r.ok ? formatElectorNumber(r.value) : null;
}
