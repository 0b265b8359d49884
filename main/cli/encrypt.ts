import { assertConvertible, ConversionRefusedError, encryptWithPassphrase } from '../../db/encryption/convert.ts';
import { newPassphrase } from '../../shared/contract/encrypt.ts';
import { CliError, type Command, dbPathOf } from './command.ts';

/** Reads a line from the terminal without showing what is typed. */
function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          return resolve(text);
        }
        if (ch === '\u0003') {
          done();
          return reject(new CliError('Stopped: nothing was changed.', 130));
        }
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else text += ch;
      }
    };
    const done = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    input.on('data', onData);
  });
}

/** The new passphrase: HUSTINGS_PASSPHRASE for scripts, else asked twice on the terminal. */
async function newPassphraseFor(dbPath: string): Promise<string> {
  let passphrase = process.env.HUSTINGS_PASSPHRASE;
  if (passphrase === undefined) {
    if (!process.stdin.isTTY) {
      throw new CliError(`Encrypting ${dbPath} needs a new passphrase: set HUSTINGS_PASSPHRASE, or run this in a terminal to be asked for it.`, 2);
    }
    passphrase = await askHidden(`New passphrase for ${dbPath}: `);
    const again = await askHidden('The same passphrase again: ');
    if (again !== passphrase) throw new CliError('The two passphrases differ: nothing was changed. Run the command again.', 2);
  }
  const parsed = newPassphrase.safeParse(passphrase);
  if (!parsed.success) throw new CliError(`${parsed.error.issues[0].message}. Nothing was changed.`, 2);
  return parsed.data;
}

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
        result = await encryptWithPassphrase(dbPath, await newPassphraseFor(dbPath));
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
