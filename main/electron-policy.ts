// Security decisions of the Electron shell, kept free of any 'electron' import so that they
// can be unit-tested in Node (tests/unit/electron-policy.test.ts). main/electron/ only wires
// these functions to Electron's events.
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';

export { artworkHeaders } from './artwork-response.ts';

/** The custom scheme and host the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
const APP_HOST = 'hustings';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

/** The one IPC channel the renderer may call, and the one main uses to push job events. */
export { INVOKE_CHANNEL, JOB_EVENT_CHANNEL } from './electron/channels.ts';

/**
 * The Content-Security-Policy sent as a header with every app:// response: the same one browser
 * mode sends and the build puts in the page (no inline script, no eval, nothing remote).
 */
export { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is a page of the app itself: scheme app:, host exactly `hustings`, no
 * credentials, no port. (WHATWG gives non-special schemes an opaque origin, so compare parts
 * rather than `URL.origin`.)
 */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/**
 * In-window navigation is allowed only within the app (e.g. a reload of a route), or, in the
 * window of a team server the person connected to (`teamOrigin`), within that server's origin:
 * its sign-in page, the app it serves. Never from one to the other: the team's pages get no
 * preload, and the app's window no remote page.
 */
export function isAllowedNavigation(url: unknown, teamOrigin?: string): boolean {
  if (teamOrigin === undefined) return isAppUrl(url);
  const u = parse(url);
  return u !== null && u.origin === teamOrigin && u.username === '' && u.password === '';
}

/**
 * Links the user may open in their default browser: http(s) only, no embedded credentials.
 * Everything else (file:, javascript:, smb:, custom handlers...) is refused.
 */
export function isSafeExternalUrl(url: unknown): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && u.username === '' && u.password === '';
}

/** The team server's files a page offers (walk sheets and other PDFs, a leaflet's artwork). */
const TEAM_FILE_PATHS = ['/api/pdf/', '/api/artwork/'];

/**
 * What a link that asks for a new window (`target="_blank"`, `window.open`) does; no page ever
 * gets a new window. In a team server's window (`teamOrigin`), that server's own files are
 * downloaded in the window's session, which is signed in (the system browser is not); anything
 * else goes to the system browser when it is a safe http(s) address, and is refused otherwise.
 */
export function newWindowAction(url: unknown, teamOrigin?: string): 'download' | 'external' | 'refuse' {
  if (teamOrigin !== undefined && isAllowedNavigation(url, teamOrigin)) {
    const { pathname } = new URL(url as string);
    if (TEAM_FILE_PATHS.some((p) => pathname.startsWith(p))) return 'download';
  }
  return isSafeExternalUrl(url) ? 'external' : 'refuse';
}

/** The part of Electron's WebFrameMain the sender check looks at. */
export type SenderFrame = { url: string; parent: unknown | null };

/**
 * An IPC message is trusted only when it comes from the top-level frame of a page served by
 * the app (not an iframe, not a page that navigated elsewhere, not a destroyed frame).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Every permission request (camera, notifications, geolocation, clipboard...) is refused. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export type AppFileResolution = { kind: 'file'; file: string; contentType: string } | { kind: 'refused'; status: 403 | 404 | 405 };

/**
 * Maps an app:// request to a file under `root` (the built renderer). A path with no file
 * extension is a client-side route and gets index.html. Anything outside `root`, on another
 * host, or not a GET/HEAD is refused.
 */
export function resolveAppRequest(url: string, method: string, root: string): AppFileResolution {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405 };
  if (!isAppUrl(url)) return { kind: 'refused', status: 403 };
  const u = new URL(url);
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return { kind: 'refused', status: 404 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'refused', status: 404 };
  const rootResolved = path.resolve(root);
  const isRoute = path.posix.extname(pathname) === '';
  const relative = isRoute ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(rootResolved, relative);
  if (file !== rootResolved && !file.startsWith(rootResolved + path.sep)) {
    return { kind: 'refused', status: 404 };
  }
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { kind: 'file', file, contentType };
}

/** Headers sent with every app:// response. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The artwork viewer: a leaflet's artwork is shown in a window of its own on
 * app://artwork/<leaflet id>, never handed to the system's default handler (which would run a
 * script or program wearing an image's name). Its host is not the app's, so it is never a trusted
 * IPC sender and gets none of the app's pages.
 */
const ARTWORK_HOST = 'artwork';

export function artworkViewerUrl(leafletId: number): string {
  return `${APP_SCHEME}://${ARTWORK_HOST}/${leafletId}`;
}

/** The leaflet id an app://artwork/<id> GET asks for, or null when it is not such a request. */
export function artworkRequestId(url: string, method: string): number | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  const u = parse(url);
  if (u === null || u.protocol !== `${APP_SCHEME}:` || u.hostname !== ARTWORK_HOST || u.port !== '' || u.username !== '' || u.password !== '') return null;
  const m = /^\/(\d{1,15})$/.exec(u.pathname);
  return m ? Number(m[1]) : null;
}
