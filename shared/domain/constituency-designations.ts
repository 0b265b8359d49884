/**
 * Whether each 2024 UK Parliament constituency is a county or a borough (Scottish burgh) seat,
 * which decides its per-elector spending rate (RPA 1983 s.76(2)(a); s.204(2) reads borough as
 * burgh in Scotland). 650 of 650 seats, from the House of Commons Library's GE2024 results file;
 * doubts (Hartlepool, Houghton and Sunderland South, the four Belfast seats) are in
 * ../data/README.md.
 */
import designations from '../data/uk-parliament-constituencies-2024-designation.json' with { type: 'json' };
import type { AreaKind } from './spending-limits.ts';

const BY_CODE: Record<string, string> = designations;

/** The designation of a 2024 constituency by its GSS code, or null for any other code. */
export function constituencyDesignation(gssCode: string): AreaKind | null {
  const d = BY_CODE[gssCode.trim().toUpperCase()];
  return d === 'county' || d === 'borough' ? d : null;
}
