import { defineConfig } from 'vitest/config';

/**
 * Unit and API tests. API tests run against a real database: SQLite by default, PostgreSQL when
 * TEST_DB=postgres (scripts/test.mjs runs both). Browser tests have their own config in e2e/.
 */
export default defineConfig({
  test: {
    include: ['core/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
