import { readFileSync } from 'node:fs';
import { CliError, type Command, call, inputOf, withApp } from './command.ts';

export const areasCommands: Command[] = [
  {
    path: ['areas', 'import'],
    usage:
      'areas import FILE [--db PATH] [--kind constituency|ward|division|parish|region|authority] [--nation england|wales|scotland|northern-ireland]\n' +
      '                  [--repeated-rows skip|import] [--shared-codes import-without-code|skip]',
    summary: 'Import areas from a CSV file; rows that need a decision are listed by line number',
    options: {
      kind: { type: 'string', default: 'constituency' },
      nation: { type: 'string', default: 'england' },
      'repeated-rows': { type: 'string' },
      'shared-codes': { type: 'string' },
    },
    async run(values, positionals) {
      const file = positionals[0];
      if (!file) throw new CliError('Name the CSV file to import: hustings areas import FILE', 2);
      let csv: string;
      try {
        csv = readFileSync(file, 'utf8');
      } catch (e) {
        throw new CliError(`Cannot read ${file}: ${(e as Error).message}`);
      }
      const base = inputOf(
        'areas.importPreview',
        { csv, kind: values.kind, defaultNation: values.nation },
        { csv: file, kind: '--kind', defaultNation: '--nation' },
      );
      return withApp(values, async (app) => {
        const preview = await call(app, 'areas.importPreview', base);
        const decisions: Record<string, string> = {};
        const undecided: string[] = [];
        for (const p of preview.problems) {
          const choice = p.kind === 'duplicate-row' ? values['repeated-rows'] : p.kind === 'duplicate-code' ? values['shared-codes'] : p.choices[0];
          if (typeof choice === 'string') decisions[String(p.line)] = choice;
          else undecided.push(p.message);
          console.log(p.message);
        }
        if (undecided.length > 0) {
          throw new CliError(
            `Nothing imported: ${undecided.length} row(s) need a decision. Re-run with --repeated-rows skip|import and/or --shared-codes import-without-code|skip.`,
          );
        }
        const r = await call(app, 'areas.import', inputOf('areas.import', { ...base, mapping: preview.mapping, decisions }));
        console.log(`Imported ${r.imported} area(s); skipped ${r.skipped}.`);
        return 0;
      });
    },
  },
];
