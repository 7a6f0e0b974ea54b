import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { refreshPlannerStatistics, type DatabaseHandle, type Dialect } from './database.ts';
import { foundation } from './migrations/0001-foundation.ts';
import { registry } from './migrations/0002-registry.ts';
import { venuesResources } from './migrations/0003-venues-resources.ts';
import { work } from './migrations/0010-work.ts';
import { imports } from './migrations/0011-imports.ts';
import { requests } from './migrations/0020-requests.ts';
import { judgingMoney } from './migrations/0030-judging-money.ts';
import { publicitySearch } from './migrations/0040-publicity-search.ts';
import { searchKindTerms } from './migrations/0041-search-kind-terms.ts';
import { dashboardRollups } from './migrations/0050-dashboard-rollups.ts';
import { dashboardTriggers } from './migrations/0051-dashboard-triggers.ts';
import { dashboardSpeed } from './migrations/0052-dashboard-speed.ts';
import { briefings } from './migrations/0060-briefings.ts';
import { jobLeases } from './migrations/0080-job-leases.ts';
import { accountLockout } from './migrations/0070-account-lockout.ts';
import { appFacts } from './migrations/0090-app-facts.ts';
import { organisationsLiveList } from './migrations/0091-organisations-live-list.ts';
import { articleGarbled } from './migrations/0120-article-garbled.ts';
import { rateLimits } from './migrations/0110-rate-limits.ts';
import { importHeartbeat } from './migrations/0100-import-heartbeat.ts';
import { dashboardStocks } from './migrations/0150-dashboard-stocks.ts';
import { participants } from './migrations/0140-participants.ts';
import { events } from './migrations/0141-events.ts';
import { eventAudience } from './migrations/0180-event-audience.ts';
import { outbox } from './migrations/0130-outbox.ts';
import { searchExactTitle } from './migrations/0200-search-exact-title.ts';
import { coverageRules } from './migrations/0160-coverage-rules.ts';
import { notices } from './migrations/0170-notices.ts';

/**
 * The one migration set for both engines. Each entry is a function of the dialect, for the few
 * column definitions that must differ (identity columns); everything else is shared.
 * Add new migrations at the end with the next number; never edit one that has shipped.
 */
const migrations: Record<string, (dialect: Dialect) => Migration> = {
  '0001-foundation': foundation,
  '0002-registry': registry,
  '0003-venues-resources': venuesResources,
  '0010-work': work,
  '0011-imports': imports,
  '0020-requests': requests,
  '0030-judging-money': judgingMoney,
  '0040-publicity-search': publicitySearch,
  '0041-search-kind-terms': searchKindTerms,
  '0050-dashboard-rollups': dashboardRollups,
  '0051-dashboard-triggers': dashboardTriggers,
  '0052-dashboard-speed': dashboardSpeed,
  '0060-briefings': briefings,
  '0080-job-leases': jobLeases,
  '0070-account-lockout': accountLockout,
  '0090-app-facts': appFacts,
  '0091-organisations-live-list': organisationsLiveList,
  '0120-article-garbled': articleGarbled,
  '0110-rate-limits': rateLimits,
  '0100-import-heartbeat': importHeartbeat,
  '0150-dashboard-stocks': dashboardStocks,
  '0140-participants': participants,
  '0141-events': events,
  '0180-event-audience': eventAudience,
  '0130-outbox': outbox,
  '0200-search-exact-title': searchExactTitle,
  '0160-coverage-rules': coverageRules,
  '0170-notices': notices,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(Object.entries(migrations).map(([name, make]) => [name, make(this.dialect)]));
  }
}

/** Bring the schema up to date; throws with the failing migration's name. Returns names applied. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema; name ours so that several schemas in one
  // database (tests, or offices sharing a server) never see each other's migration lock.
  const migrator = new Migrator({
    db: handle.db,
    provider: new StaticProvider(handle.dialect),
    // Modules were built in parallel and numbered by area (0010 work, 0020 requests…): a database made
    // before a lower-numbered migration landed still takes it.
    allowUnorderedMigrations: true,
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`);
  }
  // New indexes have no statistics yet: without them SQLite may not use them.
  await refreshPlannerStatistics(handle, { thorough: true });
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** Names of the migrations this build knows that the database has not applied (readiness). */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: new StaticProvider(handle.dialect),
    allowUnorderedMigrations: true,
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  return (await migrator.getMigrations()).filter((migration) => !migration.executedAt).map((migration) => migration.name);
}
