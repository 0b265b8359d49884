import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';

export const ELECTION = { type: 'local', pollingDay: '2027-05-06', nation: 'england' } as const;

/** The elections' names in a (plain) database file, read behind the app's back. */
export function names(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM elections ORDER BY id').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** Overwrites bytes in the middle of a file, as a failing disk might. */
export function damage(path: string) {
  const fd = openSync(path, 'r+');
  try {
    const size = statSync(path).size;
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.max(4096, Math.floor(size / 2 / 4096) * 4096));
  } finally {
    closeSync(fd);
  }
}
