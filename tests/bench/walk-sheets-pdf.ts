/**
 * `node tests/bench/walk-sheets-pdf.ts [--json]`: a whole area's walk sheets as one PDF, timed.
 * Builds the bench's 100,000-elector register (synthetic-register.ts) through the app's importer,
 * then writes every polling district's walk sheets to a file as the CLI and the HTTP route do,
 * and reports the seconds, pages, file size and the process's peak memory while writing.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHustings } from '../../main/app.ts';
import { planWalkSheets, writeWalkSheets } from '../../main/pdf/walk-sheets.ts';
import { syntheticCsv } from './synthetic-register.ts';

const dir = mkdtempSync(join(tmpdir(), 'hustings-walk-bench-'));
try {
  const csvPath = join(dir, 'register.csv');
  writeFileSync(csvPath, syntheticCsv(100_000));
  const app = await openHustings({ dbPath: join(dir, 'bench.sqlite'), keys: { plain: true }, actor: 'bench', startupBackup: false });
  const call = async (method: string, input: unknown): Promise<any> => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  const area = await call('areas.create', { name: 'Bench ward', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const upload = app.uploads.adopt(csvPath, 'register.csv', statSync(csvPath).size);
  const preview = await call('register.importPreview', { fileId: upload.id });
  const started = await call('register.importStart', { fileId: upload.id, areaId: area.id, mapping: preview.mapping, remember: false });
  const end = await app.jobs.wait(started.jobId);
  if (end.state !== 'done') throw new Error(`import ended ${end.state}: ${end.message}`);
  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const pdf = join(dir, 'walk-sheets.pdf');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const plan = await planWalkSheets(app.dispatch, area.id);
  const r = await writeWalkSheets(app.dispatch, area.id, plan, createWriteStream(pdf));
  const figures = {
    walk_sheets_area_s: Math.round(performance.now() - t0) / 1000,
    walk_sheets_area_cpu_s: Math.round((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000) / 1000,
    walk_sheets_area_pages: r.pages,
    walk_sheets_area_electors: r.electors,
    walk_sheets_area_districts: plan.districts.length,
    walk_sheets_area_mb: Math.round(statSync(pdf).size / 2 ** 20),
    rss_before_mb: Math.round(rssBefore),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  await app.close();
  console.log(process.argv.includes('--json') ? JSON.stringify(figures) : figures);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
