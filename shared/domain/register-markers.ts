/**
 * Franchise markers printed on the electoral register before a name: who may vote in which
 * elections. Walk sheets print a legend of the markers that occur on them; a marker not listed
 * here is printed as the register has it, with no meaning guessed.
 */
const REGISTER_MARKERS: Record<string, string> = {
  E: 'EU citizen: local elections only',
  F: 'overseas elector: UK Parliament elections only',
  G: 'EU citizen: European Parliament and local elections (older registers)',
  K: 'EU citizen: local and devolved parliament elections only',
  L: 'peer: local elections only',
};

/** The markers in a set of electors' marker texts (e.g. `E`, `FK`), in alphabetical order. */
export function markersIn(texts: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const t of texts) for (const c of t.toUpperCase()) if (/[A-Z]/.test(c)) found.add(c);
  return [...found].sort();
}

export function markerMeaning(marker: string): string {
  return REGISTER_MARKERS[marker] ?? 'marker as printed on the register';
}
