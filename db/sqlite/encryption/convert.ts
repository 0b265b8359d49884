/**
 * Encrypts an existing plain Hustings database in place, crash-safely: a kill at any moment
 * leaves either the old plain file (usable as before) or the new encrypted one with its key file,
 * never neither.
 *
 * How (measured on this machine, 200,000 rows / 12 MB): a connection keyed with the new data key
 * on an empty scratch file ATTACHes the plain database and runs `VACUUM plain INTO <temp>`; SQLite
 * Multiple Ciphers writes the copy with the MAIN connection's cipher and key (320 ms). Only
 * ciphertext reaches the disk, free pages (deleted people) are left behind, and user_version and
 * application_id come across. The alternatives were worse: `PRAGMA rekey` rewrites the original
 * in place (no WAL; the old file is gone half way and the key file must exist before it starts),
 * and a plain `VACUUM INTO` followed by rekey writes one more plaintext copy to disk (430 ms).
 *
 * Order, and what a crash at each point leaves:
 *  1. the plain file is switched out of WAL (its WAL checkpointed into it) and locked exclusively,
 *     which also refuses a file another program has open      → old file (rollback journal mode)
 *  2. the encrypted copy is written to `<db>.encrypting`, fsynced → old file + temp (removed)
 *  3. the copy is opened with the key and checked: integrity, every table's row count, schema
 *  4. the key file is written (by the caller, which owns its format) → old file + temp + key
 *     file: the key file opens nothing, so it is removed with the temp
 *  5. the copy is renamed over the original and the folder fsynced     → new file + key file
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listBackups } from '../backup.ts';
import { sealErasureLog } from '../../erasure-log.ts';
import { fileRefusal, notHustings } from '../identity.ts';
import { applyKey, isPlainSqliteFile } from './cipher.ts';
import { formatRecoveryKey, generateDataKey, type KeyProtector, keyFilePath, writeKeyFile } from './keys.ts';
import { databaseKind } from './unlock.ts';

/** Each step of a conversion, in order, for progress and for tests that kill it between steps. */
export const CONVERSION_STEPS = ['locked', 'copied', 'verified', 'key-written', 'replaced'] as const;
type ConversionStep = (typeof CONVERSION_STEPS)[number];

export interface ConversionOptions {
  /** Writes the key file for `key` beside the database; called after the copy checks out, before it replaces the original. */
  writeKeyFile(): void | Promise<void>;
  /** Removes that key file again (the conversion failed before the file was replaced). */
  removeKeyFile(): void;
  onStep?(step: ConversionStep): void | Promise<void>;
}

interface ConversionResult {
  /** Rows copied, per table: the counts checked in the encrypted copy. */
  rows: Record<string, number>;
}

/** Why a file was not converted (nothing was changed); the message names the file. */
export class ConversionRefusedError extends Error {}

/** The encrypted copy, written beside the database until it replaces it. */
function conversionTempPath(dbPath: string): string {
  return `${dbPath}.encrypting`;
}

/** The empty file the keyed connection stands on: VACUUM INTO takes the cipher of the main database. */
function scratchPath(dbPath: string): string {
  return `${dbPath}.encrypting-scratch`;
}

/** Makes a rename or a new file durable: fsync the folder that lists it. */
function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function tableNames(db: Database.Database, schema: string): string[] {
  return (
    db.prepare(`SELECT name FROM "${schema}".sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
  ).map((r) => r.name);
}

function rowCounts(db: Database.Database, schema: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of tableNames(db, schema)) counts[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${schema}"."${name}"`).get() as { n: number }).n;
  return counts;
}

/**
 * Removes what a killed conversion left beside `dbPath`: the temp copy, its scratch file, and a
 * key file written for a copy that never replaced the database (the database is still plain).
 * Called before the database is opened; a finished conversion leaves nothing to remove.
 */
export function cleanUpInterruptedConversion(dbPath: string): void {
  const temp = conversionTempPath(dbPath);
  if (existsSync(temp) && existsSync(dbPath) && isPlainSqliteFile(dbPath)) rmSync(keyFilePath(dbPath), { force: true });
  const dir = dirname(dbPath);
  if (!existsSync(dir)) return;
  const prefix = `${basename(dbPath)}.encrypting`;
  for (const file of readdirSync(dir)) if (file.startsWith(prefix)) rmSync(join(dir, file), { force: true });
}

/** Throws, with a sentence naming the file, unless `dbPath` is a plain Hustings database. */
export function assertConvertible(dbPath: string): void {
  const kind = databaseKind(dbPath);
  if (kind === 'new') throw new ConversionRefusedError(`There is no database at ${dbPath} to encrypt.`);
  if (kind === 'encrypted') throw new ConversionRefusedError(`${dbPath} is already encrypted.`);
  const refused = kind === 'other' ? notHustings(dbPath, 'it is not a SQLite database') : fileRefusal(dbPath);
  if (refused !== null) throw refused;
}

/**
 * Encrypts the plain database at `dbPath` with `key` (the new data key), in place. No other
 * connection may have the file open (the app closes its own first); one that does makes this
 * refuse, changing nothing.
 */
async function encryptDatabaseFile(dbPath: string, key: Buffer, opts: ConversionOptions): Promise<ConversionResult> {
  assertConvertible(dbPath);
  cleanUpInterruptedConversion(dbPath);
  const temp = conversionTempPath(dbPath);
  const scratch = scratchPath(dbPath);

  const db = new Database(scratch);
  let keyWritten = false;
  let replaced = false;
  try {
    applyKey(db, key);
    db.prepare(`ATTACH ? AS plain KEY ''`).run(dbPath);
    db.pragma('busy_timeout = 2000');
    try {
      // Checkpoints the WAL into the file and removes it: no WAL of plain pages may outlive the
      // file it belongs to. Fails while any other connection has the file open.
      db.pragma('plain.journal_mode = DELETE');
      // Held until this connection closes, after the rename: nobody writes to the old file meanwhile.
      db.pragma('plain.locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') {
        throw new ConversionRefusedError(
          `${dbPath} is open in another program (Hustings in a browser or the desktop app?): close it and try again. Nothing was changed.`,
        );
      }
      throw error;
    }
    const before = rowCounts(db, 'plain');
    await opts.onStep?.('locked');

    // VACUUM INTO accepts an empty file: created owner-only, so the copy never has wider rights.
    closeSync(openSync(temp, 'wx', 0o600));
    db.prepare('VACUUM plain INTO ?').run(temp);
    syncFile(temp);
    await opts.onStep?.('copied');

    verifyCopy(temp, key, before, db);
    await opts.onStep?.('verified');

    await opts.writeKeyFile();
    keyWritten = true;
    syncFolder(dirname(dbPath));
    await opts.onStep?.('key-written');

    for (const side of ['-wal', '-journal']) {
      if (existsSync(dbPath + side)) throw new Error(`${dbPath}${side} is still there after the WAL was checkpointed`);
    }
    renameSync(temp, dbPath);
    replaced = true;
    syncFolder(dirname(dbPath));
    rmSync(`${dbPath}-shm`, { force: true });
    await opts.onStep?.('replaced');
    return { rows: before };
  } catch (error) {
    if (keyWritten && !replaced) opts.removeKeyFile();
    if (!replaced) rmSync(temp, { force: true });
    throw error;
  } finally {
    db.close();
    rmSync(scratch, { force: true });
  }
}

/** Opens the copy with the key, as the app will, and checks it holds exactly what the original does. */
function verifyCopy(temp: string, key: Buffer, before: Record<string, number>, source: Database.Database): void {
  if (isPlainSqliteFile(temp)) throw new Error('the copy was written unencrypted');
  const copy = new Database(temp, { readonly: true, fileMustExist: true });
  try {
    applyKey(copy, key);
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the encrypted copy failed its integrity check (${String(integrity)})`);
    for (const pragma of ['user_version', 'application_id']) {
      const was = source.pragma(`plain.${pragma}`, { simple: true });
      const now = copy.pragma(pragma, { simple: true });
      if (was !== now) throw new Error(`the encrypted copy has ${pragma} ${String(now)}, not ${String(was)}`);
    }
    const after = rowCounts(copy, 'main');
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('the encrypted copy does not hold the same rows as the original');
  } finally {
    copy.close();
  }
}

export interface EncryptedInPlace extends ConversionResult {
  key: Buffer;
  /** The data key written for people, to be shown once: it is not stored anywhere. */
  recoveryKey: string;
  /** Backups in the backups folder that were plain and are now encrypted with the same key. */
  backupsEncrypted: number;
  /** Plain backups that could not be encrypted (file name: why): the caller says so. */
  backupsLeftPlain: string[];
}

/**
 * Encrypts a plain database with a new data key locked in its key file by `passphrase` (and by
 * the keychain's `protector` when the door has one, as the desktop app does), then the plain
 * backups beside it with the same key (each in place the same way), so no copy of the data stays
 * readable; the erasure log's key is sealed under the new key. The database goes first: until it is replaced, nothing else is touched.
 */
export async function encryptWithPassphrase(
  dbPath: string,
  passphrase: string,
  opts: { protector?: KeyProtector; onStep?: ConversionOptions['onStep'] } = {},
): Promise<EncryptedInPlace> {
  const key = generateDataKey();
  const result = await encryptDatabaseFile(dbPath, key, {
    writeKeyFile: () => writeKeyFile(dbPath, key, { passphrase, protector: opts.protector }),
    removeKeyFile: () => rmSync(keyFilePath(dbPath), { force: true }),
    onStep: opts.onStep,
  });
  sealErasureLog(dbPath, key);
  return { ...result, key, recoveryKey: formatRecoveryKey(key), ...(await encryptPlainBackups(dbPath, key)) };
}

/**
 * Encrypts with `key` every plain backup of the database in its backups folder (an encrypted
 * database's backups open with its key). A backup that is not a Hustings database is left alone.
 */
export async function encryptPlainBackups(dbPath: string, key: Buffer): Promise<{ backupsEncrypted: number; backupsLeftPlain: string[] }> {
  let backupsEncrypted = 0;
  const backupsLeftPlain: string[] = [];
  for (const backup of listBackups(dbPath)) {
    try {
      cleanUpInterruptedConversion(backup.path);
      if (!isPlainSqliteFile(backup.path) || fileRefusal(backup.path) !== null) continue;
      await encryptDatabaseFile(backup.path, key, { writeKeyFile: () => {}, removeKeyFile: () => {} });
      backupsEncrypted++;
    } catch (error) {
      backupsLeftPlain.push(`${backup.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { backupsEncrypted, backupsLeftPlain };
}
