import { type Command, call, printJson, printTable, withApp } from './command.ts';

export const electionsCommands: Command[] = [
  {
    path: ['elections', 'list'],
    usage: 'elections list [--db PATH] [--json]',
    summary: 'List the elections',
    options: { json: { type: 'boolean' } },
    async run(values) {
      const elections = await withApp(values, (app) => call(app, 'elections.list', {}));
      if (values.json) printJson(elections);
      else if (elections.length === 0) console.log('No elections yet. Create one in the app, or see `hustings --help`.');
      else printTable(elections, ['id', 'pollingDay', 'type', 'nation', 'name', 'contestCount']);
      return 0;
    },
  },
];
