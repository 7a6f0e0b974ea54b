import type { Executor } from '../../db/database.ts';

/** The fact the demo seed leaves: when the demo data set was loaded into this database. */
const demoLoaded = 'demo_data_loaded_at';

export async function recordDemoDataLoaded(db: Executor, at: string): Promise<void> {
  await db
    .insertInto('app_facts')
    .values({ name: demoLoaded, value: at, updated_at: at })
    .onConflict((conflict) => conflict.column('name').doUpdateSet({ value: at, updated_at: at }))
    .execute();
}

export async function demoDataLoadedAt(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('app_facts').select('value').where('name', '=', demoLoaded).executeTakeFirst();
  return row?.value ?? null;
}
