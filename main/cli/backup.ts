import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupTo, backupsDir, inspectBackup, listBackups } from '../../db/backup.ts';
import { restoreBackup } from '../../db/restore.ts';
import { writeAudit } from '../../db/repositories/audit.ts';
import { defaultActor, type Hustings } from '../app.ts';
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
    usage: 'backup FILE [--db PATH]',
    summary: 'Copy the database to FILE while it may be in use, then check the copy',
    async run(values, positionals) {
      const target = positionals[0];
      if (!target) throw new CliError('Name the backup file: hustings backup FILE', 2);
      const file = resolve(target);
      if (existsSync(file)) throw new CliError(`${file} already exists; choose a new name so no backup is overwritten`);
      await withDatabase(values, (app) => backupTo(app.db, file, progressOnStderr('Backing up')));
      const { verdict } = inspectBackup(file);
      if (!verdict.ok) throw new CliError(`The backup at ${file} did not check out: ${verdict.problems.join(' ')}`);
      console.log(`Backed up to ${file} (integrity check ok).`);
      return 0;
    },
  },
  {
    path: ['restore'],
    usage: 'restore FILE [--db PATH]',
    summary: 'Check FILE (integrity, schema version), back up the current data, then restore FILE',
    async run(values, positionals) {
      const source = positionals[0];
      if (!source) throw new CliError('Name the backup to restore: hustings restore FILE', 2);
      const file = resolve(source);
      const { verdict, schemaVersion } = inspectBackup(file);
      if (!verdict.ok) throw new CliError(`Not restored: ${verdict.problems.join(' ')}`);
      console.log(`Checked ${file}: integrity ok, schema version ${schemaVersion}.`);
      await withDatabase(values, async (app, dbPath) => {
        const r = await restoreBackup(app.db, dbPath, file);
        // Said at once, so the way back is known whatever happens next.
        console.log(`Restored. The data from before is in ${r.safetyBackup.path}.`);
        if (r.restoredVersion < r.schemaVersion) console.log(`Upgraded the restored data from schema ${r.restoredVersion} to ${r.schemaVersion}.`);
        await writeAudit(app.db, {
          actor: defaultActor(),
          action: 'restore',
          entity: 'database',
          entityId: null,
          summary: `Restored ${file} from the command line; the data from before is in ${r.safetyBackup.file}`,
          after: { restoredFrom: file, safetyBackup: r.safetyBackup.file, restoredVersion: r.restoredVersion },
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
    summary: 'List the backups in the backups folder beside the database, newest first',
    options: { json: { type: 'boolean' } },
    async run(values) {
      const dbPath = dbPathOf(values);
      const backups = listBackups(dbPath).map(({ file, takenAt, reason, schemaVersion, size }) => ({ file, takenAt, reason, schemaVersion, size }));
      if (values.json) {
        process.stdout.write(`${JSON.stringify(backups, null, 2)}\n`);
      } else if (backups.length === 0) {
        console.log(`No backups yet in ${backupsDir(dbPath)}.`);
      } else {
        printTable(backups, ['takenAt', 'reason', 'schemaVersion', 'size', 'file']);
      }
      return 0;
    },
  },
];
