import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import {
  backupFileName,
  backupsToPrune,
  DEFAULT_KEEP,
  isStartupBackupDue,
  parseBackupFileName,
  sortNewestFirst,
  verifyBackup,
  type BackupEntry,
  type BackupReason,
  type BackupVerdict,
} from '../shared/domain/backups.ts';
import { makeFolder } from './folders.ts';
import { schemaProblem } from './identity.ts';
import { latestVersion, loadMigrations } from './migrations.ts';
import type { Db } from './open.ts';

export interface BackupInfo extends BackupEntry {
  path: string;
  size: number;
}

/** The folder beside the database where automatic backups go. */
export function backupsDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** The database's file name without its extension: the prefix of its backups' names. */
export function databaseName(dbPath: string): string {
  return basename(dbPath, extname(dbPath));
}

/** How many automatic backups to keep: HUSTINGS_BACKUP_KEEP, else the default. */
export function backupKeep(): number {
  const n = Number(process.env.HUSTINGS_BACKUP_KEEP);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_KEEP;
}

/** better-sqlite3's default: a step copies this many pages, then other work may run. */
const PAGES_PER_STEP = 100;

/** Pages copied so far of the total; called after each step of a backup. */
export type BackupProgress = (donePages: number, totalPages: number) => void;

/**
 * SQLite's online backup: a consistent copy even while the app is writing. The copy is switched
 * out of WAL mode so it is one self-contained file that opens read-only without side files.
 */
export async function backupTo(db: Db, file: string, onProgress?: BackupProgress): Promise<string> {
  makeFolder(dirname(file));
  let pages: number;
  try {
    // After each step of PAGES_PER_STEP pages the callback reports (and may throw to stop).
    const progress = (p: { totalPages: number; remainingPages: number }) => {
      onProgress?.(p.totalPages - p.remainingPages, p.totalPages);
      return PAGES_PER_STEP;
    };
    pages = (await db.backup(file, { progress })).totalPages;
  } catch (error) {
    rmSync(file, { force: true }); // no half-written backup left to be mistaken for a good one
    throw error;
  }
  onProgress?.(pages, pages);
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return file;
}

/** This database's backups in its backups folder, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupsDir(dbPath);
  if (!existsSync(dir)) return [];
  const name = databaseName(dbPath);
  const entries: BackupInfo[] = [];
  for (const file of readdirSync(dir)) {
    const entry = parseBackupFileName(name, file);
    if (entry === null) continue;
    const path = join(dir, file);
    try {
      entries.push({ ...entry, path, size: statSync(path).size });
    } catch {
      // removed while we looked
    }
  }
  return sortNewestFirst(entries) as BackupInfo[];
}

/**
 * Takes a backup into the backups folder, then deletes automatic backups beyond the newest
 * `keep` (backups taken by hand are kept). `schemaVersion` names the version copied.
 */
export async function takeBackup(
  db: Db,
  dbPath: string,
  reason: BackupReason,
  opts: { now?: Date; keep?: number; schemaVersion?: number; onProgress?: BackupProgress } = {},
): Promise<BackupInfo> {
  const dir = backupsDir(dbPath);
  makeFolder(dir);
  const version = opts.schemaVersion ?? (db.pragma('user_version', { simple: true }) as number);
  let when = opts.now ?? new Date();
  let file = join(dir, backupFileName(databaseName(dbPath), when, reason, version));
  while (existsSync(file)) {
    when = new Date(when.getTime() + 1);
    file = join(dir, backupFileName(databaseName(dbPath), when, reason, version));
  }
  await backupTo(db, file, opts.onProgress);
  for (const old of backupsToPrune(listBackups(dbPath), opts.keep ?? backupKeep())) {
    try {
      unlinkSync(join(dir, old.file));
    } catch {
      // already gone
    }
  }
  const entry = parseBackupFileName(databaseName(dbPath), basename(file)) as BackupEntry;
  return { ...entry, path: file, size: statSync(file).size };
}

export async function backupBeforeMigrating(db: Db, dbPath: string, fromVersion: number): Promise<BackupInfo> {
  return takeBackup(db, dbPath, 'migration', { schemaVersion: fromVersion });
}

/** The start-up backup: taken when the newest backup is over a day old (or there is none). */
export async function backupAtStartupIfDue(db: Db, dbPath: string, now = new Date()): Promise<BackupInfo | null> {
  if (!isStartupBackupDue(listBackups(dbPath), now)) return null;
  return takeBackup(db, dbPath, 'daily', { now });
}

export interface BackupInspection {
  verdict: BackupVerdict;
  schemaVersion: number | null;
}

/** Whether a file may be restored: SQLite's full integrity check, a Hustings database, a schema version we know. */
export function inspectBackup(file: string): BackupInspection {
  const appSchemaVersion = latestVersion(loadMigrations());
  if (!existsSync(file)) return { verdict: { ok: false, problems: [`There is no file at ${file}.`] }, schemaVersion: null };
  let copy: Database.Database | undefined;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    const foreign = schemaProblem(copy);
    if (foreign !== null) return { verdict: { ok: false, problems: [`${file} is not a Hustings database: ${foreign}.`] }, schemaVersion };
    return { verdict: verifyBackup({ integrity, schemaVersion, appSchemaVersion }), schemaVersion };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { verdict: { ok: false, problems: [`The file is not a readable SQLite database (${reason}).`] }, schemaVersion: null };
  } finally {
    copy?.close();
  }
}

/**
 * Copies a verified backup over the live database through SQLite's backup API, so connections
 * already open (the app's own) see the restored data at once. The caller brings the schema up to
 * date afterwards and checks the result.
 */
export async function copyIntoDatabase(file: string, dbPath: string): Promise<void> {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(dbPath);
  } finally {
    source.close();
  }
}
