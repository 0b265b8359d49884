/**
 * `node tests/bench/lists.ts [--json]`: the electors list, its search and the follow-up lists
 * through the dispatcher on a 100,000-elector register with 1,000,000 returns (issue 19): server
 * time per call (median of 7) and the size of the JSON answer. The database is built once in
 * $HUSTINGS_LISTS_BENCH_DIR (default /tmp/hustings-lists-bench) and copied for each run.
 */
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { openHustings } from '../../main/app.ts';
import { syntheticCsv } from './synthetic-register.ts';

const json = process.argv.includes('--json');
const dir = process.env.HUSTINGS_LISTS_BENCH_DIR ?? join(tmpdir(), 'hustings-lists-bench');
const base = join(dir, 'base.sqlite');
const keys = { plain: true } as const;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function build(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const csvPath = join(dir, 'register.csv');
  writeFileSync(csvPath, syntheticCsv(100_000));
  const app = await openHustings({ dbPath: base, keys, actor: 'bench', startupBackup: false });
  const call = async (method: string, input: unknown): Promise<any> => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  const area = await call('areas.create', { name: 'Bench ward', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const upload = app.uploads.adopt(csvPath, basename(csvPath), statSync(csvPath).size);
  const preview = await call('register.importPreview', { fileId: upload.id });
  const started = await call('register.importStart', { fileId: upload.id, areaId: area.id, mapping: preview.mapping, remember: false });
  const end = await app.jobs.wait(started.jobId);
  if (end.state !== 'done') throw new Error(`import ended ${end.state}`);
  // 1,000,000 returns and the standing they fold to, as tests/bench/run.ts stores them.
  const session = await call('canvass.createSession', { areaId: area.id, heldOn: '2026-11-01', canvassers: 'Bench' });
  const ids = (app.db.prepare('SELECT id FROM electors ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const outcomes = ['in', 'in', 'in', 'not_in', 'not_in', 'refused', 'moved', 'inaccessible'];
  const requests = ['', '', '', 'literature', 'join', 'poster', 'literature,visit', 'postal_vote'];
  const add = app.db.prepare(
    `INSERT INTO canvass_returns (elector_id, session_id, outcome, support, requests, codes, note, canvassed_on, entered_at, entered_by)
     VALUES (?, ?, ?, ?, ?, 'X', '', '2026-11-01', '2026-11-01T10:00:00Z', 'bench')`,
  );
  app.db.transaction(() => {
    for (let i = 0; i < 1_000_000; i++) {
      const o = outcomes[(i * 7) % outcomes.length];
      add.run(ids[(i * 7919) % ids.length], session.id, o, o === 'in' ? String(1 + (i % 5)) : null, o === 'in' ? requests[i % requests.length] : '');
    }
    const rows = app.db.prepare('SELECT elector_id, outcome, support, requests FROM canvass_returns ORDER BY elector_id, id').raw().all() as [
      number,
      string,
      string | null,
      string,
    ][];
    const set = app.db.prepare(
      `UPDATE electors SET latest_outcome = ?, latest_support = ?, wants_literature = ?, wants_join = ?, wants_poster = ?, wants_visit = ?, wants_postal_vote = ?,
         last_canvassed_on = '2026-11-01' WHERE id = ?`,
    );
    let cur = -1,
      o: string | null = null,
      sup: string | null = null,
      req = '';
    const flush = () => {
      if (cur >= 0)
        set.run(o, sup, +req.includes('literature'), +req.includes('join'), +req.includes('poster'), +req.includes('visit'), +req.includes('postal_vote'), cur);
    };
    for (const [e, outcome, support, r] of rows) {
      if (e !== cur) {
        flush();
        cur = e;
        sup = null;
        req = '';
      }
      o = outcome;
      if (support !== null) sup = support;
      req += `,${r}`;
    }
    flush();
    // A few thousand literature requests already dealt with, for the done list.
    app.db
      .prepare(
        `INSERT INTO follow_up_done (elector_id, request, done_on, note, done_by, done_at)
       SELECT id, 'literature', '2026-11-02', '', 'bench', '2026-11-02T10:00:00Z' FROM electors WHERE wants_literature = 1 AND id % 3 = 0`,
      )
      .run();
  })();
  await app.close();
}

if (!existsSync(base)) await build();
const work = join(dir, 'work.sqlite');
copyFileSync(base, work);
const t0 = performance.now();
const app = await openHustings({ dbPath: work, keys, actor: 'bench', startupBackup: false });
if (!json) console.log(`open (with any migration) ${(performance.now() - t0).toFixed(0)} ms`);
const areaId = (app.db.prepare('SELECT id FROM areas LIMIT 1').get() as { id: number }).id;
const figures: Record<string, number> = {};
async function time(name: string, method: string, input: unknown): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const r = await app.dispatch(method, input);
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    bytes = JSON.stringify(r.value).length;
  }
  figures[`${name}_ms`] = Math.round(median(times) * 100) / 100;
  figures[`${name}_kb`] = Math.round(bytes / 102.4) / 10;
  if (!json) console.log(`${name.padEnd(34)} ${median(times).toFixed(2).padStart(9)} ms ${(bytes / 1024).toFixed(1).padStart(9)} KB`);
}

await time('electors_first_page', 'register.listElectors', { areaId });
await time('electors_page_at_90000', 'register.listElectors', { areaId, offset: 90_000 });
await time('electors_district_page', 'register.listElectors', { areaId, pollingDistrict: 'AC' });
await time('search_surname', 'register.listElectors', { areaId, search: 'smith' });
await time('search_name_and_street', 'register.listElectors', { areaId, search: 'mary mill' });
await time('search_rare', 'register.listElectors', { areaId, search: 'zebedee' });
await time('search_postcode', 'register.listElectors', { areaId, search: 'AB12 3XY' });
await time('search_number', 'register.listElectors', { areaId, search: 'AC-17' });
await time('districts', 'register.listDistricts', { areaId });
for (const request of ['literature', 'join', 'visit'])
  for (const state of ['open', 'done']) await time(`follow_ups_${request}_${state}`, 'canvass.listFollowUps', { areaId, request, state });
await time('follow_ups_literature_open_page', 'canvass.listFollowUps', { areaId, request: 'literature', state: 'open', limit: 100 });
await time('follow_up_counts', 'canvass.countFollowUps', { areaId, request: 'literature' });
await time('follow_ups_literature_done_page', 'canvass.listFollowUps', { areaId, request: 'literature', state: 'done', limit: 100 });
await time('electors_next_page_by_cursor', 'register.listElectors', { areaId, after: 90_000 });
await app.close();
if (json) console.log(JSON.stringify(figures));
