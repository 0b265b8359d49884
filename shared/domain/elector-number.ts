/**
 * Elector numbers (domain notes §4, §9): the polling-district code, a number, an optional suffix,
 * written `AB-123`, `AB-123/1` or `AB-123.1`. Councils' district codes are letters and digits
 * (`AB`, `GB1`, `KB2A`, sometimes lower case): a code with digits needs its hyphen (`GB1-12`),
 * since `GB112` could be split several ways; a code of letters alone may run on (`AB123`).
 * The canonical form is `AB-123` or `AB-123/1`, the code in upper case.
 */
export interface ElectorNumber {
  district: string;
  number: number;
  suffix: number | null;
}

/** A polling-district code: a letter, then up to nine letters or digits. */
export const DISTRICT_CODE = /^[A-Za-z][A-Za-z0-9]{0,9}$/;

const PATTERN = /^\s*(?:([A-Za-z][A-Za-z0-9]{0,9})\s*[-\s]\s*|([A-Za-z]{1,4}))(\d{1,6})(?:\s*[/.]\s*(\d{1,3}))?\s*$/;

export type ParseResult = { ok: true; value: ElectorNumber } | { ok: false; message: string };

export function parseElectorNumber(text: string): ParseResult {
  const m = PATTERN.exec(text);
  if (!m) {
    return {
      ok: false,
      message: `"${text.trim()}" is not an elector number: write the polling-district code, a hyphen, the number and an optional suffix, e.g. AB-123, GB1-12 or AB-123/1`,
    };
  }
  const number = Number(m[3]);
  if (number === 0) return { ok: false, message: `"${text.trim()}": elector numbers start at 1` };
  return { ok: true, value: { district: (m[1] ?? m[2]).toUpperCase(), number, suffix: m[4] === undefined ? null : Number(m[4]) } };
}

export function formatElectorNumber(e: ElectorNumber): string {
  return `${e.district}-${e.number}${e.suffix === null ? '' : `/${e.suffix}`}`;
}

/** Canonical text of an elector number, or null when it does not parse. */
export function canonicalElectorNumber(text: string): string | null {
  const r = parseElectorNumber(text);
  return r.ok ? formatElectorNumber(r.value) : null;
}

/** A typed elector number: `AB-12`, or a bare `12` read in the given polling district; null when it does not parse. */
export function readTypedNumber(text: string, pollingDistrict?: string): string | null {
  const t = text.trim();
  if (pollingDistrict && /^\d+(?:[/.]\d+)?$/.test(t)) return canonicalElectorNumber(`${pollingDistrict}-${t}`);
  return canonicalElectorNumber(t);
}

/**
 * A number as a teller or the marked register reads it, within a chosen polling district: `123`
 * or `123/1` is that district's; a full number (`AB-123`) is taken as written, so the caller can
 * tell one from another district.
 */
export function parseNumberInDistrict(text: string, district: string): ParseResult {
  const bare = /^\s*(\d{1,6})(?:\s*[/.]\s*(\d{1,3}))?\s*$/.exec(text);
  if (!bare) return parseElectorNumber(text);
  const number = Number(bare[1]);
  if (number === 0) return { ok: false, message: `"${text.trim()}": elector numbers start at 1` };
  return { ok: true, value: { district: district.toUpperCase(), number, suffix: bare[2] === undefined ? null : Number(bare[2]) } };
}
