/**
 * The screen bench's machinery: serves a copy of the bench database with `hustings serve` (the
 * production build in dist/renderer), drives Chromium through each screen and times it from
 * navigation (or the user's input) until its content is on the page and the page answers input,
 * then times one return through the HTTP door against the dispatcher on the same data, alternating.
 *
 * "Shown and answers input": every condition of the screen holds in the DOM (a heading, its first
 * data row, an input enabled), then a frame is painted and a task after it runs (the main thread
 * is free again). Conditions are checked on every DOM mutation inside the page: no sleeps, no polling.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHustings } from '../../main/app.ts';
import { startBrowserMode } from '../helpers/server.ts';
import { alternate, doorClient } from './door.ts';
import { BENCH_PASSPHRASE, benchDatabase, call, copyDatabase, type UiData } from './ui-data.ts';

export const CHROMIUM = process.env.HUSTINGS_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The issue's targets (issue 19), beside each figure. */
export const TARGETS = { screen_ms: 300, entry_number_to_name_ms: 50, electors_search_ms: 150, dom: 5000, heap_mb: 100, http_over_dispatcher_ms: 1 };
export const SCREENS = ['home', 'tallies', 'follow_ups', 'electors', 'walk_sheet', 'entry'] as const;
/** What the electors list waits after the last keystroke before it searches (ElectorsPage). */
const SEARCH_DEBOUNCE_MS = 200;

type Condition = { sel: string; text?: string; startsWith?: string; exact?: string; enabled?: boolean; hasValue?: boolean };
export type Figures = Record<string, number>;
/** One API call a screen made, replayed through the dispatcher: its time and answer's size. */
export type ProfiledCall = { screen: string; method: string; input: string; server_ms: number; json_bytes: number };

export interface UiBenchOptions {
  electors: number;
  returns: number;
  /** Timed visits of each screen (the median is reported). */
  runs: number;
  /** Returns posted through the HTTP door and through the dispatcher. */
  httpReturns: number;
  /** Where the built database is kept (the OS temp folder unless given). */
  cacheRoot?: string;
  log?: (s: string) => void;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * In the page: resolves once every condition holds (checked on each DOM mutation), then after the
 * next painted frame and a task behind it. Returns both moments (performance.now()).
 */
function waitInPage(conds: Condition[]): Promise<{ shown: number; ready: number }> {
  const holds = (c: Condition) =>
    [...document.querySelectorAll(c.sel)].some((el) => {
      const text = (el.textContent ?? '').trim();
      const input = el as HTMLInputElement;
      return (
        el.getClientRects().length > 0 &&
        (c.text === undefined || text.includes(c.text)) &&
        (c.startsWith === undefined || text.startsWith(c.startsWith)) &&
        (c.exact === undefined || text === c.exact) &&
        (!c.enabled || !input.disabled) &&
        (!c.hasValue || input.value !== '')
      );
    });
  const all = () => conds.every(holds);
  return new Promise((resolve) => {
    const done = () => {
      const shown = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve({ shown, ready: performance.now() }), 0));
    };
    if (all()) return done();
    const observer = new MutationObserver(() => {
      if (!all()) return;
      observer.disconnect();
      done();
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Navigates inside the app (as a click on a link does) and times the screen until ready. */
async function visit(page: Page, route: string, conds: Condition[]): Promise<number> {
  return page.evaluate(
    async ({ route, conds }) => {
      const waitFor = (window as unknown as { benchWait: typeof waitInPage }).benchWait;
      const t0 = performance.now();
      window.location.hash = route;
      const { ready } = await waitFor(conds);
      return ready - t0;
    },
    { route, conds },
  );
}

/** Remembers when the user's input happened (an event of this type, in capture), for `untilReady`. */
async function markInput(page: Page, type: string): Promise<void> {
  await page.evaluate((type) => {
    const w = window as unknown as { benchInputAt?: number };
    w.benchInputAt = undefined;
    document.addEventListener(type, () => (w.benchInputAt ??= performance.now()), { capture: true, once: true });
  }, type);
}

async function untilReady(page: Page, conds: Condition[]): Promise<number> {
  return page.evaluate(
    async ({ conds }) => {
      const waitFor = (window as unknown as { benchWait: typeof waitInPage }).benchWait;
      const { ready } = await waitFor(conds);
      const at = (window as unknown as { benchInputAt?: number }).benchInputAt;
      if (at === undefined) throw new Error('the input was never seen');
      return ready - at;
    },
    { conds },
  );
}

/** Away to a screen with no data, so the next visit starts from nothing of the screen measured. */
async function idle(page: Page): Promise<void> {
  await visit(page, '/bench-idle', [{ sel: 'main, body', text: 'There is no such page' }]);
}

export async function runUiBench(opts: UiBenchOptions): Promise<{ figures: Figures; profile: ProfiledCall[] }> {
  const log = opts.log ?? (() => {});
  const data = await benchDatabase({ electors: opts.electors, returns: opts.returns, cacheRoot: opts.cacheRoot, log });
  const work = mkdtempSync(join(tmpdir(), 'hustings-bench-ui-run-'));
  const env = { HUSTINGS_PASSPHRASE: BENCH_PASSPHRASE };
  const figures: Figures = {};
  const calls: { screen: string; method: string; input: string }[] = [];
  try {
    const dbPath = copyDatabase(data, work);
    // The dispatcher's copy for the door's comparison (below), made now so its writing is over by then.
    const directPath = copyDatabase(data, mkdtempSync(join(work, 'direct-')));
    // A large file takes a while to open: serve backs it up first, as it does for a user.
    const server = await startBrowserMode({ dbPath, env, startTimeoutMs: 300_000 });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      let screen = '';
      page.on('request', (r) => {
        const m = /\/api\/([\w.]+)$/.exec(new URL(r.url()).pathname);
        if (m && r.method() === 'POST') calls.push({ screen, method: m[1], input: r.postData() ?? '{}' });
      });
      // The waiter goes in as the page's own script would, before the app (CSP forbids eval).
      await page.addInitScript(`window.benchWait = ${waitInPage.toString()};`);
      await page.goto(server.url);
      await page.waitForSelector('h1');
      const cdp = await page.context().newCDPSession(page);
      const expected = await expectations(server.call.bind(server), data);
      log(`Expected on the screens: ${JSON.stringify(expected)}`);

      const measureScreen = async (name: string, route: string, conds: Condition[]) => {
        const times: number[] = [];
        for (let i = 0; i < opts.runs; i++) {
          await idle(page);
          screen = name;
          times.push(await visit(page, route, conds));
          screen = '';
        }
        figures[`ui_${name}_ms`] = round(median(times));
        figures[`ui_${name}_dom`] = await page.evaluate(() => document.getElementsByTagName('*').length);
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        figures[`ui_${name}_heap_mb`] = round(heap.usedSize / 1024 / 1024);
        log(
          `${name}: median ${figures[`ui_${name}_ms`]} ms of ${times.map((t) => Math.round(t)).join(', ')}; ${figures[`ui_${name}_dom`]} elements; heap ${figures[`ui_${name}_heap_mb`]} MB`,
        );
      };
      const measureInput = async (
        name: string,
        runs: { act: () => Promise<void>; event: string; conds: Condition[]; reset?: () => Promise<void> }[],
        minus = 0,
      ) => {
        const times: number[] = [];
        for (const run of runs) {
          await run.reset?.();
          await markInput(page, run.event);
          screen = name;
          await run.act();
          times.push((await untilReady(page, run.conds)) - minus);
          screen = '';
        }
        figures[`ui_${name}_ms`] = round(median(times));
        log(`${name}: median ${figures[`ui_${name}_ms`]} ms of ${times.map((t) => Math.round(t)).join(', ')}`);
      };
      const { areaId, district } = data;

      await measureScreen('home', '/', [
        { sel: 'h1', exact: 'Home' },
        { sel: 'a[href*="canvass/tallies"]', text: 'contacted of' },
      ]);

      const talliesRoute = `/canvass/tallies/${areaId}`;
      await measureScreen('tallies', talliesRoute, [
        { sel: 'h1', exact: 'Tallies and follow-ups' },
        { sel: 'table caption', text: 'By polling district' },
        { sel: 'tbody th[scope=row]', exact: district },
        { sel: 'select', enabled: true },
      ]);

      // A list is the one asked for when its count and its first elector are the ones the server gives.
      const waitingList = (w: { n: number; first: string }): Condition[] => [
        { sel: '.follow-counts [role=status]', startsWith: `${w.n.toLocaleString('en-GB')} still waiting` },
        { sel: 'form[aria-labelledby="waiting-heading"] tbody tr:first-child td code', exact: w.first },
      ];
      await measureScreen('follow_ups', talliesRoute, [{ sel: '#waiting-heading', text: 'literature' }, ...waitingList(expected.literature)]);
      const request = page.getByLabel('Who asked for');
      await measureInput(
        'follow_ups_switch',
        Array.from({ length: opts.runs }, (_, i) => {
          const [to, text, w] =
            i % 2 === 0 ? (['postal_vote', 'a postal vote', expected.postalVote] as const) : (['literature', 'literature', expected.literature] as const);
          return { event: 'change', act: () => request.selectOption(to).then(() => {}), conds: [{ sel: '#waiting-heading', text }, ...waitingList(w)] };
        }),
      );

      const listed = (n: number) => ({ sel: '[role=status]', startsWith: `${n.toLocaleString('en-GB')} electors, in walk order` });
      await measureScreen('electors', `/register/${areaId}`, [
        { sel: 'h1', exact: 'Electors of Bench ward' },
        listed(expected.electors),
        { sel: '[role=listitem] a' },
        { sel: 'input[type=search]', enabled: true },
      ]);
      const search = page.getByLabel('Search electors');
      await measureInput(
        'electors_search',
        Array.from({ length: opts.runs }, () => ({
          event: 'input',
          reset: async () => {
            await search.fill('');
            await untilReadyAfterReset(page, [listed(expected.electors), { sel: '[role=listitem] a' }]);
          },
          act: () => search.fill(data.search),
          conds: [listed(expected.searched), { sel: '[role=listitem] a', text: data.search }],
        })),
        SEARCH_DEBOUNCE_MS,
      );

      await measureScreen('walk_sheet', `/register/${areaId}/walk-sheet?district=${district}`, [
        { sel: '.walk-sheet h1', text: `polling district ${district}` },
        { sel: '.walk-sheet tbody td code' },
        { sel: 'a', text: `Download PDF for district ${district}` },
      ]);

      await measureScreen('entry', `/canvass/sessions/${data.entrySessionId}`, [
        { sel: '#entry-number', enabled: true, hasValue: true },
        { sel: '.current strong' },
      ]);
      const number = page.locator('#entry-number');
      await measureInput(
        'entry_number_to_name',
        data.samples.slice(0, opts.runs).map((s) => ({
          event: 'keydown',
          reset: () => number.fill(s.electorNumber),
          act: () => number.press('Tab'),
          conds: [
            { sel: '.current code', exact: s.electorNumber },
            { sel: '.current strong', exact: s.fullName },
          ],
        })),
      );
    } finally {
      await browser.close();
    }
    // With the browser gone, the door's figure is one client's, not shared with a page's calls.
    // Each return over HTTP to the server is followed by one through the dispatcher in this
    // process, so both see the same load. The dispatcher has its own copy of the data: a second
    // connection to the server's file would find its page cache dropped after each of the
    // other's commits, adding 0.4-0.9 ms to both figures (docs/performance.md, issue 19).
    const app = await openHustings({ dbPath: directPath, keys: { passphrase: BENCH_PASSPHRASE }, actor: 'bench', startupBackup: false }).catch(
      async (error: unknown) => {
        await server.stop();
        throw error;
      },
    );
    try {
      const client = doorClient(server.origin, server.token);
      try {
        // Each on its own electors, each elector once.
        const times = await alternate(
          opts.httpReturns,
          (i) => client.post('canvass.recordReturn', returnInput(data, 2 * i)),
          (i) => call(app, 'canvass.recordReturn', returnInput(data, 2 * i + 1)),
        );
        figures.http_return_median_ms = round(median(times.http), 3);
        figures.dispatcher_return_median_ms = round(median(times.direct), 3);
      } finally {
        client.close();
        await server.stop();
      }
      log(
        `One return, alternating: through the HTTP door (keep-alive, one client) median ${figures.http_return_median_ms} ms, through the dispatcher in-process ${figures.dispatcher_return_median_ms} ms`,
      );
      return { figures, profile: await profileCalls(app, calls) };
    } finally {
      await app.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Waiting for the list to come back after the search is cleared (not timed). */
async function untilReadyAfterReset(page: Page, conds: Condition[]): Promise<void> {
  await page.evaluate(
    async ({ conds }) => {
      const waitFor = (window as unknown as { benchWait: typeof waitInPage }).benchWait;
      await waitFor(conds);
    },
    { conds },
  );
}

/** Figures a screen must show before it counts as ready, asked of the server beforehand. */
async function expectations(api: (method: string, input: unknown) => Promise<{ status: number; body: any }>, data: UiData) {
  const value = async (method: string, input: unknown) => {
    const r = await api(method, input);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  };
  const waiting = async (request: string) => {
    const list = (await value('canvass.listFollowUps', { areaId: data.areaId, request, state: 'open' })) as { electorNumber: string }[];
    if (list.length === 0) throw new Error(`the bench data has nobody waiting for ${request}`);
    return { n: list.length, first: list[0].electorNumber };
  };
  return {
    literature: await waiting('literature'),
    postalVote: await waiting('postal_vote'),
    electors: (await value('register.listElectors', { areaId: data.areaId, offset: 0, limit: 1 })).total as number,
    searched: (await value('register.listElectors', { areaId: data.areaId, search: data.search, offset: 0, limit: 1 })).total as number,
  };
}

const CODES = ['I3L', 'N', '2J', 'R', '1', '4P', 'X', '5'];
function returnInput(data: UiData, i: number) {
  return { sessionId: data.sessionId, electorId: data.firstElectorId + ((i * 104729) % data.electors), codes: CODES[i % CODES.length] };
}

/** Each distinct call the screens made, replayed through the dispatcher (median of 3) with its answer's size. */
async function profileCalls(
  app: Awaited<ReturnType<typeof openHustings>>,
  calls: { screen: string; method: string; input: string }[],
): Promise<ProfiledCall[]> {
  const seen = new Set<string>();
  const out: ProfiledCall[] = [];
  for (const c of calls) {
    const key = `${c.screen}|${c.method}|${c.input}`;
    if (seen.has(key) || c.method.startsWith('canvass.record')) continue;
    seen.add(key);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      const r = await app.dispatch(c.method, JSON.parse(c.input));
      times.push(performance.now() - s);
      bytes = Buffer.byteLength(JSON.stringify(r));
    }
    out.push({ screen: c.screen, method: c.method, input: c.input, server_ms: round(median(times)), json_bytes: bytes });
  }
  return out;
}
