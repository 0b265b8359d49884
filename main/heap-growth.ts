/**
 * V8's defaults let a burst of work grow the heap far past what it keeps alive:
 *  - it doubles its young generation (up to 64 MB a half) after a burst that keeps many objects
 *    alive, and keeps it doubled: a register import took it from a few MB to 128 MB, a third of
 *    the process's peak memory, held once the import was over (issue 18). Left at its starting
 *    size, a 100,000-elector re-import peaked at about 220 MB instead of 360, in much the same time;
 *  - after a full collection it lets the old generation grow up to fourfold before the next: the
 *    app's modules leave ~45 MB, so an import's garbage piled up to ~180 MB uncollected (a
 *    re-import of 100,000 electors ran from start to end without one full collection). Growth of a
 *    fifth at a time took that re-import's peak from ~320 MB to ~230, in the same time.
 * Both flags are read whenever V8 next sizes the heap, so setting them at run time works (Node allows
 * it); they have to be, as the Electron main process takes no V8 flags.
 */
import { setFlagsFromString } from 'node:v8';

export function limitHeapGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=20');
}
