/**
 * Households from register addresses, and the walk order of a canvass sheet: street by street,
 * house numbers rising, named houses after the numbers, flats in order within their building.
 */

export interface ParsedAddress {
  /** Street name as written on the register, e.g. `High Street`; '' when none was found. */
  street: string;
  /** Leading number of the house, e.g. 12 for `12A` or `12-14`; null for named houses. */
  houseNumber: number | null;
  /** The house as written: `12A`, `12-14`, `Rose Cottage`; '' when none. */
  house: string;
  /** Flat or unit within the house: `Flat 3`; '' when none. */
  flat: string;
}

const STREET_WORDS = new Set(
  (
    'road rd street st lane ln avenue ave close cl drive dr way court ct gardens gdns crescent cres place pl ' +
    'terrace terr grove gr hill row walk square sq mews green park rise view parade vale wynd brae gate ' +
    'hollow meadow meadows fields mount end side crossway approach boulevard broadway circus embankment ' +
    'passage path quay wharf yard causeway chase croft dale glade heights lea orchard reach ride walks wood'
  ).split(' '),
);

const FLAT = /^(?:flat|apartment|apt|unit|room|studio|maisonette|basement|ground floor|first floor|second floor|top floor)\b/i;
const NUMBERED = /^(\d+)\s*([A-Za-z])?(?:\s*-\s*\d+\s*[A-Za-z]?)?(?:,)?\s+(.+)$/;
const BARE_NUMBER = /^(\d+)\s*([A-Za-z])?(?:\s*-\s*\d+\s*[A-Za-z]?)?$/;

function looksLikeStreet(line: string): boolean {
  const words = line.toLowerCase().replace(/[.,]/g, '').split(/\s+/);
  return words.length >= 2 && STREET_WORDS.has(words[words.length - 1]);
}

/** `Flat 3 12 High Street` on one line: the flat is the first two words, the rest the house. */
const FLAT_THEN_HOUSE = /^(\S+(?:\s+floor)?\s+\S+?)(?:\s+(\d.*))?$/i;
const HOUSE = /^(\d+(?:\s*[A-Za-z](?![A-Za-z]))?(?:\s*-\s*\d+(?:\s*[A-Za-z](?![A-Za-z]))?)?)/;

/** `12A High Street` → `12A`; `12 - 14 High St` → `12-14`. */
function houseText(line: string): string {
  const m = HOUSE.exec(line);
  return m ? m[1].replace(/\s+/g, '').toUpperCase() : '';
}

/** Anything `parseAddress` would tidy in an address part: runs of spaces or spaces at either end. */
const UNTIDY_PART = /\s\s|[^\S ]|^ | $/;

/** The comma-separated parts of the lines, spaces tidied, empty parts left out. */
export function addressParts(lines: readonly string[]): string[] {
  const parts: string[] = [];
  for (const line of lines) {
    for (const raw of line.indexOf(',') < 0 ? [line] : line.split(',')) {
      const p = UNTIDY_PART.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
      if (p !== '') parts.push(p);
    }
  }
  return parts;
}

/**
 * Finds street, house number and flat among the address lines (town and county lines are left
 * out). Address lines may also carry several parts split by commas: `Flat 3, 12 High Street`.
 */
export function parseAddress(lines: readonly string[]): ParsedAddress {
  const parts = addressParts(lines);
  let flat = '';
  const rest: string[] = [];
  for (const p of parts) {
    if (flat === '' && FLAT.test(p)) {
      // `Flat 3 12 High Street` written on one line: the flat is the first two words.
      const m = FLAT_THEN_HOUSE.exec(p);
      if (m && m[2]) {
        flat = m[1];
        rest.push(m[2]);
      } else flat = p;
    } else rest.push(p);
  }

  for (let i = 0; i < rest.length; i++) {
    const line = rest[i];
    const numbered = NUMBERED.exec(line);
    if (numbered) {
      return { street: numbered[3], houseNumber: Number(numbered[1]), house: houseText(line), flat };
    }
    const bare = BARE_NUMBER.exec(line);
    if (bare && i + 1 < rest.length) {
      return { street: rest[i + 1], houseNumber: Number(bare[1]), house: houseText(line), flat };
    }
  }
  // No number: a line that reads like a street, with the house name before it.
  const streetIndex = rest.findIndex(looksLikeStreet);
  if (streetIndex >= 0) {
    return { street: rest[streetIndex], houseNumber: null, house: rest.slice(0, streetIndex).join(', '), flat };
  }
  if (rest.length >= 2) return { street: rest[1], houseNumber: null, house: rest[0], flat };
  return { street: rest[0] ?? '', houseNumber: null, house: '', flat };
}

/** Anything `householdKeyLine` would change in an upper-cased line beyond upper-casing it. */
export const UNKEYED_LINE = /[.,']|\s\s|[^\S ]|^ | $/;

/** One address line as the household key has it: upper-cased, punctuation and repeated spaces removed. */
export function householdKeyLine(line: string): string {
  const upper = line.toUpperCase();
  return UNKEYED_LINE.test(upper) ? upper.replace(/[.,']/g, ' ').replace(/\s+/g, ' ').trim() : upper;
}

/** The postcode as the household key has it. */
function householdKeyPostcode(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}

/**
 * The key that makes electors one household: every address line and the postcode, upper-cased
 * with punctuation and repeated spaces removed. Null when there is no address at all.
 * `keyLine` may be a cached `householdKeyLine` (an importer reads the same town lines thousands of times).
 */
export function householdKey(lines: readonly string[], postcode: string, keyLine: (line: string) => string = householdKeyLine): string | null {
  const parts: string[] = [];
  for (const l of lines) {
    const norm = keyLine(l);
    if (norm === '') continue;
    if (parts.length > 0) parts.push('|');
    parts.push(norm);
  }
  if (parts.length === 0) return null;
  parts.push('#', householdKeyPostcode(postcode));
  // One flat string (join copies), not a chain of pieces: a register holds tens of thousands.
  return parts.join('');
}

/** A number inside a text, for ordering `Flat 2` before `Flat 10` (the house itself first). */
function leadingNumberIn(text: string): number {
  if (text === '') return -1;
  const m = /\d+/.exec(text);
  return m ? Number(m[0]) : Number.POSITIVE_INFINITY;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Walk-sheet order: street, then numbered houses rising, then named houses, then flat. */
export function compareWalkOrder(a: ParsedAddress, b: ParsedAddress): number {
  return (
    collator.compare(a.street, b.street) ||
    (a.houseNumber ?? Number.POSITIVE_INFINITY) - (b.houseNumber ?? Number.POSITIVE_INFINITY) ||
    collator.compare(a.house, b.house) ||
    leadingNumberIn(a.flat) - leadingNumberIn(b.flat) ||
    collator.compare(a.flat, b.flat)
  );
}

export interface HouseholdInput {
  addressLines: readonly string[];
  postcode: string;
}

export interface DerivedHousehold {
  key: string;
  address: ParsedAddress;
  addressLines: string[];
  postcode: string;
  /** Indexes into the input list, in input order. */
  members: number[];
}

/** Groups electors into households by their address (electors with no address are left out). */
export function deriveHouseholds(electors: readonly HouseholdInput[]): DerivedHousehold[] {
  const byKey = new Map<string, DerivedHousehold>();
  electors.forEach((e, i) => {
    const key = householdKey(e.addressLines, e.postcode);
    if (key === null) return;
    let h = byKey.get(key);
    if (!h) {
      h = { key, address: parseAddress(e.addressLines), addressLines: [...e.addressLines], postcode: e.postcode, members: [] };
      byKey.set(key, h);
    }
    h.members.push(i);
  });
  return [...byKey.values()].sort((a, b) => compareWalkOrder(a.address, b.address));
}

/**
 * Sorts many addresses into walk order (grouped first, e.g. by polling district) as
 * `compareWalkOrder` would, but fast: streets are ranked once, so most comparisons are two
 * integers; only houses on the same street with the same number go to the collator.
 */
export function sortByWalkOrder<T>(items: T[], address: (t: T) => ParsedAddress, group: (t: T) => string = () => ''): T[] {
  const streets = [...new Set(items.map((t) => address(t).street))].sort(collator.compare);
  const streetRank = new Map<string, number>();
  streets.forEach((s, i) => {
    // Streets the collator calls equal (case, accents) share a rank, as compareWalkOrder treats them.
    const prev = i > 0 ? streets[i - 1] : undefined;
    streetRank.set(s, prev !== undefined && collator.compare(prev, s) === 0 ? streetRank.get(prev)! : i);
  });
  const keyed = items.map((t) => {
    const a = address(t);
    return { t, a, g: group(t), s: streetRank.get(a.street)!, n: a.houseNumber ?? Number.POSITIVE_INFINITY };
  });
  keyed.sort((x, y) => (x.g < y.g ? -1 : x.g > y.g ? 1 : 0) || x.s - y.s || x.n - y.n || compareWalkOrder(x.a, y.a));
  return keyed.map((k) => k.t);
}
