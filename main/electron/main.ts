// Electron main process: one secure window over the shared dispatcher. The security decisions
// live in ../electron-policy.ts (unit-tested without Electron); this file only wires them up.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openHustings } from '../app.ts';
import type { ApiResult } from '../../shared/contract/result.ts';
import type { Hustings } from '../app.ts';
import {
  APP_SCHEME,
  APP_START_URL,
  artworkHeaders,
  artworkRequestId,
  artworkViewerUrl,
  INVOKE_CHANNEL,
  isAllowedNavigation,
  isPermissionAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  newWindowAction,
  resolveAppRequest,
  responseHeaders,
} from '../electron-policy.ts';
import { EncryptionKeyError } from '../../db/sqlite/encryption/errors.ts';
import { keepFilesPrivate, tightenFolder } from '../private-files.ts';
import { serveUnlockPage } from '../unlock-page.ts';
import { startupFailureUrl } from '../startup-failure.ts';
import { sendJobEvent, setJobEventWindow } from './job-events.ts';
import { desktopKeys, keychainProtector } from './keychain.ts';
import { askToUnlock } from './unlock-window.ts';
import { openFileNextTime, rememberTeam, teamToOpen } from '../remembered-team.ts';
import type { Team } from '../team-address.ts';

// Bundled by scripts/build-electron.mjs to dist/electron/main.cjs; the renderer is built to
// dist/renderer and the preload to dist/electron/preload.cjs.
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  // standard + secure: a real origin for module scripts, storage and relative URLs. corsEnabled
  // because Vite marks its module scripts crossorigin; no response carries CORS headers, so no
  // other origin can read from app://. Never bypassCSP.
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
  },
]);

/** The file on this computer, once opened: not at a start that opens a team (see `showStart`). */
let hustings: Hustings | null = null;
/** Set while the file is being opened (its unlock window may be up), so it is opened once. */
let openingFile = false;
/** Hustings' own folder (userData): the file on this computer and team.json. */
let dataDir = '';
/** The window on screen: the file on this computer's (app://) or a team server's. */
let mainWindow: BrowserWindow | null = null;
/** The team server each team window shows: its pages may navigate within that origin only. */
const teamOrigins = new WeakMap<WebContents, string>();

/** app://artwork/<id>: the leaflet's artwork, through the handler that checks its content. */
async function serveArtwork(id: number, method: string): Promise<Response> {
  const r = hustings ? await hustings.dispatch('leaflets.artwork', { id }) : null;
  if (!r?.ok) return new Response(null, { status: 404 });
  const artwork = r.value as { name: string; type: string; dataBase64: string };
  return new Response(method === 'HEAD' ? null : Buffer.from(artwork.dataBase64, 'base64'), { status: 200, headers: artworkHeaders(artwork) });
}

/**
 * The artwork viewer: a window of its own showing only the image or PDF. Sandboxed, no Node and no
 * preload (so no IPC at all), no developer tools. `plugins` is on for Chromium's built-in PDF
 * viewer, the one plugin Electron ships; the response's CSP still runs nothing of the file's own.
 */
async function showArtwork(artwork: { leafletId: number; title: string }): Promise<void> {
  const viewer = new BrowserWindow({
    width: 900,
    height: 1000,
    title: `Artwork of ${artwork.title}`,
    autoHideMenuBar: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      plugins: true,
      devTools: false,
      spellcheck: false,
    },
  });
  // Keep the window's own title: the image or PDF would otherwise name it after the address.
  viewer.on('page-title-updated', (event) => event.preventDefault());
  void viewer.loadURL(artworkViewerUrl(artwork.leafletId));
}

async function serveAppRequest(request: Request): Promise<Response> {
  const unlockPage = serveUnlockPage(request.url, request.method);
  if (unlockPage !== null) return unlockPage;
  const artworkId = artworkRequestId(request.url, request.method);
  if (artworkId !== null) return serveArtwork(artworkId, request.method);
  const resolved = resolveAppRequest(request.url, request.method, RENDERER_ROOT);
  if (resolved.kind === 'refused') return new Response(null, { status: resolved.status });
  try {
    const body = await readFile(resolved.file);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: responseHeaders(resolved.contentType),
    });
  } catch {
    return new Response(null, { status: 404 });
  }
}

function openExternalIfSafe(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, permission, callback) => {
    callback(isPermissionAllowed(permission));
  });
  ses.setPermissionCheckHandler((_webContents, permission) => isPermissionAllowed(permission));
}

// Applies to every web contents the app ever creates (windows, devtools, anything unexpected).
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, teamOrigins.get(contents))) {
      event.preventDefault();
      openExternalIfSafe(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, teamOrigins.get(contents))) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const action = newWindowAction(url, teamOrigins.get(contents));
    if (action === 'download') contents.downloadURL(url);
    else if (action === 'external') void shell.openExternal(url);
    return { action: 'deny' };
  });
});

/** The IPC door: refusals carry the contract's error codes, as the HTTP door's do. */
async function handleInvoke(event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<ApiResult> {
  if (!isTrustedSender(event.senderFrame)) {
    return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the Hustings window.' } };
  }
  if (typeof method !== 'string' || hustings === null) {
    return { ok: false, error: { code: 'unknown_method', message: 'Unknown method.' } };
  }
  return hustings.dispatch(method, input);
}

/**
 * A main window, shown once drawn; the window it replaces (the file's, or a team's) closes then.
 * `preload` is the bridge to the file on this computer: a team server's pages get none. A page
 * with a changed form asks before it is closed or reloaded.
 */
function mainWindowWith(preload: string | undefined, title: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    title,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise ask for a new window (denied anyway by the open handler).
      disableBlinkFeatures: 'Auxclick',
      // Developer tools only when running from the sources, not in an installed copy.
      devTools: !app.isPackaged,
    },
  });
  const replaced = mainWindow;
  mainWindow = win;
  win.once('ready-to-show', () => {
    win.show();
    replaced?.close();
  });
  // Electron shows no question of its own, so without this the window would simply refuse to close.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Leave without saving', 'Stay on the page'],
      defaultId: 1,
      cancelId: 1,
      title: 'Leave without saving?',
      message: 'You have changed a form and not saved it. If you leave now, your changes are lost.',
    });
    if (choice === 0) event.preventDefault();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  return win;
}

/** The file on this computer, through the preload's bridge; `route` opens a page of it (the start page). */
function createWindow(route = ''): BrowserWindow {
  const win = mainWindowWith(PRELOAD, 'Hustings');
  void win.loadURL(APP_START_URL + route);
  setJobEventWindow(win.webContents);
  return win;
}

/**
 * A team server's pages, from its own origin: no preload (no bridge to this computer's file), its
 * own sign-in, and its pages' storage (the outbox of canvass returns and tellers' numbers) kept
 * by Electron on disk for that origin. The page's title names the campaign and the person.
 */
function createTeamWindow(team: Team): BrowserWindow {
  const win = mainWindowWith(undefined, `${team.campaign} — Hustings`);
  teamOrigins.set(win.webContents, team.origin);
  void win.loadURL(`${team.origin}/`);
  return win;
}

const onTeam = () => mainWindow !== null && teamOrigins.has(mainWindow.webContents);

/** The Campaign menu: back to the file on this computer, or the start page to connect to a team. */
function campaignMenu(): Menu {
  return Menu.buildFromTemplate([
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Campaign',
      submenu: [
        {
          label: 'Open the file on this computer',
          click: () => {
            openFileNextTime(dataDir);
            void showFile();
          },
        },
        {
          label: 'Connect to a team…',
          // The start page connects through the file's dispatcher, so the file is opened for it.
          click: () => void showFile('#/start'),
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]);
}

/** The window saying why the app could not start and what to do; a page with no script or bridge. */
function showStartupFailure(error: unknown, dbPath: string): void {
  const win = new BrowserWindow({
    width: 720,
    height: 560,
    title: 'Hustings could not start',
    autoHideMenuBar: true,
    // The page has no links to follow, but middle-click must not open one either (as the other windows).
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
  });
  // Closing it quits, unless a team's window is still open.
  win.on('closed', () => {
    if (mainWindow === null) app.quit();
  });
  void win.loadURL(startupFailureUrl(error, dbPath));
}

/** "Connect to a team" (connect.team): remembered for the next start, and opened now. */
async function openTeam(team: Team): Promise<void> {
  rememberTeam(dataDir, team);
  createTeamWindow(team);
}

/**
 * Opens the file on this computer, asking for its key in the unlock window when the keychain
 * cannot unlock it. Resolves with what closes that window (once the file's own window is up, so
 * the app never has no window), or null when the file was not opened: the unlock window was
 * closed, or the file could not be opened (a window says why).
 */
async function openFile(): Promise<{ close(): void } | null> {
  const dbPath = path.join(dataDir, 'hustings.sqlite');
  let unlockWindow = { close: () => {} };
  try {
    try {
      // Artwork opens only in the app's own viewer window, never with shell.openPath.
      hustings = await openHustings({ dbPath, keys: desktopKeys(), showArtwork, openTeam });
    } catch (error) {
      if (!(error instanceof EncryptionKeyError)) throw error;
      // The keychain cannot unlock the key (a new computer, a reinstalled system) or there is no
      // keychain: the user types the recovery key or passphrase in a window of its own.
      const unlocked = await askToUnlock(dbPath, keychainProtector());
      if (unlocked === null) {
        // Closed without unlocking: with no team's window open, that quits (on macOS too, where
        // closing a window keeps an app).
        if (mainWindow === null) app.quit();
        return null;
      }
      hustings = await openHustings({ dbPath, keys: unlocked.keys, showArtwork, openTeam });
      unlockWindow = unlocked;
    }
  } catch (error) {
    // A newer version's database, a locked file, any other open error: say so in a window
    // (main/startup-failure.ts) rather than closing without a word.
    console.error('Hustings could not open its data:', error);
    showStartupFailure(error, dbPath);
    unlockWindow.close();
    return null;
  }
  hustings.jobs.subscribe(sendJobEvent);
  ipcMain.handle(INVOKE_CHANNEL, handleInvoke);
  return unlockWindow;
}

/** The file on this computer at `route` (the start page), opened first if it is not yet. */
async function showFile(route = ''): Promise<void> {
  if (openingFile) return; // its unlock window is already asking
  let unlockWindow = { close: () => {} };
  if (hustings === null) {
    openingFile = true;
    try {
      const opened = await openFile();
      if (opened === null) return;
      unlockWindow = opened;
    } finally {
      openingFile = false;
    }
  }
  if (mainWindow === null || onTeam()) createWindow(route);
  else if (route !== '') void mainWindow.loadURL(APP_START_URL + route);
  unlockWindow.close();
}

/**
 * The team last connected to, with the file on this computer left closed (and locked) until the
 * person chooses it in the Campaign menu; with no team, the file, as always.
 */
async function showStart(): Promise<void> {
  const team = teamToOpen(dataDir);
  if (team) createTeamWindow(team);
  else await showFile();
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  await app.whenReady();
  lockDownSession();
  protocol.handle(APP_SCHEME, serveAppRequest);
  // userData is Hustings' own folder (Chromium made it before any of this ran): the owner's only.
  dataDir = app.getPath('userData');
  keepFilesPrivate();
  tightenFolder(dataDir);
  Menu.setApplicationMenu(campaignMenu());
  await showStart();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void showStart();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void hustings?.close(); // the SQLite file closes before this returns
  hustings = null;
});

start().catch((error: unknown) => {
  console.error('Hustings could not start:', error);
  app.exit(1);
});
