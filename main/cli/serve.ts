import { readFileSync } from 'node:fs';
import { startServer } from '../server.ts';
import { browserToken } from '../browser-token.ts';
import { shownUrl } from '../../db/postgres/reach.ts';
import { CliError, type Command, databaseUrlOf, openFromTerminal, URL_EXAMPLE, type Values } from './command.ts';

/** A team server's port when none is given: one its people can bookmark (browser mode takes any free one). */
export const DEFAULT_TEAM_PORT = 8080;
const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

function pem(values: Values, option: 'tls-cert' | 'tls-key'): Buffer {
  const file = values[option] as string;
  try {
    return readFileSync(file);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : 'it cannot be read';
    throw new CliError(`--${option} ${file}: ${why}.`, 2);
  }
}

/** The certificate and key of --tls-cert and --tls-key, both or neither. */
function tlsOf(values: Values): { cert: Buffer; key: Buffer } | undefined {
  const cert = typeof values['tls-cert'] === 'string';
  const key = typeof values['tls-key'] === 'string';
  if (cert !== key) throw new CliError('Give both --tls-cert FILE and --tls-key FILE (the certificate and its private key, PEM), or neither.', 2);
  return cert ? { cert: pem(values, 'tls-cert'), key: pem(values, 'tls-key') } : undefined;
}

/** What a team server needs before anything opens: its database, and TLS unless on this computer only. */
function checkTeam(values: Values, host: string, tls: boolean): void {
  if (values.team !== true) return;
  if (typeof values.database !== 'string') {
    throw new CliError(
      `A team server keeps its people's accounts in the team database: give --database ${URL_EXAMPLE} (a desktop file has one user and no sign-in).`,
      2,
    );
  }
  if (!LOOPBACK.includes(host) && !tls && values['insecure-http'] !== true) {
    throw new CliError(
      `A team server listening on ${host} would send passwords and campaign data unencrypted: give --tls-cert FILE --tls-key FILE, or put a reverse proxy that speaks HTTPS on this computer and add --insecure-http (see "A team server" in the README).`,
      2,
    );
  }
}

/** The campaign's name a team server gives the people connecting to it: --campaign, or none (its address names it). */
function campaignOf(values: Values): string | undefined {
  const campaign = values.campaign;
  if (campaign === undefined) return undefined;
  if (values.team !== true) throw new CliError('--campaign names a team server: add --team (a file on one computer is not connected to).', 2);
  const name = String(campaign).trim();
  if (name === '' || name.length > 200) throw new CliError('--campaign needs the campaign’s name, up to 200 characters: --campaign "Westshire Greens".', 2);
  return name;
}

function addressOf(values: Values): string | undefined {
  const address = values.address;
  if (typeof address !== 'string') return undefined;
  if (!URL.canParse(address) || !/^https?:$/.test(new URL(address).protocol))
    throw new CliError(`--address ${address} is not a web address: write it as https://team.example.org.`, 2);
  return address;
}

export const serveCommands: Command[] = [
  {
    path: ['serve'],
    usage:
      'serve [--db PATH | --database URL [--files DIR]] [--port N] [--host ADDRESS] [--new-token] [--team [--tls-cert FILE --tls-key FILE | --insecure-http] [--address URL] [--campaign NAME]]',
    summary: `Run Hustings in your web browser (browser mode) on this computer; the address keeps its token until --new-token. With --team (and --database), a team server: each person signs in with their own account (see users add), on port ${DEFAULT_TEAM_PORT} unless --port; beyond this computer it needs --tls-cert and --tls-key, or --insecure-http behind a reverse proxy, whose public address --address gives. --campaign names the campaign to the people who connect (default: the address).`,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'new-token': { type: 'boolean' },
      team: { type: 'boolean' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'insecure-http': { type: 'boolean' },
      address: { type: 'string' },
      campaign: { type: 'string' },
    },
    async run(values) {
      const team = values.team === true;
      const port = values.port === undefined ? (team ? DEFAULT_TEAM_PORT : 0) : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not "${values.port}"`, 2);
      const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
      const tls = tlsOf(values);
      checkTeam(values, host, tls !== undefined);
      const publicAddress = addressOf(values);
      const campaign = campaignOf(values);
      if (!team && !LOOPBACK.includes(host)) {
        console.warn(
          `Warning: listening on ${host}, not only this computer. Anyone who can reach it and has the token can read and change your campaign data.`,
        );
      }
      const databaseUrl = databaseUrlOf(values);
      const app = await openFromTerminal(values);
      // On a team database, app.dbPath names its token file in the files folder.
      const token = team ? undefined : browserToken(app.dbPath, { renew: values['new-token'] === true });
      const server = await startServer(app, { port, host, token, team, tls, publicAddress, campaign });
      console.log(`Database: ${databaseUrl === undefined ? app.dbPath : shownUrl(databaseUrl)}`);
      console.log(`Hustings is running at ${server.url}`);
      if (publicAddress !== undefined) console.log(`Listening on ${host} port ${server.port}: the reverse proxy sends its requests there.`);
      if (team) console.log('Team server: each person signs in with their own account (add the first with `hustings users add NAME --role admin`).');
      const stop = async () => {
        await server.close();
        await app.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
      await new Promise(() => {}); // until a signal stops it
      return 0;
    },
  },
];
