import { execFileSync } from 'node:child_process';

/** The journeys run against the interface as built now, not a stale build. */
export default function globalSetup() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
