import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Download, type Page } from '@playwright/test';
import type { Engine } from '../../db/store.ts';
import { freshHustingsDatabase } from '../helpers/postgres.ts';
import { type BrowserMode, startBrowserMode } from '../helpers/server.ts';

/**
 * Each test gets browser mode on its own fresh database, and a page already signed in with the
 * token. `test.use({ serverEnv: { HUSTINGS_TEST_DELAY_MS: '100-200' } })` starts it with a slow server.
 * The `on-postgres` project's journeys run on a team database (`engine: 'postgres'`).
 */
export const test = base.extend<{
  app: BrowserMode;
  serverEnv: Record<string, string>;
  serverArgs: string[];
  engine: Engine;
  team: boolean;
  scanAccessibility: boolean;
}>({
  serverEnv: [{}, { option: true }],
  /** More options for `serve` (a team server's `--campaign`). */
  serverArgs: [[], { option: true }],
  /** Whether `expectAccessible` scans here: see the on-postgres project in playwright.config.ts. */
  scanAccessibility: [true, { option: true }],
  engine: ['sqlite', { option: true }],
  /** `test.use({ team: true })`: a team server (`serve --team`, on-postgres only), where people sign in; no token. */
  team: [false, { option: true }],
  app: async ({ serverEnv, serverArgs, engine, team }, use) => {
    if (engine === 'sqlite') {
      const app = await startBrowserMode({ env: serverEnv, args: serverArgs });
      await use(app);
      await app.stop();
      return;
    }
    const database = await freshHustingsDatabase();
    const app = await startBrowserMode({ env: serverEnv, databaseUrl: database.url, args: [...(team ? ['--team'] : []), ...serverArgs] });
    await use(app);
    await app.stop();
    await database.drop();
  },
  page: async ({ page, app, scanAccessibility }, use, testInfo) => {
    scanning = scanAccessibility;
    await page.goto(app.url);
    await use(page);
    // CI keeps only the log: show what the user would have seen when a journey failed.
    if (testInfo.status !== testInfo.expectedStatus) {
      const seen = await page
        .locator('main')
        .ariaSnapshot({ timeout: 5_000 })
        .catch((e: Error) => `(no snapshot: ${e.message})`);
      console.log(`\nThe page at failure, ${page.url()}:\n${seen}\n`);
    }
  },
});

export { expect };

// A worker runs one test at a time, so the running test's option can live here.
let scanning = true;

/** axe finds no accessibility violations on the page as it is now (where this project scans). */
export async function expectAccessible(page: Page) {
  if (!scanning) return;
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The text of a file the page offered for download. */
export async function downloadedText(download: Download | Promise<Download>): Promise<string> {
  const stream = await (await download).createReadStream();
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}
