/**
 * A team server's accounts from the command line: the first account (the team secretary), and a
 * new sign-in link for someone who cannot sign in (the secretary's own forgotten password). The
 * rest of the team is managed on the Team page.
 */
import { userInfo } from 'node:os';
import { accountNamed } from '../../db/repositories/team.ts';
import { AppError } from '../../shared/contract/result.ts';
import { ROLES, type Role } from '../../shared/contract/roles.ts';
import { isoDateProblem } from '../../shared/domain/working-days.ts';
import { addAccount } from '../team/accounts.ts';
import { issueLink, linkAddress } from '../team/links.ts';
import { DEFAULT_TEAM_PORT } from './serve.ts';
import { CliError, type Command, databaseUrlOf, URL_EXAMPLE, type Values, withApp } from './command.ts';

const DEFAULT_ADDRESS = `http://localhost:${DEFAULT_TEAM_PORT}`;

function teamDatabase(values: Values): void {
  if (typeof values.db === 'string' && values.database === undefined) {
    throw new CliError(`A team's accounts are kept in its team database: give --database ${URL_EXAMPLE}, not --db.`, 2);
  }
  if (databaseUrlOf(values) === undefined) throw new CliError(`Give the team database with --database ${URL_EXAMPLE}.`, 2);
}

function rolesOf(values: Values): Role[] {
  const given = ((values.role as string[] | undefined) ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter(Boolean);
  if (given.length === 0) throw new CliError(`Give at least one role with --role (${ROLES.join(', ')}); admin is the team secretary.`, 2);
  const unknown = given.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new CliError(`--role ${unknown.join(', ')}: not a role here. The roles are ${ROLES.join(', ')}.`, 2);
  return [...new Set(given as Role[])];
}

function addressOf(values: Values): string {
  const address = typeof values.address === 'string' ? values.address : DEFAULT_ADDRESS;
  if (!URL.canParse(address) || !/^https?:$/.test(new URL(address).protocol)) {
    throw new CliError(`--address ${address} is not a web address: write it as https://team.example.org (where people open the team server).`, 2);
  }
  return address;
}

function printLink(name: string, address: string, link: { token: string; expiresAt: string }, values: Values) {
  console.log(`One-time sign-in link for ${name} (it opens once, until ${link.expiresAt.slice(0, 16).replace('T', ' ')} UTC):`);
  console.log(linkAddress(address, link.token));
  console.log('Give it to them privately: whoever opens it first chooses the password. It is not shown again.');
  if (values.address === undefined) {
    console.log(`(The link assumes the team server is at ${DEFAULT_ADDRESS}; if people reach it at another address, give that with --address.)`);
  }
}

async function runAdd(values: Values, positionals: string[]): Promise<number> {
  const name = positionals.join(' ').trim();
  if (name === '') throw new CliError('Give the person’s name: users add NAME --role admin --database URL', 2);
  if (name.length > 100) throw new CliError('The name is over 100 characters: give a shorter one.', 2);
  const roles = rolesOf(values);
  const decidedOn = typeof values.date === 'string' ? values.date : new Date().toISOString().slice(0, 10);
  const dateProblem = isoDateProblem(decidedOn);
  if (dateProblem !== null) throw new CliError(`--date (the meeting's date): ${dateProblem}.`, 2);
  const meeting = typeof values.meeting === 'string' && values.meeting.trim() !== '' ? values.meeting.trim() : 'Recorded at the command line';
  const address = addressOf(values);
  teamDatabase(values);
  return withApp(values, async (app) => {
    try {
      const link = await app.store.transaction((tx) => addAccount(tx, { name, roles, meeting, decidedOn, recordedBy: userInfo().username }));
      console.log(`Added ${name} (${roles.join(', ')}), as decided at “${meeting}” on ${decidedOn}.`);
      printLink(name, address, link, values);
      return 0;
    } catch (error) {
      if (error instanceof AppError) throw new CliError(`${error.message} Nothing was written.`);
      throw error;
    }
  });
}

async function runLink(values: Values, positionals: string[]): Promise<number> {
  const name = positionals.join(' ').trim();
  if (name === '') throw new CliError('Give the person’s name: users link NAME --database URL', 2);
  const address = addressOf(values);
  teamDatabase(values);
  return withApp(values, async (app) => {
    const account = await accountNamed(app.store, name);
    if (!account) throw new CliError(`There is no account named "${name}" in this team database.`);
    if (account.switchedOffAt !== null) throw new CliError(`${name}'s account is switched off: it signs in no more.`);
    printLink(name, address, await issueLink(app.store, account.id, 'reset'), values);
    return 0;
  });
}

export const usersCommands: Command[] = [
  {
    path: ['users', 'add'],
    usage: `users add NAME --role ROLE [--role ROLE…] --database ${URL_EXAMPLE} [--meeting TEXT] [--date YYYY-MM-DD] [--address URL]`,
    summary: `Add a person to a team server with the roles a meeting gave them (${ROLES.join(', ')}; admin is the team secretary, who manages the rest on the Team page), and print a one-time link for them to choose their password. --address is where people open the team server (default ${DEFAULT_ADDRESS}).`,
    options: { role: { type: 'string', multiple: true }, meeting: { type: 'string' }, date: { type: 'string' }, address: { type: 'string' } },
    run: runAdd,
  },
  {
    path: ['users', 'link'],
    usage: `users link NAME --database ${URL_EXAMPLE} [--address URL]`,
    summary:
      'Print a new one-time sign-in link for a person on a team server who cannot sign in (a forgotten password): it lets them choose a new one, for a day.',
    options: { address: { type: 'string' } },
    run: runLink,
  },
];
