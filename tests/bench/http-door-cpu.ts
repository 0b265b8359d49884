/**
 * `node tests/bench/http-door-cpu.ts`: what the HTTP door itself costs per call, without the
 * disk: a query with a tiny answer (canvass.getCodes) over keep-alive HTTP against the same
 * call through the dispatcher, alternating, median of the last 2,500 of 3,000 each. A return's
 * figure (http-door.ts) adds a commit that waits for the disk, which on a loaded machine swamps this.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHustings } from '../../main/app.ts';
import { startServer } from '../../main/server.ts';
import { alternate, doorClient } from './door.ts';
const dir = mkdtempSync(join(tmpdir(), 'door-cpu-'));
const app = await openHustings({ dbPath: join(dir, 'd.sqlite'), keys: { plain: true }, actor: 'b', startupBackup: false });
const server = await startServer(app, { port: 0, token: 't' });
const client = doorClient(`http://127.0.0.1:${server.port}`, 't');
const med = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1];
const { http: h, direct: d } = await alternate(
  3000,
  () => client.post('canvass.getCodes', {}),
  () => app.dispatch('canvass.getCodes', {}),
);
console.log(
  JSON.stringify({ http: med(h.slice(500)).toFixed(3), dispatch: med(d.slice(500)).toFixed(3), over: (med(h.slice(500)) - med(d.slice(500))).toFixed(3) }),
);
await server.close();
await app.close();
client.close();
