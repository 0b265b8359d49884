import { defineConfig } from 'vitest/config';

/**
 * Left out of `npm run test:fast` (the `fast` project): the fuzzing, the crash and power-cut
 * simulations, the suites that spawn the CLI or a packaging run for most of their cases, and the
 * scale checks. `npm test` (and CI) runs every project.
 */
const SLOW = [
  'tests/integration/fuzz.test.ts',
  'tests/integration/crash-safety.test.ts',
  'tests/integration/cli.test.ts',
  'tests/integration/cli-rules.test.ts',
  'tests/integration/cli-backups.test.ts',
  'tests/integration/cli-timetable.test.ts',
  'tests/integration/packaging.test.ts',
  'tests/integration/encrypt.test.ts',
  'tests/integration/backup-encryption.test.ts',
  'tests/integration/encryption.test.ts',
  'tests/integration/electron-main.test.ts',
  'tests/integration/screens-at-scale.test.ts',
  'tests/integration/bench-ui.test.ts',
  // A feature's command-line cases, split from its in-process tests (knock-up-cli beside knock-up).
  'tests/integration/*-cli.test.ts',
];

/**
 * Tests of the PostgreSQL engine itself: they need the server tests/helpers/postgres.ts starts
 * (once per run) or the one HUSTINGS_TEST_DATABASE_URL names.
 */
const POSTGRES = ['tests/integration/postgres-*.test.ts'];

/**
 * What only a SQLite file has: its bytes, its encryption, its online backups and restores, its
 * migrations from earlier files, the desktop app's start on it. The rest of the integration suite
 * runs a second time on PostgreSQL (the `on-postgres` project).
 */
const SQLITE_FILE = [
  'tests/integration/backups.test.ts',
  'tests/integration/migration-fixtures.test.ts',
  'tests/integration/migrations.test.ts',
  'tests/integration/foreign-files.test.ts',
  'tests/integration/private-files.test.ts',
  'tests/integration/desktop-unlock.test.ts',
  'tests/integration/startup-failure.test.ts',
  'tests/integration/elector-search-index.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    // Every CLI and server a test spawns opens (and creates) an encrypted database with this.
    env: { HUSTINGS_PASSPHRASE: 'correct horse battery staple (tests)' },
    // Browser-mode tests serve the built interface: build it as it is now (always for production).
    globalSetup: ['tests/e2e/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'fast', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'], exclude: [...SLOW, ...POSTGRES] } },
      { extends: true, test: { name: 'slow', include: SLOW } },
      { extends: true, test: { name: 'postgres', include: POSTGRES, globalSetup: ['tests/helpers/postgres.ts'] } },
      {
        extends: true,
        test: {
          name: 'on-postgres',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...SLOW, ...POSTGRES, ...SQLITE_FILE],
          env: { HUSTINGS_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/helpers/postgres.ts'],
        },
      },
    ],
  },
});
