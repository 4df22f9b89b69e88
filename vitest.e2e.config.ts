import { defineConfig } from 'vitest/config';

// Browser journeys: one server, one Chromium; files run one after another.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
