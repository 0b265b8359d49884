/**
 * `node tests/bench/postgres.ts CSV [--json]`: the team database's figures of issue 12, on an
 * embedded PostgreSQL 18 started for the run (or the server HUSTINGS_TEST_DATABASE_URL names), with
 * the same data as run.ts's SQLite figures: the register CSV it made (100,000 electors) imported
 * through the app's importer, and 1,000,000 returns stored with the same spread.
 *
 *  pg_return_insert_median_ms   canvass.recordReturn through the dispatcher; median of 1,000
 *  pg_tallies_1m_ms             canvass.getTallies through the dispatcher; median of 20 (target < 200)
 *  pg_concurrent_returns_per_s  50 clients at once, each recording returns one after another for
 *                               30 s through the HTTP door (`hustings serve --database` in a process
 *                               of its own): returns recorded per second, all clients together
 *  pg_concurrent_p99_ms         those requests' 99th percentile (target < 100)
 *  pg_concurrent_errors         requests that failed (target 0)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTeamHustings } from '../../main/app.ts';
import { startTestPostgres } from '../helpers/postgres.ts';
import { benchDatabase, callApp, importRegister, storeReturns } from './pg-register.ts';
import { median, percentile, round } from './stats.ts';

const csvPath = process.argv[2];
const json = process.argv.includes('--json');
const RETURNS = 1_000_000;
const CLIENTS = 50;
const SECONDS = 30;
const log = (...args: unknown[]) => {
  if (!json) console.log(...args);
};

const dir = mkdtempSync(join(tmpdir(), 'hustings-bench-pg-'));
const server = await startTestPostgres();
try {
  const databaseUrl = await benchDatabase(server.url, 'hustings_bench');
  const app = await openTeamHustings({ databaseUrl, filesDir: dir, actor: 'bench' });
  const call = (method: string, input: unknown) => callApp(app, method, input);
  const t0 = performance.now();
  const areaId = await importRegister(app, csvPath, 'Bench ward');
  log(`Imported the register into PostgreSQL through the app in ${((performance.now() - t0) / 1000).toFixed(1)} s (setup, not measured)`);

  const session = await call('canvass.createSession', { areaId, heldOn: '2026-11-01', canvassers: 'Bench' });
  const t1 = performance.now();
  await storeReturns(app, areaId, session.id, RETURNS);
  const stored = (await app.store.values<[number]>('SELECT COUNT(*) FROM canvass_returns'))[0][0];
  log(`Stored ${stored.toLocaleString('en-GB')} returns in PostgreSQL in ${((performance.now() - t1) / 1000).toFixed(1)} s (setup, not measured)`);

  const ids = (await app.store.values<[number]>('SELECT id FROM electors WHERE area_id = ? ORDER BY id', [areaId])).map((r) => r[0]);
  const codes = ['I3L', 'N', '2J', 'R', '1', '4P', 'X', '5'];
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const s = performance.now();
    await call('canvass.recordReturn', { sessionId: session.id, electorId: ids[(i * 104729) % ids.length], codes: codes[i % codes.length] });
    times.push(performance.now() - s);
  }
  const insertMedian = median(times);
  log(`canvass.recordReturn through the dispatcher on PostgreSQL: median ${insertMedian.toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms`);

  const tallyTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    await call('canvass.getTallies', { areaId });
    tallyTimes.push(performance.now() - s);
  }
  const talliesMs = median(tallyTimes);
  log(
    `canvass.getTallies on PostgreSQL, ${ids.length.toLocaleString('en-GB')} electors, ${(stored + 1000).toLocaleString('en-GB')} returns: median ${talliesMs.toFixed(1)} ms (target < 200 ms)`,
  );
  await app.close();

  // 50 clients through the HTTP door of a server in its own process, as a team's browsers reach it.
  const serve = spawn(process.execPath, ['bin/hustings.js', 'serve', '--database', databaseUrl, '--files', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    let output = '';
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Hustings is running at (\S+)/.exec(output);
      if (m) resolve(m[1]);
    };
    serve.stdout.on('data', seen);
    serve.stderr.on('data', seen);
    serve.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  const { origin, searchParams } = new URL(address);
  const headers = { Authorization: `Bearer ${searchParams.get('token')}`, 'Content-Type': 'application/json' };
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const client = async (c: number) => {
    for (let i = 0; performance.now() < until; i++) {
      const body = JSON.stringify({ sessionId: session.id, electorId: ids[(c * 7919 + i * 104729) % ids.length], codes: codes[(c + i) % codes.length] });
      const s = performance.now();
      try {
        const res = await fetch(`${origin}/api/canvass.recordReturn`, { method: 'POST', headers, body });
        const answer = (await res.json()) as { ok: boolean };
        if (res.status !== 200 || !answer.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - s);
    }
  };
  const t2 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const elapsed = (performance.now() - t2) / 1000;
  serve.kill('SIGTERM');
  await new Promise((resolve) => serve.once('exit', resolve));
  const perSecond = (latencies.length - errors) / elapsed;
  const p99 = percentile(latencies, 99);
  log(
    `${CLIENTS} clients recording returns through the HTTP door for ${SECONDS} s: ${perSecond.toFixed(0)} returns/s, p99 ${p99.toFixed(1)} ms, median ${median(latencies).toFixed(1)} ms, ${errors} errors (target p99 < 100 ms, no error)`,
  );

  const figures = {
    pg_return_insert_median_ms: round(insertMedian),
    pg_tallies_1m_ms: round(talliesMs, 1),
    pg_concurrent_returns_per_s: Math.round(perSecond),
    pg_concurrent_p99_ms: round(p99, 1),
    pg_concurrent_errors: errors,
  };
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
