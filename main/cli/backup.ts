import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupTo } from '../../db/backup.ts';
import { CliError, type Command, withApp } from './command.ts';

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
      await withApp(values, (app) => backupTo(app.db, file));
      const copy = new Database(file, { readonly: true });
      try {
        const check = copy.pragma('integrity_check', { simple: true });
        if (check !== 'ok') throw new CliError(`The backup at ${file} failed its integrity check: ${check}`);
      } finally {
        copy.close();
      }
      console.log(`Backed up to ${file} (integrity check ok).`);
      return 0;
    },
  },
];
