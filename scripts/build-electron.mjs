// Electron part of the build: bundles the main process and the sandboxed preload with esbuild.
//   main/electron/main.ts    -> dist/electron/main.cjs     (electron and better-sqlite3 external)
//   main/electron/preload.ts -> dist/electron/preload.cjs  (CommonJS: a sandboxed preload must be)
// Run on its own with `node scripts/build-electron.mjs`, or from scripts/build.mjs.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildElectron({ outDir = path.join(root, 'dist', 'electron'), quiet = false } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: false,
    legalComments: 'none',
    logLevel: quiet ? 'error' : 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(root, 'main', 'electron', 'main.ts')],
      outfile: path.join(outDir, 'main.cjs'),
      external: ['electron', 'better-sqlite3'],
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'main', 'electron', 'preload.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
      // The sandboxed preload may only require 'electron'; everything else is bundled in.
      external: ['electron'],
      platform: 'browser',
    }),
  ]);
  if (!quiet) console.log(`Electron main and preload built into ${path.relative(root, outDir) || '.'}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildElectron();
}
