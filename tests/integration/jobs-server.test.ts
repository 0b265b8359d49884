import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserMode, startBrowserMode } from '../helpers/server.ts';
import { SMALL_REGISTER } from '../helpers/register.ts';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(() => app.stop());

/** Opens GET /api/events and collects job events until `until` says stop. */
function collectEvents(token: string | null, until: (events: any[]) => boolean) {
  const url = new URL(app.origin);
  return new Promise<{ status: number; events: any[] }>((resolve, reject) => {
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    const req = request({ host: url.hostname, port: url.port, path: '/api/events', headers }, (res) => {
      const events: any[] = [];
      let buffer = '';
      if (res.statusCode !== 200) {
        res.resume();
        return resolve({ status: res.statusCode ?? 0, events });
      }
      started();
      res.on('data', (chunk) => {
        buffer += chunk.toString();
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
        }
        if (until(events)) {
          req.destroy();
          resolve({ status: 200, events });
        }
      });
    });
    req.on('error', (e) => (e.message === 'socket hang up' ? undefined : reject(e)));
    req.end();
  });
}
let started: () => void = () => {};

describe('long jobs in browser mode', () => {
  it('refuses the event stream without the token', async () => {
    expect((await collectEvents(null, () => true)).status).toBe(401);
  });

  it('streams an import’s progress and its end as Server-Sent Events', async () => {
    const area = await app.call('areas.create', { name: 'Newtown', kind: 'ward', nation: 'england', electorate: null, classification: null });
    const connected = new Promise<void>((r) => (started = r));
    const stream = collectEvents(app.token, (events) => events.some((e) => e.state === 'done' || e.state === 'error'));
    await connected;
    const { body: begun } = await app.call('uploads.begin', { name: 'reg.csv', size: SMALL_REGISTER.length });
    await app.call('uploads.append', { fileId: begun.value.fileId, text: SMALL_REGISTER });
    const preview = await app.call('register.importPreview', { fileId: begun.value.fileId });
    const start = await app.call('register.importStart', { fileId: begun.value.fileId, areaId: area.body.value.id, mapping: preview.body.value.mapping });
    expect(start.body.value.state).toBe('running');
    const { events } = await stream;
    const mine = events.filter((e) => e.jobId === start.body.value.jobId);
    expect(mine[0]).toMatchObject({ kind: 'register.import', state: 'running' });
    expect(mine.at(-1)).toMatchObject({ state: 'done', result: { electors: 9 } });
    expect((await app.call('jobs.get', { jobId: start.body.value.jobId })).body.value.state).toBe('done');
  });
});
