import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { REGISTER_FIELDS, type RegisterField, mappingProblems } from '../../shared/domain/register-columns.ts';
import type { ImportReport } from '../../shared/contract/register.ts';
import { TEXT_ENCODING_LABELS } from '../../shared/domain/text-encoding.ts';
import { votedInText } from '../../shared/domain/voting-columns.ts';
import { planWalkSheets, writeWalkSheets } from '../pdf/walk-sheets.ts';
import { CliError, type Command, type Values, call, inputOf, numberOption, printJson, withApp } from './command.ts';
import { openPdf, pdfPath } from './pdf-file.ts';
import { votedInOption, votedInOptions } from './voted-in.ts';

const AREA_OPTION = { option: '--area', guide: 'Give the area with --area ID (see `hustings areas list`)' };

/** The area of --area, checked as every register method checks an area id. */
function areaIdOf(values: Values): number {
  return inputOf('register.listDistricts', { areaId: numberOption(values.area) }, { areaId: AREA_OPTION }).areaId;
}

export const registerCommands: Command[] = [
  {
    path: ['register', 'import'],
    usage: 'register import FILE --area ID [--db PATH] [--map FIELD=HEADING ...] [--alterations] [--confirm-removals]',
    summary:
      'Import (or re-import) an area’s electoral register CSV; bad lines are listed and nothing is imported. --alterations applies notices of alteration (additions, deletions, changes) and touches no one else; electors are removed only with --confirm-removals',
    options: { area: { type: 'string' }, map: { type: 'string', multiple: true }, alterations: { type: 'boolean' }, 'confirm-removals': { type: 'boolean' } },
    async run(values, positionals) {
      const file = positionals[0];
      if (!file) throw new CliError('Name the register CSV: hustings register import FILE --area ID', 2);
      const areaId = areaIdOf(values);
      let size: number;
      try {
        size = statSync(file).size;
      } catch (e) {
        throw new CliError(`Cannot read ${file}: ${(e as Error).message}`);
      }
      return withApp(values, async (app) => {
        const upload = app.uploads.adopt(resolve(file), basename(file), size);
        const preview = await call(app, 'register.importPreview', { fileId: upload.id });
        if (preview.encoding !== TEXT_ENCODING_LABELS['utf-8']) console.error(`Reading ${basename(file)} as ${preview.encoding} text.`);
        const mapping = { ...preview.mapping };
        for (const pair of (values.map as string[] | undefined) ?? []) {
          const [field, heading] = pair.split('=');
          if (!(REGISTER_FIELDS as readonly string[]).includes(field)) throw new CliError(`--map: "${field}" is not one of ${REGISTER_FIELDS.join(', ')}`, 2);
          const col = preview.headers.findIndex((h) => h.toLowerCase() === (heading ?? '').trim().toLowerCase());
          if (col < 0) throw new CliError(`--map: the file has no column "${heading}" (its columns: ${preview.headers.join(', ')})`, 2);
          for (const f of REGISTER_FIELDS) if (mapping[f] === col) mapping[f] = null;
          mapping[field as RegisterField] = col;
        }
        const problems = mappingProblems(mapping, preview.headers.length);
        if (problems.length > 0) {
          throw new CliError(`${problems.map((p) => p.message).join('\n')}\nThe file's columns: ${preview.headers.join(', ')}. Use --map FIELD=HEADING.`);
        }
        const mode = values.alterations ? 'alterations' : 'replace';
        const confirmRemovals = Boolean(values['confirm-removals']);
        const started = await call(app, 'register.importStart', { fileId: upload.id, areaId, mapping, mode, confirmRemovals });
        const end = await app.jobs.wait(started.jobId);
        if (end.state !== 'done') {
          const details = end.error?.details as { problems?: { line: number; reason: string }[] } | undefined;
          for (const p of details?.problems ?? []) console.log(`Line ${p.line}: ${p.reason}`);
          if (end.error?.code === 'needs_confirmation') {
            const options =
              mode === 'replace'
                ? 'Run it again with --confirm-removals to remove them, or with --alterations to apply the file as notices of alteration.'
                : 'Run it again with --confirm-removals to delete them.';
            throw new CliError(`${end.message}\n${options}`);
          }
          throw new CliError(end.message);
        }
        const r = end.result as ImportReport;
        console.log(
          r.mode === 'alterations'
            ? `Applied ${r.electors} notices of alteration: ${r.added} added, ${r.matched} changed, ${r.left} deleted; ${r.households} households.`
            : r.reimport
              ? `Re-imported ${r.electors} electors: ${r.matched} matched, ${r.added} new, ${r.left} left; ${r.households} households.`
              : `Imported ${r.electors} electors in ${r.households} households (polling districts ${r.pollingDistricts.join(', ')}).`,
        );
        return 0;
      });
    },
  },
  {
    path: ['register', 'districts'],
    usage: 'register districts --area ID [--db PATH] [--json]',
    summary: 'Polling districts of an area’s register with household and elector counts',
    options: { area: { type: 'string' }, json: { type: 'boolean' } },
    async run(values) {
      const areaId = areaIdOf(values);
      return withApp(values, async (app) => {
        const rows = await call(app, 'register.listDistricts', { areaId });
        if (values.json) printJson(rows);
        else for (const r of rows) console.log(`${r.pollingDistrict}\t${r.households} households\t${r.electors} electors`);
        return 0;
      });
    },
  },
  {
    path: ['register', 'walk-sheets'],
    usage: 'register walk-sheets --area ID [--district CODE] [--voted N --of M] --pdf FILE [--db PATH]',
    summary:
      'Write an area’s walk sheets (or one polling district’s) as an A4 PDF, in the order a canvasser walks them; with --voted N --of M only electors who voted in at least N of the last M elections',
    options: { area: { type: 'string' }, district: { type: 'string' }, ...votedInOptions, pdf: { type: 'string' } },
    async run(values) {
      const votedIn = votedInOption(values);
      const { areaId, pollingDistrict: district } = inputOf(
        'register.getWalkSheet',
        { areaId: numberOption(values.area), pollingDistrict: values.district === '' ? undefined : values.district },
        { areaId: AREA_OPTION, pollingDistrict: '--district' },
      );
      const file = pdfPath(values);
      return withApp(values, async (app) => {
        // Checked (area, district) before the file is created: a refusal leaves nothing behind.
        const plan = await planWalkSheets(app.dispatch, areaId, district, votedIn);
        const out = await openPdf(file);
        const started = performance.now();
        const r = await writeWalkSheets(app.dispatch, areaId, plan, out);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `Wrote ${file}: ${r.pages} pages, ${r.electors} electors${votedIn ? ` who ${votedInText(votedIn)}` : ''} in ${plan.districts.length === 1 ? `polling district ${plan.districts[0]}` : `${plan.districts.length} polling districts`} (${seconds} s).`,
        );
        return 0;
      });
    },
  },
];
