/**
 * The elector search on PostgreSQL (the GIN index electors_search of 001_foundation.pg.sql), as
 * db/repositories/electors.ts asks FTS5 on SQLite: every word typed is the start of a word of the
 * elector's name, address or postcode.
 */

/** The condition on electors; its one parameter is `electorSearchQuery(search)`. */
export const ELECTOR_SEARCH_MATCH = "elector_search_words(full_name, address_lines, postcode) @@ to_tsquery('hustings_search', ?)";

/**
 * The tsquery text for what was typed, as FTS5 reads the query SQLite is given: every typed word
 * must be in the elector's words, at most 8 of them; a word is a prefix ('smi:* & ab1:*'). A
 * word FTS5's unicode61 splits (O'Brien is o and brien, AB-3/1 is ab, 3 and 1) is a phrase of
 * adjacent words whose last only is a prefix ('o <-> brien:*'). Null when nothing searchable was
 * typed.
 */
export function electorSearchQuery(search: string): string | null {
  const phrases = search
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 8)
    .map((w) => {
      const tokens = w.match(/[\p{L}\p{N}]+/gu)!;
      const phrase = [...tokens.slice(0, -1), `${tokens.at(-1)}:*`].join(' <-> ');
      return tokens.length > 1 ? `(${phrase})` : phrase;
    });
  return phrases.length ? phrases.join(' & ') : null;
}
