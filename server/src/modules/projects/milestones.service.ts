import type { MilestoneCreate, MilestoneUpdate } from '@tongxin/core';
import { AppError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findMilestone, insertMilestones, updateMilestone, type MilestonePatch } from './milestones.repo.ts';
import { assertLive, detail, loadProject } from './projects.service.ts';

/**
 * Milestones change while a project is planned or active. Once done, only evidence may still be
 * added (closing the loop); a reviewed project is closed. A done project cannot gain an open
 * milestone, so adding or reopening one there is refused too.
 */
function assertMilestonesEditable(status: string, change: 'structure' | 'evidence'): void {
  const editable = change === 'evidence' ? ['planned', 'active', 'done'] : ['planned', 'active'];
  if (!editable.includes(status)) throw new AppError('invalid_transition', { details: { reason: 'project_status', status } });
}

export async function addMilestone(ctx: ActorContext, projectId: number, input: MilestoneCreate) {
  await ctx.db.transaction().execute(async (trx) => {
    const project = await loadProject(ctx, trx, projectId, 'update');
    assertLive(project);
    assertMilestonesEditable(project.status, 'structure');
    const [id] = await insertMilestones(trx, projectId, [input], nowIso(ctx));
    await recordAudit(trx, ctx, {
      action: 'milestone.create',
      entity: 'milestone',
      entityId: id ?? null,
      divisionId: project.division_id,
      detail: { projectId, title: input.title, dueDate: input.dueDate },
    });
  });
  return detail(ctx, projectId);
}

/**
 * Edit a milestone; `completed: true` completes it now (by the injected clock) and `false`
 * reopens it. Completing and reopening are audited as such.
 */
export async function changeMilestone(ctx: ActorContext, projectId: number, milestoneId: number, input: MilestoneUpdate) {
  await ctx.db.transaction().execute(async (trx) => {
    const project = await loadProject(ctx, trx, projectId, 'update');
    assertLive(project);
    const before = await findMilestone(trx, projectId, milestoneId);
    if (!before) throw notFound('milestone');
    const reopens = input.completed === false && before.completed_at !== null;
    const structural = input.title !== undefined || input.dueDate !== undefined || reopens;
    assertMilestonesEditable(project.status, structural ? 'structure' : 'evidence');
    const at = nowIso(ctx);
    const patch: MilestonePatch = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.dueDate !== undefined) patch.due_date = input.dueDate;
    if (input.evidence !== undefined) patch.evidence = input.evidence;
    const completes = input.completed === true && before.completed_at === null;
    if (completes) Object.assign(patch, { completed_at: at, completed_by: ctx.actor.userId });
    if (reopens) Object.assign(patch, { completed_at: null, completed_by: null });
    if (!(await updateMilestone(trx, milestoneId, input.version, patch, at))) throw versionConflict('milestone');
    await recordAudit(trx, ctx, {
      action: completes ? 'milestone.complete' : reopens ? 'milestone.reopen' : 'milestone.update',
      entity: 'milestone',
      entityId: milestoneId,
      divisionId: project.division_id,
      detail: { projectId, ...patch },
    });
  });
  return detail(ctx, projectId);
}

/** Archive a milestone (it disappears from the project; its files stay until purged). */
export async function archiveMilestone(ctx: ActorContext, projectId: number, milestoneId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const project = await loadProject(ctx, trx, projectId, 'update');
    assertLive(project);
    assertMilestonesEditable(project.status, 'structure');
    const before = await findMilestone(trx, projectId, milestoneId);
    if (!before) throw notFound('milestone');
    await updateMilestone(trx, milestoneId, undefined, { archived_at: nowIso(ctx) }, nowIso(ctx));
    await recordAudit(trx, ctx, { action: 'milestone.archive', entity: 'milestone', entityId: milestoneId, divisionId: project.division_id, detail: { projectId, title: before.title } });
  });
}
