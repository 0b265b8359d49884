import { formatPercent } from '../../shared/domain/delivery-coverage.ts';
import { formatMinutes } from '../../shared/domain/delivery-rounds.ts';
import { planRoundSheet, writeRoundSheet } from '../pdf/round-sheet.ts';
import { type Command, call, inputOf, numberOption, printJson, printTable, withApp } from './command.ts';
import { openPdf, pdfPath } from './pdf-file.ts';

/** A record's id as the command's first argument. */
function idArgument(option: string, what: string) {
  return { option, guide: `Give the ${what}'s id, e.g. 3 (see the list command)` };
}

export const leafletsCommands: Command[] = [
  {
    path: ['leaflets', 'list'],
    usage: 'leaflets list [--db PATH] [--json]',
    summary: 'List leaflets with their stock and whether the imprint is complete',
    options: { json: { type: 'boolean' } },
    async run(values) {
      const leaflets = await withApp(values, (app) => call(app, 'leaflets.list', {}));
      if (values.json) printJson(leaflets);
      else if (leaflets.length === 0) console.log('No leaflets yet. Add one in the app (Leaflets → Add a leaflet).');
      else
        printTable(
          leaflets.map((l) => ({ ...l, onHand: l.stock.onHand, imprint: l.imprintGaps.length === 0 ? 'complete' : `${l.imprintGaps.length} missing` })),
          ['id', 'title', 'version', 'size', 'status', 'imprint', 'onHand'],
        );
      return 0;
    },
  },
  {
    path: ['leaflets', 'coverage'],
    usage: 'leaflets coverage LEAFLET_ID [--contest ID] [--db PATH] [--json]',
    summary: 'Households reached by a leaflet, by polling district, and the rounds still to do',
    options: { json: { type: 'boolean' }, contest: { type: 'string' } },
    async run(values, positionals) {
      const input = inputOf(
        'leaflets.coverage',
        { leafletId: numberOption(positionals[0]), contestId: values.contest === undefined ? null : numberOption(values.contest) },
        { leafletId: idArgument('LEAFLET_ID', 'leaflet'), contestId: '--contest' },
      );
      const report = await withApp(values, (app) => call(app, 'leaflets.coverage', input));
      if (values.json) {
        printJson(report);
        return 0;
      }
      printTable(
        report.districts.map((d) => ({ district: d.district ?? '(none)', households: d.households, reached: d.reached, coverage: formatPercent(d.percent) })),
        ['district', 'households', 'reached', 'coverage'],
      );
      console.log(
        `\nTotal: ${report.total.reached} of ${report.total.households} households (${formatPercent(report.total.percent)}); ${report.stock.onHand} copies in stock.`,
      );
      console.log(report.plan.summary);
      for (const r of report.plan.rounds) console.log(`  - ${r.message}`);
      return 0;
    },
  },
  {
    path: ['rounds', 'list'],
    usage: 'rounds list [--db PATH] [--json]',
    summary: 'List delivery rounds with households and estimated time',
    options: { json: { type: 'boolean' } },
    async run(values) {
      const rounds = await withApp(values, (app) => call(app, 'rounds.list', {}));
      if (values.json) printJson(rounds);
      else if (rounds.length === 0) console.log('No rounds yet. Add one in the app (Rounds → Add a round).');
      else
        printTable(
          rounds.map((r) => ({ ...r, streets: r.streets.length, time: formatMinutes(r.estimatedMinutes) })),
          ['id', 'name', 'pollingDistrict', 'streets', 'households', 'time'],
        );
      return 0;
    },
  },
  {
    path: ['rounds', 'sheet'],
    usage: 'rounds sheet ROUND_ID [--pdf FILE] [--db PATH]',
    summary: 'Print a round sheet: streets in walking order with households and a tick column (or write it as an A4 PDF)',
    options: { pdf: { type: 'string' } },
    async run(values, positionals) {
      const { id } = inputOf('rounds.get', { id: numberOption(positionals[0]) }, { id: idArgument('ROUND_ID', 'round') });
      if (values.pdf !== undefined) {
        const file = pdfPath(values);
        return withApp(values, async (app) => {
          const round = await planRoundSheet(app.dispatch, id);
          const { pages } = await writeRoundSheet(round, await openPdf(file));
          console.log(`Wrote ${file}: the round sheet of ${round.name}, ${pages === 1 ? '1 page' : `${pages} pages`}.`);
          return 0;
        });
      }
      const r = await withApp(values, (app) => call(app, 'rounds.get', { id }));
      console.log(`${r.name}${r.pollingDistrict ? ` — polling district ${r.pollingDistrict}` : ''}`);
      console.log(`${r.households} households, about ${formatMinutes(r.estimatedMinutes)}\n`);
      printTable(
        r.streets.map((s, i) => ({ '#': i + 1, street: s.name, households: s.households, done: '[ ]', notes: s.notes })),
        ['#', 'street', 'households', 'done', 'notes'],
      );
      return 0;
    },
  },
  {
    path: ['volunteers', 'list'],
    usage: 'volunteers list [--role ROLE] [--db PATH] [--json]',
    summary: 'List volunteers with their roles and the work they have done',
    options: { json: { type: 'boolean' }, role: { type: 'string' } },
    async run(values) {
      const input = inputOf('volunteers.list', { role: values.role }, { role: '--role' });
      const volunteers = await withApp(values, (app) => call(app, 'volunteers.list', input));
      if (values.json) printJson(volunteers);
      else if (volunteers.length === 0) console.log('No volunteers yet. Add them in the app (Volunteers → Add a volunteer).');
      else
        printTable(
          volunteers.map((v) => ({ ...v, roles: v.roles.join(', '), consent: v.consentToContact ? 'yes' : 'no' })),
          ['id', 'name', 'roles', 'consent', 'drops', 'delivered'],
        );
      return 0;
    },
  },
];
