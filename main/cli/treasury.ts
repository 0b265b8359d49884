import { writePrivateFile } from '../private-files.ts';
import { writeCsv } from '../../shared/domain/csv.ts';
import { returnCsvRows } from '../../shared/domain/election-return.ts';
import { formatPence } from '../../shared/domain/money.ts';
import { writeExpensesReturn } from '../pdf/expenses-return.ts';
import { CONTEST_OPTION, CliError, type Command, type Values, call, inputOf, numberOption, printJson, withApp } from './command.ts';
import { openPdf, pdfPath } from './pdf-file.ts';

function contestId(values: Values): number {
  return inputOf('treasury.getLimit', { contestId: numberOption(values.contest) }, { contestId: CONTEST_OPTION }).contestId;
}

export const treasuryCommands: Command[] = [
  {
    path: ['treasury', 'limit'],
    usage: 'treasury limit --contest ID [--db PATH] [--json]',
    summary: 'The spending limit of a contest with its working, and spending against it',
    options: { contest: { type: 'string' }, json: { type: 'boolean' } },
    async run(values) {
      const id = contestId(values);
      const limit = await withApp(values, (app) => call(app, 'treasury.getLimit', { contestId: id }));
      if (values.json) {
        printJson({ ...limit, limit: limit.limitPence === null ? null : formatPence(limit.limitPence), spent: formatPence(limit.spend.spentPence) });
        return 0;
      }
      if (limit.limitPence === null) {
        console.log(`No spending limit: ${limit.problem}`);
      } else {
        console.log(`Spending limit: ${formatPence(limit.limitPence)}`);
        console.log(`  ${limit.working}`);
        if (limit.instrument) console.log(`  Set by ${limit.instrument}${limit.confirmed ? '' : ' (unconfirmed: check it)'}`);
        if (limit.note) console.log(`  ${limit.note}`);
      }
      console.log(`Spent: ${formatPence(limit.spend.spentPence)} — ${limit.spend.message}`);
      return 0;
    },
  },
  {
    path: ['treasury', 'return'],
    usage: 'treasury return --contest ID (--csv FILE | --pdf FILE) [--db PATH]',
    summary: 'Write every line of a contest’s return of election expenses to a CSV file, or the return as an A4 PDF',
    options: { contest: { type: 'string' }, csv: { type: 'string' }, pdf: { type: 'string' } },
    async run(values) {
      const id = contestId(values);
      if (values.pdf !== undefined && values.csv !== undefined) throw new CliError('Give --csv FILE or --pdf FILE, not both', 2);
      const file = values.pdf !== undefined ? pdfPath(values) : values.csv;
      if (typeof file !== 'string' || file === '') throw new CliError('Name the file to write with --csv FILE or --pdf FILE', 2);
      const ret = await withApp(values, async (app) => {
        const r = await call(app, 'treasury.getReturn', { contestId: id });
        if (values.pdf !== undefined) await writeExpensesReturn(r, await openPdf(file));
        return r;
      });
      if (values.pdf === undefined) {
        try {
          writePrivateFile(file, writeCsv(returnCsvRows(ret)));
        } catch (e) {
          throw new CliError(`Cannot write ${file}: ${(e as Error).message}`);
        }
      }
      const lines = ret.categories.reduce((n, c) => n + c.lines.length, 0);
      console.log(
        ret.nil
          ? `Wrote a nil return for ${ret.title} to ${file}.`
          : `Wrote ${lines} spending line(s) totalling ${formatPence(ret.totalSpendPence)} and ${ret.donationsSchedule.length + ret.returnedDonations.length} donation(s) for ${ret.title} to ${file}.`,
      );
      for (const p of ret.problems) console.log(`Check: ${p}`);
      return 0;
    },
  },
];
