/**
 * One import in a process of its own, so its peak memory (maxRSS) is the import's: opens a fresh
 * database, imports the CSV through the app's importer (upload → importStart → job), prints JSON.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { openHustings } from '../../main/app.ts';

const [csvPath, dbPath] = process.argv.slice(2);
const app = await openHustings({ dbPath, actor: 'bench' });
const call = async (method: string, input: unknown): Promise<any> => {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
};
const area = await call('areas.create', { name: 'Bench ward', kind: 'ward', nation: 'england', electorate: null, classification: null });
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const upload = app.uploads.adopt(csvPath, basename(csvPath), statSync(csvPath).size);
const preview = await call('register.importPreview', { fileId: upload.id });
const started = await call('register.importStart', { fileId: upload.id, areaId: area.id, mapping: preview.mapping, remember: false });
const end = await app.jobs.wait(started.jobId);
const seconds = (performance.now() - t0) / 1000;
if (end.state !== 'done') throw new Error(`import ended ${end.state}: ${end.message}`);
app.close();
process.stdout.write(
  JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024, baselineMb: rssBefore / 1024 / 1024, areaId: area.id, result: end.result }),
);
