/**
 * Reading an absent voters list or a marked register (CSV, a few thousand to a hundred thousand
 * short lines): every line checked before anything is written, numbers matched against the
 * area's register. Lines that cannot be read refuse the whole file; numbers not on the register
 * are listed by line (people who have left) and the rest are recorded.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../shared/contract/result.ts';
import { readCsv } from '../shared/domain/csv.ts';
import { detectEncoding, notAllText } from '../shared/domain/text-encoding.ts';
import {
  type AbsentVote,
  type VoteMethod,
  type VotingListMapping,
  readAbsentVote,
  readVoteMark,
  rowElectorNumber,
  votingMappingProblems,
} from '../shared/domain/voting-columns.ts';

/** Problems listed in full; beyond this only the count is given. */
const MAX_LISTED = 500;

/** The rows of an uploaded CSV, in whichever encoding its bytes say, or a refusal naming the file. */
export function readUploadedCsv(path: string, fileName: string): { headers: string[]; rows: { line: number; cells: string[] }[]; encoding: string } {
  const bytes = readFileSync(path);
  const detected = detectEncoding(bytes, true, fileName);
  if (!detected.ok) throw new AppError('invalid_input', detected.message, { fileId: detected.message });
  let text: string;
  try {
    text = new TextDecoder(detected.encoding, { fatal: true }).decode(bytes);
  } catch {
    const message = notAllText(fileName, detected.encoding, 1);
    throw new AppError('invalid_input', message, { fileId: message });
  }
  const { headers, rows } = readCsv(text);
  if (headers.length === 0) throw new AppError('invalid_input', `${fileName} is empty`, { fileId: `${fileName} is empty` });
  return { headers, rows, encoding: detected.encoding };
}

function refuseMapping(mapping: VotingListMapping, columns: number, list: 'absent' | 'marked') {
  const problems = votingMappingProblems(mapping, columns, list);
  if (problems.length > 0) {
    throw new AppError('invalid_input', problems.map((p) => p.message).join('; '), Object.fromEntries(problems.map((p) => [`mapping.${p.field}`, p.message])));
  }
}

function refuseLines(fileName: string, problems: { line: number; reason: string }[]) {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).map((p) => `line ${p.line}: ${p.reason}`);
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
  const lines = problems.length === 1 ? '1 line' : `${problems.length} lines`;
  throw new AppError(
    'invalid_input',
    `${lines} of ${fileName} cannot be read, so nothing was imported (${shown.join('; ')}${more}). Correct ${problems.length === 1 ? 'it' : 'them'} and import again.`,
    Object.fromEntries(problems.slice(0, MAX_LISTED).map((p) => [`line.${p.line}`, p.reason])),
  );
}

export interface ReadRow<T> {
  line: number;
  electorNumber: string;
  value: T;
}

interface ReadList<T> {
  rows: ReadRow<T>[];
}

function readList<T>(
  file: { headers: string[]; rows: { line: number; cells: string[] }[] },
  fileName: string,
  mapping: VotingListMapping,
  list: 'absent' | 'marked',
  district: string | undefined,
  readMark: (cells: string[]) => { ok: true; value: T } | { ok: false; reason: string },
): ReadList<T> {
  refuseMapping(mapping, file.headers.length, list);
  const problems: { line: number; reason: string }[] = [];
  const rows: ReadRow<T>[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of file.rows) {
    const n = rowElectorNumber(cells, mapping, district);
    if (!n.ok) {
      problems.push({ line, reason: n.reason });
      continue;
    }
    if (district && !n.value.startsWith(`${district}-`)) {
      problems.push({ line, reason: `${n.value} is not in polling district ${district}` });
      continue;
    }
    const first = seen.get(n.value);
    if (first !== undefined) {
      problems.push({ line, reason: `elector number ${n.value} is already on line ${first}` });
      continue;
    }
    seen.set(n.value, line);
    const mark = readMark(cells);
    if (!mark.ok) problems.push({ line, reason: mark.reason });
    else rows.push({ line, electorNumber: n.value, value: mark.value });
  }
  refuseLines(fileName, problems);
  if (rows.length === 0) throw new AppError('invalid_input', `${fileName} has no elector numbers below its headings`, { fileId: 'No rows' });
  return { rows };
}

const cellAt = (cells: string[], col: number | null) => (col === null ? '' : (cells[col] ?? '').trim());

/** An absent voters list's rows: each an elector number and their absent vote. */
export function readAbsentList(
  file: { headers: string[]; rows: { line: number; cells: string[] }[] },
  fileName: string,
  mapping: VotingListMapping,
  fixed: AbsentVote | undefined,
  district: string | undefined,
): ReadRow<AbsentVote>[] {
  if (mapping.mark === null && !fixed) {
    throw new AppError('invalid_input', 'Choose the column holding the type of absent vote, or say that every row is a postal (or proxy) voter', {
      'mapping.mark': 'Choose the type column or one type for every row',
    });
  }
  return readList(file, fileName, mapping, 'absent', district, (cells) => {
    if (mapping.mark === null) return { ok: true, value: fixed! };
    const text = cellAt(cells, mapping.mark);
    const kind = readAbsentVote(text);
    if (kind) return { ok: true, value: kind };
    if (text === '' && fixed) return { ok: true, value: fixed };
    return { ok: false, reason: `"${text}" is not an absent vote type (postal, proxy or postal proxy)` };
  }).rows;
}

/** A marked register's rows: each an elector number and how they voted (or that they did not). */
export function readMarkedRegister(
  file: { headers: string[]; rows: { line: number; cells: string[] }[] },
  fileName: string,
  mapping: VotingListMapping,
  district: string | undefined,
): ReadRow<VoteMethod | 'not_voted'>[] {
  return readList(file, fileName, mapping, 'marked', district, (cells) => {
    const text = cellAt(cells, mapping.mark);
    const mark = readVoteMark(text);
    return mark
      ? { ok: true, value: mark }
      : { ok: false, reason: `"${text}" is not a mark we know (in person: blank or X; postal: P or A; proxy: PX; did not vote: N)` };
  }).rows;
}
