/**
 * Browser mode's token, kept per database so an open tab or a bookmark still works after a
 * restart. It is stored beside the database, readable by its owner only; a token file others
 * could read is not trusted, and `serve --new-token` replaces it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { databaseName } from '../db/sqlite/backup.ts';

const TOKEN = /^[\w-]{32}$/;

export function tokenFile(dbPath: string): string {
  return join(dirname(dbPath), `${databaseName(dbPath)}.browser-token`);
}

function newToken(): string {
  return randomBytes(24).toString('base64url'); // 32 characters
}

/** Readable by its owner only (Windows has no such mode bits: its folders' ACLs decide). */
function ownerOnly(file: string): boolean {
  return process.platform === 'win32' || (statSync(file).mode & 0o077) === 0;
}

/** The database's token: the stored one, or a new one (stored) when asked or there is none to trust. */
export function browserToken(dbPath: string, opts: { renew?: boolean } = {}): string {
  if (dbPath === ':memory:') return newToken();
  const file = tokenFile(dbPath);
  if (!opts.renew && existsSync(file) && ownerOnly(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (TOKEN.test(stored)) return stored;
  }
  const token = newToken();
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${token}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600); // whatever the umask
  renameSync(temporary, file);
  return token;
}
