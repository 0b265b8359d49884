import { dirname, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { type MethodInput, type MethodName, type MethodOutput, contract } from '../../shared/contract/index.ts';
import { fieldErrors } from '../api/dispatcher.ts';
import { shownUrl } from '../../db/postgres/reach.ts';
import { type Hustings, openHustings, openTeamHustings } from '../app.ts';
import { announceRecoveryKey, keysFromTerminal } from './unlock.ts';

export const DEFAULT_DB = './data/hustings.sqlite';

export type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface Command {
  /** Words that name the command, e.g. ['elections', 'list']. */
  path: string[];
  usage: string;
  summary: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  run(values: Values, positionals: string[]): Promise<number>;
}

/** A failure the user caused: printed without a stack trace, exit code 1 (2 for usage). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

export function dbPathOf(values: Values): string {
  return resolve(typeof values.db === 'string' ? values.db : DEFAULT_DB);
}

export const URL_EXAMPLE = 'postgres://USER:PASSWORD@HOST:5432/DB';

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** The option's PostgreSQL URL, checked before anything connects. */
export function postgresUrl(value: unknown, option: string): string {
  if (typeof value !== 'string' || value === '') throw new CliError(`Give the PostgreSQL database with ${option} ${URL_EXAMPLE}.`, 2);
  if (!isPostgresUrl(value) || !URL.canParse(value) || new URL(value).pathname.length <= 1) {
    throw new CliError(`${option} ${shownUrl(value)} is not a PostgreSQL database URL: write it as ${URL_EXAMPLE}.`, 2);
  }
  return value;
}

/** The team database of --database (checked to be a PostgreSQL address), or undefined for the file of --db. */
export function databaseUrlOf(values: Values): string | undefined {
  const url = values.database;
  if (typeof url !== 'string') return undefined;
  if (typeof values.db === 'string') throw new CliError('Give either --db FILE (a database file) or --database URL (a team database), not both.', 2);
  return postgresUrl(url, '--database');
}

/** Where the files kept beside a team database go on this computer (--files, else Hustings' data folder). */
export function filesDirOf(values: Values): string {
  return resolve(typeof values.files === 'string' ? values.files : dirname(DEFAULT_DB));
}

/**
 * Opens the database of --db with what the terminal gives to unlock it; a database created here
 * has its recovery key printed once. Methods may name files anywhere: the user's own, at their
 * own terminal.
 */
export async function openFromTerminal(
  values: Values,
  opts: { startupBackup?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<Hustings> {
  const databaseUrl = databaseUrlOf(values);
  if (databaseUrl !== undefined) return openTeamHustings({ databaseUrl, filesDir: filesDirOf(values), anyFile: true, onProgress: opts.onProgress });
  const dbPath = dbPathOf(values);
  const app = await openHustings({ dbPath, keys: await keysFromTerminal(dbPath, values), anyFile: true, ...opts });
  if (app.encryption.pendingRecoveryKey !== null) announceRecoveryKey(dbPath, app.encryption.pendingRecoveryKey);
  return app;
}

export async function withApp<T>(values: Values, fn: (app: Hustings) => Promise<T>): Promise<T> {
  const app = await openFromTerminal(values);
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** The option (or argument) a method's input field comes from, and what to do when it is missing or wrong. */
type OptionName = string | { option: string; guide: string };

/**
 * Command-line options as a method's input, checked with the contract's schema before anything
 * opens: a bad option is refused with the contract's own message, named as the user typed it
 * (`names` maps input fields to options, e.g. contestId → --contest), then the option's guide.
 * A missing option gets its guide alone. Exit code 2: a usage mistake.
 */
export function inputOf<M extends MethodName>(method: M, raw: Record<string, unknown>, names: Record<string, OptionName> = {}): MethodInput<M> {
  const parsed = contract[method].input.safeParse(raw);
  if (parsed.success) return raw as MethodInput<M>;
  const lines = Object.entries(fieldErrors(parsed.error)).flatMap(([field, message]) => {
    const name = names[field.split('.')[0]];
    if (name === undefined) return [`${field || 'input'}: ${message}`];
    const { option, guide } = typeof name === 'string' ? { option: name, guide: undefined } : name;
    if (raw[field] === undefined) return [guide ?? `Missing ${option}: ${message}`];
    return guide === undefined ? [`${option}: ${message}`] : [`${option}: ${message}`, guide];
  });
  throw new CliError(lines.join('\n'), 2);
}

/** The contest a command works on, for `inputOf`. */
export const CONTEST_OPTION = { option: '--contest', guide: 'Give the contest with --contest ID (see `hustings call contests.list`)' };

/** A number option as typed: digits become the number, anything else is left for the schema to refuse. */
export function numberOption(value: unknown): unknown {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
}

function failWith(message: string, fields: Record<string, string> = {}): never {
  const lines = Object.entries(fields).map(([f, m]) => `  ${f || 'input'}: ${m}`);
  throw new CliError([message, ...lines].join('\n'));
}

/** Calls a method and returns its value (typed by the contract), or throws its error's message for the CLI to print. */
export async function call<M extends MethodName>(app: Hustings, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await app.dispatch(method, input);
  if (!r.ok) failWith(r.error.message, r.error.fields);
  return r.value as MethodOutput<M>;
}

export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Plain aligned columns for terminal output. */
export function printTable(rows: Record<string, unknown>[], columns: string[]) {
  const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${[line(columns), ...cells.map(line)].join('\n')}\n`);
}

/**
 * Progress of long work on stderr, so stdout stays exactly what scripts read: on a terminal one
 * line rewritten at each percent, otherwise a line at 0%, every tenth and 100%.
 */
export function progressOnStderr(label: string, stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    const step = stream.isTTY ? percent : percent - (percent % 10);
    if (step === shown) return;
    shown = step;
    stream.write(stream.isTTY ? `\r${label}: ${percent}%${percent === 100 ? '\n' : ''}` : `${label}: ${step}%\n`);
  };
}
