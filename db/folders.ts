import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates a folder and any missing parents. Node's `mkdirSync(dir, { recursive: true })` loops
 * for ever on some impossible paths (`/proc/nope`); this creates one level at a time, so such a
 * path fails at once with the system's error (ENOENT, ENOTDIR, EACCES) naming the level.
 * Folders are made for the owner only (0700) unless asked otherwise: what Hustings keeps in them
 * is personal data (main/private-files.ts explains the layers that keep it private).
 */
export function makeFolder(dir: string, mode = 0o700): void {
  const missing: string[] = [];
  let level = resolve(dir);
  while (!existsSync(level)) {
    missing.unshift(level);
    const parent = dirname(level);
    if (parent === level) break;
    level = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode });
    } catch (error) {
      // Another process made it meanwhile: as good as made here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
    }
  }
}
