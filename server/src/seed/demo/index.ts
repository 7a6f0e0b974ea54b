import type { Db } from '../../db/database.ts';
import type { SeedContext, Seeder } from './context.ts';
import { divisionsSeeder } from './divisions.seed.ts';
import { registryOrgsSeeder } from './registry-orgs.seed.ts';
import { registryVenuesSeeder } from './registry-venues.seed.ts';
import { usersSeeder } from './users.seed.ts';
import { workSeeder } from './work.seed.ts';
import { requestsSeeder } from './requests.seed.ts';
import { publicitySeeder, searchSeeder } from './publicity.seed.ts';
import { judgingSeeder } from './judging.seed.ts';
import { createRollupTriggers, dropRollupTriggers, rebuildRollups } from '../../modules/dashboard/rollups.ts';
import { recordDemoDataLoaded } from '../../modules/meta/meta.repo.ts';

/**
 * The demo data set, module by module: a new module appends its seeder here. Seeders run in this
 * order inside one transaction, so a failed seed leaves an empty database.
 */
export const demoSeeders: Seeder[] = [divisionsSeeder, usersSeeder, registryOrgsSeeder, registryVenuesSeeder, workSeeder, publicitySeeder, requestsSeeder, judgingSeeder];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('divisions').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function seedDemo(db: Db, options: { at?: Date; log?: (line: string) => void } = {}): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ctx: SeedContext = {
      db: trx,
      at: (options.at ?? new Date()).toISOString(),
      divisionIds: new Map(),
      log: options.log ?? (() => {}),
    };
    // A bulk load: the dashboard's rollups are rebuilt once at the end instead of row by row.
    await dropRollupTriggers(trx);
    for (const seeder of demoSeeders) await seeder.run(ctx);
    // The search index covers what every seeder wrote, so it is built after them all.
    await searchSeeder.run(ctx);
    await createRollupTriggers(trx);
    await rebuildRollups(trx);
    await recordDemoDataLoaded(trx, ctx.at);
  });
}
