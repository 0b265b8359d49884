import { z } from 'zod';
import { BACKUP_REASONS, MAX_RETENTION_DAYS } from '../domain/backups.ts';
import { confirmFlag } from './common.ts';
import { maintenance, query } from './define.ts';
import { jobEvent } from './jobs.ts';

/** A backup named by its file name in the backups folder: no folders, no paths. */
const backupFile = z
  .string({ error: 'Choose a backup from the list' })
  .min(1, 'Choose a backup from the list')
  .max(255, 'That is not the name of a backup')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/, 'That is not the name of a backup');

/** The passphrase or recovery key for a backup whose key is not this database's. */
const backupPassphrase = z
  .string({ error: 'Type the backup passphrase or recovery key' })
  .max(1024, 'That is longer than any passphrase or recovery key')
  .optional();

/**
 * A file anywhere, named on the command line (`hustings backup FILE`, `hustings restore FILE`);
 * the app names backups in the backups folder, and only the command line may name other files.
 */
const anyFile = z.string({ error: 'Name a file' }).min(1, 'Name a file').max(4096, 'That path is longer than any file name');

/** A backup in the list (`file`) or, from the command line, any file (`from`): one of the two. */
function checkOneBackup({ file, from }: { file?: string; from?: string }, ctx: z.RefinementCtx) {
  if (file === undefined && from === undefined) ctx.addIssue({ code: 'custom', path: ['file'], message: 'Choose a backup from the list' });
  if (file !== undefined && from !== undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Name a backup from the list or a file, not both' });
}

/** A new backup passphrase for a copy taken off the machine. */
export const newBackupPassphrase = z
  .string({ error: 'Choose a passphrase for the copy' })
  .min(10, 'Use at least 10 characters: this passphrase alone protects the copy once it leaves the machine')
  .max(1024, 'Use at most 1024 characters');

const backupInfo = z.object({
  file: z.string(),
  takenAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  schemaVersion: z.number().nullable(),
  size: z.number(),
  /** Encrypted with the database's key, or (a copy) with its own backup passphrase. */
  encrypted: z.boolean(),
});
export type BackupInfoView = z.infer<typeof backupInfo>;

/** A backup in the list, with how many people were erased after it was taken (it may still hold them; restoring it erases them again). */
const listedBackup = backupInfo.extend({ holdsErased: z.number() });
export type ListedBackupView = z.infer<typeof listedBackup>;

const backupVerdict = z.object({
  file: z.string(),
  ok: z.boolean(),
  problems: z.array(z.string()),
  schemaVersion: z.number().nullable(),
  /** The database's key does not open it: ask for its backup passphrase or recovery key. */
  locked: z.boolean(),
});

export const backupsContract = {
  'backups.list': query(
    ['admin'],
    'The backups in the backups folder beside the database, newest first',
    z.strictObject({}),
    z.object({
      folder: z.string(),
      keep: z.number(),
      retentionDays: z.number(),
      /** Whether the database is encrypted, and so its backups. */
      encrypted: z.boolean(),
      backups: z.array(listedBackup),
      /** A team database on PostgreSQL: its server's own tools back it up, and the list is empty. */
      teamDatabase: z.boolean(),
    }),
  ),
  'backups.create': maintenance(
    ['admin'],
    'Take a backup now (kept until you delete it); from the command line `to` writes it to that file instead of the backups folder, never over an existing one',
    z.strictObject({ to: anyFile.optional() }),
    backupInfo,
  ),
  'backups.copy': maintenance(
    ['admin'],
    'Take a copy for taking off the machine, encrypted with its own backup passphrase (SQLCipher 4 passphrase mode); kept until you delete it. From the command line `to` writes it to that file instead',
    z.strictObject({ passphrase: newBackupPassphrase, to: anyFile.optional() }),
    backupInfo,
  ),
  'backups.setRetention': maintenance(
    ['admin'],
    'Set how many days automatic backups are kept (default 30); older automatic ones are deleted at once',
    z.strictObject({
      days: z
        .number({ error: 'Give a number of days' })
        .int('Give a whole number of days')
        .min(1, 'Keep automatic backups for at least 1 day')
        .max(MAX_RETENTION_DAYS, `Keep automatic backups for at most ${MAX_RETENTION_DAYS} days`),
    }),
    z.object({ retentionDays: z.number(), deleted: z.array(z.string()) }),
  ),
  'backups.start': query(
    ['admin'],
    'Take a backup now as a long job reporting pages copied (kept until you delete it); the job’s result is the backup, and cancelling leaves no file',
    z.strictObject({}),
    jobEvent,
  ),
  'backups.delete': maintenance(
    ['admin'],
    'Delete a backup from the backups folder for good; needs confirm: true',
    z.strictObject({ file: backupFile, confirm: confirmFlag }),
    z.object({ deleted: z.string() }),
  ),
  'backups.verify': query(
    ['admin'],
    'Check a backup can be restored: it opens (with its passphrase or recovery key when its key is not the database’s), SQLite integrity check, a Hustings database, schema version. From the command line `from` names any file instead of `file`',
    z.strictObject({ file: backupFile.optional(), from: anyFile.optional(), passphrase: backupPassphrase }).superRefine(checkOneBackup),
    backupVerdict,
  ),
  'backups.restore': maintenance(
    ['admin'],
    'Replace the data with a backup; needs confirm: true, and its passphrase or recovery key when its key is not the database’s. The current data is backed up first. From the command line `from` names any file instead of `file`',
    z.strictObject({ file: backupFile.optional(), from: anyFile.optional(), confirm: confirmFlag, passphrase: backupPassphrase }).superRefine(checkOneBackup),
    z.object({
      restoredFrom: z.string(),
      safetyBackup: z.string(),
      restoredVersion: z.number(),
      schemaVersion: z.number(),
      /** People in the backup erased since it was taken, erased again before the data was shown. */
      erasuresReapplied: z.number(),
      /** What else the restore did, in sentences for the user. */
      notes: z.array(z.string()),
    }),
  ),
};
