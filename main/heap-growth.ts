/**
 * V8's defaults let a burst of work grow the heap far past what it keeps alive:
 *  - it doubles its young generation (up to 64 MB a half) after a burst that keeps many objects
 *    alive, and keeps it doubled: a register import took it from a few MB to 128 MB, a third of
 *    the process's peak memory, held once the import was over (issue 18). Left at its starting
 *    size, a 100,000-elector re-import peaked at about 220 MB instead of 360, in much the same time;
 *  - after a full collection it lets the old generation grow up to fourfold before the next: the
 *    app's modules leave ~45 MB, so an import's garbage piled up to ~180 MB uncollected (a
 *    re-import of 100,000 electors ran from start to end without one full collection). Growth of a
 *    fifth at a time took that re-import's peak from ~320 MB to ~230, in the same time; but kept
 *    for the whole life of a server it cost a busy team server 7% of its returns per second (more
 *    full collections), so it holds only while an import runs.
 * The flags are read whenever V8 next sizes the heap, so setting them at run time works (Node
 * allows it); they have to be, as the Electron main process takes no V8 flags.
 */
import { setFlagsFromString } from 'node:v8';

export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

let tightJobs = 0;

/** Runs a job that makes much short-lived garbage with the old generation's growth held to a fifth. */
export async function withTightHeap<T>(work: () => Promise<T>): Promise<T> {
  if (tightJobs++ === 0) setFlagsFromString('--heap-growing-percent=20');
  try {
    return await work();
  } finally {
    // 0 is V8's own default: its dynamic growth factor.
    if (--tightJobs === 0) setFlagsFromString('--heap-growing-percent=0');
  }
}
