/**
 * The only place that speaks SQLCipher to SQLite (better-sqlite3-multiple-ciphers): a connection
 * is keyed here, before any other statement, with the database's raw 32-byte data key. The key
 * is random, so no key derivation runs per open; the passphrase is stretched once, in keys.ts.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync } from 'node:fs';

export const DATA_KEY_BYTES = 32;

/** What every SQLite file begins with; an encrypted file begins with random bytes instead. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The key each keyed connection was opened with, for work that opens a second file with it (backups). */
const keys = new WeakMap<Database.Database, Buffer>();

/**
 * Keys a fresh connection: SQLCipher's page format (AES-256, HMAC per page) with the raw key as
 * a blob literal, so SQLCipher uses it as it is. Must run before any other statement; a wrong
 * key shows at the first read (SQLITE_NOTADB).
 */
export function applyKey(db: Database.Database, key: Buffer): void {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`A data key has ${DATA_KEY_BYTES} bytes, not ${key.length}.`);
  db.pragma("cipher = 'sqlcipher'");
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  keys.set(db, key);
}

/** The data key a connection was keyed with, or null for a plain connection. */
export function keyOf(db: Database.Database): Buffer | null {
  return keys.get(db) ?? null;
}

/** Whether the file at `path` is an unencrypted SQLite file (it starts with SQLite's header). */
export function isPlainSqliteFile(path: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}
