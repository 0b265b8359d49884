import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { backupsContract } from '../../shared/contract/backups.ts';
import { AppError } from '../../shared/contract/result.ts';
import { parseBackupFileName } from '../../shared/domain/backups.ts';
import { type BackupInfo, backupKeep, backupsDir, databaseName, inspectBackup, listBackups, takeBackup } from '../../db/backup.ts';
import { restoreBackup } from '../../db/restore.ts';
import { connectionFree } from '../jobs.ts';
import type { Ctx, HandlersFor } from './context.ts';

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

export const backupsHandlers: HandlersFor<typeof backupsContract> = {
  'backups.list': async (ctx) => ({ folder: backupsDir(ctx.dbPath), keep: backupKeep(), backups: listBackups(ctx.dbPath).map(view) }),
  'backups.create': async (ctx) => {
    const backup = await takeBackup(ctx.db, ctx.dbPath, 'manual');
    await ctx.audit({ action: 'backup', entity: 'database', entityId: null, summary: `Took a backup: ${backup.file}`, after: view(backup) });
    return view(backup);
  },
  'backups.start': async (ctx) =>
    ctx.jobs.start('backups.create', async (job) => {
      // Its own read connection: the app's may be inside a transaction while pages are copied,
      // and SQLite restarts a copy whose source another connection changed, so it is consistent.
      const source = new Database(ctx.dbPath, { readonly: true, fileMustExist: true });
      let backup;
      try {
        backup = await takeBackup(source, ctx.dbPath, 'manual', {
          onProgress(done, total) {
            job.throwIfCancelled();
            job.progress(done, total, `Copied ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} pages`);
          },
        });
      } finally {
        source.close();
      }
      await connectionFree(ctx.db);
      await ctx.audit({ action: 'backup', entity: 'database', entityId: null, summary: `Took a backup: ${backup.file}`, after: view(backup) });
      return view(backup);
    }),
  'backups.verify': async (ctx, { file }) => {
    const { verdict, schemaVersion } = inspectBackup(backupPath(ctx, file));
    return { file, ok: verdict.ok, problems: verdict.ok ? [] : verdict.problems, schemaVersion };
  },
  'backups.restore': async (ctx, { file, confirm }) => {
    const path = backupPath(ctx, file);
    const entry = parseBackupFileName(databaseName(ctx.dbPath), file);
    if (!confirm) {
      throw new AppError(
        'needs_confirmation',
        `Restoring replaces all of the current data with the backup taken ${entry?.takenAt ?? ''}. The current data is backed up first, so this can be undone.`,
      );
    }
    const result = await restoreBackup(ctx.db, ctx.dbPath, path);
    await ctx.audit({
      action: 'restore',
      entity: 'database',
      entityId: null,
      summary: `Restored the backup ${file}; the data from before is in ${result.safetyBackup.file}`,
      after: { restoredFrom: file, safetyBackup: result.safetyBackup.file, restoredVersion: result.restoredVersion },
    });
    return { restoredFrom: file, safetyBackup: result.safetyBackup.file, restoredVersion: result.restoredVersion, schemaVersion: result.schemaVersion };
  },
};
