import { shanghaiDateKey } from '@tongxin/core/calendar/index';
import type { CoverageCount, CoverageKind, CoverageUnit } from '@tongxin/core';
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { CoverageRulesTable } from '../../db/types-insight.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type CoverageRuleRow = Omit<CoverageRulesTable, 'id' | 'version' | 'notify_days'> & { id: number; version: number; notify_days: number };
export type CoverageRuleWithNames = CoverageRuleRow & { division_name: string; division_path: string };

function selectRules(db: Executor) {
  return db
    .selectFrom('coverage_rules as r')
    .innerJoin('divisions as d', 'd.id', 'r.division_id')
    .selectAll('r')
    .select(['d.name as division_name', 'd.path as division_path']);
}

export async function findRule(db: Executor, id: number): Promise<CoverageRuleWithNames | undefined> {
  return selectRules(db).where('r.id', '=', id).executeTakeFirst();
}

/** Live rules of the caller's subtree (and of the asked subtree), nearest deadline first. */
export async function searchRules(db: Executor, search: { scopePath: string | null; subtreePath?: string | undefined; page: number; pageSize: number }) {
  let base = selectRules(db).where(divisionInScope('r.division_id', search.scopePath)).where('r.archived_at', 'is', null);
  if (search.subtreePath) base = base.where(divisionInScope('r.division_id', search.subtreePath));
  const [rows, count] = await Promise.all([
    base.orderBy('r.deadline').orderBy('r.id').limit(search.pageSize).offset((search.page - 1) * search.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every live rule whose deadline is not past (the reminder job's list). */
export async function openRules(db: Executor, today: string) {
  return selectRules(db).where('r.archived_at', 'is', null).where('r.deadline', '>=', today).orderBy('r.id').execute();
}

export async function insertRule(
  db: Executor,
  values: Omit<Insertable<CoverageRulesTable>, 'id' | 'version' | 'created_at' | 'updated_at' | 'last_notified_on' | 'archived_at'> & { at: string },
): Promise<number> {
  const { at, ...rest } = values;
  const row = await db
    .insertInto('coverage_rules')
    .values({ ...rest, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function archiveRule(db: Executor, id: number, version: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('coverage_rules')
    .set((eb) => ({ archived_at: at, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks a rule notified today; false when another runner did it first (one notice per day). */
export async function markNotified(db: Executor, id: number, today: string): Promise<boolean> {
  const result = await db
    .updateTable('coverage_rules')
    .set({ last_notified_on: today })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_notified_on', 'is', null), eb('last_notified_on', '<', today)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The rule's units: live divisions of the unit level in its subtree, by name. */
export async function unitsOf(db: Executor, rulePath: string, level: string): Promise<CoverageUnit[]> {
  return db
    .selectFrom('divisions')
    .select(['id', 'name', 'path'])
    .where('path', 'like', `${rulePath}%`)
    .where('level', '=', level)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/**
 * Records of a kind in a subtree, counted per division and day in the database (a province's
 * 2,000,000 activities become at most divisions × days rows). Stocks date a record by when it
 * began (founding date, account creation), flows by when it happened.
 */
export async function countsOf(db: Executor, rulePath: string, kind: CoverageKind, filter: string | null): Promise<CoverageCount[]> {
  const inRule = sql<boolean>`d.path like ${`${rulePath}%`}`;
  const grouped = async (query: Promise<Array<{ division_path: string; day: string; n: number | string | bigint }>>) =>
    (await query).map((row) => ({ divisionPath: row.division_path, day: row.day, n: Number(row.n) }));
  switch (kind) {
    case 'organisations': {
      const day = sql<string>`coalesce(o.founded_on, '0000-01-01')`;
      return grouped(
        db
          .selectFrom('organisations as o')
          .innerJoin('divisions as d', 'd.id', 'o.division_id')
          .select(['d.path as division_path', day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
          .where(inRule)
          .where('o.archived_at', 'is', null)
          .where('o.type', '=', filter ?? '')
          .groupBy(['d.path', day])
          .execute(),
      );
    }
    case 'activities': {
      let query = db
        .selectFrom('activities as a')
        .innerJoin('divisions as d', 'd.id', 'a.division_id')
        .select(['d.path as division_path', 'a.date as day', (eb) => eb.fn.countAll<number>().as('n')])
        .where(inRule)
        .where('a.archived_at', 'is', null);
      if (filter) query = query.where('a.kind', '=', filter);
      return grouped(query.groupBy(['d.path', 'a.date']).execute());
    }
    case 'liaison_officers': {
      // Few rows (people, not events): dated by the office's day of the account's creation.
      const rows = await db
        .selectFrom('users as u')
        .innerJoin('divisions as d', 'd.id', 'u.division_id')
        .select(['d.path as division_path', 'u.created_at'])
        .where(inRule)
        .where('u.disabled', '=', 0)
        .where('u.roles', 'like', '%"liaison_officer"%')
        .execute();
      return rows.map((row) => ({ divisionPath: row.division_path, day: shanghaiDateKey(row.created_at), n: 1 }));
    }
    case 'assessments': {
      // A venue's yearly assessment counts on the Beijing day it was finalised.
      const rows = await db
        .selectFrom('venue_assessments as a')
        .innerJoin('venues as v', 'v.id', 'a.venue_id')
        .innerJoin('divisions as d', 'd.id', 'v.division_id')
        .select(['d.path as division_path', 'a.finalised_at'])
        .where(inRule)
        .where('a.status', '=', 'final')
        .where('a.finalised_at', 'is not', null)
        .execute();
      return rows.map((row) => ({ divisionPath: row.division_path, day: shanghaiDateKey(row.finalised_at!), n: 1 }));
    }
  }
}
