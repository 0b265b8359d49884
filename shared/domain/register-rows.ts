/**
 * One line of a register file → one elector, or the reason it cannot be one. The importer reads
 * every line through `readRegisterRow` and lists the refusals with their line numbers.
 */
import { ADDRESS_FIELDS, type ColumnMapping } from './register-columns.ts';
import { ALTERATION_HELP, type Alteration, parseAlteration } from './register-alterations.ts';
import { DISTRICT_CODE, type ElectorNumber, formatElectorNumber, parseElectorNumber } from './elector-number.ts';

export interface RegisterRow {
  /** 1-based line of the file the row came from (header is line 1). */
  line: number;
  pollingDistrict: string;
  number: number;
  suffix: number | null;
  /** Canonical `AB-123` or `AB-123/1`. */
  electorNumber: string;
  markers: string;
  /** `YYYY-MM-DD` or null. */
  dateOfAttainment: string | null;
  title: string;
  fullName: string;
  surname: string;
  forenames: string;
  addressLines: string[];
  postcode: string;
  /** What a notice of alteration's line does; null on a full register (or a blank change cell). */
  alteration: Alteration | null;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export type RowResult = { ok: true; row: RegisterRow } | { ok: false; problem: RowProblem };

const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$/;
/** A postcode already written as `normalisePostcode` writes it (most of a register's). */
const NORMAL_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$/;

/** `sw1a1aa` → `SW1A 1AA`; null when it is not a UK postcode. Empty text gives ''. */
export function normalisePostcode(text: string): string | null {
  if (NORMAL_POSTCODE.test(text)) return text;
  const t = text.trim().toUpperCase().replace(/\s+/g, ' ');
  if (t === '') return '';
  const m = POSTCODE.exec(t);
  return m ? `${m[1]} ${m[2]}` : null;
}

const UNTIDY = /\s\s|[\t\r\n\f\v\u0000-\u001f]/;

/** Whitespace beyond ASCII (what `\s` and `trim` also take as space). */
function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Collapses runs of spaces (and control characters) to one space and trims. */
export function tidy(text: string | undefined): string {
  if (text === undefined) return '';
  // Most cells are tidy already: single spaces between words, none at either end, no control characters.
  let afterSpace = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32) {
      if (c !== 32 || afterSpace) return untidy(text);
      afterSpace = true;
    } else if (c > 127 && isWideSpace(c)) return untidy(text);
    else afterSpace = false;
  }
  return n > 0 && afterSpace ? untidy(text) : text;
}

function untidy(text: string): string {
  return UNTIDY.test(text) ? text.replace(/[\s\u0000-\u001f]+/g, ' ').trim() : text.trim();
}

/** True when every cell is empty: blank lines are skipped, not refused. */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== undefined && c.trim() !== '') return false;
  return true;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** `YYYY-MM-DD` or `DD/MM/YYYY` → `YYYY-MM-DD`; null when not a real date. */
export function parseRegisterDate(text: string): string | null {
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(text);
  const uk = UK_DATE.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function cell(cells: readonly string[], col: number | null): string {
  return col === null ? '' : tidy(cells[col]);
}

/** `SMITH, John` → surname SMITH, forenames John; otherwise the full name as written. */
function splitFullName(full: string): { surname: string; forenames: string } {
  const comma = full.indexOf(',');
  if (comma > 0) return { surname: full.slice(0, comma).trim(), forenames: full.slice(comma + 1).trim() };
  const space = full.lastIndexOf(' ');
  if (space > 0) return { surname: full.slice(space + 1), forenames: full.slice(0, space) };
  return { surname: full, forenames: '' };
}

const refuse = (line: number, reason: string): RowResult => ({ ok: false, problem: { line, reason } });
const STARTS_WITH_DIGIT = /^\d/;
/** A bare number after a prefix column: the usual case, read without `parseElectorNumber`. */
const PLAIN_NUMBER = /^\d{1,6}$/;

/**
 * Reads one line. The elector number comes from the number column alone when it holds the whole
 * `AB-123/1`, otherwise from prefix + number (+ suffix). A name is required; the address may be
 * empty (electors with no fixed address), the postcode must be a UK postcode when present.
 */
export function readRegisterRow(cells: readonly string[], mapping: ColumnMapping, line: number): RowResult {
  const prefix = cell(cells, mapping.pollingDistrict);
  const numberText = cell(cells, mapping.electorNumber);
  const suffixText = cell(cells, mapping.suffix);
  if (numberText === '') return refuse(line, 'the elector number is empty');

  let en: ElectorNumber;
  let electorNumber: string;
  const noSuffix = suffixText === '' || suffixText === '0';
  if (noSuffix && PLAIN_NUMBER.test(numberText) && DISTRICT_CODE.test(prefix) && Number(numberText) > 0) {
    // What parseElectorNumber gives for `${prefix}-${numberText}`, without the general pattern.
    en = { district: prefix.toUpperCase(), number: Number(numberText), suffix: null };
    electorNumber = `${en.district}-${en.number}`;
  } else {
    let written: string;
    if (STARTS_WITH_DIGIT.test(numberText)) {
      if (prefix === '') return refuse(line, `elector number ${numberText} has no polling-district prefix`);
      written = `${prefix}-${numberText}`;
    } else {
      if (prefix === '') written = numberText;
      else if (!numberText.toUpperCase().startsWith(prefix.toUpperCase())) {
        return refuse(line, `elector number "${numberText}" does not start with its prefix "${prefix}"`);
      } else written = `${prefix}-${numberText.slice(prefix.length).replace(/^\s*-?/, '')}`; // the prefix column says where the code ends
    }
    if (!noSuffix) {
      if (!/^\d{1,3}$/.test(suffixText)) return refuse(line, `suffix "${suffixText}" is not a number`);
      if (/[/.]/.test(written)) return refuse(line, `elector number "${numberText}" already has a suffix and the suffix column says ${suffixText}`);
      written = `${written}/${suffixText}`;
    }
    const parsed = parseElectorNumber(written);
    if (!parsed.ok) return refuse(line, parsed.message);
    en = parsed.value;
    electorNumber = formatElectorNumber(en);
  }

  const title = cell(cells, mapping.title);
  let fullName = cell(cells, mapping.fullName);
  let surname = cell(cells, mapping.surname);
  const first = cell(cells, mapping.forenames);
  const middle = cell(cells, mapping.middleNames);
  let forenames = middle === '' ? first : first === '' ? middle : `${first} ${middle}`;
  if (fullName === '' && surname === '') return refuse(line, `${electorNumber} has no name`);
  if (fullName === '') fullName = forenames === '' ? surname : `${forenames} ${surname}`;
  else if (surname === '') ({ surname, forenames } = splitFullName(fullName));

  const addressLines: string[] = [];
  for (const f of ADDRESS_FIELDS) {
    const col = mapping[f];
    if (col === null) continue;
    let v = tidy(cells[col]);
    if (v.endsWith(',')) v = v.slice(0, -1).trim();
    if (v !== '') addressLines.push(v);
  }

  const postcodeText = cell(cells, mapping.postcode);
  const postcode = normalisePostcode(postcodeText);
  if (postcode === null) return refuse(line, `postcode "${postcodeText}" is not a UK postcode`);

  const dateText = cell(cells, mapping.dateOfAttainment);
  let dateOfAttainment: string | null = null;
  if (dateText !== '') {
    dateOfAttainment = parseRegisterDate(dateText);
    if (dateOfAttainment === null) return refuse(line, `date "${dateText}" is not a real date (use DD/MM/YYYY or YYYY-MM-DD)`);
  }

  const markers = cell(cells, mapping.markers).toUpperCase();
  if (markers.length > 10) return refuse(line, `markers "${markers}" are longer than 10 characters`);

  let alteration: Alteration | null = null;
  if (mapping.alteration !== null) {
    const change = cell(cells, mapping.alteration);
    const read = parseAlteration(change);
    if (read === undefined) return refuse(line, `change "${change}" is not one we know: ${ALTERATION_HELP}`);
    alteration = read;
  }

  return {
    ok: true,
    row: {
      line,
      pollingDistrict: en.district,
      number: en.number,
      suffix: en.suffix,
      electorNumber,
      markers,
      dateOfAttainment,
      title,
      fullName,
      surname,
      forenames,
      addressLines,
      postcode,
      alteration,
    },
  };
}

/**
 * Refuses the second and later lines that repeat an elector number. Feed rows in file order;
 * keeps the first line of each number.
 */
export class DuplicateNumberCheck {
  /** Per polling district: number and suffix (as one small integer) → first line. */
  private readonly seen = new Map<string, Map<number, number>>();
  private lastName = '';
  private last: Map<number, number> | null = null;

  check(row: RegisterRow): RowProblem | null {
    let district = this.last;
    if (district === null || row.pollingDistrict !== this.lastName) {
      district = this.seen.get(row.pollingDistrict) ?? new Map<number, number>();
      this.seen.set(row.pollingDistrict, district);
      this.last = district;
      this.lastName = row.pollingDistrict;
    }
    // Numbers have at most 6 digits and suffixes 3, so this is unique and stays a small integer.
    const key = row.number * 1001 + (row.suffix === null ? 0 : row.suffix + 1);
    const first = district.get(key);
    if (first !== undefined) {
      return { line: row.line, reason: `elector number ${row.electorNumber} is already on line ${first}` };
    }
    district.set(key, row.line);
    return null;
  }
}
