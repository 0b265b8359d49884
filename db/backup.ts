import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './open.ts';

/** The folder beside the database where automatic backups go. */
export function backupsDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** SQLite's online backup: a consistent copy even while the app is writing. */
export async function backupTo(db: Db, file: string): Promise<string> {
  mkdirSync(dirname(file), { recursive: true });
  await db.backup(file);
  return file;
}

export async function backupBeforeMigrating(db: Db, dbPath: string, fromVersion: number): Promise<string> {
  const name = `${basename(dbPath, '.sqlite')}-${stamp()}-before-upgrade-from-v${fromVersion}.sqlite`;
  return backupTo(db, join(backupsDir(dbPath), name));
}
