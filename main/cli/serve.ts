import { startServer } from '../server.ts';
import { browserToken } from '../browser-token.ts';
import { CliError, type Command, dbPathOf, openFromTerminal } from './command.ts';

export const serveCommands: Command[] = [
  {
    path: ['serve'],
    usage: 'serve [--db PATH] [--port N] [--host ADDRESS] [--new-token]',
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
      const dbPath = dbPathOf(values);
      const app = await openFromTerminal(values);
      const server = await startServer(app, { port, host, token: browserToken(dbPath, { renew: values['new-token'] === true }) });
      console.log(`Database: ${dbPath}`);
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
