import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { areasCommands } from './cli/areas.ts';
import { backupCommands } from './cli/backup.ts';
import { callCommands } from './cli/call.ts';
import { type Command, DEFAULT_DB } from './cli/command.ts';
import { databaseCommands } from './cli/database.ts';
import { electionsCommands } from './cli/elections.ts';
import { encryptCommands } from './cli/encrypt.ts';
import { describeFailure } from './cli/failure.ts';
import { nominationsCommands } from './cli/nominations.ts';
import { registerCommands } from './cli/register.ts';
import { rulesCommands } from './cli/rules.ts';
import { plannerCommands } from './cli/planner.ts';
import { keepFilesPrivate, tightenFolder } from './private-files.ts';
import { leafletsCommands } from './cli/leaflets.ts';
import { serveCommands } from './cli/serve.ts';
import { usersCommands } from './cli/users.ts';
import { timetableCommands } from './cli/timetable.ts';
import { treasuryCommands } from './cli/treasury.ts';
import { pollingCommands } from './cli/polling.ts';
import { knockUpCommands } from './cli/knock-up.ts';

/** The command table: each feature adds its commands here. */
export const commands: Command[] = [
  ...serveCommands,
  ...usersCommands,
  ...databaseCommands,
  ...electionsCommands,
  ...areasCommands,
  ...nominationsCommands,
  ...plannerCommands,
  ...timetableCommands,
  ...rulesCommands,
  ...treasuryCommands,
  ...registerCommands,
  ...leafletsCommands,
  ...backupCommands,
  ...encryptCommands,
  ...pollingCommands,
  ...knockUpCommands,
  ...callCommands,
];

function help(): string {
  return [
    'Hustings — campaign planning for small parties.',
    '',
    'Usage: hustings <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    `Every command takes --help; those that work on a campaign take --db PATH (default ${DEFAULT_DB}),`,
    'or --database postgres://USER:PASSWORD@HOST:PORT/DB for a team database (its files, such as leaflet',
    'artwork, are kept in --files DIR, default the data folder).',
    'An encrypted database opens with its passphrase: HUSTINGS_PASSPHRASE, or asked on the terminal.',
    'On a computer without its key file (PATH.key), --recovery-key KEY or HUSTINGS_RECOVERY_KEY opens it',
    'and makes a new key file with a new passphrase.',
  ].join('\n');
}

function find(args: string[]): { command: Command; rest: string[] } | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  const matches = commands.filter((c) => c.path.every((w, i) => words[i] === w)).sort((a, b) => b.path.length - a.path.length);
  const command = matches[0];
  if (!command) return undefined;
  const rest = [...args];
  for (const w of command.path) rest.splice(rest.indexOf(w), 1);
  return { command, rest };
}

export async function main(argv: string[]): Promise<number> {
  // Before any command writes anything (exports, backups, the database): owner-only files.
  keepFilesPrivate();
  const found = find(argv);
  if (!found) {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      console.log(help());
      return 0;
    }
    console.error(`Unknown command: ${argv.join(' ')}\n\n${help()}`);
    return 2;
  }
  const { command, rest } = found;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        database: { type: 'string' },
        files: { type: 'string' },
        'recovery-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...command.options,
      },
    });
    if (values.help) {
      console.log(`Usage: hustings ${command.usage}\n\n${command.summary}`);
      return 0;
    }
    // The default data folder is Hustings' own (a folder given with --db may be anyone's, and
    // is left as it is): private, even when an older version made it readable by all.
    if (values.db === undefined && values.files === undefined) tightenFolder(dirname(resolve(DEFAULT_DB)));
    return await command.run(values, positionals);
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\nUsage: hustings ${command.usage}`);
      return 2;
    }
    const { message, exitCode } = describeFailure(error);
    console.error(message);
    return exitCode;
  }
}
