import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
} from '../../db/backup.ts';
import { applyKey } from '../../db/encryption/cipher.ts';
import { putSetting } from '../../db/repositories/settings.ts';
import { erasedSince, erasureDates } from '../../db/erasure-log.ts';
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
  'backups.list': async (ctx) => {
    const erasures = erasureDates(ctx.dbPath);
    return {
      folder: backupsDir(ctx.dbPath),
      keep: backupKeep(),
      retentionDays: retentionDays(ctx.db),
      encrypted: ctx.encryption.key !== null,
      backups: listBackups(ctx.dbPath).map((b) => ({ ...view(b), holdsErased: erasedSince(erasures, b.takenAt) })),
    };
  },
  'backups.create': async (ctx) => {
    const backup = await takeBackup(ctx.db, ctx.dbPath, 'manual');
    await ctx.audit({ action: 'backup', entity: 'database', entityId: null, summary: `Took a backup: ${backup.file}`, after: view(backup) });
    return view(backup);
  },
  'backups.copy': async (ctx, { passphrase }) => {
    const backup = await takeBackup(ctx.db, ctx.dbPath, 'copy', { passphrase });
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
      // Its own read connection: the app's may be inside a transaction, and `VACUUM INTO` reads
      // one consistent snapshot, so the copy holds only committed work.
      const source = new Database(ctx.dbPath, { readonly: true, fileMustExist: true });
      let backup;
      try {
        if (ctx.encryption.key !== null) applyKey(source, ctx.encryption.key);
        backup = await takeBackup(source, ctx.dbPath, 'manual', {
          onProgress(done, total) {
            job.throwIfCancelled();
            const pages = total.toLocaleString('en-GB');
            job.progress(done, total, done === 0 ? `Copying ${pages} pages` : `Copied ${pages} pages and checked the copy`);
          },
        });
      } finally {
        source.close();
      }
      await connectionFree(ctx.db);
      await ctx.audit({ action: 'backup', entity: 'database', entityId: null, summary: `Took a backup: ${backup.file}`, after: view(backup) });
      return view(backup);
    }),
  'backups.setRetention': async (ctx, { days }) => {
    const before = retentionDays(ctx.db);
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
  'backups.verify': async (ctx, { file, passphrase }) => {
    const { verdict, schemaVersion, locked } = inspectBackup(backupPath(ctx, file), { key: ctx.encryption.key, given: passphrase });
    return { file, ok: verdict.ok, problems: verdict.ok ? [] : verdict.problems, schemaVersion, locked };
  },
  'backups.restore': async (ctx, { file, confirm, passphrase }) => {
    const path = backupPath(ctx, file);
    const entry = parseBackupFileName(databaseName(ctx.dbPath), file);
    if (!confirm) {
      throw new AppError(
        'needs_confirmation',
        `Restoring replaces all of the current data with the backup taken ${entry?.takenAt ?? ''}. The current data is backed up first, so this can be undone.`,
      );
    }
    const result = await restoreBackup(ctx.db, ctx.dbPath, path, { passphrase });
    await ctx.audit({
      action: 'restore',
      entity: 'database',
      entityId: null,
      summary: `Restored the backup ${file}; the data from before is in ${result.safetyBackup.file}`,
      after: {
        restoredFrom: file,
        safetyBackup: result.safetyBackup.file,
        restoredVersion: result.restoredVersion,
        erasuresReapplied: result.erasuresReapplied,
      },
    });
    return {
      restoredFrom: file,
      safetyBackup: result.safetyBackup.file,
      restoredVersion: result.restoredVersion,
      schemaVersion: result.schemaVersion,
      erasuresReapplied: result.erasuresReapplied,
      notes: result.notes,
    };
  },
};
