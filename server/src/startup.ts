import type { Config } from './config.ts';
import { openDatabase, refreshPlannerStatistics, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { reindexAll } from './modules/search/search.reindex.ts';
import { isDatabaseEmpty, seedDemo } from './seed/demo/index.ts';

/**
 * Derived data that a migration asks to be rebuilt by application code. Migrations are frozen text
 * and never import modules, so when one of these has just been applied, start-up does the rebuild
 * with today's code (on a new, empty database it finds nothing to index).
 */
const rebuildsAfter: Record<string, (handle: DatabaseHandle) => Promise<unknown>> = {
  '0041-search-kind-terms': (handle) => reindexAll(handle.db),
};

/** Open the configured database and bring its schema up to date. */
export async function openAndMigrate(config: Config, log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, readWorkers: config.sqliteReadWorkers });
  const applied = await migrateToLatest(handle);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  for (const name of applied) await rebuildsAfter[name]?.(handle);
  return handle;
}

/** Load the demo data set into an empty database; leave a database with data alone. */
export async function seedDemoIfEmpty(handle: DatabaseHandle, log: (line: string) => void = () => {}): Promise<boolean> {
  if (!(await isDatabaseEmpty(handle.db))) return false;
  await seedDemo(handle.db, { log });
  // The tables were empty when the statistics were taken at start-up.
  await refreshPlannerStatistics(handle);
  return true;
}
