import { defineConfig } from '@playwright/test';
import type { Engine } from './db/store.ts';

/** Debian's Chromium: Playwright's own browser download is not available on our machines. */
export const CHROMIUM = process.env.HUSTINGS_CHROMIUM ?? '/usr/bin/chromium';

// Every browser-mode server a journey starts creates and opens an encrypted database with this
// (the workers inherit it).
process.env.HUSTINGS_PASSPHRASE ??= 'correct horse battery staple (tests)';

export default defineConfig<{ engine: Engine; scanAccessibility: boolean }>({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Journeys visit many pages with an axe scan on each; on a loaded 2-core machine that takes minutes.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  // Every journey starts its own server on its own database (tests/e2e/fixtures.ts), so journeys
  // run in parallel, tests of one file too; two at a time keep a two-core machine from starving
  // one into a timeout. The desktop smoke test shares one window and runs its tests in order.
  fullyParallel: true,
  workers: 2,
  // On CI a journey that fails is run once more and, if it then passes, reported as flaky by name
  // rather than sinking the run: a loaded machine has timed out a click that works (party-lists,
  // once in 13 runs). A journey that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    viewport: { width: 1280, height: 860 },
    trace: 'off',
  },
  projects: [
    // What a team database shows in their place: on-postgres only.
    { name: 'sqlite', testIgnore: ['team-database.spec.ts', 'team.spec.ts'] },
    // The journeys again on a team database, but for what only a SQLite file has: its encryption,
    // backups and restores, the desktop app. The pages' markup does not depend on the engine, so
    // the sqlite project's accessibility scans stand for both (a minute or two of npm test); the
    // pages only a team server shows opt back in with `test.use({ scanAccessibility: true })`.
    {
      name: 'on-postgres',
      use: { engine: 'postgres', scanAccessibility: false },
      testIgnore: [
        'backups.spec.ts',
        'data-safety.spec.ts',
        'encrypt-plain.spec.ts',
        'encryption.spec.ts',
        'erasure-stays.spec.ts',
        'unlock-window.spec.ts',
        'electron.spec.ts',
      ],
    },
  ],
});
