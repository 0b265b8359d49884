/**
 * The checked rows of one register file, held compactly for the write. A register is 100,000
 * rows: held as objects, or even as a few strings a row, they cost the garbage collector more
 * than reading them did. So the text of 1,024 rows at a time is joined into one string (offsets
 * in typed arrays), the numbers go in typed arrays, nothing is kept that can be made again (the
 * canonical elector number, the district), and each row's household is found as the row is added,
 * so the write needs no second pass over the addresses.
 */
import { formatElectorNumber } from './elector-number.ts';
import { UNKEYED_LINE, householdKey, householdKeyLine } from './households.ts';
import { ALTERATIONS, type Alteration } from './register-alterations.ts';
import type { RegisterRow } from './register-rows.ts';

/** A household: its key and the first row (in file order) at its address. */
export interface HouseholdDraft {
  /** `householdKey` of the address: what makes electors one household. */
  key: string;
  /** Its first elector's row: district, address lines and postcode come from there. */
  row: number;
}

/** Fields of a row's text, in the order they are stored and read by `RegisterBuffer.text`. */
export const TextField = {
  markers: 0,
  /** '' for none. */
  dateOfAttainment: 1,
  title: 2,
  fullName: 3,
  surname: 4,
  forenames: 5,
  /** Address lines joined by newlines. */
  address: 6,
  postcode: 7,
} as const;
const FIELDS = 8;

/** Ends each field in a block: `tidy` removes it from every cell, so no field holds it. */
const US = '\u001f';
const US_CODE = 0x1f;
const BLOCK_ROWS = 1024;

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export class RegisterBuffer {
  /** Distinct addresses in order of first appearance. */
  readonly households: HouseholdDraft[] = [];

  private count = 0;
  private lines = new Int32Array(1024);
  private numbers = new Int32Array(1024);
  /** Suffix + 1, 0 for none. */
  private suffixes = new Int32Array(1024);
  private householdIndex = new Int32Array(1024);
  private districtIndex = new Int32Array(1024);
  /** Index into ALTERATIONS + 1, 0 for none. */
  private alterations = new Uint8Array(1024);
  /** Where each row's text starts in its block. */
  private textStart = new Int32Array(1024);
  private readonly districtNames: string[] = [];
  /** Row text, BLOCK_ROWS rows a string, each field ended by US. */
  private readonly blocks: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  /** Rows are read only once all are added. */
  private sealed = false;

  private readonly byKey = new Map<string, number>();
  /** Address lines already keyed that needed more than upper-casing: town and county lines come again and again. */
  private readonly keyLines = new Map<string, string>();
  private readonly keyLine = (line: string): string => {
    const upper = line.toUpperCase();
    if (!UNKEYED_LINE.test(upper)) return upper;
    let norm = this.keyLines.get(line);
    if (norm === undefined) {
      norm = householdKeyLine(line);
      if (this.keyLines.size >= 10_000) this.keyLines.clear(); // a bound, for files whose lines never repeat
      this.keyLines.set(line, norm);
    }
    return norm;
  };
  private lastDistrict = -1;
  // The previous row's address: registers list a household's electors one after another.
  private lastLines: readonly string[] = [];
  private lastPostcode = '';
  private lastHousehold = -1;
  private lastAddress = '';

  get length(): number {
    return this.count;
  }

  /** Adds a row as `readRegisterRow` gives it: its elector number canonical, no control characters in its text. */
  add(row: RegisterRow): void {
    if (this.sealed) throw new Error('RegisterBuffer: rows cannot be added once they are being read');
    const i = this.count++;
    if (i === this.numbers.length) {
      this.lines = grown(this.lines);
      this.numbers = grown(this.numbers);
      this.suffixes = grown(this.suffixes);
      this.householdIndex = grown(this.householdIndex);
      this.districtIndex = grown(this.districtIndex);
      this.textStart = grown(this.textStart);
      const a = new Uint8Array(this.alterations.length * 2);
      a.set(this.alterations);
      this.alterations = a;
    }
    this.lines[i] = row.line;
    this.numbers[i] = row.number;
    this.suffixes[i] = row.suffix === null ? 0 : row.suffix + 1;
    this.alterations[i] = row.alteration === null ? 0 : ALTERATIONS.indexOf(row.alteration) + 1;
    let d = this.lastDistrict;
    if (d < 0 || this.districtNames[d] !== row.pollingDistrict) {
      d = this.districtNames.indexOf(row.pollingDistrict);
      if (d < 0) d = this.districtNames.push(row.pollingDistrict) - 1;
      this.lastDistrict = d;
    }
    this.districtIndex[i] = d;

    const { addressLines, postcode } = row;
    let address = this.lastAddress;
    if (i === 0 || postcode !== this.lastPostcode || !sameLines(addressLines, this.lastLines)) {
      address = addressLines.join('\n');
      const key = householdKey(addressLines, postcode, this.keyLine);
      let h = -1;
      if (key !== null) {
        const known = this.byKey.get(key);
        if (known !== undefined) h = known;
        else {
          h = this.households.length;
          this.byKey.set(key, h);
          this.households.push({ key, row: i });
        }
      }
      this.lastLines = addressLines;
      this.lastPostcode = postcode;
      this.lastHousehold = h;
      this.lastAddress = address;
    }
    this.householdIndex[i] = this.lastHousehold;

    // The row's text, in TextField order, each field ended by US.
    const p = this.pending;
    this.textStart[i] = this.pendingLength;
    p.push(row.markers, row.dateOfAttainment ?? '', row.title, row.fullName, row.surname, row.forenames, address, postcode);
    let length = FIELDS;
    for (let f = p.length - FIELDS; f < p.length; f++) length += p[f].length;
    this.pendingLength += length;
    if (i % BLOCK_ROWS === BLOCK_ROWS - 1) this.closeBlock();
  }

  /** Joins the pending rows' text into one string (a copy: no piece of the file's text is kept). */
  private closeBlock(): void {
    if (this.pending.length === 0) return;
    this.pending.push('');
    this.blocks.push(this.pending.join(US));
    this.pending = [];
    this.pendingLength = 0;
  }

  /**
   * Row `i`'s text fields (indexed by `TextField`) into `out`, which is returned. Rows are read
   * after the last one is added.
   */
  text(i: number, out: string[] = new Array<string>(FIELDS)): string[] {
    const block = this.blockOf(i);
    let start = this.textStart[i];
    for (let f = 0; f < FIELDS; f++) {
      let end = start;
      while (block.charCodeAt(end) !== US_CODE) end++;
      out[f] = block.slice(start, end);
      start = end + 1;
    }
    // The row ends where the next begins: a field holding US (which `tidy` makes impossible) shows here.
    const next = (i + 1) % BLOCK_ROWS === 0 || i + 1 === this.count ? block.length : this.textStart[i + 1];
    if (start !== next) throw new Error(`RegisterBuffer: row ${i} holds a unit separator`);
    return out;
  }

  /** One text field of row `i` (see `TextField`). */
  field(i: number, field: number): string {
    const block = this.blockOf(i);
    let start = this.textStart[i];
    for (let f = 0; f < field; f++) start = block.indexOf(US, start) + 1;
    return block.slice(start, block.indexOf(US, start));
  }

  private blockOf(i: number): string {
    if (!this.sealed) {
      this.sealed = true;
      this.closeBlock();
    }
    return this.blocks[Math.floor(i / BLOCK_ROWS)];
  }

  pollingDistrict(i: number): string {
    return this.districtNames[this.districtIndex[i]];
  }

  number(i: number): number {
    return this.numbers[i];
  }

  suffix(i: number): number | null {
    return this.suffixes[i] === 0 ? null : this.suffixes[i] - 1;
  }

  electorNumber(i: number): string {
    return formatElectorNumber({ district: this.pollingDistrict(i), number: this.numbers[i], suffix: this.suffix(i) });
  }

  alteration(i: number): Alteration | null {
    return this.alterations[i] === 0 ? null : ALTERATIONS[this.alterations[i] - 1];
  }

  /** Index into `households` of row `i`'s household, or -1 when the row has no address. */
  householdOf(i: number): number {
    return this.householdIndex[i];
  }

  /** Row `i` as the reader gave it. */
  row(i: number): RegisterRow {
    const t = this.text(i);
    const address = t[TextField.address];
    return {
      line: this.lines[i],
      pollingDistrict: this.pollingDistrict(i),
      number: this.numbers[i],
      suffix: this.suffix(i),
      electorNumber: this.electorNumber(i),
      markers: t[TextField.markers],
      dateOfAttainment: t[TextField.dateOfAttainment] === '' ? null : t[TextField.dateOfAttainment],
      title: t[TextField.title],
      fullName: t[TextField.fullName],
      surname: t[TextField.surname],
      forenames: t[TextField.forenames],
      addressLines: address === '' ? [] : address.split('\n'),
      postcode: t[TextField.postcode],
      alteration: this.alteration(i),
    };
  }

  pollingDistricts(): string[] {
    return [...this.districtNames].sort();
  }
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
