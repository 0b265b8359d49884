// Builds what the app serves: the renderer (Vite) into dist/renderer. Run by `npm install` (prepare).
import { build } from 'vite';

await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
console.log('Built the Hustings interface into dist/renderer.');
