/**
 * The region of each 2024 UK Parliament constituency (the nine English regions; Wales, Scotland and
 * Northern Ireland are each their own), so that "consider all areas" can be narrowed to a region.
 * 650 of 650 seats, from the House of Commons Library's GE2024 results file (../data/README.md).
 */
import regions from '../data/uk-parliament-constituencies-2024-region.json' with { type: 'json' };

const BY_CODE: Record<string, string> = regions;

/** The region of a 2024 constituency by its GSS code, or null for any other code. */
export function constituencyRegion(gssCode: string): string | null {
  return BY_CODE[gssCode.trim().toUpperCase()] ?? null;
}
