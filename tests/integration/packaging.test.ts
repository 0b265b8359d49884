// Packages the app with electron-builder (linux, unpacked "dir" target) using a stand-in for the
// Electron binary, then inspects what would ship: the asar's contents, the SQLite driver's native
// binary unpacked beside it, and the fuses flipped in the executable.
// The stand-in is a small file carrying an Electron fuse wire (sentinel + version + 8 fuses, all
// enabled), so the test can see electron-builder flip RunAsNode off as electron-builder.yml says.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { builtinModules } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_DISABLE = 48;
const FUSE_ENABLE = 49;

let work = '';
let appOut = '';
let asarPath = '';
let entries: string[] = [];

function readFromAsar(file: string): string {
  return extractFile(asarPath, file).toString('utf8');
}

function requiredModules(source: string): string[] {
  return [...source.matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
}

beforeAll(async () => {
  // The Electron part is cheap to rebuild, so the package always holds the current main and
  // preload; the renderer (Vite) is built by `npm install`'s prepare step, or here if missing.
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    await run(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root });
  }
  await run(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { cwd: root });

  work = mkdtempSync(path.join(os.tmpdir(), 'hustings-pack-'));
  const fakeElectron = path.join(work, 'electron-dist');
  mkdirSync(fakeElectron);
  const wire = Buffer.concat([
    Buffer.from('stand-in for the Electron binary\0'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, 8]),
    Buffer.alloc(8, FUSE_ENABLE),
    Buffer.alloc(16),
  ]);
  writeFileSync(path.join(fakeElectron, 'electron'), wire, { mode: 0o755 });

  await run(
    process.execPath,
    [
      path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${fakeElectron}`,
      `-c.directories.output=${path.join(work, 'release')}`,
    ],
    { cwd: root, env: { ...process.env, CI: '1' }, maxBuffer: 16 * 1024 * 1024 },
  );
  appOut = path.join(work, 'release', 'linux-unpacked');
  asarPath = path.join(appOut, 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((e) => e.split(path.sep).join('/'));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder package (linux dir)', () => {
  it('has the main entry named by package.json, and it loads only what ships', () => {
    const pkg = JSON.parse(readFromAsar('package.json')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(entries).toContain('/dist/electron/main.cjs');
    const external = requiredModules(readFromAsar('dist/electron/main.cjs')).filter((m) => !m.startsWith('node:') && !builtinModules.includes(m));
    expect(new Set(external)).toEqual(new Set(['electron', 'better-sqlite3-multiple-ciphers']));
  });

  it('carries every database migration beside the bundle that reads them', () => {
    const migrations = readdirSync(path.join(root, 'db', 'migrations')).filter((f) => f.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(entries).toContain(`/dist/electron/migrations/${m}`);
  });

  it("has the sandboxed preloads (the app window's and the unlock window's) as CommonJS requiring only electron", () => {
    for (const name of ['preload.cjs', 'unlock-preload.cjs']) {
      expect(entries).toContain(`/dist/electron/${name}`);
      const preload = readFromAsar(`dist/electron/${name}`);
      expect(requiredModules(preload), name).toEqual(['electron']);
      expect(preload).not.toMatch(/^\s*(import|export)\s/m);
      expect(preload).toContain('exposeInMainWorld');
    }
  });

  it('has the renderer with a strict CSP', () => {
    expect(entries).toContain('/dist/renderer/index.html');
    const html = readFromAsar('dist/renderer/index.html');
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(csp, 'index.html has a CSP meta tag').not.toBeNull();
    const policy = csp![1]
      .replace(/&#39;|&#x27;|&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });

  it("unpacks the SQLite driver's native binary next to the asar", () => {
    const binary = path.join(appOut, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds', 'linux-x64.node');
    expect(existsSync(binary)).toBe(true);
    expect(readFileSync(binary).subarray(0, 4)).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
    expect(entries).toContain('/node_modules/better-sqlite3-multiple-ciphers/lib/index.js');
  });

  it('ships no sources, tests, source maps or other node_modules', () => {
    const offending = entries.filter(
      (e) =>
        /\.(ts|tsx|mts|cts|map)$/.test(e) ||
        /^\/(main|shared|db|renderer|tests|scripts|bin|\.ci)(\/|$)/.test(e) ||
        /\.(test|spec)\.[cm]?js$/.test(e) ||
        (e.startsWith('/node_modules/') && !e.startsWith('/node_modules/better-sqlite3-multiple-ciphers')) ||
        /^\/node_modules\/better-sqlite3-multiple-ciphers\/(deps|src)\//.test(e),
    );
    expect(offending).toEqual([]);
  });

  it('flips the RunAsNode fuse off (and the Node escape hatches with it)', async () => {
    const fuses = await getCurrentFuseWire(path.join(appOut, 'hustings'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FUSE_DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_DISABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_DISABLE);
  });
});
