import DatabaseConstructor from 'better-sqlite3-multiple-ciphers';
import type Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import {
  backupFileName,
  backupsToPrune,
  DEFAULT_KEEP,
  DEFAULT_RETENTION_DAYS,
  isStartupBackupDue,
  parseBackupFileName,
  sortNewestFirst,
  verifyBackup,
  type BackupEntry,
  type BackupReason,
  type BackupVerdict,
} from '../../shared/domain/backups.ts';
import { applyKey, keyOf } from './encryption/cipher.ts';
import {
  BackupLockedError,
  type BackupKey,
  givenKeys,
  isEncryptedFile,
  keyOpens,
  openBackupFile,
  rekeyWithPassphrase,
  WrongBackupKeyError,
} from './encryption/backup-keys.ts';
import { makeFolder } from '../folders.ts';
import { differentBuild, schemaProblem, schemaVersion as schemaVersionOf, versionMismatch } from './identity.ts';
import { latestVersion, loadMigrations } from '../migrations.ts';
import type { Db } from './open.ts';

export interface BackupInfo extends BackupEntry {
  path: string;
  size: number;
  /** Encrypted with the database's key or (a copy) a backup passphrase; read from the file's first bytes. */
  encrypted: boolean;
}

function infoOf(entry: BackupEntry, path: string): BackupInfo {
  return { ...entry, path, size: statSync(path).size, encrypted: isEncryptedFile(path) };
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

/** Before the copy (0 of the pages) and after it (all): `VACUUM INTO` is one step, so no more is known. */
type BackupProgress = (donePages: number, totalPages: number) => void;

export interface BackupOptions {
  /** Re-key the copy with this backup passphrase: a copy for taking off the machine. */
  passphrase?: string;
  /** May throw (a cancelled job) to stop before the copy is kept. */
  onProgress?: BackupProgress;
}

/** Where a backup is written before it checks out: hidden, beside its final name. */
function partialName(file: string): string {
  return join(dirname(file), `.${basename(file)}.partial`);
}

/**
 * A consistent copy of the database even while the app is writing, through `VACUUM INTO`: SQLite's
 * backup API refuses an encrypted source, and `VACUUM INTO` writes the copy with the source's
 * cipher and key, so an encrypted database's backups are encrypted and a plain one's are plain.
 * The copy is one self-contained file (no WAL), owner-only (0600), written under a temporary
 * name and renamed only once it checks out (integrity, Hustings identity, schema version).
 */
async function backupTo(db: Db, file: string, opts: BackupOptions = {}): Promise<string> {
  const key = keyOf(db); // the copy carries the source's key, so it is checked with it
  makeFolder(dirname(file), 0o700);
  const pages = db.pragma('page_count', { simple: true }) as number;
  opts.onProgress?.(0, pages);
  const partial = partialName(file);
  try {
    // Created empty and owner-only first, so the copy is never readable by others, even briefly.
    closeSync(openSync(partial, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(partial);
    if (opts.passphrase !== undefined) {
      const copy = openBackupFile(partial, key, { readonly: false });
      try {
        rekeyWithPassphrase(copy, opts.passphrase);
      } finally {
        copy.close();
      }
    }
    const { verdict } = inspectBackup(partial, { key: opts.passphrase ?? key });
    if (!verdict.ok) throw new Error(`the copy did not check out: ${verdict.problems.join(' ')}`);
    opts.onProgress?.(pages, pages);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true }); // no half-written backup left to be mistaken for a good one
    throw error;
  }
  return file;
}

/** Copies left by a backup that crashed half way (an hour is far longer than any backup takes). */
function removeStalePartials(dir: string, now: Date): void {
  for (const file of readdirSync(dir)) {
    if (!file.startsWith('.') || !file.endsWith('.partial')) continue;
    try {
      if (now.getTime() - statSync(join(dir, file)).mtimeMs > 60 * 60 * 1000) unlinkSync(join(dir, file));
    } catch {
      // already gone
    }
  }
}

/** The setting under which the user's retention, in days, is kept. */
export const RETENTION_SETTING = 'backups.retentionDays';

/** How many days automatic backups are kept: the user's setting, else 30 days. */
export function retentionDays(db: Db): number {
  try {
    const row = db.prepare('SELECT value_json AS v FROM settings WHERE key = ?').get(RETENTION_SETTING) as { v: string } | undefined;
    const days = row ? Number(JSON.parse(row.v)) : Number.NaN;
    return Number.isInteger(days) && days >= 1 ? days : DEFAULT_RETENTION_DAYS;
  } catch {
    return DEFAULT_RETENTION_DAYS; // a database too old to have settings
  }
}

/**
 * Deletes automatic backups beyond the newest `keep` and those older than the retention, and the
 * leftovers of crashed backups; returns what it deleted. Backups taken by hand are kept.
 */
export function pruneBackups(dbPath: string, opts: { keep?: number; retentionDays: number; now?: Date }): BackupInfo[] {
  const dir = backupsDir(dbPath);
  if (!existsSync(dir)) return [];
  const now = opts.now ?? new Date();
  removeStalePartials(dir, now);
  const deleted: BackupInfo[] = [];
  for (const old of backupsToPrune(listBackups(dbPath), opts.keep ?? backupKeep(), { days: opts.retentionDays, now })) {
    try {
      unlinkSync((old as BackupInfo).path);
      deleted.push(old as BackupInfo);
    } catch {
      // already gone
    }
  }
  return deleted;
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
      entries.push(infoOf(entry, path));
    } catch {
      // removed while we looked
    }
  }
  return sortNewestFirst(entries) as BackupInfo[];
}

/**
 * Takes a backup into the backups folder, then prunes the automatic ones (see `pruneBackups`).
 * `schemaVersion` names the version copied.
 */
export async function takeBackup(
  db: Db,
  dbPath: string,
  reason: BackupReason,
  opts: BackupOptions & { now?: Date; keep?: number; retentionDays?: number; schemaVersion?: number } = {},
): Promise<BackupInfo> {
  const dir = backupsDir(dbPath);
  makeFolder(dir, 0o700);
  const version = opts.schemaVersion ?? (db.pragma('user_version', { simple: true }) as number);
  let when = opts.now ?? new Date();
  let file = join(dir, backupFileName(databaseName(dbPath), when, reason, version));
  while (existsSync(file)) {
    when = new Date(when.getTime() + 1);
    file = join(dir, backupFileName(databaseName(dbPath), when, reason, version));
  }
  await backupTo(db, file, opts);
  pruneBackups(dbPath, { keep: opts.keep, retentionDays: opts.retentionDays ?? retentionDays(db), now: opts.now });
  return infoOf(parseBackupFileName(databaseName(dbPath), basename(file)) as BackupEntry, file);
}

/**
 * A backup taken through a read connection of its own: a job's, while the app's connection may be
 * inside a transaction. `VACUUM INTO` reads one consistent snapshot, so the copy holds only
 * committed work.
 */
export async function takeBackupApart(dbPath: string, key: Buffer | null, reason: BackupReason, opts: BackupOptions = {}): Promise<BackupInfo> {
  const source = new DatabaseConstructor(dbPath, { readonly: true, fileMustExist: true });
  try {
    if (key !== null) applyKey(source, key);
    return await takeBackup(source, dbPath, reason, opts);
  } finally {
    source.close();
  }
}

/**
 * A backup written to a file the user named (`hustings backup FILE`), outside the backups folder
 * and so never pruned; it is known by its whole path.
 */
export async function takeBackupTo(db: Db, file: string, reason: BackupReason, opts: BackupOptions = {}): Promise<BackupInfo> {
  const takenAt = new Date().toISOString();
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  await backupTo(db, file, opts);
  return infoOf({ file, takenAt, reason, schemaVersion }, file);
}

export async function backupBeforeMigrating(db: Db, dbPath: string, fromVersion: number): Promise<BackupInfo> {
  return takeBackup(db, dbPath, 'migration', { schemaVersion: fromVersion });
}

/**
 * The start-up backup: taken when the newest backup is over a day old (or there is none). Either
 * way automatic backups older than the retention are deleted now, not only when one is taken.
 */
export async function backupAtStartupIfDue(db: Db, dbPath: string, now = new Date()): Promise<BackupInfo | null> {
  if (!isStartupBackupDue(listBackups(dbPath), now)) {
    pruneBackups(dbPath, { retentionDays: retentionDays(db), now });
    return null;
  }
  return takeBackup(db, dbPath, 'daily', { now });
}

export interface BackupInspection {
  verdict: BackupVerdict;
  schemaVersion: number | null;
  /** Whether the file is encrypted (with the database's key or a backup passphrase). */
  encrypted: boolean;
  /** The database's key does not open it and nothing that does was given: ask for its passphrase or recovery key. */
  locked: boolean;
  /** What opened it, for the restore that follows; never shown. */
  opensWith?: BackupKey;
}

/** What may open a backup: the database's own key, and whatever the user typed for this backup. */
export interface BackupKeys {
  /** The database's data key (null for a plain database). */
  key: BackupKey;
  /** A backup passphrase or a recovery key the user gave for a backup with another key. */
  given?: string;
}

/** The first of the keys that opens the file; throws BackupLockedError or WrongBackupKeyError. */
function keyFor(file: string, keys: BackupKeys): BackupKey {
  if (!isEncryptedFile(file)) return null;
  if (keys.key !== null && keyOpens(file, keys.key)) return keys.key;
  if (!keys.given) throw new BackupLockedError(file);
  const given = givenKeys(keys.given);
  for (const candidate of given.keys) if (keyOpens(file, candidate)) return candidate;
  throw new WrongBackupKeyError(file, given.typo);
}

/**
 * Whether a file may be restored: opened with the keys given, SQLite's full integrity check, a
 * Hustings database, a schema version we know, and (when it records its migrations) migrations
 * this build has, with the same text. Read-only: a refused file is left as it was.
 */
export function inspectBackup(file: string, keys: BackupKeys): BackupInspection {
  const appSchemaVersion = latestVersion(loadMigrations());
  const refused = (problem: string, more: Partial<BackupInspection> = {}): BackupInspection => ({
    verdict: { ok: false, problems: [problem] },
    schemaVersion: null,
    encrypted: false,
    locked: false,
    ...more,
  });
  if (!existsSync(file)) return refused(`There is no file at ${file}.`);
  if (!statSync(file).isFile()) return refused(`${file} is a folder, not a backup.`);
  const encrypted = isEncryptedFile(file);
  let copy: Database.Database | undefined;
  try {
    const opensWith = keyFor(file, keys);
    copy = openBackupFile(file, opensWith);
    const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreign = schemaProblem(copy);
    if (foreign !== null) {
      return refused(`${file} is not a Hustings database: ${foreign}. Choose a backup Hustings made.`, {
        schemaVersion: copy.pragma('user_version', { simple: true }) as number,
        encrypted,
      });
    }
    const schemaVersion = schemaVersionOf(copy);
    const mismatch = versionMismatch(copy);
    if (mismatch !== null && mismatch.kind !== 'newer') {
      return refused(`${file}: ${differentBuild(mismatch)}. Restore it with that build, or choose another backup.`, { schemaVersion, encrypted });
    }
    return { verdict: verifyBackup({ integrity, schemaVersion, appSchemaVersion }), schemaVersion, encrypted, locked: false, opensWith };
  } catch (error) {
    if (error instanceof BackupLockedError || error instanceof WrongBackupKeyError) return refused(error.message, { encrypted, locked: true });
    const reason = error instanceof Error ? error.message : String(error);
    return refused(`The file is not a readable SQLite database (${reason}).`, { encrypted });
  } finally {
    copy?.close();
  }
}
