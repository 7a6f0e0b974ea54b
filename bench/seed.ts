/**
 * How long each demo seeder takes, on SQLite and (when TEST_PG_URL or DATABASE_URL names one) on
 * PostgreSQL. Seed speed is a goal, not a test: `npm run bench:seed -w bench`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { demoSeeders } from '../server/src/seed/demo/index.ts';
import type { SeedContext } from '../server/src/seed/demo/context.ts';

async function timeSeeders(handle: DatabaseHandle): Promise<Array<[string, number]>> {
  await migrateToLatest(handle);
  const timings: Array<[string, number]> = [];
  await handle.db.transaction().execute(async (trx) => {
    const ctx: SeedContext = { db: trx, at: new Date().toISOString(), divisionIds: new Map(), log: () => {} };
    for (const seeder of demoSeeders) {
      const started = performance.now();
      await seeder.run(ctx);
      timings.push([seeder.name, performance.now() - started]);
    }
  });
  return timings;
}

function print(engine: string, timings: Array<[string, number]>): void {
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`\n${engine}: demo seed ${(total / 1000).toFixed(2)} s (load average ${os.loadavg()[0]!.toFixed(1)}, ${os.cpus().length} cores)`);
  for (const [name, ms] of timings) console.log(`  ${name.padEnd(24)} ${(ms / 1000).toFixed(2)} s`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-bench-seed-'));
const sqlite = await openDatabase({ sqliteFile: path.join(dir, 'seed.db') });
print('SQLite', await timeSeeders(sqlite));
await sqlite.close();
fs.rmSync(dir, { recursive: true, force: true });

const pgUrl = process.env.TEST_PG_URL ?? process.env.DATABASE_URL;
if (pgUrl?.startsWith('postgres')) {
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const handle = await openDatabase({ databaseUrl: pgUrl, pgSchema: schema });
  print('PostgreSQL', await timeSeeders(handle));
  await handle.close();
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`drop schema ${schema} cascade`);
  await client.end();
} else {
  console.log('\nPostgreSQL: skipped (set TEST_PG_URL)');
}
