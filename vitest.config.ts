import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Every CLI and server a test spawns opens (and creates) an encrypted database with this.
    env: { HUSTINGS_PASSPHRASE: 'correct horse battery staple (tests)' },
    // Browser-mode tests serve the built interface: build it as it is now.
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
