/**
 * `npm run bench:ui [-- --json] [-- --profile] [-- --no-build]`: the screens of issue 19 at campaign
 * scale. Builds (or reuses, from the OS temp folder) a database of 100,000 electors and 1,000,000
 * returns, builds the production renderer, serves it with `hustings serve`, drives Chromium and
 * prints, per screen, the median of 5 visits from navigation until its content is shown and it
 * answers input, its DOM size and the page's JS heap (after a garbage collection):
 *
 *  ui_<screen>_ms, ui_<screen>_dom, ui_<screen>_heap_mb   home, tallies, follow_ups, electors,
 *                                 walk_sheet (one polling district), entry
 *  ui_follow_ups_switch_ms        another request type chosen, until its list is shown
 *  ui_electors_search_ms          a surname typed, until its results show, less the 200 ms debounce
 *  ui_entry_number_to_name_ms     an elector number typed and Tab, until its name shows
 *  http_return_median_ms          canvass.recordReturn POSTed through browser mode's HTTP door
 *                                 (keep-alive, one client), median of 500
 *  dispatcher_return_median_ms    the same through the dispatcher in-process, on a copy of the
 *                                 same data, median of 500 on other electors
 *
 * The two return figures are taken in turn, one over HTTP then one in-process, while the server
 * runs: taken one after the other (in a fresh process once the server had stopped) they saw
 * different loads on a shared machine and their gap swung from -0.24 to +2.2 ms between runs.
 *
 * With --json, one line: { ...figures, targets }. With --profile, also each API call the screens
 * made, replayed through the dispatcher: its time and the size of its JSON answer.
 */
import { execFileSync } from 'node:child_process';
import { runUiBench, TARGETS } from './ui-measure.ts';

const json = process.argv.includes('--json');
const log = (s: string) => {
  if (!json) console.log(s);
};

if (!process.argv.includes('--no-build')) {
  log('Building the production renderer (npm run build)…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: json ? 'ignore' : 'inherit' });
}
const { figures, profile } = await runUiBench({ electors: 100_000, returns: 1_000_000, runs: 5, httpReturns: 500, log });

/** The target of each figure, by its key. */
function targetOf(key: string): number | undefined {
  if (key === 'ui_entry_number_to_name_ms') return TARGETS.entry_number_to_name_ms;
  if (key === 'ui_electors_search_ms') return TARGETS.electors_search_ms;
  if (key.endsWith('_dom')) return TARGETS.dom;
  if (key.endsWith('_heap_mb')) return TARGETS.heap_mb;
  if (key.startsWith('ui_') && key.endsWith('_ms')) return TARGETS.screen_ms;
  if (key === 'http_return_median_ms') return round3(figures.dispatcher_return_median_ms + TARGETS.http_over_dispatcher_ms);
  return undefined;
}
function round3(x: number) {
  return Math.round(x * 1000) / 1000;
}
const targets = Object.fromEntries(Object.keys(figures).flatMap((k) => (targetOf(k) === undefined ? [] : [[k, targetOf(k)]])));

if (json) {
  process.stdout.write(`${JSON.stringify({ ...figures, targets, ...(process.argv.includes('--profile') ? { profile } : {}) })}\n`);
} else {
  console.log('\nfigure                              value      target (below)');
  for (const [k, v] of Object.entries(figures)) {
    const t = targets[k];
    console.log(`${k.padEnd(36)}${String(v).padStart(8)}   ${t === undefined ? '' : `< ${t}${v < t ? '' : '   MISSED'}`}`);
  }
  if (process.argv.includes('--profile')) {
    console.log('\nscreen               method                          server ms   JSON bytes  input');
    for (const p of profile)
      console.log(`${p.screen.padEnd(21)}${p.method.padEnd(32)}${String(p.server_ms).padStart(9)}${String(p.json_bytes).padStart(13)}  ${p.input}`);
  }
}
