import { writePrivateFile } from '../private-files.ts';
import { DC_ELECTION_ID, ELECTION_TYPES, NATIONS } from '../../shared/domain/election-types.ts';
import type { ElectionType, Nation } from '../../shared/domain/election-types.ts';
import { TimetableInputError, computeTimetable, formatTime, timetableJson } from '../../shared/domain/timetable.ts';
import { formatDateLong, isoDateProblem } from '../../shared/domain/working-days.ts';
import { CliError, type Command, type Values, call, inputOf, numberOption, printJson, printTable, withApp } from './command.ts';

type Row = { key: string; label: string; date: string; time?: string };

const DC_TYPES: Record<string, ElectionType | null> = {
  parl: 'uk-parliament',
  local: 'local',
  sp: 'scottish-parliament',
  senedd: 'senedd',
  nia: 'ni-assembly',
  gla: 'gla',
  pcc: 'pcc',
  mayor: 'mayor',
  ref: null,
};

/** The type and polling day a Democracy Club id names (§8), e.g. parl.2024-07-04. */
function electionFromDcId(dcId: string): { type: ElectionType; pollingDay: string } {
  const m = DC_ELECTION_ID.exec(dcId);
  if (!m) {
    throw new CliError(`--election-id "${dcId}" is not a Democracy Club election id: write it like parl.2024-07-04 or local.birmingham.2026-05-07`, 2);
  }
  const parts = dcId.split('.');
  let type = DC_TYPES[m[1]];
  if (type === null) throw new CliError(`--election-id "${dcId}" is a referendum: Hustings has no candidate timetable for referendums`, 2);
  if (type === 'uk-parliament' && parts.includes('by')) type = 'uk-parliament-by';
  // Democracy Club names combined authorities with a -ca / -cca suffix, e.g. mayor.greater-manchester-ca.2024-05-02
  if (type === 'mayor' && parts.some((p) => /-c?ca$/.test(p))) type = 'combined-authority-mayor';
  const pollingDay = m[3];
  const problem = isoDateProblem(pollingDay);
  if (problem) throw new CliError(`--election-id "${dcId}": ${problem}`, 2);
  return { type, pollingDay };
}

/** A YYYY-MM-DD option, or undefined when not given; a bad date is a usage error (exit 2). */
export function dateOption(values: Values, name: string): string | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw new CliError(`--${name} needs a date (YYYY-MM-DD)`, 2);
  const problem = isoDateProblem(v);
  if (problem) throw new CliError(`--${name}: ${problem}`, 2);
  return v;
}

/** The computation the CLI contract asks for, from the command line's options. */
function timetableInputFromOptions(values: Values) {
  const electionId = values['election-id'];
  let type: ElectionType;
  let pollingDay: string;
  if (typeof electionId === 'string') {
    if (values.type !== undefined) throw new CliError('Give either --election-id or --type with --poll, not both', 2);
    ({ type, pollingDay } = electionFromDcId(electionId));
    const poll = dateOption(values, 'poll');
    if (poll !== undefined && poll !== pollingDay) throw new CliError(`--poll ${poll} differs from the date in --election-id (${pollingDay})`, 2);
  } else {
    if (values.type === undefined) throw new CliError(`Missing --type: one of ${ELECTION_TYPES.join(', ')} (or give --election-id)`, 2);
    if (!(ELECTION_TYPES as readonly unknown[]).includes(values.type)) {
      throw new CliError(`Unknown election type "${String(values.type)}": use one of ${ELECTION_TYPES.join(', ')}`, 2);
    }
    type = values.type as ElectionType;
    const poll = dateOption(values, 'poll');
    if (poll === undefined) throw new CliError('Missing --poll YYYY-MM-DD: the polling day', 2);
    pollingDay = poll;
  }
  let nation: Nation | undefined;
  if (values.nation !== undefined) {
    if (!(NATIONS as readonly unknown[]).includes(values.nation))
      throw new CliError(`Unknown nation "${String(values.nation)}": use one of ${NATIONS.join(', ')}`, 2);
    nation = values.nation as Nation;
  }
  const declaredOn = dateOption(values, 'declared');
  const close = dateOption(values, 'close');
  if (type === 'uk-parliament-by' && close === undefined) {
    throw new CliError('Missing --close YYYY-MM-DD: a by-election’s close of nominations is set by the returning officer', 2);
  }
  return { type, pollingDay, nation, declaredOn, overrides: close === undefined ? undefined : { close_of_nominations: close } };
}

function printTimetable(rows: Row[], warnings: string[], json: boolean) {
  for (const w of warnings) console.error(`Warning: ${w}`);
  if (json) printJson(rows);
  else
    printTable(
      rows.map((r) => ({ date: formatDateLong(r.date), time: r.time ? formatTime(r.time) : '', milestone: r.label })),
      ['date', 'time', 'milestone'],
    );
}

export const timetableCommands: Command[] = [
  {
    path: ['timetable'],
    usage:
      'timetable --type TYPE --poll YYYY-MM-DD [--nation england|wales|scotland|northern-ireland] [--declared YYYY-MM-DD] [--close YYYY-MM-DD] [--json]\n' +
      '  timetable --election-id parl.2024-07-04 [--nation …] [--declared …] [--close …] [--json]',
    summary:
      `Statutory timetable of an election, sorted by date. TYPE: ${ELECTION_TYPES.join(', ')}. ` +
      'With --db, the extra holidays saved in that database count too.',
    options: {
      type: { type: 'string' },
      poll: { type: 'string' },
      nation: { type: 'string' },
      declared: { type: 'string' },
      close: { type: 'string' },
      'election-id': { type: 'string' },
      json: { type: 'boolean' },
    },
    async run(values) {
      const input = inputOf('timetable.compute', timetableInputFromOptions(values), {
        type: '--type',
        pollingDay: '--poll',
        nation: '--nation',
        declaredOn: '--declared',
        overrides: '--close',
      });
      const json = values.json === true;
      if (typeof values.db === 'string') {
        const r = await withApp(values, (app) => call(app, 'timetable.compute', input));
        printTimetable(r.milestones, r.warnings, json);
        return 0;
      }
      try {
        const t = computeTimetable(input);
        printTimetable(timetableJson(t), t.warnings, json);
      } catch (error) {
        if (error instanceof TimetableInputError) throw new CliError(error.message, 2);
        throw error;
      }
      return 0;
    },
  },
  {
    path: ['deadlines'],
    usage: 'deadlines [--db PATH] [--election ID] [--contest ID] [--past] [--json] [--ics FILE]',
    summary: 'Upcoming deadlines across all elections, contests and tasks; --ics FILE writes an iCalendar file',
    options: { election: { type: 'string' }, contest: { type: 'string' }, past: { type: 'boolean' }, json: { type: 'boolean' }, ics: { type: 'string' } },
    async run(values) {
      const filter = inputOf(
        'deadlines.list',
        { electionId: numberOption(values.election), contestId: numberOption(values.contest), includePast: values.past === true },
        { electionId: '--election', contestId: '--contest' },
      );
      return withApp(values, async (app) => {
        if (typeof values.ics === 'string') {
          const r = await call(app, 'deadlines.ics', { ...filter, includePast: true, includeDone: true });
          writePrivateFile(values.ics, r.text);
          console.log(`Wrote ${values.ics}`);
          return 0;
        }
        const { items } = await call(app, 'deadlines.list', filter);
        if (values.json) printJson(items);
        else if (items.length === 0) console.log('No deadlines ahead. Create an election to see its timetable.');
        else {
          printTable(
            items.map((d) => ({
              date: formatDateLong(d.date),
              time: d.time ? formatTime(d.time) : '',
              'working days': d.overdue ? `overdue ${-d.workingDays}` : d.workingDays,
              deadline: d.title,
              for: d.contestName ?? d.electionName,
            })),
            ['date', 'time', 'working days', 'deadline', 'for'],
          );
        }
        return 0;
      });
    },
  },
];
