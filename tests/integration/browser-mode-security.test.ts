/**
 * Browser mode (docs/reliability.md §7): only the person who started it gets in. No token → 401;
 * a foreign Origin or Host (DNS rebinding) → 403, however the header is dressed up; listening on
 * 127.0.0.1 only, unless --host says otherwise, and then a warning.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserMode, startBrowserMode } from '../helpers/server.ts';

let app: BrowserMode;
let port: number;
beforeAll(async () => {
  app = await startBrowserMode();
  port = Number(new URL(app.origin).port);
});
afterAll(() => app.stop());

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers, setHost: opts.headers?.Host === undefined },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const post = (headers: Record<string, string>, path = '/api/elections.list') => raw(path, { method: 'POST', body: '{}', headers });

/**
 * The local addresses a TCP port listens on, from /proc/net/tcp and tcp6 (Linux), as
 * `127.0.0.1`-style text; null where the kernel does not say.
 */
function listeningAddresses(listenPort: number): string[] | null {
  const files = ['/proc/net/tcp', '/proc/net/tcp6'].filter((f) => existsSync(f));
  if (files.length === 0) return null;
  const out: string[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A = LISTEN
      const [hex, portHex] = local.split(':');
      if (parseInt(portHex, 16) !== listenPort) continue;
      if (hex.length === 8)
        out.push(
          hex
            .match(/../g)!
            .reverse()
            .map((b) => parseInt(b, 16))
            .join('.'),
        );
      else out.push(hex === '0'.repeat(32) ? '::' : `ipv6:${hex}`);
    }
  }
  return out;
}

/** Whether a TCP connection to host:port is accepted. */
function reachable(host: string, to: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: to });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function otherAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

describe('browser mode: the token', () => {
  const wrongTokens: [string, () => Record<string, string>][] = [
    ['no Authorization header', () => ({})],
    ['an empty bearer token', () => ({ Authorization: 'Bearer ' })],
    ['a wrong token', () => ({ Authorization: 'Bearer not-the-token' })],
    ['the token with a character changed', () => ({ Authorization: `Bearer ${app.token.slice(0, -1)}${app.token.endsWith('A') ? 'B' : 'A'}` })],
    ['a lower-case scheme', () => ({ Authorization: `bearer ${app.token}` })],
    ['Basic authentication', () => ({ Authorization: `Basic ${Buffer.from(`user:${app.token}`).toString('base64')}` })],
    ['the token with extra text', () => ({ Authorization: `Bearer ${app.token}x` })],
  ];

  it.each(wrongTokens)('answers 401 with %s', async (_label, headers) => {
    const r = await post(headers());
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('does not take the token from the query string for API calls', async () => {
    expect((await post({}, `/api/elections.list?token=${app.token}`)).status).toBe(401);
  });

  it('guards the method list, the event stream and mutations alike', async () => {
    expect((await raw('/api/methods')).status).toBe(401);
    expect((await raw('/api/events')).status).toBe(401);
    expect(
      (await raw('/api/elections.create', { method: 'POST', body: JSON.stringify({ name: 'x', type: 'local', pollingDay: '2027-05-06', nation: 'england' }) }))
        .status,
    ).toBe(401);
    expect((await app.call('elections.list', {})).body.value).toEqual([]); // nothing was created
  });

  it('lets the right token in', async () => {
    expect((await post({ Authorization: `Bearer ${app.token}` })).status).toBe(200);
  });
});

describe('browser mode: the token in a cookie, not in the address', () => {
  const cookie = () => `hustings-${port}=${app.token}`;

  it('moves the printed token into an HttpOnly, SameSite=Strict cookie and sends the browser on without it', async () => {
    const r = await raw(`/?token=${app.token}&view=1`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/?view=1');
    expect(r.headers['set-cookie']).toEqual([`hustings-${port}=${app.token}; HttpOnly; SameSite=Strict; Path=/`]);
  });

  it('sets no cookie for a wrong token: the page loads and its calls are refused', async () => {
    const r = await raw('/?token=not-the-token');
    expect(r.status).toBe(200);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('lets the cookie in for calls from the page itself', async () => {
    expect((await post({ Cookie: cookie() })).status).toBe(200);
    expect((await post({ Cookie: `other=1; ${cookie()}`, 'Sec-Fetch-Site': 'same-origin', Origin: app.origin })).status).toBe(200);
    expect((await raw('/api/methods', { headers: { Cookie: cookie() } })).status).toBe(200);
  });

  it.each([
    ['a wrong cookie', () => ({ Cookie: `hustings-${port}=not-the-token` })],
    ["another port's cookie", () => ({ Cookie: `hustings-1=${app.token}` })],
    ['the cookie on a request from another site', () => ({ Cookie: cookie(), 'Sec-Fetch-Site': 'cross-site' })],
    ['the cookie on a request from another port of this computer', () => ({ Cookie: cookie(), 'Sec-Fetch-Site': 'same-site' })],
    ['the cookie with a wrong Authorization header', () => ({ Cookie: cookie(), Authorization: 'Bearer nope' })],
  ])('answers 401 to %s', async (_label, headers) => {
    expect((await post(headers())).status).toBe(401);
  });

  it('still refuses a foreign Origin that carries the cookie (403)', async () => {
    expect((await post({ Cookie: cookie(), Origin: 'http://evil.example' })).status).toBe(403);
  });
});

// The token kept across restarts (five starts of `hustings serve`) is tested in
// browser-mode-cli.test.ts, outside the fast loop.
describe('browser mode: Origin and Host (DNS rebinding)', () => {
  const auth = () => ({ Authorization: `Bearer ${app.token}` });

  it.each([
    ['a foreign site', 'http://evil.example'],
    ['a look-alike with our address as a prefix', 'http://127.0.0.1:PORT.evil.example'],
    ['our address on another port', 'http://127.0.0.1:1'],
    ['localhost on another port', 'http://localhost:1'],
    ['https to our address', 'https://127.0.0.1:PORT'],
    ['an opaque origin', 'null'],
    ['a file page', 'file://'],
  ])('refuses Origin from %s (403)', async (_label, origin) => {
    const r = await post({ ...auth(), Origin: origin.replace('PORT', String(port)) });
    expect(r.status).toBe(403);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    ['a rebound domain with our port', 'evil.example:PORT'],
    ['a look-alike with our address as a prefix', '127.0.0.1.evil.example:PORT'],
    ['our address without the port', '127.0.0.1'],
    ['our address on another port', '127.0.0.1:1'],
    ['an empty Host', ''],
  ])('refuses Host of %s (403), for the API and the page', async (_label, host) => {
    const Host = host.replace('PORT', String(port));
    expect((await post({ ...auth(), Host })).status).toBe(403);
    expect((await raw('/', { headers: { Host } })).status).toBe(403);
  });

  it('accepts its own origin, localhost, and requests without an Origin (scripts)', async () => {
    expect((await post({ ...auth(), Origin: app.origin })).status).toBe(200);
    expect((await post({ ...auth(), Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).status).toBe(200);
    expect((await post(auth())).status).toBe(200);
  });

  it('refuses a cross-site preflight', async () => {
    const r = await raw('/api/elections.create', { method: 'OPTIONS', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(r.status).toBe(403);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers malformed paths with 4xx, not 500', async () => {
    expect((await post(auth(), '/api/%E0%A4%A')).status).toBeGreaterThanOrEqual(400);
    expect((await post(auth(), '/api/%E0%A4%A')).status).toBeLessThan(500);
    expect((await raw('/%E0%A4%A')).status).toBeLessThan(500);
    expect((await raw('/..%2f..%2f..%2fetc%2fpasswd')).body).not.toContain('root:');
  });
});

describe('browser mode: where it listens', () => {
  it('listens on 127.0.0.1 only by default', async () => {
    expect(app.url.startsWith(`http://127.0.0.1:${port}/`)).toBe(true);
    const addresses = listeningAddresses(port);
    if (addresses !== null) {
      expect(addresses).toEqual(['127.0.0.1']);
    } else {
      const other = otherAddress();
      expect(other === undefined || !(await reachable(other, port))).toBe(true);
    }
    expect(await reachable('127.0.0.1', port)).toBe(true);
  });

  it('listens elsewhere only when told with --host, and warns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hustings-host-'));
    const child = spawn(process.execPath, ['bin/hustings.js', 'serve', '--host', '0.0.0.0', '--port', '0', '--db', join(dir, 'h.sqlite')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start: ${stdout} ${stderr}`)), 20_000);
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString();
          const m = /Hustings is running at (\S+)/.exec(stdout);
          if (m) {
            clearTimeout(timer);
            resolve(new URL(m[1]));
          }
        });
      });
      expect(stderr).toMatch(/Warning: listening on 0\.0\.0\.0, not only this computer/);
      const exposedPort = Number(url.port);
      const addresses = listeningAddresses(exposedPort);
      if (addresses !== null) expect(addresses).toEqual(['0.0.0.0']);
      // The token is still required, from anywhere.
      const r = await fetch(`http://127.0.0.1:${exposedPort}/api/elections.list`, { method: 'POST', body: '{}' });
      expect(r.status).toBe(401);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
