/**
 * `npm run bench` (node tests/bench/run.ts [--json]): builds synthetic data on this machine and
 * measures the register and canvass figures of issue 5, side by side in one run.
 *
 *  (the import and its floor alternate three times; their medians are compared)
 *  register_import_100k_s   100,000-elector CSV through the app's importer (upload, job, parse,
 *                           check, match, households, one transaction), in a child process
 *  register_import_raw_s    the floor: the same rows, already parsed, inserted into `electors`
 *                           with one better-sqlite3 prepared statement in one transaction, with
 *                           the table's indexes but without the search index's trigger (the floor
 *                           is the table write; indexing names is the app's work)
 *  register_import_ratio    the two above divided (target <= 2)
 *  register_import_peak_mb  the import process's peak resident memory (target < 300)
 *  register_reimport_100k_s the same file imported again over it (every elector matched), once
 *  register_reimport_peak_mb  the process's peak resident memory after the re-import (target < 300)
 *  register_after_import_mb   its resident memory two seconds after the re-import: what a
 *                             long-running server keeps
 *  return_insert_median_ms  canvass.recordReturn through the dispatcher with 1,000,000 returns
 *                           stored (target < 1)
 *  commit_floor_median_ms   one tiny insert committed with the same durability (every commit
 *                           waits for the disk): what no write on this machine can beat
 *  tallies_1m_ms            canvass.getTallies through the dispatcher for an area of 100,000
 *                           electors and 1,000,000 returns, median of 20 (target < 100)
 *
 * The same on an encrypted database (SQLCipher pages, raw data key), measured in the same run
 * (the encrypted import alternates with the plain one; target: within 1.3x of the plain figure):
 *  encrypted_register_import_100k_s, encrypted_register_import_raw_s,
 *  encrypted_register_import_ratio  the app's import over the raw insert, both encrypted
 *  encrypted_return_insert_median_ms, encrypted_tallies_1m_ms
 *
 * Polling day (issue 17), from tests/bench/polling.ts run as a child (its header says what each is):
 *  telling_entry_median_ms, polling_commit_floor_ms, knockup_list_ms, knockup_list_cpu_ms,
 *  glance_ms, glance_cpu_ms, knockup_history_ms
 *
 * A team database (issue 12), from tests/bench/postgres.ts run as a child on the same register:
 *  pg_return_insert_median_ms, pg_tallies_1m_ms, pg_concurrent_returns_per_s, pg_concurrent_p99_ms,
 *  pg_concurrent_errors
 *
 * A team server with people signed in (issue 13), from tests/bench/team.ts run as a child (the same
 * register drawn in 50 polling districts, one a canvasser): 50 canvassers entering a return every
 * 2 s for 60 s while 3 coordinators load tallies (targets: p99 < 100 ms, no error, none lost or
 * duplicated):
 *  team_50_canvassers_p50_ms, team_50_canvassers_p99_ms, team_50_canvassers_errors, team_returns_sent,
 *  team_returns_lost, team_returns_duplicated, team_tallies_p50_ms, team_tallies_p99_ms, team_tallies_errors
 */
import Papa from 'papaparse';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Hustings, openHustings } from '../../main/app.ts';
import { syntheticCsv } from './synthetic-register.ts';

const json = process.argv.includes('--json');
const ELECTORS = 100_000;
const RETURNS = 1_000_000;
const ROUNDS = 3;
const log = (...args: unknown[]) => {
  if (!json) console.log(...args);
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
/** The encrypted databases' data key: raw, as the app holds it once unlocked. */
const KEY = randomBytes(32);
const keysFor = (encrypted: boolean) => (encrypted ? { key: KEY } : { plain: true });
const label = (encrypted: boolean) => (encrypted ? 'encrypted' : 'plain');

const dir = mkdtempSync(join(tmpdir(), 'hustings-bench-'));
try {
  const csvPath = join(dir, 'register-100k.csv');
  const csv = syntheticCsv(ELECTORS);
  writeFileSync(csvPath, csv);
  log(`Synthetic register: ${ELECTORS.toLocaleString('en-GB')} electors, ${(csv.length / 1e6).toFixed(1)} MB`);

  // 1 and 2, alternated three times so a busy machine weighs on both sides alike; medians reported.
  // The app's importer runs in its own process (for its peak memory), on a fresh database each time.
  const child = fileURLToPath(new URL('./import-child.ts', import.meta.url));
  const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
  const now = new Date().toISOString();
  type AppRun = { seconds: number; peakMb: number; baselineMb: number; areaId: number; reimportSeconds?: number; reimportPeakMb?: number; afterMb?: number };
  const appRuns: Record<'plain' | 'encrypted', AppRun[]> = { plain: [], encrypted: [] };
  const rawRuns: Record<'plain' | 'encrypted', number[]> = { plain: [], encrypted: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const encrypted of [false, true]) {
      const kind = label(encrypted);
      const appDb = join(dir, `app-${kind}-${round}.sqlite`);
      // The first plain round also re-imports the file over itself, for the re-import's figures.
      const args = [child, csvPath, appDb, ...(round === 0 && !encrypted ? ['--reimport'] : []), ...(encrypted ? ['--key', KEY.toString('hex')] : [])];
      const run: AppRun = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 }));
      appRuns[kind].push(run);
      log(
        `App import ${round + 1} (${kind}): ${run.seconds.toFixed(2)} s, peak memory ${run.peakMb.toFixed(0)} MB (process at start: ${run.baselineMb.toFixed(0)} MB)`,
      );

      // The floor: the same rows, parsed beforehand, one prepared statement, one transaction.
      const rawApp = await openHustings({ dbPath: join(dir, `raw-${kind}-${round}.sqlite`), keys: keysFor(encrypted), startupBackup: false });
      const rawDb = rawApp.db;
      rawDb.prepare("INSERT INTO areas (name, kind, nation, created_at, updated_at) VALUES ('Raw', 'ward', 'england', '', '')").run();
      rawDb.exec('DROP TRIGGER electors_search_insert');
      const insert = rawDb.prepare(
        `INSERT INTO electors (area_id, polling_district, elector_number, number, suffix, markers, date_of_attainment, title, full_name, surname, forenames,
           household_id, address_lines, postcode, walk_seq, created_at, updated_at) VALUES (1, ?, ?, ?, NULL, ?, NULL, '', ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
      );
      const t0 = performance.now();
      rawDb.transaction(() => {
        rows.forEach((r, i) =>
          insert.run(r[0], `${r[0]}-${r[1]}`, Number(r[1]), r[3], `${r[6]} ${r[5]}`, r[5], r[6], `${r[7]}\n${r[8]}`, r[10], i + 1, now, now),
        );
      })();
      rawRuns[kind].push((performance.now() - t0) / 1000);
      await rawApp.close();
      log(`Raw prepared-statement insert of the same rows ${round + 1} (${kind}): ${rawRuns[kind][round].toFixed(2)} s`);
    }
  }
  const importFigures = (kind: 'plain' | 'encrypted') => {
    const seconds = median(appRuns[kind].map((r) => r.seconds));
    const rawSeconds = median(rawRuns[kind]);
    return { seconds, rawSeconds, ratio: seconds / rawSeconds, peakMb: Math.max(...appRuns[kind].map((r) => r.peakMb)), areaId: appRuns[kind][0].areaId };
  };
  const imported = importFigures('plain');
  const encryptedImport = importFigures('encrypted');
  const rawSeconds = imported.rawSeconds;
  const ratio = imported.ratio;
  const first = appRuns.plain[0];
  const reimported = { seconds: first.reimportSeconds ?? 0, peakMb: first.reimportPeakMb ?? 0, afterMb: first.afterMb ?? 0 };
  log(
    `Re-import of the same file: ${reimported.seconds.toFixed(2)} s, peak memory ${reimported.peakMb.toFixed(0)} MB (target < 300), ${reimported.afterMb.toFixed(0)} MB held after`,
  );
  log(
    `Import: median ${imported.seconds.toFixed(2)} s against raw median ${rawSeconds.toFixed(2)} s; ratio ${ratio.toFixed(2)} (target <= 2); peak memory ${imported.peakMb.toFixed(0)} MB (target < 300)`,
  );
  log(
    `Encrypted import: median ${encryptedImport.seconds.toFixed(2)} s against encrypted raw median ${encryptedImport.rawSeconds.toFixed(2)} s; ratio ${encryptedImport.ratio.toFixed(2)} ` +
      `(${(encryptedImport.ratio / ratio).toFixed(2)}x the plain ratio; the import itself ${(encryptedImport.seconds / imported.seconds).toFixed(2)}x the plain one; target within 1.3x)`,
  );

  // 3. 1,000,000 stored returns on the imported register, then entry and tallies through the dispatcher,
  // on the plain database and on the encrypted one.
  async function returnsFigures(encrypted: boolean, areaId: number): Promise<{ insertMedian: number; talliesMs: number }> {
    const kind = label(encrypted);
    const app: Hustings = await openHustings({ dbPath: join(dir, `app-${kind}-0.sqlite`), keys: keysFor(encrypted), actor: 'bench', startupBackup: false });
    const call = async (method: string, input: unknown): Promise<any> => {
      const r = await app.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    const session = await call('canvass.createSession', { areaId, heldOn: '2026-11-01', canvassers: 'Bench' });
    const ids = (app.db.prepare('SELECT id FROM electors WHERE area_id = ? ORDER BY id').all(areaId) as { id: number }[]).map((r) => r.id);
    const outcomes = ['in', 'in', 'in', 'not_in', 'not_in', 'refused', 'moved', 'inaccessible'];
    const requests = ['', '', '', 'literature', 'join', 'poster', 'literature,visit', 'postal_vote'];
    const addReturn = app.db.prepare(
      `INSERT INTO canvass_returns (elector_id, session_id, outcome, support, requests, codes, note, canvassed_on, entered_at, entered_by)
       VALUES (?, ?, ?, ?, ?, ?, '', '2026-11-01', ?, 'bench')`,
    );
    const t1 = performance.now();
    app.db.transaction(() => {
      for (let i = 0; i < RETURNS; i++) {
        const o = outcomes[(i * 7) % outcomes.length];
        addReturn.run(
          ids[(i * 7919) % ids.length],
          session.id,
          o,
          o === 'in' ? String(1 + (i % 5)) : null,
          o === 'in' ? requests[i % requests.length] : '',
          'X',
          now,
        );
      }
      // Electors' standing from their returns (what recordReturn keeps up to date one by one).
      const setStanding = app.db.prepare(
        'UPDATE electors SET latest_outcome = ?, latest_support = ?, wants_literature = ?, wants_join = ?, wants_poster = ?, wants_visit = ?, wants_postal_vote = ? WHERE id = ?',
      );
      let cur = -1;
      let o: string | null = null;
      let sup: string | null = null;
      let req = '';
      const flush = () => {
        if (cur >= 0)
          setStanding.run(
            o,
            sup,
            +req.includes('literature'),
            +req.includes('join'),
            +req.includes('poster'),
            +req.includes('visit'),
            +req.includes('postal_vote'),
            cur,
          );
      };
      const all = app.db.prepare('SELECT elector_id, outcome, support, requests FROM canvass_returns ORDER BY elector_id, id').raw().all() as [
        number,
        string,
        string | null,
        string,
      ][];
      for (const [e, outcome, support, requests] of all) {
        const r = { e, outcome, support, requests };
        if (r.e !== cur) {
          flush();
          cur = r.e;
          sup = null;
          req = '';
        }
        o = r.outcome;
        if (r.support !== null) sup = r.support;
        req += `,${r.requests}`;
      }
      flush();
    })();
    const stored = (app.db.prepare('SELECT COUNT(*) AS n FROM canvass_returns').get() as { n: number }).n;
    log(`Stored ${stored.toLocaleString('en-GB')} returns (${kind}) in ${((performance.now() - t1) / 1000).toFixed(1)} s (setup, not measured)`);

    const codes = ['I3L', 'N', '2J', 'R', '1', '4P', 'X', '5'];
    const times: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const input = { sessionId: session.id, electorId: ids[(i * 104729) % ids.length], codes: codes[i % codes.length] };
      const s = performance.now();
      await call('canvass.recordReturn', input);
      times.push(performance.now() - s);
    }
    const insertMedian = median(times);
    log(
      `canvass.recordReturn through the dispatcher (${kind}) at ${stored.toLocaleString('en-GB')} returns: median ${insertMedian.toFixed(3)} ms, p95 ${[...times].sort((a, b) => a - b)[949].toFixed(3)} ms (target < 1 ms)`,
    );

    const tallyTimes: number[] = [];
    let tallies: any;
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      tallies = await call('canvass.getTallies', { areaId });
      tallyTimes.push(performance.now() - s);
    }
    const talliesMs = median(tallyTimes);
    log(
      `canvass.getTallies (${kind}), ${tallies.area.electors.toLocaleString('en-GB')} electors, ${(stored + 1000).toLocaleString('en-GB')} returns: median ${talliesMs.toFixed(1)} ms (target < 100 ms)`,
    );
    await app.close();
    return { insertMedian, talliesMs };
  }

  const { insertMedian, talliesMs } = await returnsFigures(false, imported.areaId);
  const encryptedReturns = await returnsFigures(true, encryptedImport.areaId);
  log(`Encrypted return entry: ${(encryptedReturns.insertMedian / insertMedian).toFixed(2)}x the plain median (target within 1.3x)`);

  // The floor under any single write here: one tiny insert committed with the same durability
  // (WAL, synchronous = FULL: every commit waits for the disk), in a database of its own.
  const floorApp = await openHustings({ dbPath: join(dir, 'floor.sqlite'), keys: keysFor(false), startupBackup: false });
  const floorDb = floorApp.db;
  floorDb.exec('CREATE TABLE floor (id INTEGER PRIMARY KEY, x TEXT)');
  const floorInsert = floorDb.prepare('INSERT INTO floor (x) VALUES (?)');
  const floorTimes: number[] = [];
  for (let i = 0; i < 500; i++) {
    const s = performance.now();
    floorDb.exec('BEGIN IMMEDIATE');
    floorInsert.run('x');
    floorDb.exec('COMMIT');
    floorTimes.push(performance.now() - s);
  }
  await floorApp.close();
  const commitFloor = median(floorTimes);
  log(`One-row commit on this disk (synchronous = FULL), the floor of any write: median ${commitFloor.toFixed(3)} ms`);

  // Polling day's figures, from their own bench in a child process.
  const pollingBench = fileURLToPath(new URL('./polling.ts', import.meta.url));
  const polling = JSON.parse(execFileSync(process.execPath, [pollingBench, '--json'], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as Record<
    string,
    number
  >;
  log(
    `Polling day (tests/bench/polling.ts): ${Object.entries(polling)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );

  // The same figures on PostgreSQL, from their own bench in a child process, on the same register.
  const postgresBench = fileURLToPath(new URL('./postgres.ts', import.meta.url));
  const postgres = JSON.parse(
    execFileSync(process.execPath, [postgresBench, csvPath, '--json'], { encoding: 'utf8', maxBuffer: 1 << 24 })
      .trim()
      .split('\n')
      .at(-1)!,
  ) as Record<string, number>;
  log(
    `Team database (tests/bench/postgres.ts): ${Object.entries(postgres)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );

  // The team server under a canvassing evening, from its own bench in a child process.
  const teamBench = fileURLToPath(new URL('./team.ts', import.meta.url));
  const team = JSON.parse(execFileSync(process.execPath, [teamBench, '--json'], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as Record<string, number>;
  log(
    `Team server (tests/bench/team.ts): ${Object.entries(team)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );

  const figures = {
    register_import_100k_s: round(imported.seconds),
    register_import_raw_s: round(rawSeconds),
    register_import_ratio: round(ratio),
    register_import_peak_mb: Math.round(imported.peakMb),
    register_reimport_100k_s: round(reimported.seconds),
    register_reimport_peak_mb: Math.round(reimported.peakMb),
    register_after_import_mb: Math.round(reimported.afterMb),
    return_insert_median_ms: round(insertMedian),
    commit_floor_median_ms: round(commitFloor),
    tallies_1m_ms: round(talliesMs, 1),
    encrypted_register_import_100k_s: round(encryptedImport.seconds),
    encrypted_register_import_raw_s: round(encryptedImport.rawSeconds),
    encrypted_register_import_ratio: round(encryptedImport.ratio),
    encrypted_return_insert_median_ms: round(encryptedReturns.insertMedian),
    encrypted_tallies_1m_ms: round(encryptedReturns.talliesMs, 1),
    ...polling,
    ...postgres,
    ...team,
  };
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
