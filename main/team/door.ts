/**
 * The team server's door (`serve --team`): who is signed in, from their session cookie, and the
 * routes that sign people in and out. The cookie is HttpOnly (no script reads it), SameSite=Strict
 * (no other site's page sends it) and Secure when the server is reached over TLS; it counts only
 * for requests the browser says come from this server's own pages.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../../db/store.ts';
import type { Caller } from '../../shared/contract/roles.ts';
import { checkLink, redeemLink } from './links.ts';
import { choosePasswordPage, fromElsewherePage, linkProblemPage, PAGE_CSP, PAGE_CSS, signInPage } from './pages.ts';
import { endEverySession, endSession, sessionCaller, type SignedIn, startSession } from './sessions.ts';
import { signIn } from './sign-in.ts';

/** A form's body: a name and a password are far under this. */
const MAX_FORM = 16 * 1024;

export interface TeamDoor {
  /** The door's own paths (/sign-in, /welcome, /auth/…, /team.css): answered, true; any other path, false. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** The signed-in person making an API call, or null. */
  callerOf(req: IncomingMessage): Promise<Caller | null>;
  /** Whether a page (the app itself) is asked for by someone signed in. */
  signedIn(req: IncomingMessage): Promise<boolean>;
}

export interface TeamDoorOptions {
  /** Each server its own cookie: a cookie of another server on the same host is not this one's. */
  cookieName: string;
  /** Reached over TLS (here, or at a proxy in front): the cookie is sent only over it. */
  secure: boolean;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_FORM) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
      }
    });
    req.once('end', () => resolve(text.length > MAX_FORM ? null : new URLSearchParams(text)));
    req.once('error', reject);
  });
}

/**
 * A page of the door. Its forms must carry this server's Origin (checked at the door), which a
 * browser replaces by "null" under `no-referrer`: these pages send a Referer to this server only.
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Where a sign-in comes from, for the lock-out. A reverse proxy on this computer (the documented
 * set-up) names its client in X-Forwarded-For, last; the header is believed from no one else.
 */
function clientAddress(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  if (typeof forwarded !== 'string' || !LOOPBACK.has(peer)) return peer;
  return forwarded.split(',').at(-1)?.trim() || peer;
}

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PAGE_CSP,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'same-origin',
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function createTeamDoor(store: Store, opts: TeamDoorOptions): TeamDoor {
  const cookie = (value: string, maxAge?: number) =>
    `${opts.cookieName}=${value}; HttpOnly; SameSite=Strict; Path=/${opts.secure ? '; Secure' : ''}${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;
  const cleared = cookie('', 0);

  function sessionId(req: IncomingMessage, navigation: boolean): string | undefined {
    const site = req.headers['sec-fetch-site'];
    // A page opened from a bookmark or the address bar says "none"; an API call must be the page's own.
    const allowed = navigation ? ['same-origin', 'none'] : ['same-origin'];
    if (site !== undefined && !allowed.includes(site as string)) return undefined;
    return cookieValue(req.headers.cookie, opts.cookieName);
  }

  async function signedInAs(req: IncomingMessage, navigation = false): Promise<SignedIn | null> {
    const id = sessionId(req, navigation);
    return id === undefined || id === '' ? null : sessionCaller(store, id);
  }

  function signedInTo(res: ServerResponse, sessionId: string) {
    res.writeHead(303, { 'Set-Cookie': cookie(sessionId), Location: '/', 'Cache-Control': 'no-store' });
    res.end();
  }

  async function postSignIn(req: IncomingMessage, res: ServerResponse) {
    const form = await readForm(req);
    const name = form?.get('name') ?? '';
    const password = form?.get('password') ?? '';
    if (name.trim() === '' || password === '') return html(res, 400, signInPage({ name, message: 'Enter your name and your password.' }));
    const r = await signIn(store, name, password, clientAddress(req));
    if (!r.ok) return html(res, r.code === 'too_many_attempts' ? 429 : 401, signInPage({ name, message: r.message }));
    signedInTo(res, r.sessionId);
  }

  async function getWelcome(res: ServerResponse, url: URL) {
    const link = url.searchParams.get('link') ?? '';
    const state = await checkLink(store, link);
    if (!state.ok) return html(res, 410, linkProblemPage(state.message));
    html(res, 200, choosePasswordPage({ link, name: state.name, purpose: state.purpose }));
  }

  async function postWelcome(req: IncomingMessage, res: ServerResponse) {
    const form = await readForm(req);
    const link = form?.get('link') ?? '';
    const password = form?.get('password') ?? '';
    const state = await checkLink(store, link);
    if (!state.ok) return html(res, 410, linkProblemPage(state.message));
    const again = (message: string) => html(res, 400, choosePasswordPage({ link, name: state.name, purpose: state.purpose, message }));
    if (password !== (form?.get('repeat') ?? '')) return again('The two passwords are not the same: type them again.');
    const done = await redeemLink(store, link, password);
    if (!done.ok) return again(done.message);
    signedInTo(res, await startSession(store, state.accountId));
  }

  async function signOut(req: IncomingMessage, res: ServerResponse, everywhere: boolean) {
    const id = sessionId(req, false);
    const who = id === undefined ? null : await sessionCaller(store, id);
    if (id === undefined || who === null)
      return json(res, 401, { ok: false, error: { code: 'unauthorized', message: 'You are not signed in.' } }, { 'Set-Cookie': cleared });
    if (everywhere) await endEverySession(store, who.accountId);
    else await endSession(store, id);
    json(res, 200, { ok: true, value: null }, { 'Set-Cookie': cleared });
  }

  return {
    async handle(req, res, url) {
      const route = `${req.method} ${url.pathname}`;
      if (route === 'GET /team.css') {
        res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' });
        res.end(PAGE_CSS);
      } else if (route === 'GET /sign-in') {
        if (await signedInAs(req, true)) {
          res.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' });
          res.end();
        } else if (['cross-site', 'same-site'].includes(req.headers['sec-fetch-site'] as string)) html(res, 200, fromElsewherePage());
        else html(res, 200, signInPage());
      } else if (route === 'POST /sign-in') await postSignIn(req, res);
      else if (route === 'GET /welcome') await getWelcome(res, url);
      else if (route === 'POST /welcome') await postWelcome(req, res);
      else if (route === 'POST /auth/sign-out') await signOut(req, res, false);
      else if (route === 'POST /auth/sign-out-everywhere') await signOut(req, res, true);
      else if (route === 'GET /auth/me') {
        const who = await signedInAs(req);
        if (who === null) json(res, 401, { ok: false, error: { code: 'unauthorized', message: 'You are not signed in.' } });
        else json(res, 200, { ok: true, value: who.caller });
      } else return false;
      return true;
    },
    async callerOf(req) {
      return (await signedInAs(req))?.caller ?? null;
    },
    async signedIn(req) {
      return (await signedInAs(req, true)) !== null;
    },
  };
}
