import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupsDir, listBackups } from '../../db/sqlite/backup.ts';
import { erasedSince, erasureDates } from '../../db/erasure-log.ts';
import type { Hustings } from '../app.ts';
import { backupPassphrase, backupPassphraseOption } from './backup-passphrase.ts';
import { call, CliError, type Command, dbPathOf, openFromTerminal, printTable, progressOnStderr, type Values } from './command.ts';

/**
 * Opens the database without the start-up backup (these commands take their own) and works
 * through the `backups.*` methods, as the app does: one audit text whichever door was used.
 */
async function withDatabase<T>(values: Values, fn: (app: Hustings) => Promise<T>, onProgress?: (done: number, total: number) => void): Promise<T> {
  const app = await openFromTerminal(values, { startupBackup: false, onProgress });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

export const backupCommands: Command[] = [
  {
    path: ['backup'],
    usage: 'backup FILE [--db PATH] [--passphrase-for-copy [--backup-passphrase-stdin]]',
    summary:
      'Copy the database to FILE while it may be in use, then check the copy (encrypted with the database’s key when the database is). With --passphrase-for-copy the copy is encrypted with its own backup passphrase instead, for taking off the machine (HUSTINGS_BACKUP_PASSPHRASE, standard input, or asked)',
    options: { 'passphrase-for-copy': { type: 'boolean' }, ...backupPassphraseOption },
    async run(values, positionals) {
      const target = positionals[0];
      if (!target) throw new CliError('Name the backup file: hustings backup FILE', 2);
      const file = resolve(target);
      // Refused before a passphrase is asked for (the method refuses it too).
      if (existsSync(file)) throw new CliError(`${file} already exists; choose a new name so no backup is overwritten`);
      const passphrase = values['passphrase-for-copy']
        ? await backupPassphrase(values, { creating: true, why: 'The copy is to be encrypted with a backup passphrase of its own.' })
        : undefined;
      // The copy is checked before it takes its name: a file at FILE is one that checked out.
      await withDatabase(
        values,
        async (app) => {
          if (passphrase === undefined) await call(app, 'backups.create', { to: file });
          else await call(app, 'backups.copy', { to: file, passphrase });
        },
        progressOnStderr('Backing up'),
      );
      console.log(
        passphrase === undefined
          ? `Backed up to ${file} (integrity check ok).`
          : `Backed up to ${file}, encrypted with the backup passphrase (integrity check ok).`,
      );
      return 0;
    },
  },
  {
    path: ['restore'],
    usage: 'restore FILE [--db PATH] [--backup-passphrase-stdin]',
    summary:
      'Check FILE (its key, integrity, schema version), back up the current data, then restore FILE. A backup with another key needs its backup passphrase or its database’s recovery key (HUSTINGS_BACKUP_PASSPHRASE, standard input, or asked)',
    options: { ...backupPassphraseOption },
    async run(values, positionals) {
      const source = positionals[0];
      if (!source) throw new CliError('Name the backup to restore: hustings restore FILE', 2);
      const file = resolve(source);
      await withDatabase(values, async (app) => {
        let passphrase: string | undefined;
        let verdict = await call(app, 'backups.verify', { from: file });
        if (verdict.locked) {
          passphrase = await backupPassphrase(values, { creating: false, why: verdict.ok ? '' : verdict.problems.join(' ') });
          verdict = await call(app, 'backups.verify', { from: file, passphrase });
        }
        if (!verdict.ok) throw new CliError(`Not restored: ${verdict.problems.join(' ')}`);
        console.log(`Checked ${file}: integrity ok, schema version ${verdict.schemaVersion}.`);
        const r = await call(app, 'backups.restore', { from: file, confirm: true, passphrase });
        // Said at once, so the way back is known whatever happens next.
        console.log(`Restored. The data from before is in ${join(backupsDir(app.dbPath), r.safetyBackup)}.`);
        if (r.restoredVersion < r.schemaVersion) console.log(`Upgraded the restored data from schema ${r.restoredVersion} to ${r.schemaVersion}.`);
        for (const note of r.notes) console.log(note);
        await call(app, 'audit.list', { limit: 1 }); // the database answers after the restore
      });
      return 0;
    },
  },
  {
    path: ['backups'],
    usage: 'backups [--db PATH] [--json]',
    summary: 'List the backups in the backups folder beside the database, newest first, with how many people erased since each holds',
    options: { json: { type: 'boolean' } },
    async run(values) {
      const dbPath = dbPathOf(values);
      const erasures = erasureDates(dbPath);
      const backups = listBackups(dbPath).map(({ file, takenAt, reason, schemaVersion, size }) => ({
        file,
        takenAt,
        reason,
        schemaVersion,
        size,
        holdsErased: erasedSince(erasures, takenAt),
      }));
      if (values.json) {
        process.stdout.write(`${JSON.stringify(backups, null, 2)}\n`);
      } else if (backups.length === 0) {
        console.log(`No backups yet in ${backupsDir(dbPath)}.`);
      } else {
        printTable(backups, ['takenAt', 'reason', 'schemaVersion', 'size', 'holdsErased', 'file']);
      }
      return 0;
    },
  },
];
