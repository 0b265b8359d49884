import { assertConvertible, ConversionRefusedError, encryptWithPassphrase } from '../../db/sqlite/encryption/convert.ts';
import { openHustings } from '../app.ts';
import { type Command, CliError, dbPathOf } from './command.ts';
import { newPassphrase } from './unlock.ts';

export const encryptCommands: Command[] = [
  {
    path: ['encrypt'],
    usage: 'encrypt [--db PATH]',
    summary:
      'Encrypt a plain (unencrypted) database and its backups in place with a new passphrase (HUSTINGS_PASSPHRASE, or asked twice); prints the recovery key once. Close Hustings first',
    async run(values) {
      const dbPath = dbPathOf(values);
      let result;
      try {
        // Refusals (no such file, already encrypted, not Hustings') come before the passphrase is asked.
        assertConvertible(dbPath);
        const passphrase = await newPassphrase(`Encrypting ${dbPath} needs a new passphrase`);
        // An older file is brought up to date first, as any command would: its backup from before
        // the upgrade is then one of the plain backups encrypted with it.
        await (await openHustings({ dbPath, keys: {}, startupBackup: false })).close();
        result = await encryptWithPassphrase(dbPath, passphrase);
      } catch (error) {
        if (error instanceof ConversionRefusedError) throw new CliError(error.message);
        throw error;
      }
      const backups = result.backupsEncrypted > 0 ? ` and ${result.backupsEncrypted} backup(s)` : '';
      console.log(`Encrypted ${dbPath}${backups}. From now on it opens with the passphrase (or HUSTINGS_PASSPHRASE).`);
      for (const left of result.backupsLeftPlain) console.error(`Not encrypted, still readable by anyone: ${left}`);
      console.log('');
      console.log('Recovery key: with it the database and its backups open on another computer, or if the passphrase is forgotten.');
      console.log('Write it down or print it and keep it somewhere safe; it is shown only this once.');
      console.log('');
      console.log(`  ${result.recoveryKey}`);
      console.log('');
      return result.backupsLeftPlain.length > 0 ? 1 : 0;
    },
  },
];
