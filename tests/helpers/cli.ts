import { spawnSync } from 'node:child_process';

/** Runs `hustings` as a user would, through the installed bin script. */
export function hustings(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/hustings.js', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
