import { daysBetween, evaluateCoverage, type CoverageKind, type CoverageRule, type CoverageRuleCreate, type CoverageRuleListQuery, type PageQuery } from '@tongxin/core';
import { officeStaffOf } from '../../kernel/unit-handlers.repo.ts';
import type { Executor } from '../../db/database.ts';
import { fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { notify } from '../../kernel/notify.ts';
import { assertWorkCan, divisionFilterPath, divisionForWrite, todayOf } from '../../kernel/work-scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { archiveRule, countsOf, findRule, insertRule, markNotified, openRules, searchRules, unitsOf, type CoverageRuleWithNames } from './coverage.repo.ts';
import { levelRank, type DivisionLevel } from '@tongxin/core';

/** One rule's figure, trend and missing units, computed from the records (no stored figures). */
export async function evaluate(db: Executor, rule: CoverageRuleWithNames, today: string) {
  const [units, counts] = await Promise.all([unitsOf(db, rule.division_path, rule.unit_level), countsOf(db, rule.division_path, rule.kind as CoverageKind, rule.filter_value)]);
  return evaluateCoverage(units, counts, { kind: rule.kind as CoverageKind, minCount: rule.min_count, periodStart: rule.period_start, deadline: rule.deadline }, today);
}

function present(rule: CoverageRuleWithNames, result: Awaited<ReturnType<typeof evaluate>>, today: string): CoverageRule {
  const daysLeft = daysBetween(today, rule.deadline);
  return {
    id: rule.id,
    divisionId: rule.division_id,
    divisionName: rule.division_name,
    title: rule.title,
    unitLevel: rule.unit_level as CoverageRule['unitLevel'],
    kind: rule.kind as CoverageKind,
    filterValue: rule.filter_value,
    minCount: rule.min_count,
    periodStart: rule.period_start,
    deadline: rule.deadline,
    notifyDays: rule.notify_days,
    today,
    daysLeft,
    behindNearDeadline: result.figure.ratio < 1 && daysLeft >= 0 && daysLeft <= rule.notify_days,
    figure: result.figure,
    trend: result.trend,
    version: rule.version,
  };
}

async function loadRule(ctx: ActorContext, db: Executor, id: number, action: 'read' | 'write') {
  const rule = await findRule(db, id);
  if (!rule || rule.archived_at !== null) throw notFound('coverage_rule');
  assertWorkCan(ctx.actor, action, { path: rule.division_path });
  return rule;
}

export async function list(ctx: ActorContext, query: CoverageRuleListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const today = todayOf(ctx);
  const { rows, total } = await searchRules(ctx.db, { scopePath: ctx.actor.scopePath, subtreePath, page: query.page, pageSize: query.pageSize });
  const items = [];
  for (const rule of rows) items.push(present(rule, await evaluate(ctx.db, rule, today), today));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function detail(ctx: ActorContext, id: number) {
  const rule = await loadRule(ctx, ctx.db, id, 'read');
  const today = todayOf(ctx);
  return present(rule, await evaluate(ctx.db, rule, today), today);
}

/** The units still missing, fewest records first; each links to its division's records. */
export async function missing(ctx: ActorContext, id: number, query: PageQuery) {
  const rule = await loadRule(ctx, ctx.db, id, 'read');
  const result = await evaluate(ctx.db, rule, todayOf(ctx));
  const start = (query.page - 1) * query.pageSize;
  return { items: result.missing.slice(start, start + query.pageSize), total: result.missing.length, page: query.page, pageSize: query.pageSize };
}

export async function create(ctx: ActorContext, input: CoverageRuleCreate) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const division = await divisionForWrite(ctx, trx, input.divisionId);
    // Units lie below the rule's own division: a town's rule counts its villages, not towns.
    if (levelRank(input.unitLevel) <= levelRank(division.level as DivisionLevel)) throw fieldError('body.unitLevel', 'validation.division_level');
    const ruleId = await insertRule(trx, {
      division_id: input.divisionId,
      title: input.title,
      unit_level: input.unitLevel,
      kind: input.kind,
      filter_value: input.filterValue ?? null,
      min_count: input.minCount,
      period_start: input.periodStart,
      deadline: input.deadline,
      notify_days: input.notifyDays ?? 14,
      created_by: ctx.actor.userId,
      at: nowIso(ctx),
    });
    await recordAudit(trx, ctx, {
      action: 'coverage_rule.create',
      entity: 'coverage_rule',
      entityId: ruleId,
      divisionId: input.divisionId,
      detail: { title: input.title, unitLevel: input.unitLevel, kind: input.kind, filterValue: input.filterValue ?? null, minCount: input.minCount, deadline: input.deadline },
    });
    return ruleId;
  });
  return detail(ctx, id);
}

export async function archive(ctx: ActorContext, id: number, version: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const rule = await loadRule(ctx, trx, id, 'write');
    if (!(await archiveRule(trx, id, version, nowIso(ctx)))) throw versionConflict('coverage_rule');
    await recordAudit(trx, ctx, { action: 'coverage_rule.archive', entity: 'coverage_rule', entityId: id, divisionId: rule.division_id, detail: { title: rule.title } });
  });
}

/**
 * The reminder job: each open rule that is behind within `notify_days` of its deadline notifies the
 * responsible office (staff and administrators of the rule's division), once per Beijing day.
 */
export async function notifyBehindRules(db: Executor, now: Date): Promise<number> {
  const at = now.toISOString();
  const today = todayOf({ clock: { now: () => now } } as Pick<ActorContext, 'clock'>);
  let notified = 0;
  for (const rule of await openRules(db, today)) {
    if (daysBetween(today, rule.deadline) > rule.notify_days) continue;
    const { figure } = await evaluate(db, rule, today);
    if (figure.ratio >= 1) continue;
    await db.transaction().execute(async (trx) => {
      if (!(await markNotified(trx, rule.id, today))) return;
      const office = await officeStaffOf(trx, rule.division_id);
      const title = `${rule.title}（${figure.covered}/${figure.units}）`;
      await notify(trx, { recipients: office, kind: 'reminder', entity: 'coverage_rule', entityId: rule.id, params: { title }, at });
      notified += 1;
    });
  }
  return notified;
}
