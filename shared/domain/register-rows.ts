/**
 * One line of a register file → one elector, or the reason it cannot be one. The importer reads
 * every line through `readRegisterRow` and lists the refusals with their line numbers.
 */
import { ADDRESS_FIELDS, type ColumnMapping } from './register-columns.ts';
import { formatElectorNumber, parseElectorNumber } from './elector-number.ts';

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
}

export interface RowProblem {
  line: number;
  reason: string;
}

export type RowResult = { ok: true; row: RegisterRow } | { ok: false; problem: RowProblem };

const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$/;

/** `sw1a1aa` → `SW1A 1AA`; null when it is not a UK postcode. Empty text gives ''. */
export function normalisePostcode(text: string): string | null {
  const t = text.trim().toUpperCase().replace(/\s+/g, ' ');
  if (t === '') return '';
  const m = POSTCODE.exec(t);
  return m ? `${m[1]} ${m[2]}` : null;
}

/** Collapses runs of spaces and trims. */
const UNTIDY = /\s\s|[\t\r\n\f\v\u0000-\u001f]/;

/** Collapses runs of spaces (and control characters) to one space and trims. */
export function tidy(text: string | undefined): string {
  if (text === undefined) return '';
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

/**
 * Reads one line. The elector number comes from the number column alone when it holds the whole
 * `AB-123/1`, otherwise from prefix + number (+ suffix). A name is required; the address may be
 * empty (electors with no fixed address), the postcode must be a UK postcode when present.
 */
export function readRegisterRow(cells: readonly string[], mapping: ColumnMapping, line: number): RowResult {
  const refuse = (reason: string): RowResult => ({ ok: false, problem: { line, reason } });

  const prefix = cell(cells, mapping.pollingDistrict);
  const numberText = cell(cells, mapping.electorNumber);
  const suffixText = cell(cells, mapping.suffix);
  if (numberText === '') return refuse('the elector number is empty');

  let written: string;
  if (/^\d/.test(numberText)) {
    if (prefix === '') return refuse(`elector number ${numberText} has no polling-district prefix`);
    written = `${prefix}-${numberText}`;
  } else {
    if (prefix !== '' && !numberText.toUpperCase().startsWith(prefix.toUpperCase())) {
      return refuse(`elector number "${numberText}" does not start with its prefix "${prefix}"`);
    }
    written = numberText;
  }
  if (suffixText !== '' && suffixText !== '0') {
    if (!/^\d{1,3}$/.test(suffixText)) return refuse(`suffix "${suffixText}" is not a number`);
    if (/[/.]/.test(written)) return refuse(`elector number "${numberText}" already has a suffix and the suffix column says ${suffixText}`);
    written = `${written}/${suffixText}`;
  }
  const parsed = parseElectorNumber(written);
  if (!parsed.ok) return refuse(parsed.message);
  const en = parsed.value;

  const title = cell(cells, mapping.title);
  let fullName = cell(cells, mapping.fullName);
  let surname = cell(cells, mapping.surname);
  let forenames = [cell(cells, mapping.forenames), cell(cells, mapping.middleNames)].filter((s) => s !== '').join(' ');
  if (fullName === '' && surname === '') return refuse(`${formatElectorNumber(en)} has no name`);
  if (fullName === '') fullName = forenames === '' ? surname : `${forenames} ${surname}`;
  else if (surname === '') ({ surname, forenames } = splitFullName(fullName));

  const addressLines: string[] = [];
  for (const f of ADDRESS_FIELDS) {
    const v = cell(cells, mapping[f]).replace(/,$/, '').trim();
    if (v !== '') addressLines.push(v);
  }

  const postcodeText = cell(cells, mapping.postcode);
  const postcode = normalisePostcode(postcodeText);
  if (postcode === null) return refuse(`postcode "${postcodeText}" is not a UK postcode`);

  const dateText = cell(cells, mapping.dateOfAttainment);
  let dateOfAttainment: string | null = null;
  if (dateText !== '') {
    dateOfAttainment = parseRegisterDate(dateText);
    if (dateOfAttainment === null) return refuse(`date "${dateText}" is not a real date (use DD/MM/YYYY or YYYY-MM-DD)`);
  }

  const markers = cell(cells, mapping.markers).toUpperCase();
  if (markers.length > 10) return refuse(`markers "${markers}" are longer than 10 characters`);

  return {
    ok: true,
    row: {
      line,
      pollingDistrict: en.district,
      number: en.number,
      suffix: en.suffix,
      electorNumber: formatElectorNumber(en),
      markers,
      dateOfAttainment,
      title,
      fullName,
      surname,
      forenames,
      addressLines,
      postcode,
    },
  };
}

/**
 * Refuses the second and later lines that repeat an elector number. Feed rows in file order;
 * keeps the first line of each number.
 */
export class DuplicateNumberCheck {
  private readonly seen = new Map<string, number>();

  check(row: RegisterRow): RowProblem | null {
    const first = this.seen.get(row.electorNumber);
    if (first !== undefined) {
      return { line: row.line, reason: `elector number ${row.electorNumber} is already on line ${first}` };
    }
    this.seen.set(row.electorNumber, row.line);
    return null;
  }
}

/*
 * A row packed into one string (fields joined by the unit separator, which `tidy` removes from
 * every cell), so an importer can hold 100,000 checked rows in a fraction of the memory.
 */
const US = '\u001f';
const RS = '\u001e';

export function packRow(r: RegisterRow): string {
  return [
    r.line,
    r.pollingDistrict,
    r.number,
    r.suffix ?? '',
    r.electorNumber,
    r.markers,
    r.dateOfAttainment ?? '',
    r.title,
    r.fullName,
    r.surname,
    r.forenames,
    r.addressLines.join(RS),
    r.postcode,
  ].join(US);
}

export function unpackRow(packed: string): RegisterRow {
  const f = packed.split(US);
  return {
    line: Number(f[0]),
    pollingDistrict: f[1],
    number: Number(f[2]),
    suffix: f[3] === '' ? null : Number(f[3]),
    electorNumber: f[4],
    markers: f[5],
    dateOfAttainment: f[6] === '' ? null : f[6],
    title: f[7],
    fullName: f[8],
    surname: f[9],
    forenames: f[10],
    addressLines: f[11] === '' ? [] : f[11].split(RS),
    postcode: f[12],
  };
}
