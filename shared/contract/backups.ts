import { z } from 'zod';
import { BACKUP_REASONS } from '../domain/backups.ts';
import { confirmFlag } from './common.ts';
import { maintenance, query } from './define.ts';
import { jobEvent } from './jobs.ts';

/** A backup named by its file name in the backups folder: no folders, no paths. */
export const backupFile = z
  .string({ error: 'Choose a backup from the list' })
  .min(1, 'Choose a backup from the list')
  .max(255, 'That is not the name of a backup')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/, 'That is not the name of a backup');

export const backupInfo = z.object({
  file: z.string(),
  takenAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  schemaVersion: z.number().nullable(),
  size: z.number(),
});
export type BackupInfoView = z.infer<typeof backupInfo>;

/** A backup in the list, with how many people were erased after it was taken (it may still hold them; restoring it erases them again). */
export const listedBackup = backupInfo.extend({ holdsErased: z.number() });
export type ListedBackupView = z.infer<typeof listedBackup>;

export const backupVerdict = z.object({
  file: z.string(),
  ok: z.boolean(),
  problems: z.array(z.string()),
  schemaVersion: z.number().nullable(),
});

export const backupsContract = {
  'backups.list': query(
    'The backups in the backups folder beside the database, newest first',
    z.strictObject({}),
    z.object({ folder: z.string(), keep: z.number(), backups: z.array(listedBackup) }),
  ),
  'backups.create': maintenance('Take a backup now (kept until you delete it)', z.strictObject({}), backupInfo),
  'backups.start': query(
    'Take a backup now as a long job reporting pages copied (kept until you delete it); the job’s result is the backup, and cancelling leaves no file',
    z.strictObject({}),
    jobEvent,
  ),
  'backups.verify': query('Check a backup can be restored: SQLite integrity check and schema version', z.strictObject({ file: backupFile }), backupVerdict),
  'backups.restore': maintenance(
    'Replace the data with a backup; needs confirm: true. The current data is backed up first',
    z.strictObject({ file: backupFile, confirm: confirmFlag }),
    z.object({
      restoredFrom: z.string(),
      safetyBackup: z.string(),
      restoredVersion: z.number(),
      schemaVersion: z.number(),
      /** People in the backup erased since it was taken, erased again before the data was shown. */
      erasuresReapplied: z.number(),
    }),
  ),
};
