/**
 * Importing a council register CSV: streamed through papaparse (quoted commas, a byte-order mark,
 * CRLF or LF, blank lines and trailing columns are all fine), every line checked, and only when
 * every line is good, one transaction that replaces the area's register. Re-importing next year's
 * renumbered register matches electors by name and address so their returns stay theirs.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import type { Db } from '../db/open.ts';
import { afterCommit, eraseAuditOf, writeAudit } from '../db/repositories/audit.ts';
import { matchableElectors, writeRegister } from '../db/repositories/electors.ts';
import { putSetting } from '../db/repositories/settings.ts';
import { type ColumnMapping, REGISTER_FIELD_LABELS, mappingProblems } from '../shared/domain/register-columns.ts';
import { DuplicateNumberCheck, type RowProblem, isBlankRow, packRow, readRegisterRow, unpackRow } from '../shared/domain/register-rows.ts';
import { matchElectors } from '../shared/domain/register-matching.ts';
import type { ImportReport } from '../shared/contract/register.ts';
import { connectionFree, JobCancelled, type JobControl, JobFailure } from './jobs.ts';

/** Problems listed in full; beyond this only the count is given. */
export const MAX_LISTED_PROBLEMS = 500;

/** The line ending a file uses, from its first 64 KB (papaparse guesses wrongly on tiny chunks). */
export function detectNewline(sample: string): '\r\n' | '\n' | '\r' {
  const i = sample.search(/[\r\n]/);
  if (i < 0) return '\n';
  if (sample[i] === '\n') return '\n';
  return sample[i + 1] === '\n' ? '\r\n' : '\r';
}

function readStart(path: string, bytes = 256 * 1024): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    // Cut at the last complete line so a multi-byte character or a row is never split.
    const text = buf.subarray(0, n).toString('utf8');
    const cut = n === bytes ? Math.max(text.lastIndexOf('\n'), 0) : text.length;
    return text.slice(0, cut);
  } finally {
    closeSync(fd);
  }
}

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/** The headings and first rows of a register file, for the mapping step. */
export function previewRegisterFile(path: string, rows = 5): { headers: string[]; sample: string[][] } {
  const text = stripBom(readStart(path));
  const parsed = Papa.parse<string[]>(text, { newline: detectNewline(text), skipEmptyLines: 'greedy', preview: rows + 1 });
  const [headers = [], ...sample] = parsed.data;
  return { headers: headers.map((h) => h.trim()), sample };
}

export interface ParsedRegister {
  headers: string[];
  /** Checked rows, packed (`packRow`) to keep a large register small in memory. */
  rows: string[];
  pollingDistricts: string[];
  problems: RowProblem[];
  problemCount: number;
}

function countNewlines(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.length === 0 || (c.indexOf('\n') < 0 && c.indexOf('\r') < 0)) continue;
    n += (c.match(/\r\n|\r|\n/g) ?? []).length;
  }
  return n;
}

/**
 * Streams a register file, reading each line through the mapping. Line numbers are the file's
 * own (a quoted field spanning lines counts every line), so users find the row in a text editor.
 */
export function parseRegisterFile(path: string, mapping: ColumnMapping, job?: Pick<JobControl, 'signal' | 'progress'>): Promise<ParsedRegister> {
  const size = statSync(path).size;
  const newline = detectNewline(readStart(path, 64 * 1024));
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  const rows: string[] = [];
  const districts = new Set<string>();
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let headers: string[] | null = null;
  let line = 1;
  const duplicates = new DuplicateNumberCheck();
  const problem = (p: RowProblem) => {
    problemCount++;
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      fn();
    };
    const onAbort = () => finish(() => reject(new JobCancelled()));
    job?.signal.addEventListener('abort', onAbort, { once: true });
    stream.on('error', (e) => finish(() => reject(new JobFailure('invalid_input', `Cannot read the file: ${e.message}`))));
    Papa.parse<string[]>(stream as unknown as File, {
      newline,
      skipEmptyLines: false,
      chunk(results, parser) {
        if (job?.signal.aborted) {
          parser.abort();
          return;
        }
        for (const cells of results.data) {
          const here = line;
          line += 1 + countNewlines(cells);
          if (headers === null) {
            if (isBlankRow(cells)) continue;
            headers = cells.map((h, i) => (i === 0 ? stripBom(h) : h).trim());
            continue;
          }
          if (isBlankRow(cells)) continue;
          const r = readRegisterRow(cells, mapping, here);
          if (!r.ok) {
            problem(r.problem);
            continue;
          }
          const dup = duplicates.check(r.row);
          if (dup) problem(dup);
          else {
            rows.push(packRow(r.row));
            districts.add(r.row.pollingDistrict);
          }
        }
        job?.progress(stream.bytesRead, size, `Read ${rows.length.toLocaleString('en-GB')} electors`);
      },
      complete() {
        job?.signal.removeEventListener('abort', onAbort);
        if (job?.signal.aborted) finish(() => reject(new JobCancelled()));
        else finish(() => resolve({ headers: headers ?? [], rows, pollingDistricts: [...districts].sort(), problems, problemCount }));
      },
      error(e: Error) {
        finish(() => reject(new JobFailure('invalid_input', `The file is not readable CSV: ${e.message}`)));
      },
    });
  });
}

/** Waits until no other transaction is open on the connection (a request mid-way through its handler). */
export interface ImportRequest {
  areaId: number;
  path: string;
  fileName: string;
  mapping: ColumnMapping;
  actor: string;
  /** Saved with the import (so a failed import does not overwrite the user's last good mapping). */
  rememberAs?: { key: string; value: unknown };
}

/**
 * The import job's work. Reading may be cancelled at any point; writing happens last, in one
 * synchronous transaction with its audit row, so cancelled or failed means nothing changed.
 */
export async function importRegister(db: Db, req: ImportRequest, job: JobControl): Promise<ImportReport> {
  const problems = mappingProblems(req.mapping);
  if (problems.length > 0) {
    throw new JobFailure('invalid_input', problems.map((p) => p.message).join('; '), {
      fields: Object.fromEntries(problems.map((p) => [`mapping.${p.field}`, p.message])),
    });
  }
  const area = db.prepare('SELECT name FROM areas WHERE id = ?').get(req.areaId) as { name: string } | undefined;
  if (!area) throw new JobFailure('not_found', `There is no area with id ${req.areaId}`);

  job.progress(0, null, 'Reading the file');
  const parsed = await parseRegisterFile(req.path, req.mapping, job);
  const mapped = Object.values(req.mapping).filter((c) => c !== null) as number[];
  const widest = Math.max(...mapped);
  if (parsed.headers.length > 0 && widest >= parsed.headers.length) {
    throw new JobFailure('invalid_input', `The mapping reads column ${widest + 1} but the file has ${parsed.headers.length} columns; choose the columns again`);
  }
  if (parsed.problemCount > 0) {
    const n = parsed.problemCount;
    throw new JobFailure(
      'invalid_input',
      `${n.toLocaleString('en-GB')} ${n === 1 ? 'line' : 'lines'} of ${req.fileName} cannot be imported, so nothing was imported. Correct ${n === 1 ? 'it' : 'them'} and import again.`,
      { problems: parsed.problems, problemCount: n },
    );
  }
  if (parsed.rows.length === 0) {
    throw new JobFailure('invalid_input', `${req.fileName} has no electors below its headings (${REGISTER_FIELD_LABELS.electorNumber} column ${(req.mapping.electorNumber ?? 0) + 1})`);
  }

  job.progress(parsed.rows.length, parsed.rows.length, 'Matching with the register already held');
  const previous = await matchableElectors(db, req.areaId);
  const match = previous.length > 0 ? matchElectors(previous, parsed.rows.map(unpackRow)) : null;
  const existingIds: (number | null)[] = new Array(parsed.rows.length).fill(null);
  if (match) for (const [o, n] of match.matched) existingIds[n] = previous[o].id;
  const leftIds = match ? match.left.map((o) => previous[o].id) : [];

  job.throwIfCancelled();
  job.progress(parsed.rows.length, parsed.rows.length, 'Saving');
  await connectionFree(db);
  job.throwIfCancelled();
  const pollingDistricts = parsed.pollingDistricts;
  const report = db.transaction((): ImportReport => {
    const written = writeRegister(db, { areaId: req.areaId, rows: parsed.rows, existingIds, leftIds });
    if (req.rememberAs) void putSetting(db, req.rememberAs.key, req.rememberAs.value);
    // People no longer on the register: their canvass history goes with them, from the audit trail too.
    for (const id of leftIds) void eraseAuditOf(db, 'elector', id);
    const result: ImportReport = {
      fileName: req.fileName,
      electors: parsed.rows.length,
      households: written.households,
      pollingDistricts,
      matched: written.updated,
      added: written.inserted,
      left: written.removed,
      reimport: match !== null,
    };
    void writeAudit(db, {
      actor: req.actor,
      action: 'import',
      entity: 'register',
      entityId: req.areaId,
      summary: match
        ? `Re-imported the register of ${area.name} from ${req.fileName}: ${result.matched} matched, ${result.added} new, ${result.left} left`
        : `Imported the register of ${area.name} from ${req.fileName}: ${result.electors} electors in ${result.households} households`,
      after: { ...result, matchedBy: match?.byPass ?? null },
    });
    return result;
  }).immediate();
  if (leftIds.length > 0) afterCommit(db); // no copy of the erased electors left in the WAL
  return report;
}
