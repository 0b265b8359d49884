/**
 * Re-import matching (domain notes §9): registers are renumbered every December, so last year's
 * `AB-123` may be this year's `AB-131`. Electors are matched by name and address instead, so their
 * canvass history carries over. Each old elector matches at most one new row and vice versa.
 *
 * Passes, strictest first:
 *  1. same name (word order, case and punctuation ignored) at the same address;
 *  2. same surname and first forename at the same address (a middle name added or dropped);
 *  3. same name and postcode, same house (address lines written differently);
 *  4. same name anywhere in the area when that name is unique on both sides (moved within the area).
 * Two people of the same name at one address are paired in elector-number order.
 */
import { householdKey, parseAddress } from './households.ts';

export interface MatchPerson {
  fullName: string;
  surname: string;
  forenames: string;
  addressLines: readonly string[];
  postcode: string;
  /** Canonical elector number, used to pair namesakes in a stable order. */
  electorNumber: string;
}

export interface MatchResult {
  /** [old index, new index] pairs. */
  matched: [number, number][];
  /** New rows that matched nobody. */
  added: number[];
  /** Old electors that matched no new row. */
  left: number[];
  /** How many matches each pass made, for the report. */
  byPass: { exact: number; middleNames: number; postcodeAndHouse: number; nameOnly: number };
}

function words(text: string): string[] {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9\s-]/g, '')
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** Name words sorted: `SMITH, John Paul` and `John Paul Smith` agree. */
export function nameKey(p: Pick<MatchPerson, 'fullName' | 'surname' | 'forenames'>): string {
  const source = p.surname !== '' ? `${p.forenames} ${p.surname}` : p.fullName;
  return words(source).sort().join(' ');
}

function shortNameKey(p: MatchPerson): string {
  const sur = words(p.surname !== '' ? p.surname : p.fullName.split(/\s+/).slice(-1)[0] ?? '').join(' ');
  const first = words(p.forenames)[0] ?? '';
  return `${sur}|${first}`;
}

function houseKey(p: MatchPerson): string | null {
  if (p.postcode === '' || p.addressLines.length === 0) return null;
  const a = parseAddress(p.addressLines);
  const house = a.house !== '' ? a.house.toUpperCase().replace(/[^A-Z0-9]/g, '') : '';
  if (house === '' && a.flat === '') return null;
  return `${p.postcode.replace(/\s+/g, '').toUpperCase()}|${house}|${a.flat.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
}

const byNumber = (people: readonly MatchPerson[]) => (a: number, b: number) =>
  people[a].electorNumber.localeCompare(people[b].electorNumber, 'en', { numeric: true });

export function matchElectors(previous: readonly MatchPerson[], incoming: readonly MatchPerson[]): MatchResult {
  const oldFree = new Array<boolean>(previous.length).fill(true);
  const newFree = new Array<boolean>(incoming.length).fill(true);
  const matched: [number, number][] = [];
  const byPass = { exact: 0, middleNames: 0, postcodeAndHouse: 0, nameOnly: 0 };

  const pass = (key: (p: MatchPerson) => string | null, name: keyof typeof byPass, uniqueOnly = false) => {
    const groups = new Map<string, { olds: number[]; news: number[] }>();
    const group = (k: string) => {
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { olds: [], news: [] }));
      return g;
    };
    previous.forEach((p, i) => {
      if (!oldFree[i]) return;
      const k = key(p);
      if (k !== null) group(k).olds.push(i);
    });
    incoming.forEach((p, i) => {
      if (!newFree[i]) return;
      const k = key(p);
      if (k === null) return;
      const g = groups.get(k);
      if (g) g.news.push(i);
    });
    for (const g of groups.values()) {
      if (g.olds.length === 0 || g.news.length === 0) continue;
      if (uniqueOnly && (g.olds.length > 1 || g.news.length > 1)) continue;
      g.olds.sort(byNumber(previous));
      g.news.sort(byNumber(incoming));
      const n = Math.min(g.olds.length, g.news.length);
      for (let j = 0; j < n; j++) {
        matched.push([g.olds[j], g.news[j]]);
        oldFree[g.olds[j]] = false;
        newFree[g.news[j]] = false;
        byPass[name] += 1;
      }
    }
  };

  const withAddress = (f: (p: MatchPerson) => string) => (p: MatchPerson) => {
    const h = householdKey(p.addressLines, p.postcode);
    return h === null ? null : `${f(p)}@${h}`;
  };
  pass(withAddress(nameKey), 'exact');
  pass(withAddress(shortNameKey), 'middleNames');
  pass((p) => {
    const h = houseKey(p);
    return h === null ? null : `${nameKey(p)}@${h}`;
  }, 'postcodeAndHouse');
  pass((p) => nameKey(p) || null, 'nameOnly', true);

  matched.sort((a, b) => a[1] - b[1]);
  return {
    matched,
    added: incoming.map((_, i) => i).filter((i) => newFree[i]),
    left: previous.map((_, i) => i).filter((i) => oldFree[i]),
    byPass,
  };
}
