import type { Nation } from './election-types.ts';
import { constituencyDesignation } from './constituency-designations.ts';
import { constituencyRegion } from './constituency-regions.ts';
import { readCsv } from './csv.ts';

export type ImportDecision = 'import' | 'skip' | 'import-without-code';

export const AREA_FIELDS = ['name', 'gssCode', 'electorate', 'classification', 'nation', 'region'] as const;
export type AreaField = (typeof AREA_FIELDS)[number];
export type Mapping = Record<AreaField, string>;

export const AREA_FIELD_LABELS: Record<AreaField, string> = {
  name: 'Name',
  gssCode: 'GSS code',
  electorate: 'Electorate',
  classification: 'County or borough',
  nation: 'Nation',
  region: 'Region',
};

/** Headings seen in the wild for each field, compared without case, spaces or punctuation. */
const HEADINGS: Record<AreaField, string[]> = {
  name: ['name', 'pcon25nm', 'pcon24nm', 'constituency', 'constituencyname', 'ward', 'wardname', 'division', 'area', 'areaname'],
  gssCode: ['gss', 'gsscode', 'code', 'pcon25cd', 'pcon24cd', 'wardcode', 'areacode', 'onscode'],
  electorate: ['electorate', 'electors', 'registeredelectors', 'totalelectorate'],
  classification: ['classification', 'type', 'constituencytype', 'countyborough', 'countyorborough'],
  nation: ['nation', 'country'],
  region: ['region', 'regionname', 'englishregion', 'rgn'],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export function suggestMapping(headers: string[]): Mapping {
  const mapping = { name: '', gssCode: '', electorate: '', classification: '', nation: '', region: '' };
  for (const field of AREA_FIELDS) {
    mapping[field] = headers.find((h) => HEADINGS[field].includes(squash(h))) ?? '';
  }
  return mapping;
}

export interface AreaRow {
  line: number;
  name: string;
  gssCode: string;
  electorate: number | null;
  classification: 'county' | 'borough' | null;
  nation: Nation;
  region: string;
}

export interface AreaProblem {
  line: number;
  kind: 'duplicate-row' | 'duplicate-code' | 'invalid' | 'already-present';
  message: string;
  relatedLines: number[];
  choices: ImportDecision[];
}

export interface AreaAnalysis {
  headers: string[];
  mapping: Mapping;
  rows: AreaRow[];
  problems: AreaProblem[];
}

const GSS_NATION: Record<string, Nation> = { E: 'england', W: 'wales', S: 'scotland', N: 'northern-ireland' };

function readNation(text: string): Nation | null {
  const t = squash(text);
  if (t === 'england' || t === 'e') return 'england';
  if (t === 'wales' || t === 'w' || t === 'cymru') return 'wales';
  if (t === 'scotland' || t === 's') return 'scotland';
  if (t === 'northernireland' || t === 'ni' || t === 'n') return 'northern-ireland';
  return null;
}

function readClassification(text: string): 'county' | 'borough' | null | undefined {
  const t = squash(text);
  if (t === '') return null;
  if (t === 'county' || t === 'cc') return 'county';
  if (t === 'borough' || t === 'burgh' || t === 'bc') return 'borough';
  return undefined;
}

/**
 * Reads an areas CSV with a column mapping and lists every row that needs the user's decision:
 * invalid rows, rows repeated exactly, GSS codes used twice, and areas already in the database.
 * Nothing is dropped or merged here; the caller applies the user's decisions.
 */
export function analyseAreaCsv(
  text: string,
  options: { mapping?: Mapping; defaultNation: Nation; existingCodes: Set<string>; existingNames: Set<string> },
): AreaAnalysis {
  const { headers, rows: raw } = readCsv(text);
  const mapping = options.mapping ?? suggestMapping(headers);
  const problems: AreaProblem[] = [];
  const rows: AreaRow[] = [];
  if (!mapping.name) return { headers, mapping, rows, problems };
  const col = (field: AreaField) => (mapping[field] ? headers.indexOf(mapping[field]) : -1);
  const cols = Object.fromEntries(AREA_FIELDS.map((f) => [f, col(f)])) as Record<AreaField, number>;
  const cell = (cells: string[], field: AreaField) => (cols[field] >= 0 ? (cells[cols[field]] ?? '') : '');

  const seenRows = new Map<string, number>();
  const seenCodes = new Map<string, AreaRow>();
  for (const { line, cells } of raw) {
    const name = cell(cells, 'name');
    const gssCode = cell(cells, 'gssCode').toUpperCase();
    const electorateText = cell(cells, 'electorate').replace(/[,\s]/g, '');
    const classification = readClassification(cell(cells, 'classification'));
    const nationText = cell(cells, 'nation');
    const errors: string[] = [];
    if (!name) errors.push('the name is empty');
    if (gssCode && !/^[EWSNK]\d{8}$/.test(gssCode)) errors.push(`"${gssCode}" is not a GSS code (a letter and eight digits)`);
    if (electorateText && !/^\d+$/.test(electorateText)) errors.push(`electorate "${cell(cells, 'electorate')}" is not a whole number`);
    if (classification === undefined) errors.push(`"${cell(cells, 'classification')}" is neither county nor borough`);
    const nation = nationText ? readNation(nationText) : (GSS_NATION[gssCode[0]] ?? options.defaultNation);
    if (nation === null) errors.push(`"${nationText}" is not a UK nation`);
    if (errors.length > 0) {
      problems.push({ line, kind: 'invalid', message: `Line ${line}: ${errors.join('; ')}.`, relatedLines: [], choices: ['skip'] });
      continue;
    }
    const row: AreaRow = {
      line,
      name,
      gssCode,
      electorate: electorateText ? Number(electorateText) : null,
      // A 2024 constituency's county/borough designation is known, so a file without the column still sets it.
      classification: classification ?? (gssCode ? constituencyDesignation(gssCode) : null),
      nation: nation as Nation,
      // Likewise its region, which "consider all areas" can filter by.
      region: cell(cells, 'region') || (gssCode ? (constituencyRegion(gssCode) ?? '') : ''),
    };
    rows.push(row);

    const key = JSON.stringify([row.name, row.gssCode, row.electorate, row.classification, row.nation, row.region]);
    const firstLine = seenRows.get(key);
    if (firstLine !== undefined) {
      problems.push({
        line,
        kind: 'duplicate-row',
        message: `Line ${line} repeats line ${firstLine} exactly (${name}).`,
        relatedLines: [firstLine],
        choices: ['skip', 'import'],
      });
      continue;
    }
    seenRows.set(key, line);
    const sameCode = gssCode ? seenCodes.get(gssCode) : undefined;
    if (sameCode) {
      problems.push({
        line,
        kind: 'duplicate-code',
        message: `Line ${line} (${name}) has the GSS code ${gssCode}, already used by line ${sameCode.line} (${sameCode.name}).`,
        relatedLines: [sameCode.line],
        choices: ['import-without-code', 'skip'],
      });
      continue;
    }
    if (gssCode) seenCodes.set(gssCode, row);
    if ((gssCode && options.existingCodes.has(gssCode)) || options.existingNames.has(name.toLowerCase())) {
      problems.push({
        line,
        kind: 'already-present',
        message: `Line ${line} (${name}) is already in Hustings and will be left as it is.`,
        relatedLines: [],
        choices: ['skip'],
      });
    }
  }
  return { headers, mapping, rows, problems };
}

/**
 * The rows to write once the user has decided; throws a list of lines still undecided.
 * `already-present` and `invalid` rows can only be skipped, so they need no decision.
 */
export function applyDecisions(
  analysis: AreaAnalysis,
  decisions: Record<string, ImportDecision>,
): { rows: AreaRow[]; skipped: number; undecided: AreaProblem[]; refused: string[] } {
  const byLine = new Map(analysis.problems.map((p) => [p.line, p]));
  const undecided: AreaProblem[] = [];
  const refused: string[] = [];
  const rows: AreaRow[] = [];
  let skipped = analysis.problems.filter((p) => p.kind === 'invalid').length;
  for (const row of analysis.rows) {
    const problem = byLine.get(row.line);
    if (!problem) {
      rows.push(row);
      continue;
    }
    const decision = decisions[String(row.line)] ?? (problem.choices.length === 1 ? problem.choices[0] : undefined);
    if (!decision) undecided.push(problem);
    else if (!problem.choices.includes(decision)) refused.push(`Line ${row.line}: "${decision}" is not a choice here (${problem.choices.join(' or ')})`);
    else if (decision === 'skip') skipped++;
    else rows.push(decision === 'import-without-code' ? { ...row, gssCode: '' } : row);
  }
  return { rows, skipped, undecided, refused };
}
