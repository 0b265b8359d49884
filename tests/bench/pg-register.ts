/**
 * The PostgreSQL benches' data, made the same way for each: a register CSV imported through the
 * app's importer into an area of its own, and returns stored by direct SQL with one spread.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { openPostgresStore } from '../../db/postgres/store.ts';
import type { Hustings } from '../../main/app.ts';

/** Calls a method through the dispatcher with no caller (everything allowed); a refusal throws. */
export async function callApp(app: Hustings, method: string, input: unknown): Promise<any> {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/** A new ward holding the register in `csvPath`, imported as a user would (upload, preview, job). Answers its id. */
export async function importRegister(app: Hustings, csvPath: string, areaName: string): Promise<number> {
  const area = await callApp(app, 'areas.create', { name: areaName, kind: 'ward', nation: 'england', electorate: null, classification: null });
  const upload = app.uploads.adopt(csvPath, basename(csvPath), statSync(csvPath).size);
  const preview = await callApp(app, 'register.importPreview', { fileId: upload.id });
  const started = await callApp(app, 'register.importStart', { fileId: upload.id, areaId: area.id, mapping: preview.mapping, remember: false });
  const end = await app.jobs.wait(started.jobId);
  if (end.state !== 'done') throw new Error(`import ended ${end.state}: ${end.message}`);
  return area.id;
}

/**
 * `count` returns in `sessionId` for the area's electors, by the formulas run.ts uses on SQLite,
 * written in one statement; then each elector's standing from their returns (what recordReturn
 * keeps up to date one by one), and fresh planner statistics.
 */
export async function storeReturns(app: Hustings, areaId: number, sessionId: number, count: number): Promise<void> {
  const electors = (await app.store.values<[number]>('SELECT COUNT(*) FROM electors WHERE area_id = ?', [areaId]))[0][0];
  const now = new Date().toISOString();
  await app.store.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO canvass_returns (elector_id, session_id, outcome, support, requests, codes, note, canvassed_on, entered_at, entered_by)
       SELECT e.id, ?, o.outcome, CASE WHEN o.outcome = 'in' THEN CAST(1 + g.i % 5 AS TEXT) END,
              CASE WHEN o.outcome = 'in' THEN (ARRAY['', '', '', 'literature', 'join', 'poster', 'literature,visit', 'postal_vote'])[g.i % 8 + 1] ELSE '' END,
              'X', '', '2026-11-01', ?, 'bench'
       FROM generate_series(0, ${count - 1}) AS g(i)
       CROSS JOIN LATERAL (SELECT (ARRAY['in', 'in', 'in', 'not_in', 'not_in', 'refused', 'moved', 'inaccessible'])[(g.i * 7) % 8 + 1] AS outcome) AS o
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM electors WHERE area_id = ?) AS e ON e.k = (CAST(g.i AS BIGINT) * 7919) % ?
       ORDER BY g.i`,
      [sessionId, now, areaId, electors],
    );
    await tx.run(
      `UPDATE electors SET latest_outcome = s.outcome, latest_support = s.support,
         wants_literature = CAST(s.req LIKE '%literature%' AS INTEGER), wants_join = CAST(s.req LIKE '%join%' AS INTEGER),
         wants_poster = CAST(s.req LIKE '%poster%' AS INTEGER), wants_visit = CAST(s.req LIKE '%visit%' AS INTEGER),
         wants_postal_vote = CAST(s.req LIKE '%postal_vote%' AS INTEGER)
       FROM (SELECT elector_id, (array_agg(outcome ORDER BY id DESC))[1] AS outcome,
                    (array_agg(support ORDER BY id DESC) FILTER (WHERE support IS NOT NULL))[1] AS support, string_agg(requests, ',') AS req
             FROM canvass_returns GROUP BY elector_id) AS s
       WHERE electors.id = s.elector_id`,
    );
  });
  await app.store.run('VACUUM ANALYZE');
}

/** A new empty database `name` on the server at `serverUrl`, sorting as SQLite does (docs/store.md); answers its URL. */
export async function benchDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = openPostgresStore(serverUrl, { max: 1 });
  try {
    await admin.run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.run(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8'`);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
