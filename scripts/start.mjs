// `npm start`: the desktop window when Electron's binary is installed, otherwise browser mode
// (the same app served on 127.0.0.1, which prints its address).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const built = existsSync(path.join(root, 'dist', 'electron', 'main.cjs')) && existsSync(path.join(root, 'dist', 'renderer', 'index.html'));
if (!built) {
  console.log('Building Hustings first (npm run build)...');
  const { status } = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (status !== 0) process.exit(status ?? 1);
}

const binary = electronBinary();
if (binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(binary, [root], env);
} else {
  console.log(
    "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?) — starting browser mode instead.\n" +
      'To get the desktop window: unset ELECTRON_SKIP_BINARY_DOWNLOAD and run `npx install-electron`, then `npm start`.',
  );
  const db = path.join('data', 'hustings.sqlite');
  mkdirSync(path.join(root, 'data'), { recursive: true });
  run(process.execPath, [path.join(root, 'bin', 'hustings.js'), 'serve', '--db', db]);
}
