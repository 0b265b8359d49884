import { execFileSync } from 'node:child_process';
import { startTestPostgres } from '../helpers/postgres.ts';

/**
 * The journeys run against the interface as built now, not a stale build; the `on-postgres`
 * project's servers use one PostgreSQL for the run (its URL reaches the workers in the environment).
 */
export default async function globalSetup() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const { stop } = await startTestPostgres();
  return stop;
}
