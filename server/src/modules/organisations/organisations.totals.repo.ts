import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { OrganisationSearch, selectBase } from './organisations.repo.ts';

/*
 * Issue 20: counting a province's organisations on every page read the whole subtree (200,000 rows
 * at scale 1). Totals now come, cheapest first, from:
 * 1. the dashboard's maintained per-division counts (`dash_rollup`, metric 'org@m': +1 in the
 *    founding month, −1 in the archiving month, summed over every ancestor by triggers): exact for
 *    live organisations of a subtree, by type — the list as most people open it;
 * 2. a count that stops at COUNT_CAP matching rows: exact for every narrower filter;
 * 3. beyond the cap, an estimate: the share of matching rows among the subtree's first SAMPLE rows,
 *    scaled by the subtree's exact live count from (1). The response says `totalIsEstimate`.
 * Reading `dash_rollup` here, not through the dashboard service, keeps the list one query cheaper;
 * the rule that writes those rows lives in migration 0150 and the dashboard's rollup-sources.ts.
 */

const COUNT_CAP = 10_000;
const SAMPLE = 5_000;

type Base = ReturnType<typeof selectBase>;
type Filters = Omit<OrganisationSearch, 'page' | 'pageSize' | 'sort' | 'order'>;

export interface ListTotal {
  total: number;
  totalIsEstimate: boolean;
}

/** The division whose subtree the list covers: the filter's, else the actor's; null for everything. */
function rootIdOf(path: string | null | undefined): number | null {
  if (!path) return null;
  const ids = path.split('/').filter(Boolean);
  return Number(ids.at(-1));
}

/** Live organisations of a subtree (optionally of some types), from the maintained counts. */
export async function liveOrganisationCount(db: Executor, rootId: number | null, types?: readonly string[]): Promise<number> {
  let query = db
    .selectFrom('dash_rollup')
    .select(sql<number>`coalesce(sum(n), 0)`.as('n'))
    .where('metric', '=', 'org@m');
  query =
    rootId === null
      ? query.where('ancestor_id', 'in', db.selectFrom('divisions').select('id').where('parent_id', 'is', null))
      : query.where('ancestor_id', '=', rootId);
  if (types && types.length > 0) query = query.where('dim', 'in', [...types]);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function organisationTotal(db: Executor, search: Filters, base: (search: Filters) => Base): Promise<ListTotal> {
  const rootId = rootIdOf(search.subtreePath ?? search.scopePath);
  if (search.archived === 'false' && !search.q && !search.parentId) {
    return { total: await liveOrganisationCount(db, rootId, search.type), totalIsEstimate: false };
  }
  const capped = await db
    .selectFrom(base(search).select('o.id').limit(COUNT_CAP + 1).as('c'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(capped.n) <= COUNT_CAP) return { total: Number(capped.n), totalIsEstimate: false };
  const scopeOnly = { scopePath: search.scopePath, subtreePath: search.subtreePath, archived: 'all' as const };
  const sample = base(scopeOnly).select('o.id').orderBy('o.id').limit(SAMPLE);
  const [matched, live, subtreeLive] = await Promise.all([
    db.selectFrom(base(search).select('o.id').where('o.id', 'in', sample).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom(base({ ...scopeOnly, archived: 'false' }).select('o.id').where('o.id', 'in', sample).as('l')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    liveOrganisationCount(db, rootId),
  ]);
  // Matching rows per live row in the sample, times the live rows of the subtree; never below what was counted.
  const estimate = Number(live.n) > 0 ? Math.round((Number(matched.n) * subtreeLive) / Number(live.n)) : COUNT_CAP + 1;
  return { total: Math.max(COUNT_CAP + 1, estimate), totalIsEstimate: true };
}
