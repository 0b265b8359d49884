import { timingSafeEqual, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { allows, refusal } from '../shared/contract/access.ts';
import { contract } from '../shared/contract/index.ts';
import { type ErrorCode, HTTP_STATUS } from '../shared/contract/result.ts';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import type { Caller } from '../shared/contract/roles.ts';
import type { Hustings } from './app.ts';
import type { Dispatch } from './api/dispatcher.ts';
import { mayFollowJob } from './api/jobs.ts';
import type { JobEvent } from './jobs.ts';
import { createTeamDoor, type TeamDoor } from './team/door.ts';
import { TEAM_INFO_PATH, type TeamInfo } from '../shared/team-info.ts';
import { ARTWORK_CSP, artworkHeaders } from './artwork-response.ts';
import { serveExpensesReturn, serveRoundSheet } from './pdf/pdf-http.ts';
import { serveWalkSheets } from './pdf/walk-sheets-http.ts';
import { serveTellersRota } from './pdf/tellers-rota-http.ts';
import { serveKnockUpSheets } from './pdf/knock-up-http.ts';

const RENDERER_DIR = fileURLToPath(new URL('../dist/renderer/', import.meta.url));
const MAX_BODY = 25 * 1024 * 1024;
/**
 * How long an idle connection stays open for its client's next call. Node's 5 s default made a
 * script that paused between returns (or a page left open) connect again, a round trip more.
 */
const KEEP_ALIVE_MS = 65_000;

/**
 * For tests only: `HUSTINGS_TEST_DELAY_MS=150` (or a range, `100-200`) holds every API call that
 * long before it runs, as a busy machine would, so journeys can prove the interface copes with a
 * slow answer. Unset (always, outside tests), calls run at once.
 */
function testDelay(): (() => Promise<void>) | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(process.env.HUSTINGS_TEST_DELAY_MS ?? '');
  if (!m) return undefined;
  const min = Number(m[1]);
  const spread = Math.max(0, Number(m[2] ?? m[1]) - min);
  return () => new Promise((resolve) => setTimeout(resolve, min + Math.random() * spread));
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface ServerOptions {
  port?: number;
  host?: string;
  token?: string;
  rendererDir?: string;
  /** A team server: every call needs a signed-in person's session (main/team/door.ts), not the token. */
  team?: boolean;
  /** Speak HTTPS with this certificate and key (PEM). */
  tls?: { cert: Buffer; key: Buffer };
  /** Where people open the server when it is not this host and port (a reverse proxy in front). */
  publicAddress?: string;
  /** A team server's campaign, named to whoever asks `GET /api/team-info` (default: its address). */
  campaign?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Every method with its input JSON schema, for scripts and the fuzz tests. */
export function describeMethods() {
  return Object.entries(contract).map(([name, def]) => ({
    name,
    kind: def.kind,
    summary: def.summary,
    input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
  }));
}

/** Whether a signed-in person may follow long jobs: the roles of jobs.get. */
const followsJobs = (caller: Caller) => allows(contract['jobs.get'].access, caller.roles);

/** Sent with every answer, each path adding its own. */
const SAFETY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' };
const JSON_HEADERS = { ...SAFETY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

/** A request refused at the door, with the contract's error code and its HTTP status. */
function refuse(res: ServerResponse, code: ErrorCode, message: string) {
  send(res, HTTP_STATUS[code], { ok: false, error: { code, message } });
}

/**
 * A JSON answer in one write: headers and body together, its length given (no chunked encoding,
 * so the client knows the answer is whole without waiting for a closing chunk).
 */
function send(res: ServerResponse, status: number, body: unknown) {
  sendText(res, JSON.stringify(body), status);
}

function sendText(res: ServerResponse, json: string, status = 200) {
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

/** A percent-decoded path, or null when its escapes are malformed (a 4xx, not a crash). */
function safeDecode(text: string): string | null {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function sameToken(given: string, token: Buffer): boolean {
  const a = Buffer.from(given);
  return a.length === token.length && timingSafeEqual(a, token);
}

/** One cookie's value from a Cookie header. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** The request's body as text, or null when it is over MAX_BODY (the rest is not read). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => size <= MAX_BODY && resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

/**
 * Browser mode: the renderer and `POST /api/<method>` on loopback. Every API request needs the
 * token (header or cookie), or on a team server a signed-in person's session; a request whose Host
 * or Origin is not this server's own is refused (DNS rebinding, other sites).
 */
export async function startServer(app: Hustings, opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const rendererDir = opts.rendererDir ?? RENDERER_DIR;
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  let cookieName = '';
  let team: TeamDoor | undefined;
  let teamInfo = '';
  const scheme = opts.tls ? 'https' : 'http';
  const delay = testDelay();

  // Nagle off (a small answer goes out at once) and connections kept for the next call.
  const serverOptions = { noDelay: true, keepAlive: true, keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: KEEP_ALIVE_MS + 5_000 };
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches every error itself and answers 500
  const server = opts.tls ? createTlsServer({ ...serverOptions, ...opts.tls }, answer) : createServer(serverOptions, answer);

  async function answer(req: IncomingMessage, res: ServerResponse) {
    try {
      if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 'forbidden', 'Wrong Host header');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin)) return refuse(res, 'forbidden', 'Requests from other sites are refused');
      const target = req.url ?? '/';
      // Before sign-in: the desktop app and browser mode ask this when a person types the address.
      if (team && target === TEAM_INFO_PATH && req.method === 'GET') return sendText(res, teamInfo);
      // An API call (the hot path: a return a keystroke) needs only its path; the rest, a parsed URL.
      if (target.startsWith('/api/')) return await api(req, res, target);
      for (const [name, value] of Object.entries(SAFETY_HEADERS)) res.setHeader(name, value);
      const url = new URL(target, 'http://localhost');
      if (team) return await teamPage(req, res, url, team);
      if (req.method === 'GET' && url.searchParams.has('token') && sameToken(url.searchParams.get('token') ?? '', tokenBytes)) return signIn(res, url);
      return serveStatic(res, url.pathname);
    } catch (error) {
      console.error('[hustings] request failed', error);
      if (!res.headersSent) refuse(res, 'internal', 'The server could not answer that request');
      else res.end();
    }
  }

  /** On a team server: its sign-in pages, and the app only for someone signed in. */
  async function teamPage(req: IncomingMessage, res: ServerResponse, url: URL, door: TeamDoor) {
    if (await door.handle(req, res, url)) return;
    if (await door.signedIn(req)) return serveStatic(res, url.pathname);
    res.writeHead(303, { Location: '/sign-in', 'Cache-Control': 'no-store' });
    res.end();
  }

  async function api(req: IncomingMessage, res: ServerResponse, target: string) {
    if (req.method !== 'POST') for (const [name, value] of Object.entries(SAFETY_HEADERS)) res.setHeader(name, value);
    let caller: Caller | undefined;
    if (team) {
      caller = (await team.callerOf(req)) ?? undefined;
      if (!caller) return refuse(res, 'unauthorized', 'You are not signed in to this team server (or your session has ended): sign in again.');
    } else if (!authorised(req)) return refuse(res, 'unauthorized', 'Missing or wrong token: open the address Hustings printed');
    // Every call below, PDFs and artwork too, is made as the signed-in person.
    const dispatch: Dispatch = (method, input) => app.dispatch(method, input, caller);
    const query = target.indexOf('?');
    const name = safeDecode(target.slice('/api/'.length, query < 0 ? undefined : query));
    if (name === null) return refuse(res, 'unknown_method', 'There is no such method');
    if (name === 'methods' && req.method === 'GET') return send(res, 200, describeMethods());
    if (name === 'events' && req.method === 'GET') return streamJobEvents(req, res, caller, team);
    const artworkOf = req.method === 'GET' ? /^artwork\/(\d{1,15})$/.exec(name) : null;
    if (artworkOf) return serveArtwork(res, Number(artworkOf[1]), dispatch);
    if (name.startsWith('pdf/') && req.method === 'GET') {
      const url = new URL(target, 'http://localhost');
      if (name === 'pdf/walk-sheets') return serveWalkSheets(dispatch, url, res);
      if (name === 'pdf/round-sheet') return serveRoundSheet(dispatch, url, res);
      if (name === 'pdf/expenses-return') return serveExpensesReturn(dispatch, url, res);
      if (name === 'pdf/tellers-rota') return serveTellersRota(dispatch, url, res);
      if (name === 'pdf/knock-up') return serveKnockUpSheets(dispatch, url, res);
    }
    if (req.method !== 'POST') return refuse(res, 'method_not_allowed', 'Use POST for API methods');
    const body = await readBody(req);
    if (body === null) return refuse(res, 'too_large', 'The request is over 25 MB');
    let input: unknown;
    try {
      input = body === '' || body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return refuse(res, 'invalid_input', 'The request body is not valid JSON');
    }
    if (delay) await delay();
    const result = await dispatch(name, input);
    return send(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
  }

  /**
   * The token in the Authorization header (scripts), or in the cookie the page got when it was
   * opened with the printed address. A cookie goes with any request to this host, so it counts
   * only for requests the browser says come from this very page (Sec-Fetch-Site).
   */
  function authorised(req: IncomingMessage): boolean {
    const auth = req.headers.authorization ?? '';
    if (auth !== '') return auth.startsWith('Bearer ') && sameToken(auth.slice(7), tokenBytes);
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return false;
    return sameToken(cookieValue(req.headers.cookie, cookieName) ?? '', tokenBytes);
  }

  /**
   * Opening the printed address: the token moves into an HttpOnly cookie for the rest of the
   * session and the browser is sent to the same page without it, so the address bar, history
   * and bookmarks never hold it.
   */
  function signIn(res: ServerResponse, url: URL) {
    url.searchParams.delete('token');
    res.writeHead(303, {
      'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      Location: url.pathname + url.search,
      'Cache-Control': 'no-store',
    });
    res.end();
  }

  /**
   * A leaflet's artwork for the browser's own image or PDF viewer (a new tab): as the type its
   * content was checked to be, never sniffed, never run. A refusal (artwork kept by an older
   * version that is not an image or PDF, a missing file) is a plain sentence in that tab.
   */
  async function serveArtwork(res: ServerResponse, id: number, dispatch: Dispatch) {
    const r = await dispatch('leaflets.artwork', { id });
    if (!r.ok) {
      res.writeHead(HTTP_STATUS[r.error.code], {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Security-Policy': ARTWORK_CSP,
        'Cache-Control': 'no-store',
      });
      return res.end(r.error.message);
    }
    const artwork = r.value as { name: string; type: string; dataBase64: string };
    res.writeHead(200, artworkHeaders(artwork));
    res.end(Buffer.from(artwork.dataBase64, 'base64'));
  }

  /**
   * Server-Sent Events: the progress, done, error or cancelled of each long job (main/jobs.ts) the
   * caller may follow (`mayFollowJob`). On a team server they carry what jobs.get answers (an
   * import's problem lines, a backup's file), so only to whoever may call it; the stream ends, at
   * its next keep-alive, once its session has or its roles no longer may, and otherwise follows
   * the roles the person holds by then.
   */
  function streamJobEvents(req: IncomingMessage, res: ServerResponse, caller: Caller | undefined, door?: TeamDoor) {
    if (caller && !followsJobs(caller)) return refuse(res, 'forbidden', refusal(contract['jobs.get']));
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    let follower = caller;
    const forward = (job: JobEvent) => mayFollowJob(follower, job.kind) && res.write(`event: job\ndata: ${JSON.stringify(job)}\n\n`);
    for (const job of app.jobs.running()) forward(job);
    const off = app.jobs.subscribe(forward);
    const keepAlive = setInterval(() => {
      if (!door) return void res.write(': keep-alive\n\n');
      void door.callerOf(req).then(
        (now) => (now && followsJobs(now) ? ((follower = now), res.write(': keep-alive\n\n')) : end()),
        () => end(),
      );
    }, 15_000);
    const end = () => {
      off();
      clearInterval(keepAlive);
      res.end();
    };
    req.on('close', end);
  }

  function serveStatic(res: ServerResponse, pathname: string) {
    const decoded = safeDecode(pathname);
    if (decoded === null) return send(res, 400, { error: 'Bad path' });
    const rel = normalize(decoded).replace(/^([/\\])+/, '');
    let file = join(rendererDir, rel === '' ? 'index.html' : rel);
    if (!file.startsWith(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep)) return send(res, 404, { error: 'Not found' });
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(rendererDir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('The Hustings interface has not been built: run `npm run build` (npm install does it for you).');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Cookies are shared by every port of a host: each server has its own.
  cookieName = `hustings-${port}`;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  allowedHosts = new Set([`${hostPart}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((h) => `${scheme}://${h}`));
  const publicAddress = opts.publicAddress === undefined ? undefined : new URL(opts.publicAddress);
  if (publicAddress) {
    allowedHosts.add(publicAddress.host);
    allowedOrigins.add(publicAddress.origin);
  }
  if (opts.team) {
    const secure = scheme === 'https' || publicAddress?.protocol === 'https:';
    team = createTeamDoor(app.store, { cookieName: `hustings-session-${port}`, secure });
    const info: TeamInfo = { hustings: 'team-server', campaign: opts.campaign ?? (publicAddress ?? new URL(`${scheme}://${hostPart}:${port}`)).host };
    teamInfo = JSON.stringify({ ok: true, value: info });
  }
  return {
    url: opts.team ? `${publicAddress?.origin ?? `${scheme}://${hostPart}:${port}`}/` : `${scheme}://${hostPart}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
