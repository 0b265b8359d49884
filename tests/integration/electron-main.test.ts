// Runs the real bundled main process (dist/electron/main.cjs as built by
// scripts/build-electron.mjs) in Node against a fake 'electron' module that records what main
// registers, then drives those registrations like Electron would: the window's web
// preferences, the app:// protocol handler, navigation / window.open / permission decisions,
// and the IPC handler with trusted and forged sender frames reaching the real dispatcher on a
// real database in the fake userData folder. The Electron binary itself is not needed.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, INVOKE_CHANNEL, JOB_EVENT_CHANNEL } from '../../main/electron-policy.ts';
import type { JobEvent } from '../../main/jobs.ts';
import { SMALL_REGISTER } from '../helpers/register.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
type Listener = (...args: unknown[]) => unknown;
type FakeContents = {
  listeners: Record<string, Listener[]>;
  sent: { channel: string; payload: unknown }[];
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
  windows: { options: { webPreferences: Record<string, unknown> }; url?: string; contents: FakeContents }[];
  appListeners: Record<string, Listener[]>;
  openedExternally: string[];
  openedPaths: string[];
  exitCode?: number;
  ready: Promise<void>;
};

let work = '';
let userData = '';
let rec: Recorded;

function fakeContents(): FakeContents {
  return {
    listeners: {},
    sent: [],
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

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'hustings-electron-main-'));
  userData = path.join(work, 'userData');
  await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), '--out', path.join(work, 'app', 'electron')], { cwd: root });
  mkdirSync(path.join(work, 'app', 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(work, 'app', 'renderer', 'index.html'), '<!doctype html><title>Hustings</title>');
  writeFileSync(path.join(work, 'app', 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(work, 'secret.txt'), 'not for the renderer');
  mkdirSync(path.join(work, 'app', 'node_modules'));
  symlinkSync(path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers'), path.join(work, 'app', 'node_modules', 'better-sqlite3-multiple-ciphers'), 'dir');

  let markReady: () => void = () => {};
  rec = { schemes: [], ipc: {}, windows: [], appListeners: {}, openedExternally: [], openedPaths: [], ready: new Promise((r) => (markReady = r)) };
  const app = {
    on(event: string, fn: Listener) {
      (rec.appListeners[event] ??= []).push(fn);
    },
    whenReady: () => Promise.resolve(),
    isPackaged: true,
    getPath: (name: string) => (name === 'userData' ? userData : path.join(work, name)),
    requestSingleInstanceLock: () => true,
    quit() {},
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
      const entry: Recorded['windows'][number] = { options, contents: this.webContents };
      rec.windows.push(entry);
      for (const fn of rec.appListeners['web-contents-created'] ?? []) fn({}, this.webContents);
      this.loadURL = async (url: string) => {
        entry.url = url;
        markReady();
      };
    }
    loadURL: (url: string) => Promise<void>;
    once() {}
    on() {}
  }
  const fake = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: Recorded['ipc'][string]) => (rec.ipc[channel] = fn) },
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
    // The keychain, as safeStorage seals strings: reversible only by this fake "computer".
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(`keychain:${Buffer.from(text).toString('hex')}`),
      decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^keychain:/, ''), 'hex').toString(),
    },
    shell: {
      openExternal: async (url: string) => void rec.openedExternally.push(url),
      openPath: async (file: string) => {
        rec.openedPaths.push(file);
        return '';
      },
    },
  };
  const mainFile = path.join(work, 'app', 'electron', 'main.cjs');
  const requireFromMain = createRequire(mainFile);
  const Module = requireFromMain('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  Module._load = (request: string, ...rest: unknown[]) => (request === 'electron' ? fake : load(request, ...rest));
  try {
    requireFromMain(mainFile);
    await rec.ready;
  } finally {
    Module._load = load;
  }
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

    for (const senderFrame of [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/x.html', parent: null },
      { url: 'app://hustings/', parent: top },
    ]) {
      const refused = (await invoke({ senderFrame }, 'elections.list', {})) as { ok: boolean; error: { code: string } };
      expect(refused, JSON.stringify(senderFrame)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
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

  it('opens a leaflet’s artwork, kept next to the database, with the system viewer', async () => {
    const invoke = rec.ipc[INVOKE_CHANNEL];
    const top = { url: 'app://hustings/leaflets/1', parent: null };
    const call = async (method: string, input: unknown) => {
      const r = (await invoke({ senderFrame: top }, method, input)) as { ok: boolean; value: { id: number }; error?: unknown };
      expect(r.ok, JSON.stringify(r.error)).toBe(true);
      return r.value;
    };
    const leaflet = await call('leaflets.create', { title: 'Focus', size: 'A5' });
    await call('leaflets.attachArtwork', { id: leaflet.id, fileName: 'focus.pdf', type: 'application/pdf', dataBase64: Buffer.from('%PDF').toString('base64') });
    expect(await call('leaflets.openArtwork', { id: leaflet.id })).toEqual({ opened: true, path: expect.stringMatching(/focus\.pdf$/) });
    expect(rec.openedPaths).toHaveLength(1);
    expect(path.dirname(rec.openedPaths[0])).toBe(path.join(userData, 'artwork'));
    expect(existsSync(rec.openedPaths[0])).toBe(true);
  });
});
