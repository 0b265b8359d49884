/**
 * `node tests/bench/polling.ts [--json]`: the polling-day figures of issue 17, on synthetic data
 * (electors written straight into the tables: the figures are about reading and writing votes,
 * not the register import, which run.ts measures).
 *
 *  telling_entry_median_ms  one tellers' number through the dispatcher (telling.recordBatch, a
 *                           batch of one, as the entry screen sends it) with 100,000 electors and
 *                           1,000,000 canvass returns stored; median of 1,000 (target < 1)
 *  polling_commit_floor_ms  one tiny insert committed with the same durability on this disk (as
 *                           run.ts's commit_floor_median_ms): what no single write can beat
 *  knockup_list_ms          knockUp.list through the dispatcher for a committee room with 20,000
 *                           promises of whom 10,000 have voted; median of 20 (target < 100)
 *  knockup_list_cpu_ms      the same calls' process CPU time: what they cost on a quiet machine
 *                           when other work shares the cores and stretches the wall clock
 *  glance_ms, glance_cpu_ms voting.glance through the dispatcher for the contest (100,000
 *                           electors, 30,000 votes); median of 20 (target < 100)
 *  knockup_history_ms       knockUp.list as knockup_list_ms, filtered to promises who voted in
 *                           both of two earlier elections (marked registers of two thirds and of
 *                           half the room's 40,000 electors, stored after the figures above)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHustings } from '../../main/app.ts';
import { recordVoteBatch } from '../../db/repositories/votes.ts';

const json = process.argv.includes('--json');
const ELECTORS = 100_000;
const RETURNS = 1_000_000;
const PER_DISTRICT = 5_000;
const log = (...args: unknown[]) => {
  if (!json) console.log(...args);
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const district = (i: number) => `A${String.fromCharCode(65 + Math.floor(i / PER_DISTRICT))}`;

const dir = mkdtempSync(join(tmpdir(), 'hustings-bench-polling-'));
try {
  const app = await openHustings({ dbPath: join(dir, 'polling.sqlite'), keys: { plain: true }, actor: 'bench', startupBackup: false });
  const call = async (method: string, input: unknown): Promise<any> => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  const db = app.db;
  const now = new Date().toISOString();
  const area = await call('areas.create', { name: 'Bench Ward', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const election = await call('elections.create', { name: 'Council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });
  const session = await call('canvass.createSession', { areaId: area.id, heldOn: '2026-04-01', canvassers: 'Bench' });

  // Rooms' districts: the first eight (40,000 electors), half of them promises (support 1 or 2).
  const t0 = performance.now();
  db.transaction(() => {
    const households = db.prepare(
      `INSERT INTO households (area_id, polling_district, address_key, street, house_number, house, flat, address_lines, postcode, walk_seq, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '', '', ?, 'AB1 2CD', ?, ?, ?)`,
    );
    const electors = db.prepare(
      `INSERT INTO electors (area_id, polling_district, elector_number, number, full_name, surname, forenames, household_id, address_lines, postcode, walk_seq,
         latest_outcome, latest_support, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'Voter', 'Alex', ?, ?, 'AB1 2CD', ?, ?, ?, ?, ?)`,
    );
    let household = 0;
    for (let i = 0; i < ELECTORS; i++) {
      const d = district(i);
      const n = (i % PER_DISTRICT) + 1;
      const street = `Street ${Math.floor(i / 400)}`;
      if (i % 2 === 0) household = Number(households.run(area.id, d, `${i}`, street, Math.floor(i / 2) % 200, `${n} ${street}`, i, now, now).lastInsertRowid);
      const promise = i < 8 * PER_DISTRICT && i % 2 === 0;
      electors.run(
        area.id,
        d,
        `${d}-${n}`,
        n,
        `Alex Voter${i}`,
        household,
        `${n} ${street}`,
        i,
        'in',
        promise ? String(1 + (i % 4 === 0 ? 0 : 1)) : String(3 + (i % 3)),
        now,
        now,
      );
    }
    const ret = db.prepare(
      `INSERT INTO canvass_returns (elector_id, session_id, outcome, support, requests, codes, note, canvassed_on, entered_at, entered_by) VALUES (?, ?, 'in', '3', '', '3', '', '2026-04-01', ?, 'bench')`,
    );
    for (let i = 0; i < RETURNS; i++) ret.run(1 + ((i * 7919) % ELECTORS), session.id, now);
  })();
  const room = Number(
    db.prepare("INSERT INTO committee_rooms (contest_id, name, created_at, updated_at) VALUES (?, 'Room 1', ?, ?)").run(contest.id, now, now).lastInsertRowid,
  );
  for (let k = 0; k < 8; k++)
    db.prepare('INSERT INTO committee_room_districts (room_id, contest_id, polling_district) VALUES (?, ?, ?)').run(
      room,
      contest.id,
      district(k * PER_DISTRICT),
    );
  db.prepare("INSERT INTO promise_rules (contest_id, supports, updated_at) VALUES (?, '1,2', ?)").run(contest.id, now);
  // 10,000 of the 20,000 promises have voted (every other one), and 20,000 other electors.
  const promiseIds = db.prepare("SELECT id FROM electors WHERE latest_support IN ('1', '2') ORDER BY id").pluck().all() as number[];
  const others = db.prepare("SELECT id FROM electors WHERE latest_support NOT IN ('1', '2') ORDER BY id LIMIT 20000").pluck().all() as number[];
  await app.store.transaction((tx) =>
    recordVoteBatch(tx, {
      electionId: election.id,
      areaId: area.id,
      pollingDistrict: 'AA',
      source: 'teller',
      clientId: 'bench-setup',
      receivedAt: now,
      enteredBy: 'bench',
      votes: [...promiseIds.filter((_, i) => i % 2 === 0), ...others].map((electorId) => ({ electorId, method: 'in_person' as const })),
    }),
  );
  log(
    `Stored ${ELECTORS.toLocaleString('en-GB')} electors, ${RETURNS.toLocaleString('en-GB')} returns, ${promiseIds.length.toLocaleString('en-GB')} promises in the room, 30,000 votes (${((performance.now() - t0) / 1000).toFixed(1)} s, setup)`,
  );

  // One number at a time, as the entry screen sends them: numbers of district AT (none voted yet).
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const input = {
      contestId: contest.id,
      pollingDistrict: 'AT',
      clientId: `bench-${String(i).padStart(6, '0')}`,
      entries: [{ number: String(1 + ((i * 37) % PER_DISTRICT)) }],
    };
    const s = performance.now();
    const r = await call('telling.recordBatch', input);
    times.push(performance.now() - s);
    if (r.recorded.length !== 1) throw new Error(`number ${input.entries[0].number} was not recorded`);
  }
  const entry = median(times);
  log(`telling.recordBatch, one number: median ${entry.toFixed(3)} ms, p95 ${[...times].sort((a, b) => a - b)[949].toFixed(3)} ms (target < 1 ms)`);

  /** Median wall and process CPU time of 20 calls. */
  const timed = async (method: string, input: unknown) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    let value: any;
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      const c = process.cpuUsage();
      value = await call(method, input);
      wall.push(performance.now() - s);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    return { value, wall: median(wall), cpu: median(cpu) };
  };
  const list = await timed('knockUp.list', { contestId: contest.id, roomId: room });
  const knockup = list.wall;
  log(
    `knockUp.list: ${list.value.electors.length.toLocaleString('en-GB')} still to vote of ${list.value.promises.toLocaleString('en-GB')} promises: median ${knockup.toFixed(1)} ms, CPU ${list.cpu.toFixed(1)} ms (target < 100 ms)`,
  );
  const glance = await timed('voting.glance', { contestId: contest.id });
  log(
    `voting.glance: ${glance.value.total.electors.toLocaleString('en-GB')} electors, ${glance.value.total.voted.toLocaleString('en-GB')} voted: median ${glance.wall.toFixed(1)} ms, CPU ${glance.cpu.toFixed(1)} ms (target < 100 ms)`,
  );

  // Voting history: two earlier elections' marked registers for the room's districts.
  let earlier = 0;
  for (const [name, type, pollingDay, voted] of [
    ['General election 2024', 'uk-parliament', '2024-07-04', (i: number) => i % 3 !== 0],
    ['Council 2022', 'local', '2022-05-05', (i: number) => i % 2 === 0],
  ] as const) {
    const past = await call('elections.create', { name, type, pollingDay, nation: 'england' });
    const ids = db
      .prepare('SELECT id FROM electors WHERE area_id = ? ORDER BY id LIMIT ?')
      .pluck()
      .all(area.id, 8 * PER_DISTRICT) as number[];
    const votes = ids.filter((_, i) => voted(i)).map((electorId) => ({ electorId, method: 'in_person' as const }));
    earlier += votes.length;
    await app.store.transaction((tx) =>
      recordVoteBatch(tx, {
        electionId: past.id,
        areaId: area.id,
        pollingDistrict: 'AA',
        source: 'marked_register',
        clientId: `bench-${type}`,
        receivedAt: now,
        enteredBy: 'bench',
        votedAt: pollingDay,
        votes,
      }),
    );
  }
  const filtered = await timed('knockUp.list', { contestId: contest.id, roomId: room, votedIn: { n: 2, m: 2 } });
  log(
    `knockUp.list, voted in both earlier elections (${earlier.toLocaleString('en-GB')} earlier votes): ${filtered.value.electors.length.toLocaleString('en-GB')} of ${(filtered.value.promises - filtered.value.voted).toLocaleString('en-GB')} still to vote: median ${filtered.wall.toFixed(1)} ms, CPU ${filtered.cpu.toFixed(1)} ms`,
  );
  await app.close();

  const floorApp = await openHustings({ dbPath: join(dir, 'floor.sqlite'), keys: { plain: true }, startupBackup: false });
  floorApp.db.exec('CREATE TABLE floor (id INTEGER PRIMARY KEY, x TEXT)');
  const floorInsert = floorApp.db.prepare('INSERT INTO floor (x) VALUES (?)');
  const floorTimes: number[] = [];
  for (let i = 0; i < 300; i++) {
    const s = performance.now();
    floorApp.db.exec('BEGIN IMMEDIATE');
    floorInsert.run('x');
    floorApp.db.exec('COMMIT');
    floorTimes.push(performance.now() - s);
  }
  await floorApp.close();
  const floor = median(floorTimes);
  log(`One-row commit on this disk (synchronous = FULL), the floor of any write: median ${floor.toFixed(3)} ms`);
  if (json)
    process.stdout.write(
      `${JSON.stringify({ telling_entry_median_ms: Math.round(entry * 1000) / 1000, polling_commit_floor_ms: Math.round(floor * 1000) / 1000, knockup_list_ms: Math.round(knockup * 10) / 10, knockup_list_cpu_ms: Math.round(list.cpu * 10) / 10, glance_ms: Math.round(glance.wall * 10) / 10, glance_cpu_ms: Math.round(glance.cpu * 10) / 10, knockup_history_ms: Math.round(filtered.wall * 10) / 10 })}\n`,
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
