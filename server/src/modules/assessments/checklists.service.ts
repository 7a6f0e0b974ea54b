import type { ChecklistCreate, ChecklistListQuery, ChecklistUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach, subtreeFilterPath } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findDivision } from '../divisions/index.ts';
import { assertCan, type AssessmentAction } from './assessments.policy.ts';
import { assessmentCounts, findChecklist, insertChecklist, searchChecklists, toChecklist, updateChecklist, type ChecklistWithDivision } from './checklists.repo.ts';

export async function loadChecklist(ctx: ActorContext, db: Executor, id: number, action: AssessmentAction): Promise<ChecklistWithDivision> {
  const row = await findChecklist(db, id);
  if (!row) throw notFound('assessment_checklist');
  assertCan(ctx.actor, action, { divisionPath: row.division_path });
  return row;
}

async function present(db: Executor, row: ChecklistWithDivision) {
  const counts = await assessmentCounts(db, [row.id]);
  return toChecklist(row, counts.get(row.id)!);
}

export async function list(ctx: ActorContext, query: ChecklistListQuery) {
  const { divisionId, ...rest } = query;
  const subtreePath = await subtreeFilterPath(ctx.db, ctx.actor, divisionId);
  const { rows, total } = await searchChecklists(ctx.db, { ...rest, scopePath: ctx.actor.scopePath, subtreePath });
  const counts = await assessmentCounts(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => toChecklist(r, counts.get(r.id)!)), total, page: query.page, pageSize: query.pageSize };
}

export async function detail(ctx: ActorContext, id: number) {
  return present(ctx.db, await loadChecklist(ctx, ctx.db, id, 'read'));
}

export async function create(ctx: ActorContext, input: ChecklistCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    const division = await divisionInReach(trx, ctx.actor, input.divisionId, 'body.divisionId');
    assertCan(ctx.actor, 'manage', { divisionPath: division.path });
    const id = await insertChecklist(trx, input, ctx.actor.userId, nowIso(ctx));
    await recordAudit(trx, ctx, { action: 'assessment.checklist_create', entity: 'assessment_checklist', entityId: id, divisionId: input.divisionId, detail: { title: input.title, year: input.year, venueType: input.venueType } });
    return present(trx, (await findChecklist(trx, id))!);
  });
}

/**
 * Edit a checklist. Once an assessment on it is finalised, criteria and thresholds are frozen (a
 * venue's stars were given on them); the title can still change.
 */
export async function update(ctx: ActorContext, id: number, input: ChecklistUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadChecklist(ctx, trx, id, 'manage');
    if (before.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
    if ((input.criteria || input.starThresholds) && (await assessmentCounts(trx, [id])).get(id)!.finalised > 0) {
      throw new AppError('invalid_transition', { details: { reason: 'finalised_assessments' } });
    }
    const { version, ...patch } = input;
    if (!(await updateChecklist(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('assessment_checklist');
    await recordAudit(trx, ctx, { action: 'assessment.checklist_update', entity: 'assessment_checklist', entityId: id, divisionId: before.division_id, detail: { changed: Object.keys(patch).sort() } });
    return present(trx, (await findChecklist(trx, id))!);
  });
}

export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadChecklist(ctx, trx, id, 'manage');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updateChecklist(trx, id, version, { archivedAt: archived ? at : null }, at))) throw versionConflict('assessment_checklist');
    await recordAudit(trx, ctx, { action: archived ? 'assessment.checklist_archive' : 'assessment.checklist_unarchive', entity: 'assessment_checklist', entityId: id, divisionId: before.division_id });
    return present(trx, (await findChecklist(trx, id))!);
  });
}
