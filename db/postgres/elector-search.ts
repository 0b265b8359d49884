/**
 * The elector search on PostgreSQL (the GIN index electors_search of 001_foundation.pg.sql), as
 * db/repositories/electors.ts asks FTS5 on SQLite: every word typed is the start of a word of the
 * elector's name, address or postcode.
 */

/** The condition on electors; its one parameter is `electorSearchQuery(search)`. */
export const ELECTOR_SEARCH_MATCH = "elector_search_words(full_name, address_lines, postcode) @@ to_tsquery('hustings_search', ?)";

/**
 * The tsquery text for what was typed: each run of letters and digits a prefix ('smi:* & ab1:*'),
 * split where FTS5's unicode61 splits (O'Brien is o and brien), at most 8 typed words as on
 * SQLite; null when nothing searchable was typed.
 */
export function electorSearchQuery(search: string): string | null {
  const words = search
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 8)
    .flatMap((w) => w.match(/[\p{L}\p{N}]+/gu) ?? []);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}
