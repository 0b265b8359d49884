/**
 * `node tests/bench/http-door-cpu.ts`: what the HTTP door itself costs per call, without the
 * disk: a query with a tiny answer (canvass.getCodes) over keep-alive HTTP against the same
 * call through the dispatcher, alternating, median of the last 2,500 of 3,000 each. A return's
 * figure (http-door.ts) adds a commit that waits for the disk, which on a loaded machine swamps this.
 */
import { request, Agent } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHustings } from '../../main/app.ts';
import { startServer } from '../../main/server.ts';
const dir = mkdtempSync(join(tmpdir(), 'door-cpu-'));
const app = await openHustings({ dbPath: join(dir, 'd.sqlite'), keys: { plain: true }, actor: 'b', startupBackup: false });
const server = await startServer(app, { port: 0, token: 't' });
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const post = (body: string) =>
  new Promise<void>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/canvass.getCodes',
        method: 'POST',
        agent,
        headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json', Host: `127.0.0.1:${server.port}` },
      },
      (res) => {
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
const med = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1];
const h: number[] = [],
  d: number[] = [];
for (let i = 0; i < 3000; i++) {
  let s = performance.now();
  await post('{}');
  h.push(performance.now() - s);
  s = performance.now();
  await app.dispatch('canvass.getCodes', {});
  d.push(performance.now() - s);
}
console.log(
  JSON.stringify({ http: med(h.slice(500)).toFixed(3), dispatch: med(d.slice(500)).toFixed(3), over: (med(h.slice(500)) - med(d.slice(500))).toFixed(3) }),
);
await server.close();
await app.close();
agent.destroy();
