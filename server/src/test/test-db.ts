import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** Which engine API tests run on: `TEST_DB=postgres` (scripts/test.mjs runs both) or SQLite. */
export const testDialect = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const testPgUrl = process.env.TEST_PG_URL ?? 'postgres://tongxin:tongxin@127.0.0.1:5432/tongxin_test';

/**
 * A fresh, migrated, empty database for one test file: a temporary SQLite file (WAL and all, as
 * in production), or a PostgreSQL schema of its own that is dropped afterwards.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testDialect === 'postgres') {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const handle = await openDatabase({ databaseUrl: testPgUrl, pgSchema: schema });
    await migrateToLatest(handle);
    return {
      ...handle,
      async close() {
        await handle.close();
        const client = new pg.Client({ connectionString: testPgUrl });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-test-'));
  const handle = await openDatabase({ sqliteFile: path.join(dir, 'test.db') });
  await migrateToLatest(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
