import { startServer } from '../server.ts';
import { browserToken } from '../browser-token.ts';
import { shownUrl } from '../../db/postgres/reach.ts';
import { CliError, type Command, databaseUrlOf, openFromTerminal } from './command.ts';

export const serveCommands: Command[] = [
  {
    path: ['serve'],
    usage: 'serve [--db PATH | --database URL [--files DIR]] [--port N] [--host ADDRESS] [--new-token]',
    summary: 'Run Hustings in your web browser (browser mode) on this computer; the address keeps its token until --new-token',
    options: { port: { type: 'string' }, host: { type: 'string' }, 'new-token': { type: 'boolean' } },
    async run(values) {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not "${values.port}"`, 2);
      const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
      if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
        console.warn(
          `Warning: listening on ${host}, not only this computer. Anyone who can reach it and has the token can read and change your campaign data.`,
        );
      }
      const databaseUrl = databaseUrlOf(values);
      const app = await openFromTerminal(values);
      // On a team database, app.dbPath names its token file in the files folder.
      const server = await startServer(app, { port, host, token: browserToken(app.dbPath, { renew: values['new-token'] === true }) });
      console.log(`Database: ${databaseUrl === undefined ? app.dbPath : shownUrl(databaseUrl)}`);
      console.log(`Hustings is running at ${server.url}`);
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
