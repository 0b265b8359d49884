/**
 * `node tests/bench/http-door.ts [DB] [--json]`: one return through browser mode's HTTP door
 * (keep-alive, one client, bearer token) against the same call through the dispatcher, in one
 * run, alternating, median of 500 each; and the HTTP part of each (its time less the dispatcher's
 * inside it, the same commit). Without DB, a fresh database with a small register.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHustings } from '../../main/app.ts';
import { startServer } from '../../main/server.ts';
import { seedElectorsBeside } from '../helpers/electors.ts';
import { alternate, doorClient } from './door.ts';

const json = process.argv.includes('--json');
const given = process.argv.slice(2).find((a) => !a.startsWith('--'));
const dir = mkdtempSync(join(tmpdir(), 'hustings-door-'));
const dbPath = given ?? join(dir, 'door.sqlite');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  let app = await openHustings({ dbPath, keys: { plain: true }, actor: 'bench', startupBackup: false });
  const call = async (m: string, i: unknown): Promise<any> => {
    const r = await app.dispatch(m, i);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value;
  };
  if (!given) {
    const area = await call('areas.create', { name: 'Door ward', kind: 'ward', nation: 'england', electorate: null, classification: null });
    await app.close();
    await seedElectorsBeside(
      { dbPath },
      Array.from({ length: 2000 }, (_, i) => [area.id, `AA-${i + 1}`, `Elector Number${i + 1}`] as [number, string, string]),
    );
    app = await openHustings({ dbPath, keys: { plain: true }, actor: 'bench', startupBackup: false });
  }
  const areaId = (app.db.prepare('SELECT area_id AS a FROM electors LIMIT 1').get() as { a: number }).a;
  const ids = (app.db.prepare('SELECT id FROM electors WHERE area_id = ? ORDER BY id').all(areaId) as { id: number }[]).map((r) => r.id);
  const session = await call('canvass.createSession', { areaId, heldOn: '2026-11-01', canvassers: 'Door' });
  // The HTTP part of each return: its time less the dispatcher's inside it (the same commit, so
  // the disk's wait under load cancels out).
  const dispatch = app.dispatch;
  let inside = 0;
  app.dispatch = async (method, input, caller) => {
    const s = performance.now();
    const r = await dispatch(method, input, caller);
    inside = performance.now() - s;
    return r;
  };
  const server = await startServer(app, {});
  const client = doorClient(`http://127.0.0.1:${server.port}`, server.token);
  const codes = ['I3L', 'N', '2J', 'R', '1', '4P', 'X', '5'];
  const input = (i: number) => ({ sessionId: session.id, electorId: ids[(i * 7919) % ids.length], codes: codes[i % codes.length] });
  for (let i = 0; i < 50; i++) await client.post('canvass.recordReturn', input(i)); // warm up
  const insides: number[] = [];
  const { http, direct } = await alternate(
    500,
    async (i) => {
      await client.post('canvass.recordReturn', input(2 * i));
      insides.push(inside);
    },
    (i) => call('canvass.recordReturn', input(2 * i + 1)),
  );
  const door = http.map((t, i) => t - insides[i]);
  const figures = {
    http_return_median_ms: Math.round(median(http) * 1000) / 1000,
    dispatcher_return_median_ms: Math.round(median(direct) * 1000) / 1000,
    http_return_p95_ms: Math.round([...http].sort((a, b) => a - b)[474] * 1000) / 1000,
    http_outside_dispatch_median_ms: Math.round(median(door) * 1000) / 1000,
    http_connections: client.connections(),
  };
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else console.log(figures);
  client.close();
  await server.close();
  await app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
