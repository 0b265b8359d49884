import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupTo, backupsDir, inspectBackup, listBackups } from '../../db/backup.ts';
import { erasedSince, erasureDates } from '../../db/erasure-log.ts';
import { keyOf } from '../../db/encryption/cipher.ts';
import { restoreBackup } from '../../db/restore.ts';
import { writeAudit } from '../../db/repositories/audit.ts';
import { defaultActor, type Hustings } from '../app.ts';
import { backupPassphrase, backupPassphraseOption } from './backup-passphrase.ts';
import { CliError, type Command, dbPathOf, openFromTerminal, printTable, progressOnStderr, type Values } from './command.ts';

/** Opens the database without the start-up backup: these commands take their own. */
async function withDatabase<T>(values: Values, fn: (app: Hustings, dbPath: string) => Promise<T>): Promise<T> {
  const app = await openFromTerminal(values, { startupBackup: false });
  try {
    return await fn(app, app.dbPath);
  } finally {
    app.close();
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
      if (existsSync(file)) throw new CliError(`${file} already exists; choose a new name so no backup is overwritten`);
      const passphrase = values['passphrase-for-copy']
        ? await backupPassphrase(values, { creating: true, why: 'The copy is to be encrypted with a backup passphrase of its own.' })
        : undefined;
      // The copy is checked before it takes its name: a file at FILE is one that checked out.
      await withDatabase(values, (app) => backupTo(app.db, file, { passphrase, onProgress: progressOnStderr('Backing up') }));
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
      await withDatabase(values, async (app, dbPath) => {
        const key = keyOf(app.db);
        let passphrase: string | undefined;
        let inspection = inspectBackup(file, { key });
        if (inspection.locked) {
          passphrase = await backupPassphrase(values, { creating: false, why: inspection.verdict.ok ? '' : inspection.verdict.problems.join(' ') });
          inspection = inspectBackup(file, { key, given: passphrase });
        }
        const { verdict, schemaVersion } = inspection;
        if (!verdict.ok) throw new CliError(`Not restored: ${verdict.problems.join(' ')}`);
        console.log(`Checked ${file}: integrity ok, schema version ${schemaVersion}.`);
        const r = await restoreBackup(app.db, dbPath, file, { passphrase });
        // Said at once, so the way back is known whatever happens next.
        console.log(`Restored. The data from before is in ${r.safetyBackup.path}.`);
        if (r.restoredVersion < r.schemaVersion) console.log(`Upgraded the restored data from schema ${r.restoredVersion} to ${r.schemaVersion}.`);
        for (const note of r.notes) console.log(note);
        await writeAudit(app.db, {
          actor: defaultActor(),
          action: 'restore',
          entity: 'database',
          entityId: null,
          summary: `Restored ${file} from the command line; the data from before is in ${r.safetyBackup.file}`,
          after: { restoredFrom: file, safetyBackup: r.safetyBackup.file, restoredVersion: r.restoredVersion, erasuresReapplied: r.erasuresReapplied },
        });
        const audit = await app.dispatch('audit.list', { limit: 1 }); // the database answers after the restore
        if (!audit.ok) throw new CliError(`The restored database does not answer: ${audit.error.message}`);
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
