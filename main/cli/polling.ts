import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { planTellersRota, writeTellersRota } from '../pdf/tellers-rota.ts';
import { CONTEST_OPTION, CliError, type Command, inputOf, numberOption, withApp } from './command.ts';

export const pollingCommands: Command[] = [
  {
    path: ['polling', 'rota'],
    usage: 'polling rota --contest ID --pdf FILE [--db PATH]',
    summary: 'Write a contest’s tellers’ rota as an A4 PDF: each polling station’s shifts in time order, with the hours no teller covers',
    options: { contest: { type: 'string' }, pdf: { type: 'string' } },
    async run(values) {
      const { contestId } = inputOf('polling.get', { contestId: numberOption(values.contest) }, { contestId: CONTEST_OPTION });
      const file = values.pdf;
      if (typeof file !== 'string' || file === '') throw new CliError('Name the PDF to write with --pdf FILE', 2);
      return withApp(values, async (app) => {
        // Checked before the file is created: a refusal leaves nothing behind.
        const plan = await planTellersRota(app.dispatch, contestId);
        const out = createWriteStream(file);
        try {
          await once(out, 'open');
        } catch (e) {
          throw new CliError(`Cannot write ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}`);
        }
        const r = await writeTellersRota(plan, out);
        console.log(
          `Wrote ${file}: ${r.pages} page${r.pages > 1 ? 's' : ''}, ${plan.overview.stations.length} stations, ${r.shifts} shifts, ${r.gaps} gaps in cover.`,
        );
        return 0;
      });
    },
  },
];
