import { defineConfig } from 'vitest/config';

/** Browser tests: a real server on a fresh SQLite file with the demo data, driven in Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/tests/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One browser at a time: two cores, and Chromium is the heaviest thing on the machine.
    fileParallelism: false,
  },
});
