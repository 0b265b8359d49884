// Runs the real bundled main process (dist/electron/main.cjs as built by
// scripts/build-electron.mjs) in Node against a fake 'electron' module that records what main
// registers, then drives those registrations like Electron would: the window's web
// preferences, the app:// protocol handler, navigation / window.open / permission decisions,
// and the IPC handler with trusted and forged sender frames reaching the real dispatcher on a
// real database in the fake userData folder. The Electron binary itself is not needed.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, INVOKE_CHANNEL, JOB_EVENT_CHANNEL } from '../../main/electron-policy.ts';
import { UNLOCK_ASK_CHANNEL, UNLOCK_SUBMIT_CHANNEL } from '../../main/electron/channels.ts';
import type { JobEvent } from '../../main/jobs.ts';
import { rememberTeam } from '../../main/remembered-team.ts';
import { SMALL_REGISTER } from '../helpers/register.ts';
import { pdfFile, windowsProgram } from '../helpers/artwork.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
type Listener = (...args: unknown[]) => unknown;
type FakeContents = {
  listeners: Record<string, Listener[]>;
  sent: { channel: string; payload: unknown }[];
  /** What main asked this window's session to download. */
  downloaded: string[];
  downloadURL(url: string): void;
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
  openHandler?: (details: { url: string }) => { action: string };
  on(event: string, fn: Listener): void;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void;
};
type Recorded = {
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandler?: (request: Request) => Promise<Response>;
  permissionRequest?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: (wc: unknown, permission: string) => boolean;
  ipc: Record<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>;
  windows: { options: { webPreferences: Record<string, unknown> }; url?: string; contents: FakeContents; close(): void }[];
  /** Indexes in `windows` of the windows closed, in order. */
  closedWindows: number[];
  appListeners: Record<string, Listener[]>;
  /** The application menu main set, as its template. */
  menu?: MenuItem[];
  openedExternally: string[];
  openedPaths: string[];
  exitCode?: number;
  quitCalled?: boolean;
  ready: Promise<void>;
};

type MenuItem = { label?: string; role?: string; click?: () => void; submenu?: MenuItem[] };

let work = '';
let userData = '';
let rec: Recorded;

function fakeContents(): FakeContents {
  return {
    listeners: {},
    sent: [],
    downloaded: [],
    downloadURL(url) {
      this.downloaded.push(url);
    },
    send(channel, payload) {
      this.sent.push({ channel, payload });
    },
    isDestroyed: () => false,
    on(event, fn) {
      (this.listeners[event] ??= []).push(fn);
    },
    setWindowOpenHandler(fn) {
      this.openHandler = fn;
    },
  };
}

function fireNavigation(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false;
  for (const fn of contents.listeners[event] ?? []) fn({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

/**
 * Loads a fresh copy of the bundled main against a new fake electron module, as one start of the
 * app on a `computer` (whose keychain seals for itself only), with its userData at `userDataDir`;
 * resolves once main has loaded its first window.
 */
async function startMain(userDataDir: string, computer: string): Promise<Recorded> {
  const mainFile = path.join(work, 'app', 'electron', 'main.cjs');
  let markReady: () => void = () => {};
  const rec: Recorded = {
    schemes: [],
    ipc: {},
    windows: [],
    closedWindows: [],
    appListeners: {},
    openedExternally: [],
    openedPaths: [],
    ready: new Promise((r) => (markReady = r)),
  };
  const app = {
    on(event: string, fn: Listener) {
      (rec.appListeners[event] ??= []).push(fn);
    },
    whenReady: () => Promise.resolve(),
    isPackaged: true,
    getPath: (name: string) => (name === 'userData' ? userDataDir : path.join(work, name)),
    requestSingleInstanceLock: () => true,
    quit() {
      rec.quitCalled = true;
    },
    exit(code: number) {
      rec.exitCode = code;
    },
  };
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    webContents = fakeContents();
    constructor(options: Recorded['windows'][number]['options']) {
      BrowserWindow.all.push(this);
      const entry: Recorded['windows'][number] = { options, contents: this.webContents, close: () => this.close() };
      rec.windows.push(entry);
      for (const fn of rec.appListeners['web-contents-created'] ?? []) fn({}, this.webContents);
      this.loadURL = async (url: string) => {
        entry.url = url;
        markReady();
      };
    }
    loadURL: (url: string) => Promise<void>;
    listeners: Record<string, Listener[]> = {};
    closed = false;
    once() {}
    on(event: string, fn: Listener) {
      (this.listeners[event] ??= []).push(fn);
    }
    close() {
      this.closed = true;
      rec.closedWindows.push(rec.windows.findIndex((w) => w.contents === this.webContents));
      BrowserWindow.all = BrowserWindow.all.filter((w) => w !== this);
      for (const fn of this.listeners.closed ?? []) fn();
    }
  }
  const fake = {
    app,
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: MenuItem[]) => template,
      setApplicationMenu: (menu: MenuItem[]) => (rec.menu = menu),
    },
    ipcMain: {
      handle: (channel: string, fn: Recorded['ipc'][string]) => (rec.ipc[channel] = fn),
      removeHandler: (channel: string) => delete rec.ipc[channel],
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Recorded['schemes']) => rec.schemes.push(...schemes),
      handle: (_scheme: string, fn: Recorded['protocolHandler']) => (rec.protocolHandler = fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Recorded['permissionRequest']) => (rec.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Recorded['permissionCheck']) => (rec.permissionCheck = fn),
      },
    },
    // The keychain, as safeStorage seals strings: reversible only on the same fake "computer";
    // another one throws as safeStorage does.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(`keychain of ${computer}:${Buffer.from(text).toString('hex')}`),
      decryptString: (sealed: Buffer) => {
        const prefix = `keychain of ${computer}:`;
        if (!sealed.toString().startsWith(prefix)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return Buffer.from(sealed.toString().slice(prefix.length), 'hex').toString();
      },
    },
    shell: {
      openExternal: async (url: string) => void rec.openedExternally.push(url),
      openPath: async (file: string) => {
        rec.openedPaths.push(file);
        return '';
      },
    },
  };
  const requireFromMain = createRequire(mainFile);
  const Module = requireFromMain('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  Module._load = (request: string, ...rest: unknown[]) => (request === 'electron' ? fake : load(request, ...rest));
  try {
    delete requireFromMain.cache[mainFile]; // a fresh main each time, as each start of the app
    requireFromMain(mainFile);
  } finally {
    Module._load = load;
  }
  await rec.ready;
  return rec;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'hustings-electron-main-'));
  userData = path.join(work, 'userData');
  await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), '--out', path.join(work, 'app', 'electron')], { cwd: root });
  mkdirSync(path.join(work, 'app', 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(work, 'app', 'renderer', 'index.html'), '<!doctype html><title>Hustings</title>');
  writeFileSync(path.join(work, 'app', 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(work, 'secret.txt'), 'not for the renderer');
  mkdirSync(path.join(work, 'app', 'node_modules'));
  symlinkSync(
    path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers'),
    path.join(work, 'app', 'node_modules', 'better-sqlite3-multiple-ciphers'),
    'dir',
  );
  rec = await startMain(userData, 'this computer');
}, 60_000);

afterAll(() => {
  for (const fn of rec?.appListeners['will-quit'] ?? []) fn();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('Electron main process (bundled, against a fake electron module)', () => {
  it('registers app:// as a standard, secure scheme and opens one locked-down window on it', () => {
    expect(rec.exitCode).toBeUndefined();
    expect(rec.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(rec.schemes[0].privileges.bypassCSP).toBeFalsy();
    expect(rec.windows).toHaveLength(1);
    const prefs = rec.windows[0].options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.devTools).toBe(false); // an installed copy (app.isPackaged) has no developer tools
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(existsSync(String(prefs.preload))).toBe(true);
    expect(rec.windows[0].url).toBe('app://hustings/');
  });

  it('serves the renderer with the CSP header, and nothing outside it', async () => {
    const serve = rec.protocolHandler!;
    const page = await serve(new Request('app://hustings/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>Hustings</title>');
    const route = await serve(new Request('app://hustings/elections/4'));
    expect(await route.text()).toContain('<title>Hustings</title>');
    const js = await serve(new Request('app://hustings/assets/app.js'));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await serve(new Request('app://hustings/assets/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://hustings/..%2f..%2fsecret.txt'))).status).toBe(404);
    expect((await serve(new Request('app://hustings/%2e%2e/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await serve(new Request('app://elsewhere/'))).status).toBe(403);
    expect((await serve(new Request('app://hustings/', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('denies navigation away from the app and every new window; opens only http(s) outside', () => {
    const contents = rec.windows[0].contents;
    expect(fireNavigation(contents, 'will-navigate', 'app://hustings/areas')).toBe(false);
    expect(fireNavigation(contents, 'will-navigate', 'https://example.org/')).toBe(true);
    expect(fireNavigation(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fireNavigation(contents, 'will-redirect', 'https://example.org/')).toBe(true);
    expect(fireNavigation(contents, 'will-attach-webview', 'app://hustings/')).toBe(true);
    expect(contents.openHandler!({ url: 'https://www.electoralcommission.org.uk/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(rec.openedExternally).toEqual(['https://example.org/', 'https://www.electoralcommission.org.uk/']);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      rec.permissionRequest!({}, p, (granted) => answers.push(granted));
      answers.push(rec.permissionCheck!({}, p));
    }
    expect(answers).toHaveLength(8);
    expect(answers.every((a) => a === false)).toBe(true);
  });

  it('dispatches IPC from the app window to the real database, and refuses forged senders', async () => {
    const invoke = rec.ipc[INVOKE_CHANNEL];
    expect(Object.keys(rec.ipc)).toEqual([INVOKE_CHANNEL]);
    const top = { url: 'app://hustings/elections', parent: null };
    const ok = (await invoke({ senderFrame: top }, 'elections.list', {})) as { ok: boolean; value: unknown };
    expect(ok).toEqual({ ok: true, value: expect.anything() });
    expect(existsSync(path.join(userData, 'hustings.sqlite'))).toBe(true);
    // Encrypted, with the data key locked by the keychain in the key file beside it.
    expect(readFileSync(path.join(userData, 'hustings.sqlite')).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(JSON.parse(readFileSync(path.join(userData, 'hustings.sqlite.key'), 'utf8'))).toMatchObject({ keychain: { sealed: expect.any(String) } });
    const status = (await invoke({ senderFrame: top }, 'encryption.status', {})) as { ok: boolean; value: { encrypted: boolean; recoveryKey: string | null } };
    expect(status).toMatchObject({ ok: true, value: { encrypted: true, recoveryKey: expect.stringMatching(/^([0-9A-Z]{5}-){12}[0-9A-Z]{5}$/) } });

    const bad = (await invoke({ senderFrame: top }, 'elections.create', { name: 42 })) as { ok: boolean };
    expect(bad.ok).toBe(false);
    // The door's own refusals use the contract's error codes, like the HTTP door's.
    expect(await invoke({ senderFrame: top }, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    for (const senderFrame of [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/x.html', parent: null },
      { url: 'app://hustings/', parent: top },
    ]) {
      const refused = (await invoke({ senderFrame }, 'elections.list', {})) as { ok: boolean; error: { code: string } };
      expect(refused, JSON.stringify(senderFrame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('forwards long-job events to the window on hustings:job-event', async () => {
    const ev = { senderFrame: { url: 'app://hustings/', parent: null } };
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r = (await rec.ipc[INVOKE_CHANNEL](ev, method, input)) as { ok: boolean; value: T; error?: unknown };
      expect(r, `${method}: ${JSON.stringify(r.error)}`).toMatchObject({ ok: true });
      return r.value;
    };
    const area = await call<{ id: number }>('areas.create', { name: 'Newtown', kind: 'ward', nation: 'england', electorate: null, classification: null });
    const { fileId } = await call<{ fileId: string }>('uploads.begin', { name: 'register.csv', size: SMALL_REGISTER.length });
    await call('uploads.append', { fileId, text: SMALL_REGISTER });
    const preview = await call<{ mapping: unknown }>('register.importPreview', { fileId });
    const started = await call<JobEvent>('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
    const contents = rec.windows[0].contents;
    const mine = () =>
      contents.sent.filter((s) => s.channel === JOB_EVENT_CHANNEL && (s.payload as JobEvent).jobId === started.jobId).map((s) => s.payload as JobEvent);
    await expect.poll(() => mine().at(-1)?.state, { timeout: 20_000 }).toBe('done');
    expect(mine()[0]).toMatchObject({ kind: 'register.import', state: 'running' });
    expect(mine().at(-1)).toMatchObject({ result: { electors: 9 } });
    expect(contents.sent.every((s) => s.channel === JOB_EVENT_CHANNEL)).toBe(true);
  });

  it('shows a leaflet’s artwork only in a sandboxed viewer window of its own, never with the system’s handler', async () => {
    const invoke = rec.ipc[INVOKE_CHANNEL];
    const top = { url: 'app://hustings/leaflets/1', parent: null };
    const call = async (method: string, input: unknown) => {
      const r = (await invoke({ senderFrame: top }, method, input)) as { ok: boolean; value: { id: number }; error?: unknown };
      expect(r.ok, JSON.stringify(r.error)).toBe(true);
      return r.value;
    };
    const pdf = pdfFile();
    const leaflet = await call('leaflets.create', { title: 'Focus', size: 'A5' });
    await call('leaflets.attachArtwork', { id: leaflet.id, fileName: 'focus.pdf', type: 'application/pdf', dataBase64: pdf.toString('base64') });
    const windows = rec.windows.length;
    expect(await call('leaflets.openArtwork', { id: leaflet.id })).toEqual({ opened: true, path: expect.stringMatching(/focus\.pdf$/) });
    expect(rec.openedPaths).toEqual([]);
    expect(rec.windows).toHaveLength(windows + 1);
    const viewer = rec.windows.at(-1)!;
    expect(viewer.url).toBe(`app://artwork/${leaflet.id}`);
    const prefs = viewer.options.webPreferences;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.preload).toBeUndefined(); // no bridge to main at all

    // The viewer's page: the checked PDF, never sniffed, under a CSP that runs nothing.
    const served = await rec.protocolHandler!(new Request(viewer.url!));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    // It is no trusted sender, and cannot navigate anywhere.
    const refused = (await invoke({ senderFrame: { url: viewer.url, parent: null } }, 'elections.list', {})) as { ok: boolean; error: { code: string } };
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fireNavigation(viewer.contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);

    // Artwork an older version kept that is really a program: refused, no window, nothing served.
    const [stored] = readdirSync(path.join(userData, 'artwork'));
    writeFileSync(path.join(userData, 'artwork', stored), windowsProgram());
    const opened = (await invoke({ senderFrame: top }, 'leaflets.openArtwork', { id: leaflet.id })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(opened).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/its content is a Windows program/) } });
    expect(rec.windows).toHaveLength(windows + 1);
    expect((await rec.protocolHandler!(new Request(viewer.url!))).status).toBe(404);
    expect(rec.openedPaths).toEqual([]);
  });
});

describe('connecting the desktop app to a team', () => {
  const teamData = () => path.join(work, 'team-userData');
  const top = { senderFrame: { url: 'app://hustings/start', parent: null } };
  /** A stand-in for a team server: what it says of itself (the real one's answer: postgres-team-server.test.ts). */
  const team = createServer((req, res) => {
    if (req.url !== '/api/team-info') return void res.writeHead(404).end();
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ ok: true, value: { hustings: 'team-server', campaign: 'Westshire Greens' } }));
  });
  let origin = '';
  let started: Recorded | undefined;
  beforeAll(async () => {
    await new Promise<void>((resolve) => team.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(team.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    for (const fn of started?.appListeners['will-quit'] ?? []) fn();
    team.close();
  });
  const restart = async () => {
    for (const fn of started?.appListeners['will-quit'] ?? []) fn();
    started = await startMain(teamData(), 'this computer');
    return started;
  };
  const click = (r: Recorded, label: string) => r.menu!.flatMap((m) => m.submenu ?? []).find((item) => item.label === label)!.click!();

  it('opens the team in a window of its own with no bridge to the file, remembers it, and opens it next time', async () => {
    let r = await restart();
    expect(r.windows).toHaveLength(1); // the file on this computer, as before any team
    expect(await r.ipc[INVOKE_CHANNEL](top, 'connect.team', { address: origin })).toEqual({
      ok: true,
      value: { origin, campaign: 'Westshire Greens', opened: true },
    });
    const teamWindow = r.windows[1];
    expect(teamWindow.url).toBe(`${origin}/`);
    expect(teamWindow.options.webPreferences.preload).toBeUndefined();
    expect(teamWindow.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // Within the team server only: neither the app's pages nor another site.
    expect(fireNavigation(teamWindow.contents, 'will-navigate', `${origin}/sign-in`)).toBe(false);
    expect(fireNavigation(teamWindow.contents, 'will-navigate', 'app://hustings/')).toBe(true);
    expect(fireNavigation(teamWindow.contents, 'will-redirect', 'https://example.org/')).toBe(true);
    // The file's window still keeps to the app.
    expect(fireNavigation(r.windows[0].contents, 'will-navigate', `${origin}/`)).toBe(true);
    // The team's PDFs and artwork are downloaded in the team window's (signed-in) session, not
    // handed to the system browser, which has none; other links go there as before.
    const opened = r.openedExternally.length;
    for (const url of [`${origin}/api/pdf/walk-sheets?area=1`, `${origin}/api/artwork/3`, 'https://example.org/', 'javascript:alert(1)']) {
      expect(teamWindow.contents.openHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(teamWindow.contents.downloaded).toEqual([`${origin}/api/pdf/walk-sheets?area=1`, `${origin}/api/artwork/3`]);
    expect(r.openedExternally.slice(opened)).toEqual(['https://example.org/']);
    // The file's window downloads nothing from the team server.
    r.windows[0].contents.openHandler!({ url: `${origin}/api/pdf/walk-sheets?area=1` });
    expect(r.windows[0].contents.downloaded).toEqual([]);
    // A bad address opens nothing.
    const refused = (await r.ipc[INVOKE_CHANNEL](top, 'connect.team', { address: 'http://team.example.org' })) as { ok: boolean };
    expect(refused.ok).toBe(false);
    expect(r.windows).toHaveLength(2);

    r = await restart();
    expect(r.windows.map((w) => w.url)).toEqual([`${origin}/`]);
    expect(r.windows[0].options.webPreferences.preload).toBeUndefined();
  });

  it('goes back to the file on this computer from the Campaign menu, and opens the file next time', async () => {
    let r = await restart();
    click(r, 'Open the file on this computer'); // opened now, not at the start (which opened the team)
    await expect.poll(() => r.windows.length, { timeout: 20_000 }).toBe(2);
    expect(r.windows[1].url).toBe('app://hustings/');
    expect(String(r.windows[1].options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    click(r, 'Connect to a team…');
    expect(r.windows.at(-1)!.url).toBe('app://hustings/#/start');
    r = await restart();
    expect(r.windows.map((w) => w.url)).toEqual(['app://hustings/']);
  });

  it('opens a remembered team without opening the file on this computer, until the person chooses it', async () => {
    const fresh = path.join(work, 'team-only-userData');
    mkdirSync(fresh);
    rememberTeam(fresh, { origin, campaign: 'Westshire Greens' });
    const r = await startMain(fresh, 'this computer');
    try {
      expect(r.windows.map((w) => w.url)).toEqual([`${origin}/`]);
      expect(existsSync(path.join(fresh, 'hustings.sqlite'))).toBe(false);
      expect(r.ipc).toEqual({});
      click(r, 'Open the file on this computer');
      await expect.poll(() => r.windows.length, { timeout: 20_000 }).toBe(2);
      expect(r.windows[1].url).toBe('app://hustings/');
      expect(existsSync(path.join(fresh, 'hustings.sqlite'))).toBe(true);
      expect(Object.keys(r.ipc)).toEqual([INVOKE_CHANNEL]);
    } finally {
      for (const fn of r.appListeners['will-quit'] ?? []) fn();
    }
  });
});

describe('a lost keychain entry: the unlock window', () => {
  const moved = () => path.join(work, 'moved-userData');
  const top = { url: 'app://hustings/', parent: null };
  let recoveryKey = '';
  let started: Recorded;
  // The test configs set HUSTINGS_PASSPHRASE for spawned doors; the desktop app here has none.
  const passphrase = process.env.HUSTINGS_PASSPHRASE;

  beforeAll(async () => {
    delete process.env.HUSTINGS_PASSPHRASE;
    // The data made on one computer, then the app started on another (same files, other keychain).
    const first = await startMain(moved(), 'the old computer');
    const invoke = first.ipc[INVOKE_CHANNEL];
    expect(
      await invoke({ senderFrame: top }, 'elections.create', { name: 'Moved 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' }),
    ).toMatchObject({ ok: true });
    const status = (await invoke({ senderFrame: top }, 'encryption.status', {})) as { value: { recoveryKey: string } };
    recoveryKey = status.value.recoveryKey;
    for (const fn of first.appListeners['will-quit'] ?? []) fn();
    started = await startMain(moved(), 'the new computer');
  }, 60_000);

  afterAll(() => {
    for (const fn of started?.appListeners['will-quit'] ?? []) fn();
    if (passphrase !== undefined) process.env.HUSTINGS_PASSPHRASE = passphrase;
  });

  it('opens a sandboxed unlock window instead of the app, talking to main on two channels only', async () => {
    expect(started.exitCode).toBeUndefined();
    expect(started.windows).toHaveLength(1);
    const unlockWindow = started.windows[0];
    expect(unlockWindow.url).toBe('app://unlock/');
    const prefs = unlockWindow.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(String(prefs.preload)).toMatch(/unlock-preload\.cjs$/);
    const preload = readFileSync(String(prefs.preload), 'utf8');
    expect(preload).toContain('hustingsUnlock');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
    // No app, so no dispatcher: only the unlock window's two calls.
    expect(Object.keys(started.ipc).sort()).toEqual([UNLOCK_ASK_CHANNEL, UNLOCK_SUBMIT_CHANNEL].sort());

    const page = await started.protocolHandler!(new Request('app://unlock/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
    expect(await page.text()).toContain('Unlock your data');
    expect((await started.protocolHandler!(new Request('app://unlock/unlock.js'))).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await started.protocolHandler!(new Request('app://unlock/elsewhere'))).status).toBe(404);

    // Only the unlock page may ask; the app's origin or any other is refused.
    for (const senderFrame of [null, top, { url: 'https://evil.example/', parent: null }, { url: 'app://unlock/', parent: top }]) {
      expect(await started.ipc[UNLOCK_SUBMIT_CHANNEL]({ senderFrame }, { key: recoveryKey }), JSON.stringify(senderFrame)).toMatchObject({
        ok: false,
        message: 'This request did not come from the unlock window.',
      });
    }
  });

  it('a mistyped key names its group, a wrong one says so; the right one opens the app and the new keychain holds the key', async () => {
    const unlockPage = { senderFrame: { url: 'app://unlock/', parent: null } };
    const dbPath = path.join(moved(), 'hustings.sqlite');
    expect(await started.ipc[UNLOCK_ASK_CHANNEL](unlockPage)).toMatchObject({
      key: 'recovery-key',
      newPassphrase: false,
      reason: expect.stringContaining("This computer's keychain cannot unlock your data"),
    });
    const keyFileBefore = readFileSync(`${dbPath}.key`, 'utf8');

    const groups = recoveryKey.split('-');
    groups[1] = groups[1].slice(0, -1) + (groups[1].at(-1) === 'A' ? 'B' : 'A'); // its check character: always caught
    expect(await started.ipc[UNLOCK_SUBMIT_CHANNEL](unlockPage, { key: groups.join('-') })).toEqual({
      ok: false,
      message: `The recovery key for ${dbPath} has a typo in group 2 of 13 (${groups[1]}): compare it with the written copy.`,
    });
    expect(await started.ipc[UNLOCK_SUBMIT_CHANNEL](unlockPage, { key: 'ABCDE' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('has 5 letters and digits, but a recovery key has 65'),
    });
    expect(started.windows).toHaveLength(1);
    expect(readFileSync(`${dbPath}.key`, 'utf8')).toBe(keyFileBefore);

    expect(await started.ipc[UNLOCK_SUBMIT_CHANNEL](unlockPage, { key: recoveryKey })).toEqual({ ok: true });
    await expect.poll(() => started.windows.length, { timeout: 20_000 }).toBe(2);
    expect(started.windows[1].url).toBe('app://hustings/');
    expect(started.closedWindows).toEqual([0]); // the unlock window, once the app's window is up
    expect(Object.keys(started.ipc)).toEqual([INVOKE_CHANNEL]);
    const list = (await started.ipc[INVOKE_CHANNEL]({ senderFrame: top }, 'elections.list', {})) as { ok: boolean; value: { name: string }[] };
    expect(list.value.map((e) => e.name)).toEqual(['Moved 2026']);
    // Locked again in this computer's keychain: the next start opens with nothing to type.
    const sealed = Buffer.from(JSON.parse(readFileSync(`${dbPath}.key`, 'utf8')).keychain.sealed, 'base64').toString();
    expect(sealed.startsWith('keychain of the new computer:')).toBe(true);
    for (const fn of started.appListeners['will-quit'] ?? []) fn();
    const again = await startMain(moved(), 'the new computer');
    try {
      expect(again.windows.map((w) => w.url)).toEqual(['app://hustings/']);
    } finally {
      for (const fn of again.appListeners['will-quit'] ?? []) fn();
    }
  });

  it('closing the unlock window without a key quits, and leaves the files as they were', async () => {
    const dbPath = path.join(moved(), 'hustings.sqlite');
    const before = [readFileSync(dbPath), readFileSync(`${dbPath}.key`)];
    const elsewhere = await startMain(moved(), 'a third computer');
    expect(elsewhere.windows.map((w) => w.url)).toEqual(['app://unlock/']);
    elsewhere.windows[0].close(); // as the user closes it
    await expect.poll(() => elsewhere.quitCalled).toBe(true);
    expect(elsewhere.ipc).toEqual({});
    expect([readFileSync(dbPath), readFileSync(`${dbPath}.key`)]).toEqual(before);
  });

  it('with a team remembered, asks for no key at start; the Campaign menu asks, and closing it keeps the team open', async () => {
    const origin = 'https://team.example.org';
    rememberTeam(moved(), { origin, campaign: 'Westshire Greens' });
    const r = await startMain(moved(), 'a fourth computer');
    try {
      expect(r.windows.map((w) => w.url)).toEqual([`${origin}/`]);
      expect(r.ipc).toEqual({});
      r.menu!.flatMap((m) => m.submenu ?? []).find((item) => item.label === 'Open the file on this computer')!.click!();
      await expect.poll(() => r.windows.map((w) => w.url)).toEqual([`${origin}/`, 'app://unlock/']);
      r.windows[1].close();
      await expect.poll(() => Object.keys(r.ipc).length).toBe(0);
      expect(r.quitCalled).toBeUndefined();
      expect(r.closedWindows).toEqual([1]);
    } finally {
      for (const fn of r.appListeners['will-quit'] ?? []) fn();
      rmSync(path.join(moved(), 'team.json'));
    }
  });
});
