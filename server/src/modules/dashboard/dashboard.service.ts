import { comparisonPeriods, type Dashboard, type DashboardBreakdown, type DashboardQuery } from '@tongxin/core';
import { shanghaiDateKey } from '@tongxin/core/calendar/index';
import { defaultKpiSettings } from '@tongxin/core/sla/index';
import type { ActorContext } from '../../http/context.ts';
import { findDivision } from '../divisions/index.ts';
import { divisionPaths, effectiveSettings } from '../cases/index.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { refreshCaseReplies } from './case-replies.ts';
import { computeBreakdown, computeDashboard, type ComputeInput } from './dashboard.compute.ts';
import { assertCanRead } from './dashboard.policy.ts';

type DivisionOut = NonNullable<Dashboard['division']>;

/**
 * The subtree asked for: `divisionId` (400 unknown, 403 outside the reader's subtree), else the
 * reader's own division, else (a system admin without one) every root of the tree.
 */
async function resolveScope(ctx: ActorContext, query: DashboardQuery) {
  const id = query.divisionId ?? ctx.actor.divisionId ?? null;
  let division: DivisionOut | null = null;
  if (id !== null) {
    const row = await divisionInReach(ctx.db, ctx.actor, id, 'query.divisionId');
    assertCanRead(ctx.actor, row.path);
    division = { id: row.id, name: row.name, level: row.level as DivisionOut['level'], path: row.path };
  }
  const childRows = await ctx.db
    .selectFrom('divisions')
    .select(['id', 'name', 'level', 'path'])
    .$call((qb) => (division ? qb.where('parent_id', '=', division.id) : qb.where('parent_id', 'is', null)))
    .orderBy('name')
    .orderBy('id')
    .execute();
  const anchors = division ? [division.id] : childRows.map((row) => row.id);
  return { division, anchors, children: childRows };
}

async function computeInput(ctx: ActorContext, query: DashboardQuery): Promise<{ input: ComputeInput; division: DivisionOut | null }> {
  const { division, anchors, children } = await resolveScope(ctx, query);
  // Reply facts of cases whose history changed since the last read (see case-replies.ts).
  await refreshCaseReplies(ctx.db);
  const settings = division ? (await effectiveSettings(ctx.db, await divisionPaths(ctx.db, [division.id]))).get(division.id) : undefined;
  return {
    division,
    input: {
      db: ctx.db,
      dialect: ctx.dialect,
      anchors,
      children,
      period: { from: query.from, to: query.to },
      today: shanghaiDateKey(ctx.clock.now()),
      kpi: settings?.kpi ?? defaultKpiSettings,
    },
  };
}

/**
 * Every figure of the reader's subtree (or a division of it) for the period, read from the rollups.
 *
 * @example
 * await figures(ctx, { divisionId: 7, from: '2026-01-01', to: '2026-06-30' });
 */
export async function figures(ctx: ActorContext, query: DashboardQuery): Promise<Dashboard> {
  const { input, division } = await computeInput(ctx, query);
  const { previous, lastYear } = comparisonPeriods(query.from, query.to);
  const result = await computeDashboard(input, 'rollup');
  return { ...result, division, period: input.period, previousPeriod: previous, lastYearPeriod: lastYear, today: input.today };
}

/** Headline figures per child division (the level below). */
export async function breakdown(ctx: ActorContext, query: DashboardQuery): Promise<DashboardBreakdown> {
  const { input, division } = await computeInput(ctx, query);
  const rows = await computeBreakdown(input, 'rollup');
  return { division, period: input.period, today: input.today, rows };
}
