import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { votedInText } from '../../shared/domain/voting-columns.ts';
import { planKnockUpSheets, writeKnockUpSheets } from '../pdf/knock-up-sheets.ts';
import { CONTEST_OPTION, CliError, type Command, inputOf, numberOption, withApp } from './command.ts';
import { votedInOption, votedInOptions } from './voted-in.ts';

function wholeNumber(value: unknown, what: string): number {
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n <= 0) throw new CliError(`Give ${what}`, 2);
  return n;
}

export const knockUpCommands: Command[] = [
  {
    path: ['polling', 'knock-up'],
    usage: 'polling knock-up --contest ID --room ID --round N [--voted N --of M] --pdf FILE [--db PATH]',
    summary:
      'Write a committee room’s knock-up sheets for a round as an A4 PDF: promises who have not yet voted, street by street, a tick box per round; with --voted N --of M only those who voted in at least N of the last M earlier elections',
    options: {
      contest: { type: 'string' },
      room: { type: 'string' },
      round: { type: 'string' },
      ...votedInOptions,
      pdf: { type: 'string' },
    },
    async run(values) {
      const votedIn = votedInOption(values);
      const room = { option: '--room', guide: 'Give the committee room with --room ID (see `hustings call knockUp.rooms`)' };
      const list = inputOf(
        'knockUp.list',
        { contestId: numberOption(values.contest), roomId: numberOption(values.room), ...(votedIn ? { votedIn } : {}) },
        { contestId: CONTEST_OPTION, roomId: room },
      );
      const req = { ...list, round: wholeNumber(values.round, 'the round with --round N (1, 2, 3…)') };
      const file = values.pdf;
      if (typeof file !== 'string' || file === '') throw new CliError('Name the PDF to write with --pdf FILE', 2);
      return withApp(values, async (app) => {
        // Checked before the file is created: a refusal leaves nothing behind.
        const list = await planKnockUpSheets(app.dispatch, req);
        const out = createWriteStream(file);
        try {
          await once(out, 'open');
        } catch (e) {
          throw new CliError(`Cannot write ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}`);
        }
        const r = await writeKnockUpSheets(app.dispatch, req, out, list);
        const history = votedIn ? ` who ${votedInText(votedIn)} before this one` : '';
        console.log(`Wrote ${file}: ${r.pages} page(s), ${r.electors} promise(s) still to vote${history} for ${list.roomName}, round ${req.round}.`);
        return 0;
      });
    },
  },
];
