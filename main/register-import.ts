/**
 * Importing a council register CSV: its encoding found from its bytes (UTF-8, UTF-16 or
 * Windows-1252), streamed through `CsvReader` (quoted commas, a byte-order mark, CRLF or LF,
 * blank lines and trailing columns are all fine), every line checked, and only when every line
 * is good, one transaction that replaces the area's register, or applies notices of alteration
 * to it. Re-importing next year's renumbered register matches electors by name and address so
 * their returns stay theirs; no elector is removed until the user has been told how many, with
 * how many returns, and agreed.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import type { Queries, Store } from '../db/store.ts';
import { eraseAuditOf, writeAudit } from '../db/repositories/audit.ts';
import { electorsByNumber, matchableElectors, returnCount, writeAlterations, writeRegister } from '../db/repositories/electors.ts';
import { putSetting } from '../db/repositories/settings.ts';
import { CsvReader } from '../shared/domain/csv.ts';
import { type ColumnMapping, REGISTER_FIELD_LABELS, mappingProblems } from '../shared/domain/register-columns.ts';
import { RegisterBuffer, TextField } from '../shared/domain/register-buffer.ts';
import { type AlterationLine, type AlterationPlan, planAlterations } from '../shared/domain/register-alterations.ts';
import { DuplicateNumberCheck, type RegisterRow, type RowProblem, isBlankRow, readRegisterRow } from '../shared/domain/register-rows.ts';
import { matchElectors } from '../shared/domain/register-matching.ts';
import { type Detected, type TextEncoding, detectEncoding, notAllText } from '../shared/domain/text-encoding.ts';
import type { ImportReport } from '../shared/contract/register.ts';
import { JobCancelled, type JobControl, JobFailure } from './jobs.ts';
import { plural } from '../shared/domain/words.ts';

/** Problems listed in full; beyond this only the count is given. */
const MAX_LISTED_PROBLEMS = 500;

/** What is read of a file for its preview; a first line longer than this is not a register's. */
const PREVIEW_BYTES = 256 * 1024;

/** The first bytes of a file (at most `bytes`), and whether that is all of it. */
function readStart(path: string, bytes: number): { head: Buffer; whole: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return { head: buf.subarray(0, n), whole: n < bytes };
  } finally {
    closeSync(fd);
  }
}

/** The encoding of a file, or why it cannot be read as text (a message for the user). */
function fileEncoding(path: string, fileName: string): Detected {
  const { head, whole } = readStart(path, 64 * 1024);
  return detectEncoding(head, whole, fileName);
}

export type RegisterPreview = { ok: true; headers: string[]; sample: string[][]; encoding: TextEncoding } | { ok: false; message: string };

/**
 * The headings and first rows of a register file, for the mapping step (blank lines skipped),
 * or what is wrong with the file.
 */
export function previewRegisterFile(path: string, fileName: string, rows = 5): RegisterPreview {
  const { head, whole } = readStart(path, PREVIEW_BYTES);
  const detected = detectEncoding(head, whole, fileName);
  if (!detected.ok) return detected;
  let text: string;
  try {
    text = new TextDecoder(detected.encoding, { fatal: true }).decode(head, { stream: !whole });
  } catch {
    return { ok: false, message: notAllText(fileName, detected.encoding, 1) };
  }
  if (!whole) {
    // Only complete lines: the last may be cut short.
    const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (end < 0) {
      return {
        ok: false,
        message: `The first line of ${fileName} runs on for more than ${PREVIEW_BYTES / 1024} KB without a line break: a register has one elector a line. Check it is the register CSV.`,
      };
    }
    text = text.slice(0, end);
  }
  const found: string[][] = [];
  const reader = new CsvReader((cells) => {
    if (found.length <= rows && !isBlankRow(cells)) found.push([...cells]);
  });
  reader.push(text);
  if (whole) reader.end();
  const [headers = [], ...sample] = found;
  if (headers.length === 0) return { ok: false, message: `${fileName} is empty` };
  return { ok: true, headers: headers.map((h) => h.trim()), sample, encoding: detected.encoding };
}

interface ParsedRegister {
  headers: string[];
  /** The checked rows with their households. */
  register: RegisterBuffer;
  pollingDistricts: string[];
  problems: RowProblem[];
  problemCount: number;
}

/**
 * Streams a register file, reading each line through the mapping. Line numbers are the file's
 * own (a quoted field spanning lines counts every line), so users find the row in a text editor.
 */
async function parseRegisterFile(
  path: string,
  fileName: string,
  mapping: ColumnMapping,
  job?: Pick<JobControl, 'signal' | 'progress'>,
): Promise<ParsedRegister> {
  const size = statSync(path).size;
  const detected = fileEncoding(path, fileName);
  if (!detected.ok) throw new JobFailure('invalid_input', detected.message);
  const decoder = new TextDecoder(detected.encoding, { fatal: true });
  /** Line breaks decoded so far: where a character that cannot be read is, for the message. */
  let lineBreaks = 0;
  const register = new RegisterBuffer();
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let headers: string[] | null = null;
  const duplicates = new DuplicateNumberCheck();
  const problem = (p: RowProblem) => {
    problemCount++;
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
  };
  let read = 0;
  const reader: CsvReader = new CsvReader((cells, line) => {
    if (reader.unclosedQuoteLine === line) {
      problem({ line, reason: 'a quoted cell starting on this line is never closed (a " is missing), so the rest of the file ran into it' });
      return;
    }
    if (isBlankRow(cells)) return;
    if (headers === null) {
      headers = cells.map((h) => h.trim());
      return;
    }
    read++;
    const r = readRegisterRow(cells, mapping, line);
    if (!r.ok) problem(r.problem);
    else {
      const dup = duplicates.check(r.row);
      if (dup) problem(dup);
      else if (problemCount === 0) register.add(r.row); // once a line is bad nothing is imported: only checking goes on
    }
  });

  const countBreaks = (text: string) => {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    return n;
  };
  const decode = (bytes?: Buffer) => {
    let text: string;
    try {
      text = bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      const readable = bytes ? new TextDecoder(detected.encoding).decode(bytes) : '';
      const at = countBreaks(readable.slice(0, Math.max(readable.indexOf('\uFFFD'), 0)));
      throw new JobFailure('invalid_input', notAllText(fileName, detected.encoding, lineBreaks + at + 1));
    }
    lineBreaks += countBreaks(text);
    return text;
  };
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (e) {
        throw new JobFailure('invalid_input', `Cannot read the file: ${(e as Error).message}`);
      }
      if (job?.signal.aborted) throw new JobCancelled();
      if (next.done) break;
      reader.push(decode(next.value));
      job?.progress(stream.bytesRead, size, `Read ${read.toLocaleString('en-GB')} electors`);
    }
  } finally {
    stream.destroy();
  }
  reader.push(decode());
  reader.end();
  return { headers: headers ?? [], register, pollingDistricts: register.pollingDistricts(), problems, problemCount };
}

/** `replace`: the file is the whole register; `alterations`: it holds notices of alteration. */
type ImportMode = 'replace' | 'alterations';

export interface ImportRequest {
  areaId: number;
  path: string;
  fileName: string;
  mapping: ColumnMapping;
  actor: string;
  mode: ImportMode;
  /** The user has been told how many electors (and returns) the import removes, and agreed. */
  confirmRemovals: boolean;
  /** Saved with the import (so a failed import does not overwrite the user's last good mapping). */
  rememberAs?: { key: string; value: unknown };
}

/** Details of the refusal that asks before electors are removed. */
interface RemovalsToConfirm {
  removals: { electors: number; returns: number };
}

/** Nothing is removed until the user has seen how many electors, and how many returns, go. */
async function askBeforeRemoving(db: Queries, req: ImportRequest, areaName: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0 || req.confirmRemovals) return;
  const returns = await returnCount(db, ids);
  const who = `${plural(ids.length, 'elector')} of ${areaName}`;
  const history = returns === 0 ? 'none of them has canvass returns' : `${plural(returns, 'canvass return')} go with them`;
  const message =
    req.mode === 'replace'
      ? `Importing ${req.fileName} would remove ${who} who are not in it, and ${history}. Nothing has been changed. If it is the whole new register, confirm the removal; if it holds only some electors or the council's monthly changes, import it as notices of alteration, which removes only the electors it marks as deleted.`
      : `${req.fileName} deletes ${who}, and ${history}. Nothing has been changed. Confirm to delete them.`;
  const details: RemovalsToConfirm = { removals: { electors: ids.length, returns } };
  throw new JobFailure('needs_confirmation', message, details);
}

/**
 * The import job's work. Reading may be cancelled at any point; writing happens last, in one
 * transaction with its audit row, so cancelled or failed means nothing changed.
 */
export async function importRegister(db: Store, req: ImportRequest, job: JobControl): Promise<ImportReport> {
  const problems = mappingProblems(req.mapping);
  if (req.mode === 'replace' && req.mapping.alteration !== null) {
    problems.push({
      field: 'alteration',
      message: `A whole register has no ${REGISTER_FIELD_LABELS.alteration} column: import the file as notices of alteration, or leave that column out`,
    });
  }
  if (problems.length > 0) {
    throw new JobFailure('invalid_input', problems.map((p) => p.message).join('; '), {
      fields: Object.fromEntries(problems.map((p) => [`mapping.${p.field}`, p.message])),
    });
  }
  const area = await db.get<{ name: string }>('SELECT name FROM areas WHERE id = ?', [req.areaId]);
  if (!area) throw new JobFailure('not_found', `There is no area with id ${req.areaId}`);

  job.progress(0, null, 'Reading the file');
  const parsed = await parseRegisterFile(req.path, req.fileName, req.mapping, job);
  const mapped = Object.values(req.mapping).filter((c) => c !== null) as number[];
  const widest = Math.max(...mapped);
  if (parsed.headers.length > 0 && widest >= parsed.headers.length) {
    throw new JobFailure('invalid_input', `The mapping reads column ${widest + 1} but the file has ${parsed.headers.length} columns; choose the columns again`);
  }
  const register = parsed.register;
  const n = register.length;
  let rowProblems = parsed.problems;
  let problemCount = parsed.problemCount;
  const plan = req.mode === 'alterations' && problemCount === 0 ? planAlterations(alterationLines(register), await electorsByNumber(db, req.areaId)) : null;
  if (plan && plan.problems.length > 0) {
    rowProblems = plan.problems.slice(0, MAX_LISTED_PROBLEMS);
    problemCount = plan.problems.length;
  }
  if (problemCount > 0) {
    throw new JobFailure(
      'invalid_input',
      `${plural(problemCount, 'line')} of ${req.fileName} cannot be imported, so nothing was imported. Correct ${problemCount === 1 ? 'it' : 'them'} and import again.`,
      { problems: rowProblems, problemCount },
    );
  }
  if (n === 0) {
    throw new JobFailure(
      'invalid_input',
      `${req.fileName} has no electors below its headings (${REGISTER_FIELD_LABELS.electorNumber} column ${(req.mapping.electorNumber ?? 0) + 1})`,
    );
  }
  return plan ? applyAlterations(db, req, area.name, parsed, plan, job) : replaceRegister(db, req, area.name, parsed, job);
}

function* alterationLines(register: RegisterBuffer): Generator<AlterationLine> {
  for (let i = 0; i < register.length; i++) {
    yield {
      line: register.row(i).line,
      electorNumber: register.electorNumber(i),
      alteration: register.alteration(i),
      fullName: register.field(i, TextField.fullName),
      surname: register.field(i, TextField.surname),
      forenames: register.field(i, TextField.forenames),
    };
  }
}

/** Writes in one transaction with its audit row (the store runs it once no other is open). */
async function commit(
  store: Store,
  req: ImportRequest,
  job: JobControl,
  removed: readonly number[],
  write: (tx: Queries) => Promise<ImportReport>,
): Promise<ImportReport> {
  job.throwIfCancelled();
  // The write holds the thread until it commits: let the stage's event reach the user first.
  await new Promise((resolve) => setImmediate(resolve));
  const report = await store.transaction(async (tx) => {
    job.throwIfCancelled();
    const result = await write(tx);
    if (req.rememberAs) await putSetting(tx, req.rememberAs.key, req.rememberAs.value);
    // People no longer on the register: their canvass history goes with them, from the audit trail too.
    for (const id of removed) await eraseAuditOf(tx, 'elector', id);
    return result;
  });
  if (removed.length > 0) await store.flushLog(); // no copy of the erased electors left in the engine's log
  return report;
}

/**
 * For each row, the id of the held elector it continues (null for a new elector); the held electors
 * no row continues; and what each pass matched, or null when the area had no register. A function
 * of its own so that what matching held is garbage before the write begins.
 */
async function matchWithHeld(db: Queries, areaId: number, register: RegisterBuffer) {
  const n = register.length;
  const existingIds: (number | null)[] = new Array(n).fill(null);
  const previous = await matchableElectors(db, areaId);
  if (previous.length === 0) return { existingIds, leftIds: [], byPass: null };
  const incoming = {
    length: n,
    forEach: (visit: (p: RegisterRow, i: number) => void) => {
      for (let i = 0; i < n; i++) visit(register.row(i), i);
    },
  };
  const match = matchElectors(previous, incoming);
  for (const [o, i] of match.matched) existingIds[i] = previous.ids[o];
  return { existingIds, leftIds: match.left.map((o) => previous.ids[o]), byPass: match.byPass };
}

async function replaceRegister(db: Store, req: ImportRequest, areaName: string, parsed: ParsedRegister, job: JobControl): Promise<ImportReport> {
  const register = parsed.register;
  const n = register.length;
  job.stage('Matching with the register already held');
  const { existingIds, leftIds, byPass } = await matchWithHeld(db, req.areaId, register);
  await askBeforeRemoving(db, req, areaName, leftIds);

  job.stage(`Saving ${plural(n, 'elector')} in one step (nothing changes until it is done)`);
  const pollingDistricts = parsed.pollingDistricts;
  return commit(db, req, job, leftIds, async (tx) => {
    const written = await writeRegister(tx, { areaId: req.areaId, register, existingIds, leftIds });
    const result: ImportReport = {
      fileName: req.fileName,
      electors: n,
      households: written.households,
      pollingDistricts,
      matched: written.updated,
      added: written.inserted,
      left: written.removed,
      reimport: byPass !== null,
      mode: 'replace',
    };
    await writeAudit(tx, {
      actor: req.actor,
      action: 'import',
      entity: 'register',
      entityId: req.areaId,
      summary: byPass
        ? `Re-imported the register of ${areaName} from ${req.fileName}: ${result.matched} matched, ${result.added} new, ${result.left} left`
        : `Imported the register of ${areaName} from ${req.fileName}: ${result.electors} electors in ${result.households} households`,
      after: { ...result, matchedBy: byPass },
    });
    return result;
  });
}

async function applyAlterations(
  db: Store,
  req: ImportRequest,
  areaName: string,
  parsed: ParsedRegister,
  plan: AlterationPlan,
  job: JobControl,
): Promise<ImportReport> {
  await askBeforeRemoving(db, req, areaName, plan.deleteIds);
  job.stage(`Saving ${plural(parsed.register.length, 'notice')} of alteration`);
  return commit(db, req, job, plan.deleteIds, async (tx) => {
    const written = await writeAlterations(tx, { areaId: req.areaId, register: parsed.register, actions: plan.actions, deleteIds: plan.deleteIds });
    const result: ImportReport = {
      fileName: req.fileName,
      electors: parsed.register.length,
      households: written.households,
      pollingDistricts: parsed.pollingDistricts,
      matched: plan.changed,
      added: plan.added,
      left: plan.deleteIds.length,
      reimport: true,
      mode: 'alterations',
    };
    await writeAudit(tx, {
      actor: req.actor,
      action: 'import',
      entity: 'register',
      entityId: req.areaId,
      summary: `Applied notices of alteration to the register of ${areaName} from ${req.fileName}: ${result.added} added, ${result.matched} changed, ${result.left} deleted`,
      after: result,
    });
    return result;
  });
}
