/**
 * The order a canvasser walks a polling district, for printed walk sheets. The stored walk order
 * (households.ts) sorts streets alphabetically, which sends a canvasser back and forth across the
 * district; on paper we follow the ground as far as the register tells us:
 *
 * - Streets come in the register's own order: by the lowest elector number on the street. Electoral
 *   registration officers number a district property by property along their own rounds, so the
 *   numbering is the best route the register holds. Addresses without a street come last.
 * - A street whose numbering has both sides (at least two odd and two even house numbers) is walked
 *   up the odd side, numbers rising, and back down the even side, numbers falling, so the canvasser
 *   ends near where they started. Otherwise (one side, a close numbered round) numbers simply rise.
 * - Named houses without a number follow the numbered ones; flats stay with their building, in order.
 */
import { type CodeConfig, OUTCOME_LABELS, type Outcome, supportLabel } from './canvass-codes.ts';

export interface RouteHousehold {
  street: string;
  houseNumber: number | null;
  /** The register numbers of its electors, e.g. `AA-12` or `AA-12/1`. */
  electorNumbers: readonly string[];
}

type Side = 'odd' | 'even' | 'all' | 'named';

export interface RouteSection<H> {
  street: string;
  side: Side;
  households: H[];
}

/** The number part of `AA-12/1` (12); Infinity when it has none. */
function electorOrdinal(electorNumber: string): number {
  const m = /(\d+)(?:\/\d+)?$/.exec(electorNumber);
  return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}

/**
 * Households of one polling district, given in stored walk order, as sections (a street, or one
 * side of it) in the order a canvasser walks them.
 */
export function walkRoute<H extends RouteHousehold>(households: readonly H[]): RouteSection<H>[] {
  const streets = new Map<string, { first: number; households: H[] }>();
  for (const h of households) {
    const first = Math.min(...h.electorNumbers.map(electorOrdinal));
    const s = streets.get(h.street);
    if (s) {
      s.households.push(h);
      s.first = Math.min(s.first, first);
    } else streets.set(h.street, { first, households: [h] });
  }
  const ordered = [...streets.entries()].sort(([a, x], [b, y]) => Number(a === '') - Number(b === '') || x.first - y.first || (a < b ? -1 : a > b ? 1 : 0));
  const sections: RouteSection<H>[] = [];
  for (const [street, { households: hs }] of ordered) {
    // Stored walk order already has numbers rising and flats in order within a building; the
    // sorts below are stable, so flats keep that order.
    const numbered = hs.filter((h) => h.houseNumber !== null).sort((a, b) => a.houseNumber! - b.houseNumber!);
    const named = hs.filter((h) => h.houseNumber === null);
    const odd = numbered.filter((h) => h.houseNumber! % 2 === 1);
    const even = numbered.filter((h) => h.houseNumber! % 2 === 0);
    const houses = (list: H[]) => new Set(list.map((h) => h.houseNumber)).size;
    if (houses(odd) >= 2 && houses(even) >= 2) {
      sections.push({ street, side: 'odd', households: odd });
      sections.push({ street, side: 'even', households: [...even].sort((a, b) => b.houseNumber! - a.houseNumber!) });
    } else if (numbered.length > 0) sections.push({ street, side: 'all', households: numbered });
    if (named.length > 0) sections.push({ street, side: 'named', households: named });
  }
  return sections;
}

const SIDE_WORDS: Record<Side, (numbers: number[]) => string> = {
  odd: (n) => `odd side, ${n[0]} up to ${n.at(-1)}`,
  even: (n) => `even side, ${n[0]} down to ${n.at(-1)}`,
  all: (n) => (n.length > 1 ? `${n[0]} to ${n.at(-1)}` : `${n[0]}`),
  named: () => 'houses with names',
};

/** `High Street — odd side, 1 up to 41`: a section's heading on paper and on screen. */
export function sectionHeading(s: RouteSection<RouteHousehold>): string {
  const numbers = [...new Set(s.households.map((h) => h.houseNumber!))];
  return `${s.street || 'Other addresses'} — ${SIDE_WORDS[s.side](numbers)}`;
}

/** "In: Leaning to us", "Not in", "" when never canvassed: the last return in words. */
export function lastResult(outcome: string | null, support: string | null, codes: CodeConfig): string {
  if (outcome === null) return '';
  const words = OUTCOME_LABELS[outcome as Outcome] ?? outcome;
  return support ? `${words}: ${supportLabel(support, codes)}` : words;
}
