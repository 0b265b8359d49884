/**
 * Turns what the user gave (a passphrase, a recovery key, the keychain) into the database's data
 * key, proving it opens the file before anything is written; for a new database, makes the data
 * key and its key file and hands back the recovery key to show once.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { applyKey, isPlainSqliteFile } from './cipher.ts';
import { KeyNeededError, WrongKeyError } from './errors.ts';
import {
  formatRecoveryKey,
  generateDataKey,
  type KeyProtector,
  keyFilePath,
  parseRecoveryKey,
  readKeyFile,
  unlockWithPassphrase,
  unlockWithProtector,
  writeKeyFile,
} from './keys.ts';

export { EncryptionKeyError, KeyNeededError, RecoveryKeyTypoError, WrongKeyError } from './errors.ts';
export type { KeyProtector } from './keys.ts';

/**
 * What opens (or creates) a database. `passphrase` and `protector` unlock the key file, or lock a
 * new one (a new database, or after opening with `recoveryKey`). `key` is the raw data key (tests
 * and the bench: no key file, no scrypt). `plain` creates an unencrypted file (tests of old files).
 */
export type KeySource = { passphrase?: string; recoveryKey?: string; protector?: KeyProtector; key?: Buffer; plain?: boolean };

/** What a running app knows of its database's encryption. */
export interface EncryptionState {
  /** The data key; null for a plain (unencrypted) file. */
  key: Buffer | null;
  /** The recovery key of a database created in this run, until the user says it is written down. Never stored. */
  pendingRecoveryKey: string | null;
}

/**
 * new: missing or empty; plain: an unencrypted SQLite file; encrypted: anything else that could
 * be SQLite pages (SQLite files are whole pages, multiples of 512 bytes); other: not SQLite at all.
 */
export type DatabaseKind = 'new' | 'plain' | 'encrypted' | 'other';

export function databaseKind(path: string): DatabaseKind {
  if (path === ':memory:' || !existsSync(path)) return 'new';
  const stat = statSync(path);
  if (!stat.isFile()) return 'other';
  if (stat.size === 0) return 'new';
  if (isPlainSqliteFile(path)) return 'plain';
  return stat.size % 512 === 0 ? 'encrypted' : 'other';
}

/** Whether `key` opens the encrypted file at `path` (read-only: nothing is written). */
function keyOpens(path: string, key: Buffer): boolean {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw error;
  } finally {
    db.close();
  }
}

export interface Unlocked extends EncryptionState {
  /**
   * Writes what must outlast this open (the key file of a new database, or a new one after the
   * recovery key opened it); called once the file is known to be a Hustings database.
   */
  keep(): Promise<void>;
}

const nothingToKeep = async () => {};

/** The data key for the database at `path` (null for a plain file), proven to open it. */
export async function unlock(path: string, source: KeySource): Promise<Unlocked> {
  const kind = databaseKind(path);
  if (kind === 'plain' || kind === 'other' || path === ':memory:') return { key: null, pendingRecoveryKey: null, keep: nothingToKeep };
  if (kind === 'new') return create(path, source);

  const unchanged = 'Nothing in it was changed.';
  const relock = { passphrase: source.passphrase, protector: source.protector };
  if (source.key !== undefined) {
    if (!keyOpens(path, source.key)) throw new WrongKeyError(`The key given does not open ${path}. ${unchanged}`);
    return { key: source.key, pendingRecoveryKey: null, keep: nothingToKeep };
  }
  if (source.recoveryKey !== undefined) {
    const key = parseRecoveryKey(source.recoveryKey, path);
    if (!keyOpens(path, key)) throw new WrongKeyError(`The recovery key does not open ${path}: it is another database's. ${unchanged}`);
    // Opened on a computer without its key file (or its keychain): lock the key anew here.
    const keep = relock.passphrase !== undefined || relock.protector !== undefined ? () => writeKeyFile(path, key, relock) : nothingToKeep;
    return { key, pendingRecoveryKey: null, keep };
  }

  const file = readKeyFile(path);
  const useRecoveryKey = 'open it with its recovery key';
  if (file === null) throw new KeyNeededError(`${path} is encrypted and its key file ${keyFilePath(path)} is missing: ${useRecoveryKey}.`);
  let key: Buffer | null = null;
  if (source.protector !== undefined && file.keychain !== undefined) {
    try {
      key = unlockWithProtector(file.keychain, source.protector);
    } catch {
      if (source.passphrase === undefined || file.passphrase === undefined) {
        throw new KeyNeededError(
          `This computer's keychain cannot unlock the key of ${path} (its entry is gone, or it belongs to another user or computer): ${useRecoveryKey}.`,
        );
      }
    }
  }
  if (key === null && source.passphrase !== undefined) {
    if (file.passphrase === undefined)
      throw new KeyNeededError(`The key of ${path} is locked by a computer's keychain, not by a passphrase: ${useRecoveryKey}.`);
    key = await unlockWithPassphrase(file.passphrase, source.passphrase);
    if (key === null) throw new WrongKeyError(`The passphrase does not open ${path}. ${unchanged}`);
  }
  if (key === null) {
    const how = file.passphrase !== undefined ? 'no passphrase was given' : 'its key is locked by a keychain this program cannot reach';
    throw new KeyNeededError(`${path} is encrypted and ${how}, so it cannot be opened.`);
  }
  if (!keyOpens(path, key))
    throw new WrongKeyError(`The key in ${keyFilePath(path)} does not open ${path} (it is another database's key file): ${useRecoveryKey}. ${unchanged}`);
  return { key, pendingRecoveryKey: null, keep: nothingToKeep };
}

/** A new database: plain, with the raw key given, or with a new data key locked in a new key file. */
function create(path: string, source: KeySource): Unlocked {
  if (path === ':memory:' || source.plain) return { key: null, pendingRecoveryKey: null, keep: nothingToKeep };
  if (source.key !== undefined) return { key: source.key, pendingRecoveryKey: null, keep: nothingToKeep };
  if (source.passphrase === undefined && source.protector === undefined) {
    throw new KeyNeededError(`${path} does not exist yet, and a new database needs a passphrase to encrypt it with.`);
  }
  const key = generateDataKey();
  const locks = { passphrase: source.passphrase, protector: source.protector };
  // The key file is written before the database, so no encrypted file ever exists without it.
  return { key, pendingRecoveryKey: formatRecoveryKey(key), keep: () => writeKeyFile(path, key, locks) };
}
