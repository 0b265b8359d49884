// Builds what the app serves: the renderer (Vite) into dist/renderer, and the Electron main
// process and preload into dist/electron. Run by `npm install` (prepare).
import { build } from 'vite';
import { buildElectron } from './build-electron.mjs';

// Always the production build, whoever runs this: vitest sets NODE_ENV=test for its global
// set-up, and Vite would then bundle React's development build, which `npm start` would serve.
process.env.NODE_ENV = 'production';

await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn', mode: 'production' });
console.log('Built the Hustings interface into dist/renderer.');

// Electron part: esbuild bundles of main/electron (see scripts/build-electron.mjs).
await buildElectron();
