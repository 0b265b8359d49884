import { isMethodName } from '../../shared/contract/index.ts';
import { describeMethods } from '../server.ts';
import { CliError, type Command, printJson, withApp } from './command.ts';

export const callCommands: Command[] = [
  {
    path: ['call'],
    usage: 'call METHOD [JSON] [--db PATH | --database URL]',
    summary: 'Call any method of the API with JSON input (default {}): prints the JSON result (exit 0) or the error object (exit 1)',
    async run(values, positionals) {
      const [method, json, ...extra] = positionals;
      if (!method) throw new CliError('Name the method to call, e.g. hustings call elections.list (hustings methods lists them)', 2);
      if (!isMethodName(method)) throw new CliError(`There is no method "${method}": hustings methods lists them`, 2);
      if (extra.length > 0) throw new CliError(`Give the input as one JSON argument (quote it); unexpected: ${extra.join(' ')}`, 2);
      let input: unknown = {};
      if (json !== undefined) {
        try {
          input = JSON.parse(json);
        } catch (e) {
          throw new CliError(`The input for ${method} is not JSON: ${(e as Error).message}`, 2);
        }
      }
      const result = await withApp(values, (app) => app.dispatch(method, input));
      if (!result.ok) {
        printJson(result.error);
        return 1;
      }
      printJson(result.value ?? null);
      return 0;
    },
  },
  {
    path: ['methods'],
    usage: 'methods [--json]',
    summary: 'List every method of the API with its input schema (JSON Schema)',
    options: { json: { type: 'boolean' } },
    async run(values) {
      // The same list as browser mode's GET /api/methods.
      const methods = describeMethods();
      if (values.json) {
        printJson(methods);
        return 0;
      }
      for (const m of methods) console.log(`${m.name} (${m.kind}) — ${m.summary}\n  input: ${JSON.stringify(m.input)}`);
      return 0;
    },
  },
];
