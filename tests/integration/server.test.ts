import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/index.ts';
import { type BrowserMode, startBrowserMode } from '../helpers/server.ts';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(() => app.stop());

/** A raw request, so tests can send any Host or Origin header. */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(app.origin);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser mode', () => {
  it('prints a loopback address with a token', () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('answers a method call with the token', async () => {
    expect(await app.call('elections.list', {})).toEqual({ status: 200, body: { ok: true, value: [] } });
  });

  it('refuses API calls without the token, or with a wrong one (401)', async () => {
    const none = await raw('/api/elections.list', { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await raw('/api/elections.list', { method: 'POST', body: '{}', headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect((await raw('/api/methods')).status).toBe(401);
  });

  it('refuses a foreign Origin or Host, even with the token (403)', async () => {
    const auth = { Authorization: `Bearer ${app.token}` };
    const origin = await raw('/api/elections.list', { method: 'POST', body: '{}', headers: { ...auth, Origin: 'http://evil.example' } });
    expect(origin.status).toBe(403);
    const host = await raw('/api/elections.list', { method: 'POST', body: '{}', headers: { ...auth, Host: 'evil.example:80' } });
    expect(host.status).toBe(403);
    const page = await raw('/', { headers: { Host: `rebound.example:${new URL(app.origin).port}` } });
    expect(page.status).toBe(403);
    const sameOrigin = await raw('/api/elections.list', { method: 'POST', body: '{}', headers: { ...auth, Origin: app.origin } });
    expect(sameOrigin.status).toBe(200);
  });

  it('keeps a connection open for the next call (keep-alive, a minute idle)', async () => {
    const url = new URL(app.origin);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const call = () =>
      new Promise<{ socket: unknown; keepAlive: unknown; status: number }>((resolve, reject) => {
        const req = request(
          { host: url.hostname, port: url.port, path: '/api/elections.list', method: 'POST', agent, headers: { Authorization: `Bearer ${app.token}` } },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ socket: res.socket, keepAlive: res.headers['keep-alive'], status: res.statusCode ?? 0 }));
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
    try {
      const first = await call();
      const second = await call();
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.socket).toBe(first.socket);
      expect(first.keepAlive).toBe('timeout=65');
    } finally {
      agent.destroy();
    }
  });

  it('refuses a body over 25 MB (413)', async () => {
    const big = await raw('/api/elections.list', {
      method: 'POST',
      body: 'x'.repeat(25 * 1024 * 1024 + 10),
      headers: { Authorization: `Bearer ${app.token}` },
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('maps errors to 4xx with a JSON body', async () => {
    expect((await app.call('elections.create', { name: '' })).status).toBe(400);
    expect((await app.call('elections.get', { id: 999 })).status).toBe(404);
    expect((await app.call('no.such', {})).status).toBe(404);
    const bad = await raw('/api/elections.create', { method: 'POST', body: '{not json', headers: { Authorization: `Bearer ${app.token}` } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/not valid JSON/);
  });

  it('lists every method with its input JSON schema', async () => {
    const res = await fetch(`${app.origin}/api/methods`, { headers: { Authorization: `Bearer ${app.token}` } });
    const methods = (await res.json()) as { name: string; kind: string; input: { type?: string; properties?: object } }[];
    expect(methods.map((m) => m.name).sort()).toEqual(Object.keys(contract).sort());
    const create = methods.find((m) => m.name === 'elections.create');
    expect(create?.kind).toBe('mutation');
    expect(Object.keys(create?.input.properties ?? {})).toEqual(['name', 'type', 'pollingDay', 'nation', 'dcId', 'notes']);
  });

  it('serves the interface with a strict Content-Security-Policy', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });
});
