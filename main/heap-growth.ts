/**
 * V8 doubles its young generation (up to 64 MB a half) after a burst of work that keeps many
 * objects alive, and keeps it doubled: a register import took it from a few MB to 128 MB, a third
 * of the process's peak memory, and the server held that once the import was over (issue 18).
 * Left at its starting size, a 100,000-elector re-import peaked at about 220 MB instead of 360,
 * in much the same time. The flag is read each time the young generation would grow, so setting it
 * at run time works (Node allows it); it has to be, as the Electron main process takes no V8 flags.
 */
import { setFlagsFromString } from 'node:v8';

export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
