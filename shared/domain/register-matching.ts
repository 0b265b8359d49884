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
  const sur = words(p.surname !== '' ? p.surname : (p.fullName.split(/\s+/).slice(-1)[0] ?? '')).join(' ');
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

/**
 * One side of a match, visited once a pass: a register is 100,000 electors, and holding both sides
 * as objects cost more memory than the rest of an import. An array of people is one.
 */
export interface MatchSource {
  readonly length: number;
  forEach(visit: (p: MatchPerson, i: number) => void): void;
}

export function matchElectors(previous: MatchSource, incoming: MatchSource): MatchResult {
  const oldFree = new Uint8Array(previous.length).fill(1);
  const newFree = new Uint8Array(incoming.length).fill(1);
  // Elector numbers, kept to pair namesakes; taken on the first pass.
  const oldNumbers: string[] = new Array(previous.length);
  const newNumbers: string[] = new Array(incoming.length);
  const matched: [number, number][] = [];
  const byPass = { exact: 0, middleNames: 0, postcodeAndHouse: 0, nameOnly: 0 };
  const byNumber = (numbers: readonly string[]) => (a: number, b: number) => numbers[a].localeCompare(numbers[b], 'en', { numeric: true });

  /**
   * Each free person's key as two 53-bit hashes (NaN for none), and the free people in order of
   * them: holding 100,000 key strings for a pass was most of what matching added to memory.
   */
  const keyed = (source: MatchSource, free: Uint8Array, numbers: string[], key: (p: MatchPerson) => string | null) => {
    const hash = new Float64Array(2 * source.length).fill(NaN);
    let count = 0;
    source.forEach((p, i) => {
      numbers[i] ??= p.electorNumber;
      if (!free[i]) return;
      const k = key(p);
      if (k === null) return;
      hashKey(k, hash, 2 * i);
      count++;
    });
    const order = new Int32Array(count);
    let at = 0;
    for (let i = 0; i < source.length; i++) if (!Number.isNaN(hash[2 * i])) order[at++] = i;
    order.sort((a, b) => hash[2 * a] - hash[2 * b] || hash[2 * a + 1] - hash[2 * b + 1] || a - b);
    return { hash, order };
  };

  const pass = (key: (p: MatchPerson) => string | null, name: keyof typeof byPass, uniqueOnly = false) => {
    if (!oldFree.includes(1) || !newFree.includes(1)) return; // everyone is matched: reading both sides again would find nothing
    const olds = keyed(previous, oldFree, oldNumbers, key);
    const news = keyed(incoming, newFree, newNumbers, key);
    // Walk both orders together: a run of one key on both sides is a group.
    let o = 0;
    let m = 0;
    while (o < olds.order.length && m < news.order.length) {
      const a = 2 * olds.order[o];
      const b = 2 * news.order[m];
      const before = olds.hash[a] - news.hash[b] || olds.hash[a + 1] - news.hash[b + 1];
      if (before !== 0) {
        if (before < 0) o++;
        else m++;
        continue;
      }
      const oldEnd = runEnd(olds, o);
      const newEnd = runEnd(news, m);
      const oldCount = oldEnd - o;
      const newCount = newEnd - m;
      if (!uniqueOnly || (oldCount === 1 && newCount === 1)) {
        const group = Array.from(olds.order.subarray(o, oldEnd)).sort(byNumber(oldNumbers));
        const newGroup = Array.from(news.order.subarray(m, newEnd)).sort(byNumber(newNumbers));
        for (let j = 0; j < Math.min(oldCount, newCount); j++) {
          matched.push([group[j], newGroup[j]]);
          oldFree[group[j]] = 0;
          newFree[newGroup[j]] = 0;
          byPass[name] += 1;
        }
      }
      o = oldEnd;
      m = newEnd;
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
    added: freeIndexes(newFree),
    left: freeIndexes(oldFree),
    byPass,
  };
}

function freeIndexes(free: Uint8Array): number[] {
  const out: number[] = [];
  free.forEach((f, i) => {
    if (f) out.push(i);
  });
  return out;
}

/** Where the run of equal hashes that starts at `from` ends. */
function runEnd(side: { hash: Float64Array; order: Int32Array }, from: number): number {
  const { hash, order } = side;
  const at = 2 * order[from];
  let end = from + 1;
  while (end < order.length && hash[2 * order[end]] === hash[at] && hash[2 * order[end] + 1] === hash[at + 1]) end++;
  return end;
}

/**
 * Two 53-bit hashes of a key (four 32-bit multiplicative lanes), into `out[at]` and `out[at + 1]`:
 * two different keys share both only by a chance of about 1 in 10^32, so keys are compared by them.
 */
function hashKey(key: string, out: Float64Array, at: number): void {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let c = 0x9747b28c;
  let d = 0x3c6ef372;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x5bd1e995);
    c = Math.imul(c ^ ch, 0x85ebca6b);
    d = Math.imul(d ^ ch, 0xc2b2ae35);
    b ^= b >>> 15;
    c ^= c >>> 13;
    d ^= d >>> 16;
  }
  out[at] = (a >>> 0) * 0x200000 + (b >>> 11);
  out[at + 1] = (c >>> 0) * 0x200000 + (d >>> 11);
}
