import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { backupsContract } from '../../shared/contract/backups.ts';
import { AppError } from '../../shared/contract/result.ts';
import { parseBackupFileName } from '../../shared/domain/backups.ts';
import {
  type BackupInfo,
  backupKeep,
  backupsDir,
  databaseName,
  inspectBackup,
  listBackups,
  pruneBackups,
  RETENTION_SETTING,
  retentionDays,
  takeBackup,
  takeBackupApart,
  takeBackupTo,
} from '../../db/sqlite/backup.ts';
import { putSetting } from '../../db/repositories/settings.ts';
import { erasedSince, erasureDates } from '../../db/erasure-log.ts';
import { restoreBackup } from '../../db/restore.ts';
import { fileConnection } from '../../db/sqlite/store.ts';
import { systemProblem } from '../system-errors.ts';
import { type Ctx, type HandlersFor, inTransaction } from './context.ts';

function view({ path: _path, ...info }: BackupInfo) {
  return info;
}

/** The path of a backup of this database named in the list, or not_found. */
function backupPath(ctx: Ctx, file: string): string {
  const path = join(backupsDir(ctx.dbPath), file);
  if (parseBackupFileName(databaseName(ctx.dbPath), file) === null || !existsSync(path)) {
    throw new AppError('not_found', `There is no backup called ${file} in ${backupsDir(ctx.dbPath)}`, { file: 'No such backup' });
  }
  return path;
}

/** Said beside the field when the app names a file: the app works in the backups folder only. */
const FOLDER_ONLY = { to: 'Backups taken in the app go in the backups folder', from: 'Choose a backup from the list' };

/** A file the command line named, as a whole path; the app's doors may not name files. */
function namedFile(ctx: Ctx, path: string, field: keyof typeof FOLDER_ONLY): string {
  if (!ctx.anyFile) throw new AppError('forbidden', 'Only the command line may name a file outside the backups folder.', { [field]: FOLDER_ONLY[field] });
  return resolve(path);
}

/** The backup to read: one in the list (`file`) or the file the command line named (`from`). */
function backupToRead(ctx: Ctx, { file, from }: { file?: string; from?: string }): { path: string; name: string } {
  if (from !== undefined) {
    const path = namedFile(ctx, from, 'from');
    return { path, name: path };
  }
  return { path: backupPath(ctx, file ?? ''), name: file ?? '' };
}

/** A backup (or copy) written to the file the command line named, never over an existing one. */
async function backupToNamedFile(ctx: Ctx, to: string, reason: 'manual' | 'copy', passphrase?: string): Promise<BackupInfo> {
  const file = namedFile(ctx, to, 'to');
  if (existsSync(file)) throw new AppError('conflict', `${file} already exists; choose a new name so no backup is overwritten`);
  try {
    return await takeBackupTo(fileConnection(ctx.store), file, reason, { passphrase, onProgress: ctx.onProgress });
  } catch (error) {
    throw new AppError('invalid_input', systemProblem(error) ?? `Not backed up: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function tookBackup(backup: BackupInfo) {
  return { action: 'backup', entity: 'database', entityId: null, summary: `Took a backup: ${backup.file}`, after: view(backup) } as const;
}

export const backupsHandlers: HandlersFor<typeof backupsContract> = {
  'backups.list': async (ctx) => {
    if (ctx.store.engine === 'postgres') return { folder: '', keep: 0, retentionDays: 0, encrypted: false, backups: [], teamDatabase: true };
    const erasures = erasureDates(ctx.dbPath);
    return {
      folder: backupsDir(ctx.dbPath),
      keep: backupKeep(),
      retentionDays: retentionDays(fileConnection(ctx.store)),
      encrypted: ctx.encryption.key !== null,
      backups: listBackups(ctx.dbPath).map((b) => ({ ...view(b), holdsErased: erasedSince(erasures, b.takenAt) })),
      teamDatabase: false,
    };
  },
  'backups.create': async (ctx, { to }) => {
    const backup = to === undefined ? await takeBackup(fileConnection(ctx.store), ctx.dbPath, 'manual') : await backupToNamedFile(ctx, to, 'manual');
    await ctx.audit(tookBackup(backup));
    return view(backup);
  },
  'backups.copy': async (ctx, { passphrase, to }) => {
    const backup =
      to === undefined ? await takeBackup(fileConnection(ctx.store), ctx.dbPath, 'copy', { passphrase }) : await backupToNamedFile(ctx, to, 'copy', passphrase);
    await ctx.audit({
      action: 'backup',
      entity: 'database',
      entityId: null,
      summary: `Took a copy for taking off the machine, encrypted with a backup passphrase: ${backup.file}`,
      after: view(backup),
    });
    return view(backup);
  },
  'backups.start': async (ctx) =>
    ctx.jobs.start('backups.create', async (job) => {
      const backup = await takeBackupApart(ctx.dbPath, ctx.encryption.key, 'manual', {
        onProgress(done, total) {
          job.throwIfCancelled();
          const pages = total.toLocaleString('en-GB');
          job.progress(done, total, done === 0 ? `Copying ${pages} pages` : `Copied ${pages} pages and checked the copy`);
        },
      });
      // A job's audit row is its own transaction: it must not join (and roll back with) a call's.
      await ctx.store.transaction((tx) => inTransaction(ctx, tx).audit(tookBackup(backup)));
      return view(backup);
    }),
  'backups.setRetention': async (ctx, { days }) => {
    const before = retentionDays(fileConnection(ctx.store));
    await putSetting(ctx.db, RETENTION_SETTING, days);
    const deleted = pruneBackups(ctx.dbPath, { retentionDays: days }).map((b) => b.file);
    await ctx.audit({
      action: 'update',
      entity: 'settings',
      entityId: null,
      summary: `Automatic backups are kept for ${days} days${deleted.length > 0 ? `; deleted ${deleted.length} older ones` : ''}`,
      before: { retentionDays: before },
      after: { retentionDays: days, deleted },
    });
    return { retentionDays: days, deleted };
  },
  'backups.delete': async (ctx, { file, confirm }) => {
    const path = backupPath(ctx, file);
    if (!confirm) {
      throw new AppError('needs_confirmation', `Deleting ${file} removes that backup for good: its data can no longer be restored from it.`);
    }
    rmSync(path);
    await ctx.audit({ action: 'delete', entity: 'backup', entityId: null, summary: `Deleted the backup ${file}`, before: { file } });
    return { deleted: file };
  },
  'backups.verify': async (ctx, { file, from, passphrase }) => {
    const backup = backupToRead(ctx, { file, from });
    const { verdict, schemaVersion, locked } = inspectBackup(backup.path, { key: ctx.encryption.key, given: passphrase });
    return { file: backup.name, ok: verdict.ok, problems: verdict.ok ? [] : verdict.problems, schemaVersion, locked };
  },
  'backups.restore': async (ctx, { file, from, confirm, passphrase }) => {
    const { path, name } = backupToRead(ctx, { file, from });
    const entry = parseBackupFileName(databaseName(ctx.dbPath), name);
    if (!confirm) {
      throw new AppError(
        'needs_confirmation',
        `Restoring replaces all of the current data with ${entry === null ? name : `the backup taken ${entry.takenAt}`}. The current data is backed up first, so this can be undone.`,
      );
    }
    const result = await restoreBackup(fileConnection(ctx.store), ctx.dbPath, path, { passphrase });
    await ctx.audit({
      action: 'restore',
      entity: 'database',
      entityId: null,
      summary: `Restored the backup ${name}; the data from before is in ${result.safetyBackup.file}`,
      after: {
        restoredFrom: name,
        safetyBackup: result.safetyBackup.file,
        restoredVersion: result.restoredVersion,
        erasuresReapplied: result.erasuresReapplied,
      },
    });
    return {
      restoredFrom: name,
      safetyBackup: result.safetyBackup.file,
      restoredVersion: result.restoredVersion,
      schemaVersion: result.schemaVersion,
      erasuresReapplied: result.erasuresReapplied,
      notes: result.notes,
    };
  },
};
