import { translate, type CaseFigures, type CaseFiguresQuery, type FigureSet, type UnitType } from '@tongxin/core';
import { computeRequestKpis, decisiveReplyClock, defaultKpiSettings, type KpiRequest, type RequestKpis, type Satisfaction } from '@tongxin/core/sla/index';
import { fieldError } from '../../kernel/errors.ts';
import type { ActorContext } from '../../http/context.ts';
import { findDivision } from '../divisions/index.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { divisionById } from '../../kernel/scope.repo.ts';
import { clocksOfCases } from './case-clocks.ts';
import { searchCases } from './cases.repo.ts';
import { dayStartIso } from './cases.service.ts';
import { divisionPaths, effectiveSettings } from './settings.repo.ts';
import { unitNames } from './units.repo.ts';

/** The figures a definition is written for, in the order the UI shows them. */
export const figureKeys = ['received', 'responseRate', 'solveRate', 'satisfactionRate', 'overdue', 'averageHandlingMinutes', 'score', 'rank'] as const;

function idsOut(ids: RequestKpis['ids']): FigureSet['ids'] {
  const n = (list: string[]) => list.map(Number);
  return {
    received: n(ids.received),
    repliedOnTime: n(ids.repliedOnTime),
    assessed: n(ids.assessed),
    solved: n(ids.solved),
    followedUp: n(ids.followedUp),
    satisfied: n(ids.satisfied),
    overdue: n(ids.overdue),
  };
}

function setOut(k: RequestKpis): FigureSet {
  return {
    received: k.received,
    repliedOnTime: k.repliedOnTime,
    responseRate: k.responseRate,
    assessed: k.assessed,
    solved: k.solved,
    solveRate: k.solveRate,
    followedUp: k.followedUp,
    satisfiedCount: k.satisfiedCount,
    satisfactionRate: k.satisfactionRate,
    overdue: k.overdue,
    replied: k.replied,
    averageHandlingMinutes: k.averageHandlingMinutes,
    score: k.score,
    ids: idsOut(k.ids),
  };
}

/** The id of the division one level below `basePath` that holds `path` (or the base itself). */
function childUnder(basePath: string | null, baseId: number | null, path: string): number {
  const rest = basePath === null ? path : path.slice(basePath.length);
  const first = rest.split('/').filter(Boolean)[0];
  return first === undefined ? baseId! : Number(first);
}

/**
 * Figures of the cases received in a period (Shanghai dates, both inclusive) in the reader's
 * subtree or a division of it: received, on-time response, solve and satisfaction rates, overdue,
 * average handling time, the weighted score and a ranking of units (or of the divisions one level
 * down). Computed by `computeRequestKpis` from the histories; every figure lists its case ids.
 *
 * @example
 * await figures(ctx, { from: '2026-10-01', to: '2026-10-31', groupBy: 'unit' });
 */
export async function figures(ctx: ActorContext, query: CaseFiguresQuery): Promise<CaseFigures> {
  if (query.to < query.from) throw fieldError('query.to', 'requests.validation.period');
  let base: { id: number; path: string } | null = null;
  if (query.divisionId !== undefined) {
    const division = await divisionInReach(ctx.db, ctx.actor, query.divisionId, 'query.divisionId');
    base = { id: division.id, path: division.path };
  } else if (ctx.actor.divisionId !== null) {
    const own = await divisionById(ctx.db, ctx.actor.divisionId);
    if (own) base = { id: own.id, path: own.path };
  }
  const period = { from: dayStartIso(query.from), to: dayStartIso(query.to, 1) };
  const { rows } = await searchCases(
    ctx.db,
    { scopePath: ctx.actor.scopePath, units: [], subtreePath: base?.path, receivedFrom: period.from, receivedBefore: period.to, sort: 'receivedAt', order: 'asc' },
    null,
  );
  // Judged now: a request of a past period still unanswered and past its limit is overdue today.
  const now = ctx.clock.now();
  const judgedAt = now.toISOString();
  const { clocks } = await clocksOfCases(ctx.db, rows, now);
  const settingsAt = base ? (await effectiveSettings(ctx.db, await divisionPaths(ctx.db, [base.id]))).get(base.id) : undefined;
  const kpiSettings = settingsAt?.kpi ?? defaultKpiSettings;

  const kpiRows: KpiRequest[] = rows.map((row) => {
    const decisive = decisiveReplyClock(clocks.get(row.id)!);
    const replied = decisive && (decisive.status === 'met' || decisive.status === 'missed') ? decisive.stoppedAt : null;
    const unitId =
      query.groupBy === 'unit'
        ? row.lead_unit_type && row.lead_unit_id !== null
          ? `${row.lead_unit_type}:${row.lead_unit_id}`
          : null
        : `division:${childUnder(base?.path ?? null, base?.id ?? null, row.division_path)}`;
    return {
      id: String(row.id),
      unitId,
      receivedAt: row.received_at,
      replyDueAt: decisive?.dueAt ?? null,
      repliedAt: replied,
      satisfaction: row.satisfaction as Satisfaction | null,
      solved: row.solved === null ? null : row.solved === 1,
    };
  });
  const result = computeRequestKpis(kpiRows, period, { settings: kpiSettings, now: judgedAt });
  const names = await unitNames(
    ctx.db,
    result.units.map((u) => {
      const [type, id] = u.unitId.split(':');
      return { type: type!, id: Number(id) };
    }),
  );
  const { units, ...overall } = result;
  return {
    ...setOut(overall),
    period: { from: query.from, to: query.to },
    judgedAt,
    weights: kpiSettings.weights,
    groupBy: query.groupBy,
    groups: units.map((u) => {
      const [type, id] = u.unitId.split(':');
      return { ...setOut(u), key: u.unitId, type: type as UnitType, id: Number(id), name: names.get(u.unitId) ?? '', rank: u.rank };
    }),
    definitions: Object.fromEntries(figureKeys.map((key) => [key, translate(ctx.locale, `requests.figures.${key}`)])),
  };
}
