/**
 * The backup passphrase on the command line: HUSTINGS_BACKUP_PASSPHRASE for scripts, or one line
 * on standard input with --backup-passphrase-stdin, else asked on the terminal without echo.
 * The same text may be a recovery key when a backup came from another database.
 */
import { newBackupPassphrase } from '../../shared/contract/backups.ts';
import { CliError, type Values } from './command.ts';
import { askHidden, canAsk } from './unlock.ts';

const BACKUP_PASSPHRASE_ENV = 'HUSTINGS_BACKUP_PASSPHRASE';

/** The option every command reading a backup passphrase takes. */
export const backupPassphraseOption = { 'backup-passphrase-stdin': { type: 'boolean' } } as const;

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

/**
 * The backup passphrase (or recovery key) from the environment, standard input or the terminal.
 * `creating` asks twice and applies the rules for a new passphrase; `why` is said before asking.
 */
export async function backupPassphrase(values: Values, opts: { creating: boolean; why: string }): Promise<string> {
  let text = process.env[BACKUP_PASSPHRASE_ENV];
  if (text === undefined && values['backup-passphrase-stdin']) text = await firstLineOfStdin();
  if (text === undefined) {
    if (!canAsk()) {
      throw new CliError(`${opts.why} Set ${BACKUP_PASSPHRASE_ENV}, or pass --backup-passphrase-stdin and give it on standard input.`, 2);
    }
    process.stderr.write(`${opts.why} Type it below; it is not shown as you type.\n`);
    text = await askHidden(opts.creating ? 'New backup passphrase: ' : 'Backup passphrase or recovery key: ');
    if (opts.creating && (await askHidden('The same again: ')) !== text) throw new CliError('The two passphrases differ: nothing was written.', 2);
  }
  if (opts.creating) {
    const checked = newBackupPassphrase.safeParse(text);
    if (!checked.success) throw new CliError(`The backup passphrase is not usable: ${checked.error.issues[0].message}.`, 2);
  } else if (text.trim() === '') {
    throw new CliError('The backup passphrase is empty: nothing was changed.', 2);
  }
  return text;
}
