/**
 * The lock-out: after a few failed sign-ins for one name, or from one address, each further try
 * must wait longer (1 s, 2 s, 4 s… up to 15 minutes), so guessing a password from a list takes
 * years while a person who mistyped waits a moment. Failures older than an hour no longer count;
 * a successful sign-in clears the name's.
 */
import { failuresSince, recordFailure } from '../../db/repositories/team.ts';
import type { Queries } from '../../db/store.ts';

const FREE_TRIES = 3;
const MAX_WAIT_MS = 15 * 60_000;
const WINDOW_MS = 3600_000;

/** The name as failures are counted: "Ann" and "ann " are one name to a guesser. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

export function waitAfter(failures: number): number {
  return failures < FREE_TRIES ? 0 : Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_TRIES));
}

/** How long the next try must still wait (0: it may go ahead). */
export async function waitBeforeTrying(db: Queries, name: string, address: string, now = new Date()): Promise<number> {
  const f = await failuresSince(db, nameKey(name), address, new Date(now.getTime() - WINDOW_MS).toISOString());
  if (f.last === null) return 0;
  const until = Date.parse(f.last) + waitAfter(Math.max(f.byName, f.byAddress));
  return Math.max(0, until - now.getTime());
}

/** A failed sign-in, counted for the name and the address; failures past the window are dropped. */
export function countFailure(db: Queries, name: string, address: string, now = new Date()): Promise<void> {
  return recordFailure(db, nameKey(name), address, now.toISOString(), new Date(now.getTime() - WINDOW_MS).toISOString());
}
