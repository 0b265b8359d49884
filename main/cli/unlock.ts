/**
 * The terminal's door to an encrypted database: what opens it (HUSTINGS_PASSPHRASE, else asked
 * on the terminal without echo; HUSTINGS_RECOVERY_KEY or --recovery-key on a computer without
 * its key file), and the recovery key of a new database, printed once.
 */
import { parseRecoveryKey } from '../../db/sqlite/encryption/keys.ts';
import { databaseKind, type KeySource } from '../../db/sqlite/encryption/unlock.ts';
import { MIN_PASSPHRASE } from '../../shared/contract/encrypt.ts';
import { CliError, type Values } from './command.ts';

function recoveryKeyGiven(values: Values): string | undefined {
  if (typeof values['recovery-key'] === 'string') return values['recovery-key'];
  return process.env.HUSTINGS_RECOVERY_KEY || undefined;
}

/** What opens (or creates) the database at `dbPath`, asking on the terminal only when needed. */
export async function keysFromTerminal(dbPath: string, values: Values): Promise<KeySource> {
  const kind = databaseKind(dbPath);
  // A plain file opens as it is; anything else that is not SQLite is refused by name later.
  if (kind === 'plain' || kind === 'other') return {};
  const recoveryKey = recoveryKeyGiven(values);
  if (kind === 'new') {
    if (recoveryKey !== undefined) throw new CliError(`There is no database at ${dbPath} to open with a recovery key: check --db.`, 2);
    return { passphrase: await newPassphrase(`A new database at ${dbPath} is encrypted with a passphrase`) };
  }
  if (recoveryKey !== undefined) {
    parseRecoveryKey(recoveryKey, dbPath); // a typo is said before any question is asked
    return { recoveryKey, passphrase: await newPassphrase(`Opening ${dbPath} with its recovery key makes a new key file with a new passphrase`) };
  }
  const given = process.env.HUSTINGS_PASSPHRASE;
  if (given) return { passphrase: given };
  if (!canAsk()) {
    throw new CliError(
      `${dbPath} is encrypted: set HUSTINGS_PASSPHRASE to its passphrase (or HUSTINGS_RECOVERY_KEY to its recovery key), or run this in a terminal to be asked.`,
      2,
    );
  }
  return { passphrase: await askHidden(`Passphrase for ${dbPath}: `) };
}

/** A passphrase to lock a new key file with: HUSTINGS_PASSPHRASE, else asked twice. */
export async function newPassphrase(why: string): Promise<string> {
  const given = process.env.HUSTINGS_PASSPHRASE;
  if (given) {
    if (given.length < MIN_PASSPHRASE)
      throw new CliError(`HUSTINGS_PASSPHRASE is too short for a new passphrase: use at least ${MIN_PASSPHRASE} characters.`, 2);
    return given;
  }
  if (!canAsk()) throw new CliError(`${why}: set HUSTINGS_PASSPHRASE to one, or run this in a terminal to be asked.`, 2);
  process.stderr.write(`${why}. Choose one of at least ${MIN_PASSPHRASE} characters; it is not shown as you type.\n`);
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = await askHidden('New passphrase: ');
    if (first.length < MIN_PASSPHRASE) {
      process.stderr.write(`That has ${first.length} characters; use at least ${MIN_PASSPHRASE}.\n`);
      continue;
    }
    if ((await askHidden('The same passphrase again: ')) === first) return first;
    process.stderr.write('The two did not match.\n');
  }
  throw new CliError('No passphrase was chosen, so nothing was created or changed.', 2);
}

export function canAsk(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** What was typed past the end of the last answer (a pasted "pass⏎pass⏎"): the next answer's start. */
let typedAhead = '';

/** Reads a line from the terminal without echoing it. Ctrl-C stops, as it would anywhere. */
export function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  input.setRawMode(true); // before the prompt, so nothing typed after it is ever echoed
  process.stderr.write(prompt);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let answer = '';
    const done = (finish: () => void) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      finish();
    };
    const onData = (chunk: string) => {
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i];
        if (c === '\r' || c === '\n') {
          typedAhead = chunk.slice(chunk[i + 1] === '\n' && c === '\r' ? i + 2 : i + 1);
          return done(() => resolve(answer));
        }
        if (c === '\u0003' || c === '\u0004') return done(() => reject(new CliError('Stopped: nothing was opened or changed.', 130)));
        if (c === '\u007f' || c === '\b') answer = answer.slice(0, -1);
        else if (c >= ' ') answer += c;
      }
    };
    input.on('data', onData);
    const ahead = typedAhead;
    typedAhead = '';
    if (ahead) onData(ahead);
  });
}

/** The recovery key of a database just created, on the terminal once, with what to do with it. */
export function announceRecoveryKey(dbPath: string, recoveryKey: string): void {
  process.stderr.write(
    [
      '',
      `Created ${dbPath}, encrypted. Its recovery key is:`,
      '',
      `    ${recoveryKey}`,
      '',
      'Write it down or print it, and keep it apart from this computer. It opens the database and its',
      'backups on any computer if the passphrase is forgotten or the key file beside it is lost;',
      'without it or the passphrase, nobody (not even Hustings) can read the data. It is not shown again.',
      '',
    ].join('\n'),
  );
}
