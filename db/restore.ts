import { resolve } from 'node:path';
import { AppError } from '../shared/contract/result.ts';
import { type BackupInfo, copyIntoDatabase, inspectBackup, takeBackup } from './backup.ts';
import { type Db, migrate, schemaVersion } from './open.ts';

export interface RestoreResult {
  /** The backup of the data as it was just before the restore. */
  safetyBackup: BackupInfo;
  /** Schema version of the file restored, before it was brought up to date. */
  restoredVersion: number;
  schemaVersion: number;
}

/**
 * Restores a backup into the open database: checks the file (integrity, schema version), backs
 * up the current data, copies the backup in with SQLite's backup API, brings its schema up to
 * date and checks the result; if that check fails the data from before is put back.
 */
export async function restoreBackup(db: Db, dbPath: string, file: string): Promise<RestoreResult> {
  if (resolve(file) === resolve(dbPath)) throw new AppError('invalid_input', 'That is the database itself, not a backup of it.');
  const { verdict, schemaVersion: restoredVersion } = inspectBackup(file);
  if (!verdict.ok) throw new AppError('invalid_input', `Not restored: ${verdict.problems.join(' ')}`);
  if (db.inTransaction) throw new Error('restoreBackup must not run inside a transaction');

  const safetyBackup = await takeBackup(db, dbPath, 'restore');
  await copyIntoDatabase(file, dbPath);
  try {
    await migrate(db, dbPath);
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check after restoring: ${String(check)}`);
  } catch (error) {
    await copyIntoDatabase(safetyBackup.path, dbPath);
    throw new AppError('conflict', `The restore did not check out, so the data from before it is back (${error instanceof Error ? error.message : String(error)}).`);
  }
  return { safetyBackup, restoredVersion: restoredVersion ?? 0, schemaVersion: schemaVersion(db) };
}
