import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runUiBench, SCREENS } from '../bench/ui-measure.ts';

// The instrument of `npm run bench:ui`, on a tiny register: every figure is there and is a number.
// No timing is asserted here; the targets live in the bench.
const cacheRoot = mkdtempSync(join(tmpdir(), 'hustings-bench-ui-test-'));
afterAll(() => rmSync(cacheRoot, { recursive: true, force: true }));

test('bench:ui measures every screen, the inputs and the HTTP door on a tiny database', { timeout: 240_000 }, async () => {
  const { figures, profile } = await runUiBench({ electors: 200, returns: 2000, runs: 1, httpReturns: 5, cacheRoot });
  const keys = [
    ...SCREENS.flatMap((s) => [`ui_${s}_ms`, `ui_${s}_dom`, `ui_${s}_heap_mb`]),
    'ui_follow_ups_switch_ms',
    'ui_electors_search_ms',
    'ui_entry_number_to_name_ms',
    'http_return_median_ms',
    'dispatcher_return_median_ms',
  ];
  expect(Object.keys(figures).sort()).toEqual([...keys].sort());
  for (const k of keys) expect(Number.isFinite(figures[k]), k).toBe(true);
  for (const s of SCREENS) expect(figures[`ui_${s}_dom`], s).toBeGreaterThan(50);
  // The walk sheet lists the district's 200 electors: more elements than the entry screen.
  expect(figures.ui_walk_sheet_dom).toBeGreaterThan(figures.ui_entry_dom);
  // The profile names the calls each screen made.
  expect(profile.some((p) => p.screen === 'tallies' && p.method === 'canvass.getTallies')).toBe(true);
  expect(profile.some((p) => p.screen === 'electors_search' && p.method === 'register.listElectors' && p.input.includes('Patel'))).toBe(true);

  // The database is kept for the next run, and reused.
  expect(readdirSync(cacheRoot)).toHaveLength(1);
  const log: string[] = [];
  await runUiBench({ electors: 200, returns: 2000, runs: 1, httpReturns: 1, cacheRoot, log: (s) => log.push(s) });
  expect(log[0]).toMatch(/^Reusing the database/);
});
