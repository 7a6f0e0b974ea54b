import { defineConfig } from 'vitest/config';

/**
 * Unit and API tests. API tests run against a real database: SQLite by default, PostgreSQL when
 * TEST_DB=postgres (scripts/test.mjs runs both). Browser tests have their own config in e2e/.
 *
 * Server test files share their worker's modules (`isolate: false`): importing the whole app again
 * for every file was most of the suite's time. Each file still builds its own app on its own fresh
 * database (server/src/test/harness.ts), so no records are shared; module-level state in server
 * code must therefore never be keyed by something another database can repeat (a row id).
 */
const shared = {
  environment: 'node' as const,
  testTimeout: 20_000,
  hookTimeout: 30_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['core/src/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts'] } },
      { test: { ...shared, name: 'server', include: ['server/src/**/*.test.ts'], isolate: false } },
    ],
  },
});
