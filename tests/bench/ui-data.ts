/**
 * The campaign-scale database the screen bench (ui.ts) serves: a register imported through the
 * app's importer, an election and contest for the home page, and canvass returns written with
 * direct SQL in one transaction (as run.ts does; the write path has its own bench). Built once per
 * schema version and size, then kept in the OS temp folder: a second run copies it.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { keyFilePath } from '../../db/sqlite/encryption/keys.ts';
import { latestVersion, loadMigrations } from '../../db/migrations.ts';
import { type Hustings, openHustings } from '../../main/app.ts';
import { syntheticCsv } from './synthetic-register.ts';

/** The passphrase the bench's database is locked with (it holds synthetic people only). */
export const BENCH_PASSPHRASE = 'bench ui synthetic register';
/** Raise when what is built changes, so an older cached file is not reused. */
const GENERATOR = 1;

export interface UiData {
  dbPath: string;
  areaId: number;
  /** The session holding the bulk returns (whole area). */
  sessionId: number;
  /** A session for one polling district: the entry screen's. */
  entrySessionId: number;
  district: string;
  /** Electors of that district, for number → name. */
  samples: { electorNumber: string; fullName: string }[];
  /** A surname to search for. */
  search: string;
  electors: number;
  /** The area's electors have ids from this one on. */
  firstElectorId: number;
}

export async function call(app: Hustings, method: string, input: unknown): Promise<any> {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/** The cached database for this size, built first if there is none for this schema. */
export async function benchDatabase(opts: { electors: number; returns: number; cacheRoot?: string; log?: (s: string) => void }): Promise<UiData> {
  const schema = latestVersion(loadMigrations());
  const dir = join(opts.cacheRoot ?? tmpdir(), `hustings-bench-ui-s${schema}-g${GENERATOR}-${opts.electors}e-${opts.returns}r`);
  const metaPath = join(dir, 'meta.json');
  if (existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as UiData;
    opts.log?.(`Reusing the database in ${dir}`);
    return { ...meta, dbPath: join(dir, basename(meta.dbPath)) };
  }
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const t0 = performance.now();
  const meta = await build(join(building, 'hustings.sqlite'), opts);
  writeFileSync(join(building, 'meta.json'), JSON.stringify(meta));
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir); // whole or not at all: a killed build leaves no meta.json behind
  opts.log?.(`Built the database in ${((performance.now() - t0) / 1000).toFixed(1)} s, kept in ${dir}`);
  return { ...meta, dbPath: join(dir, 'hustings.sqlite') };
}

/** A working copy of the cached database (and its key file), so a run's writes leave the cache as built. */
export function copyDatabase(data: UiData, toDir: string): string {
  const target = join(toDir, 'hustings.sqlite');
  cpSync(data.dbPath, target);
  cpSync(keyFilePath(data.dbPath), keyFilePath(target));
  return target;
}

async function build(dbPath: string, opts: { electors: number; returns: number }): Promise<UiData> {
  const app = await openHustings({ dbPath, keys: { passphrase: BENCH_PASSPHRASE }, actor: 'bench', startupBackup: false });
  try {
    const area = await call(app, 'areas.create', { name: 'Bench ward', kind: 'ward', nation: 'england', electorate: null, classification: null });
    const csvPath = `${dbPath}.register.csv`;
    writeFileSync(csvPath, syntheticCsv(opts.electors));
    const upload = app.uploads.adopt(csvPath, basename(csvPath), statSync(csvPath).size);
    const preview = await call(app, 'register.importPreview', { fileId: upload.id });
    const started = await call(app, 'register.importStart', { fileId: upload.id, areaId: area.id, mapping: preview.mapping, remember: false });
    const end = await app.jobs.wait(started.jobId);
    if (end.state !== 'done') throw new Error(`register import ended ${end.state}: ${end.message}`);
    rmSync(csvPath, { force: true });

    const election = await call(app, 'elections.create', { name: 'Bench council election', type: 'local', pollingDay: '2099-05-06', nation: 'england' });
    await call(app, 'contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });
    const session = await call(app, 'canvass.createSession', { areaId: area.id, heldOn: '2026-11-01', canvassers: 'Bench' });
    const district = (app.db.prepare('SELECT polling_district AS d FROM electors WHERE area_id = ? ORDER BY id LIMIT 1').get(area.id) as { d: string }).d;
    const entry = await call(app, 'canvass.createSession', { areaId: area.id, pollingDistrict: district, heldOn: '2026-11-02', canvassers: 'Bench entry' });
    writeReturns(app, area.id, session.id, opts.returns);

    const inDistrict = app.db
      .prepare('SELECT elector_number AS electorNumber, full_name AS fullName FROM electors WHERE area_id = ? AND polling_district = ? ORDER BY id')
      .all(area.id, district) as UiData['samples'];
    const step = Math.max(1, Math.floor(inDistrict.length / 7));
    const samples = [1, 2, 3, 4, 5, 6].map((i) => inDistrict[Math.min(inDistrict.length - 1, i * step)]);
    const firstElectorId = (app.db.prepare('SELECT MIN(id) AS id FROM electors WHERE area_id = ?').get(area.id) as { id: number }).id;
    return {
      dbPath,
      areaId: area.id,
      sessionId: session.id,
      entrySessionId: entry.id,
      district,
      samples,
      search: 'Patel',
      electors: opts.electors,
      firstElectorId,
    };
  } finally {
    await app.close();
  }
}

/** `count` returns spread over the area, and each elector's standing from them (what recordReturn keeps one by one). */
function writeReturns(app: Hustings, areaId: number, sessionId: number, count: number): void {
  const db = app.db;
  const now = new Date().toISOString();
  const ids = (db.prepare('SELECT id FROM electors WHERE area_id = ? ORDER BY id').all(areaId) as { id: number }[]).map((r) => r.id);
  const outcomes = ['in', 'in', 'in', 'not_in', 'not_in', 'refused', 'moved', 'inaccessible'];
  const requests = ['', '', '', 'literature', 'join', 'poster', 'literature,visit', 'postal_vote'];
  const add = db.prepare(
    `INSERT INTO canvass_returns (elector_id, session_id, outcome, support, requests, codes, note, canvassed_on, entered_at, entered_by)
     VALUES (?, ?, ?, ?, ?, ?, '', '2026-11-01', ?, 'bench')`,
  );
  const setStanding = db.prepare(
    'UPDATE electors SET latest_outcome = ?, latest_support = ?, wants_literature = ?, wants_join = ?, wants_poster = ?, wants_visit = ?, wants_postal_vote = ? WHERE id = ?',
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const o = outcomes[(i * 7) % outcomes.length];
      add.run(ids[(i * 7919) % ids.length], sessionId, o, o === 'in' ? String(1 + (i % 5)) : null, o === 'in' ? requests[i % requests.length] : '', 'X', now);
    }
    let cur = -1;
    let outcome: string | null = null;
    let support: string | null = null;
    let asked = '';
    const flush = () => {
      if (cur >= 0)
        setStanding.run(
          outcome,
          support,
          +asked.includes('literature'),
          +asked.includes('join'),
          +asked.includes('poster'),
          +asked.includes('visit'),
          +asked.includes('postal_vote'),
          cur,
        );
    };
    const all = db.prepare('SELECT elector_id, outcome, support, requests FROM canvass_returns ORDER BY elector_id, id').raw().all() as [
      number,
      string,
      string | null,
      string,
    ][];
    for (const [e, o, s, r] of all) {
      if (e !== cur) {
        flush();
        cur = e;
        support = null;
        asked = '';
      }
      outcome = o;
      if (s !== null) support = s;
      asked += `,${r}`;
    }
    flush();
  })();
}
