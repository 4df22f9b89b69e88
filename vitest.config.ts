import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are ~300 MB and CPU-heavy to start; two workers match the two cores.
    maxWorkers: 2,
    pool: 'forks',
    // Test files share their worker process and its imported modules (the app, exceljs, the search
    // dictionaries: 4-5 s of CPU a route test file otherwise spends importing). Each file still gets
    // its own database; module state that serves data (the portal page cache) is emptied by the
    // server harness with each test context. docs/adr/0011.
    isolate: false,
    // One migrated PGlite cluster the test databases are loaded from, instead of initdb + migrations each.
    globalSetup: ['scripts/vitest-global-setup.ts'],
  },
});
