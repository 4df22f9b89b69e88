import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are ~300 MB and CPU-heavy to start; two workers match the two cores.
    maxWorkers: 2,
    pool: 'forks',
    // One migrated PGlite cluster the test databases are loaded from, instead of initdb + migrations each.
    globalSetup: ['scripts/vitest-global-setup.ts'],
  },
});
