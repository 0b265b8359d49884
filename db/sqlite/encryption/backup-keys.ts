/**
 * How backup files are keyed. A backup is written by `VACUUM INTO`, so it carries the cipher and
 * key of the connection it was taken from: the database's raw data key, or none for a plain file.
 * A copy for taking off the machine is re-keyed with a BACKUP PASSPHRASE (SQLCipher's own
 * passphrase mode, PBKDF2 inside the file), so standard SQLCipher 4 tools open it with
 * `PRAGMA key = 'passphrase'` and it needs nothing from this machine.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, isPlainSqliteFile } from './cipher.ts';
import { RecoveryKeyTypoError } from './errors.ts';
import { parseRecoveryKey } from './keys.ts';

/** What opens a backup file: null = plain, a Buffer = a raw 32-byte data key, a string = a backup passphrase. */
export type BackupKey = Buffer | string | null;

/** A backup that the database's own key does not open, and nothing else was given for it. */
export class BackupLockedError extends Error {
  constructor(file: string) {
    super(
      `${file} does not open with this database's key. If it is a copy taken off the machine, give its backup passphrase; if it came from another Hustings database, give that database's recovery key.`,
    );
  }
}

/** The passphrase or recovery key given does not open the backup. */
export class WrongBackupKeyError extends Error {
  constructor(file: string, typo?: string) {
    super(
      typo
        ? `${typo} (As a passphrase it does not open ${file} either.) Nothing was changed.`
        : `That passphrase or recovery key does not open ${file}. Nothing was changed.`,
    );
  }
}

/** Whether a backup file is encrypted; an empty or unreadable one counts as encrypted. */
export function isEncryptedFile(file: string): boolean {
  try {
    return !isPlainSqliteFile(file);
  } catch {
    return true;
  }
}

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Keys a fresh connection before any other statement: the data key as it is, or a passphrase through SQLCipher's KDF. */
function applyBackupKey(db: Database.Database, key: Buffer | string): void {
  if (Buffer.isBuffer(key)) return applyKey(db, key);
  db.pragma("cipher = 'sqlcipher'");
  db.pragma(`key = ${quoted(key)}`);
}

/**
 * Opens a backup file with a key and reads its first page, so a wrong key fails here (SQLite says
 * "file is not a database") rather than on some later statement.
 */
export function openBackupFile(file: string, key: BackupKey, opts: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: opts.readonly ?? true, fileMustExist: true });
  try {
    if (key !== null) applyBackupKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Whether an error means the key does not open the file (or the file is no database at all). */
function isNotADatabase(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_NOTADB';
}

/** Whether `key` opens the file. */
export function keyOpens(file: string, key: BackupKey): boolean {
  try {
    openBackupFile(file, key).close();
    return true;
  } catch (error) {
    if (isNotADatabase(error)) return false;
    throw error;
  }
}

/**
 * What the user typed for a backup with another key, as keys to try: a recovery key is the data
 * key of the database the backup came from; anything else is a backup passphrase. Text shaped
 * like a recovery key but with a typo is still tried as a passphrase; if that fails too the
 * typo is what the user is told (`typo`).
 */
export function givenKeys(text: string): { keys: BackupKey[]; typo?: string } {
  try {
    return { keys: [parseRecoveryKey(text), text] };
  } catch (error) {
    if (!(error instanceof RecoveryKeyTypoError)) throw error;
    const shapedLikeRecoveryKey = /^[0-9A-Za-z]{5}([\s-]+[0-9A-Za-z]{5}){8,}$/.test(text.trim());
    return { keys: [text], typo: shapedLikeRecoveryKey ? error.message : undefined };
  }
}

/**
 * Attaches a backup to a connection under `alias` (outside any transaction). The cipher is set on
 * the connection first so a plain live database can attach an encrypted backup; that setting
 * applies only to keys given afterwards, so the plain main file stays plain.
 */
export function attachBackup(db: Database.Database, file: string, alias: string, key: BackupKey): void {
  if (key !== null) db.pragma("cipher = 'sqlcipher'");
  const keyText = key === null ? '' : typeof key === 'string' ? key : `x'${key.toString('hex')}'`;
  db.prepare(`ATTACH DATABASE ? AS ${alias} KEY ?`).run(file, keyText);
}

/** Re-encrypts an open backup copy (not in WAL mode) under a backup passphrase. */
export function rekeyWithPassphrase(db: Database.Database, passphrase: string): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma(`rekey = ${quoted(passphrase)}`);
}
