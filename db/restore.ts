import { resolve } from 'node:path';
import { AppError } from '../shared/contract/result.ts';
import { type BackupInfo, copyIntoDatabase, inspectBackup, takeBackup } from './backup.ts';
import { reapplyErasures } from './erasure-log.ts';
import { type Db, migrate, schemaVersion } from './open.ts';

export interface RestoreResult {
  /** The backup of the data as it was just before the restore. */
  safetyBackup: BackupInfo;
  /** Schema version of the file restored, before it was brought up to date. */
  restoredVersion: number;
  schemaVersion: number;
  /** People in the backup who were erased after it was taken, erased again before anyone sees them. */
  erasuresReapplied: number;
}

/**
 * Restores a backup into the open database: checks the file (integrity, schema version), backs
 * up the current data, copies the backup in with SQLite's backup API, brings its schema up to
 * date, erases again the people erased since (the erasure log beside the database; `dataKey` is
 * the database's, null for a plain file) and checks the result; if any of that fails the data
 * from before is put back.
 */
export async function restoreBackup(db: Db, dbPath: string, file: string, dataKey: Buffer | null): Promise<RestoreResult> {
  if (resolve(file) === resolve(dbPath)) throw new AppError('invalid_input', 'That is the database itself, not a backup of it.');
  const { verdict, schemaVersion: restoredVersion } = inspectBackup(file);
  if (!verdict.ok) throw new AppError('invalid_input', `Not restored: ${verdict.problems.join(' ')}`);
  if (db.inTransaction) throw new Error('restoreBackup must not run inside a transaction');

  const safetyBackup = await takeBackup(db, dbPath, 'restore');
  await copyIntoDatabase(file, dbPath);
  let erasuresReapplied: number;
  try {
    await migrate(db, dbPath);
    erasuresReapplied = await reapplyErasures(db, dbPath, dataKey);
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check after restoring: ${String(check)}`);
  } catch (error) {
    await copyIntoDatabase(safetyBackup.path, dbPath);
    throw new AppError('conflict', `The restore did not check out, so the data from before it is back (${error instanceof Error ? error.message : String(error)}).`);
  }
  return { safetyBackup, restoredVersion: restoredVersion ?? 0, schemaVersion: schemaVersion(db), erasuresReapplied };
}
