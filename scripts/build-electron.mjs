// Electron part of the build: bundles the main process and the sandboxed preload with esbuild.
//   main/electron/main.ts    -> dist/electron/main.cjs     (electron and better-sqlite3-multiple-ciphers external)
//   main/electron/preload.ts -> dist/electron/preload.cjs  (CommonJS: a sandboxed preload must be)
//   main/electron/unlock-preload.ts -> dist/electron/unlock-preload.cjs (the unlock window's)
//   db/migrations/*.sql      -> dist/electron/migrations/  (read at run time, also from the asar)
// Run on its own with `node scripts/build-electron.mjs [--out DIR]`, or from scripts/build.mjs.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildElectron({ outDir = path.join(root, 'dist', 'electron'), quiet = false } = {}) {
  const common = {
    bundle: true,
    format: 'cjs',
    target: 'node22',
    sourcemap: false,
    legalComments: 'none',
    logLevel: quiet ? 'error' : 'warning',
    absWorkingDir: root,
  };
  rmSync(outDir, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      platform: 'node',
      entryPoints: [path.join(root, 'main', 'electron', 'main.ts')],
      outfile: path.join(outDir, 'main.cjs'),
      external: ['electron', 'better-sqlite3-multiple-ciphers'],
      // Modules written as ES modules find their files with `new URL('./x', import.meta.url)`;
      // in the CommonJS bundle that URL is the bundle's own, so data files they read sit beside
      // it (the migrations are copied below).
      define: { 'import.meta.url': '__hustingsBundleUrl', 'import.meta.dirname': '__dirname' },
      banner: { js: 'const __hustingsBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    }),
    // The sandboxed preloads may only require 'electron'; everything else is bundled in.
    ...['preload', 'unlock-preload'].map((name) =>
      build({
        ...common,
        platform: 'browser',
        entryPoints: [path.join(root, 'main', 'electron', `${name}.ts`)],
        outfile: path.join(outDir, `${name}.cjs`),
        external: ['electron'],
      }),
    ),
  ]);
  const migrations = path.join(root, 'db', 'migrations');
  if (existsSync(migrations)) {
    mkdirSync(path.join(outDir, 'migrations'), { recursive: true });
    cpSync(migrations, path.join(outDir, 'migrations'), { recursive: true, filter: (f) => !f.endsWith('~') });
  }
  if (!quiet) console.log(`Built the Electron main process and preload into ${path.relative(root, outDir) || '.'}.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  await buildElectron(i > 0 && process.argv[i + 1] ? { outDir: path.resolve(process.argv[i + 1]) } : {});
}
