// Where the Electron binary is, if it is installed, WITHOUT downloading it. (The electron
// package's own `require('electron')` tries to download a missing binary; on offline or CI
// machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 it is simply absent.)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** @returns {string | null} the absolute path of the Electron executable, or null. */
export function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, relative || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = path.join(pkgDir, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}

/** @returns {string} the version of the installed electron package. */
export function electronVersion() {
  return require('electron/package.json').version;
}
