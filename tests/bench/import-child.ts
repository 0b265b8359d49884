/**
 * One import in a process of its own, so its peak memory (maxRSS) is the import's: opens a fresh
 * database, imports the CSV through the app's importer (upload → importStart → job), prints JSON.
 * With --key HEX the database is encrypted with that data key. With --reimport, then imports the
 * same file again (every elector matched) and reports that import's time, the process's peak
 * memory after it, and its resident memory once it is done.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { openHustings } from '../../main/app.ts';

const [csvPath, dbPath] = process.argv.slice(2);
const reimport = process.argv.includes('--reimport');
// --key HEX: an encrypted database with this raw data key (no key file, no passphrase stretching).
const keyAt = process.argv.indexOf('--key');
const keys = keyAt > 0 ? { key: Buffer.from(process.argv[keyAt + 1], 'hex') } : { plain: true };
const app = await openHustings({ dbPath, keys, actor: 'bench' });
const call = async (method: string, input: unknown): Promise<any> => {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
};
const area = await call('areas.create', { name: 'Bench ward', kind: 'ward', nation: 'england', electorate: null, classification: null });
const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function importOnce(): Promise<{ seconds: number; result: unknown }> {
  const t0 = performance.now();
  const upload = app.uploads.adopt(csvPath, basename(csvPath), statSync(csvPath).size);
  const preview = await call('register.importPreview', { fileId: upload.id });
  const started = await call('register.importStart', { fileId: upload.id, areaId: area.id, mapping: preview.mapping, remember: false });
  const end = await app.jobs.wait(started.jobId);
  if (end.state !== 'done') throw new Error(`import ended ${end.state}: ${end.message}`);
  return { seconds: (performance.now() - t0) / 1000, result: end.result };
}

const rssBefore = process.memoryUsage().rss;
const first = await importOnce();
const out: Record<string, unknown> = { seconds: first.seconds, peakMb: peakMb(), baselineMb: rssBefore / 1024 / 1024, areaId: area.id, result: first.result };
if (reimport) {
  const again = await importOnce();
  // What a long-running server keeps once the import is over (after the collector has had its turn).
  await new Promise((resolve) => setTimeout(resolve, 2000));
  Object.assign(out, { reimportSeconds: again.seconds, reimportPeakMb: peakMb(), afterMb: process.memoryUsage().rss / 1024 / 1024 });
}
await app.close();
process.stdout.write(JSON.stringify(out));
