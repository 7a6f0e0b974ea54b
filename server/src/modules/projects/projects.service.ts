import { isWithinScope, nextProjectStatuses, type ClosedLoop, type ClosedLoopQuery, type ProjectCreate, type ProjectListQuery, type ProjectStatus, type ProjectTransition, type ProjectUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, readerOf, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { insertMilestones, listMilestones, openMilestoneIds, unevidencedMilestoneIds } from './milestones.repo.ts';
import { allowedActions, assertCan, type ProjectAction } from './projects.policy.ts';
import {
  findProject,
  insertProject,
  insertStatusChange,
  listStatusChanges,
  closedLoopPage,
  searchProjects,
  toProject,
  updateProject,
  type ProjectPatch,
  type ProjectWithNames,
} from './projects.repo.ts';
import { divisionFilterPath, divisionForWrite, findRegistryRef, requireRegistryRef, todayOf } from './work-scope.ts';
import { syncSearch } from '../search/search.sync.ts';

/** Load a project the actor may act on, or fail with 404 / 403. */
export async function loadProject(ctx: ActorContext, db: Executor, id: number, action: ProjectAction): Promise<ProjectWithNames> {
  const row = await findProject(db, id, todayOf(ctx));
  if (!row) throw notFound('project');
  assertCan(ctx.actor, action, { path: row.division_path });
  return row;
}

/** An archived project is read-only: changing it is a 409 that says why. */
export function assertLive(row: { archived_at: string | null }): void {
  if (row.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
}

/**
 * The references a project names must be in the actor's subtree. A brand may also sit above the
 * project's division (a district's brand carried by a town's project).
 */
async function checkReferences(
  ctx: ActorContext,
  db: Executor,
  divisionPath: string,
  input: Pick<ProjectUpdate, 'responsibleOrganisationId' | 'responsiblePersonId' | 'brandId'>,
) {
  if (input.responsibleOrganisationId) await requireRegistryRef(ctx, db, 'organisations', input.responsibleOrganisationId, 'body.responsibleOrganisationId');
  if (input.responsiblePersonId) await requireRegistryRef(ctx, db, 'people', input.responsiblePersonId, 'body.responsiblePersonId');
  if (input.brandId) {
    const brand = await findRegistryRef(db, 'brands', input.brandId);
    const reachable = brand && !brand.archived && (isWithinScope(brand.path, ctx.actor.scopePath) || divisionPath.startsWith(brand.path));
    if (!reachable) throw fieldError('body.brandId', 'validation.reference');
  }
}

export async function list(ctx: ActorContext, query: ProjectListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const { divisionId: _ignored, ...rest } = query;
  // Heavy over a large subtree: the read pool (issue 20), not the connection writes wait for.
  return searchProjects(readerOf(ctx), { ...rest, subtreePath, scopePath: ctx.actor.scopePath, today: todayOf(ctx) });
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadProject(ctx, ctx.db, id, 'read');
  const today = todayOf(ctx);
  const [milestones, history] = await Promise.all([listMilestones(ctx.db, id, today), listStatusChanges(ctx.db, id)]);
  return {
    ...toProject(row),
    milestones,
    history,
    nextStatuses: row.archived_at === null ? [...nextProjectStatuses(row.status as ProjectStatus)] : [],
    today,
    allowed: allowedActions(ctx.actor, { path: row.division_path }),
  };
}

export async function create(ctx: ActorContext, input: ProjectCreate) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const division = await divisionForWrite(ctx, trx, input.divisionId);
    await checkReferences(ctx, trx, division.path, input);
    const at = nowIso(ctx);
    const projectId = await insertProject(trx, {
      divisionId: input.divisionId,
      title: input.title,
      goal: input.goal ?? null,
      responsibleOrganisationId: input.responsibleOrganisationId ?? null,
      responsiblePersonId: input.responsiblePersonId ?? null,
      brandId: input.brandId ?? null,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      createdBy: ctx.actor.userId,
      at,
    });
    await insertMilestones(trx, projectId, input.milestones ?? [], at);
    await insertStatusChange(trx, { projectId, from: null, to: 'planned', actorId: ctx.actor.userId, actorName: ctx.actor.displayName, at, note: null });
    await recordAudit(trx, ctx, {
      action: 'project.create',
      entity: 'project',
      entityId: projectId,
      divisionId: input.divisionId,
      detail: { title: input.title, milestones: input.milestones?.length ?? 0 },
    });
    await syncSearch(trx, 'project', [projectId]);
    return projectId;
  });
  return detail(ctx, id);
}

export async function update(ctx: ActorContext, id: number, input: ProjectUpdate) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadProject(ctx, trx, id, 'update');
    assertLive(before);
    await checkReferences(ctx, trx, before.division_path, input);
    const patch: ProjectPatch = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.goal !== undefined) patch.goal = input.goal;
    if (input.responsibleOrganisationId !== undefined) patch.responsible_organisation_id = input.responsibleOrganisationId;
    if (input.responsiblePersonId !== undefined) patch.responsible_person_id = input.responsiblePersonId;
    if (input.brandId !== undefined) patch.brand_id = input.brandId;
    if (input.startDate !== undefined) patch.start_date = input.startDate;
    if (input.endDate !== undefined) patch.end_date = input.endDate;
    const start = patch.start_date !== undefined ? patch.start_date : before.start_date;
    const end = patch.end_date !== undefined ? patch.end_date : before.end_date;
    if (start && end && end < start) throw fieldError('body.endDate', 'validation.end_before_start');
    if (!(await updateProject(trx, id, input.version, patch, nowIso(ctx)))) throw versionConflict('project');
    const changed = Object.keys(patch) as Array<keyof ProjectPatch>;
    await recordAudit(trx, ctx, {
      action: 'project.update',
      entity: 'project',
      entityId: id,
      divisionId: before.division_id,
      detail: {
        before: Object.fromEntries(changed.map((key) => [key, before[key as keyof ProjectWithNames]])),
        after: patch as Record<string, unknown>,
      },
    });
    await syncSearch(trx, 'project', [id]);
  });
  return detail(ctx, id);
}

/**
 * Move a project one step along `planned → active → done → reviewed`. Anything else is 409 with
 * the allowed next states in `details.allowed`; "done" also needs every milestone completed
 * (`details.openMilestoneIds` otherwise) and evidenced (`details.unevidencedMilestoneIds`). Each change is kept in the history and audited.
 */
export async function transition(ctx: ActorContext, id: number, input: ProjectTransition) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadProject(ctx, trx, id, 'transition');
    assertLive(before);
    if (input.to === 'reviewed') assertCan(ctx.actor, 'review', { path: before.division_path });
    const from = before.status as ProjectStatus;
    const allowed = [...nextProjectStatuses(from)];
    if (!allowed.includes(input.to)) {
      throw new AppError('invalid_transition', { details: { from, to: input.to, allowed } });
    }
    if (input.to === 'done') {
      const open = await openMilestoneIds(trx, id);
      if (open.length > 0) throw new AppError('invalid_transition', { details: { from, to: input.to, allowed, reason: 'open_milestones', openMilestoneIds: open } });
      // A completed milestone without evidence does not close the loop.
      const unevidenced = await unevidencedMilestoneIds(trx, id);
      if (unevidenced.length > 0) {
        throw new AppError('invalid_transition', { details: { from, to: input.to, allowed, reason: 'unevidenced_milestones', unevidencedMilestoneIds: unevidenced } });
      }
    }
    const at = nowIso(ctx);
    if (!(await updateProject(trx, id, input.version, { status: input.to }, at))) throw versionConflict('project');
    await insertStatusChange(trx, { projectId: id, from, to: input.to, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, at, note: input.note ?? null });
    await recordAudit(trx, ctx, {
      action: 'project.transition',
      entity: 'project',
      entityId: id,
      divisionId: before.division_id,
      detail: { from, to: input.to, note: input.note ?? null },
    });
  });
  return detail(ctx, id);
}

/** Archive (never delete): the project, its milestones and its files stay readable. */
export async function archive(ctx: ActorContext, id: number, version: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadProject(ctx, trx, id, 'archive');
    assertLive(before);
    if (!(await updateProject(trx, id, version, { archived_at: nowIso(ctx) }, nowIso(ctx)))) throw versionConflict('project');
    await recordAudit(trx, ctx, { action: 'project.archive', entity: 'project', entityId: id, divisionId: before.division_id, detail: { title: before.title } });
    await syncSearch(trx, 'project', [id]);
  });
  return detail(ctx, id);
}

/** 责任闭环: every project of the subtree with its loop's stages, problem ones first, paged. */
export async function closedLoop(ctx: ActorContext, query: ClosedLoopQuery): Promise<ClosedLoop> {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const today = todayOf(ctx);
  const { rows, total, problems } = await closedLoopPage(
    ctx.db,
    { scopePath: ctx.actor.scopePath, subtreePath, today, q: query.q, status: query.status, organisationId: query.organisationId, problem: query.problem },
    query,
  );
  const items = rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status as ProjectStatus,
    divisionName: row.division_name,
    organisation: row.responsible_organisation_id === null ? null : { id: row.responsible_organisation_id, name: row.organisation_name ?? '' },
    milestones: Number(row.milestone_count ?? 0),
    completedMilestones: Number(row.completed_count ?? 0),
    overdueMilestones: Number(row.overdue_count ?? 0),
    unevidencedMilestones: Number(row.unevidenced_count ?? 0),
    problem: Number(row.problem) === 1,
  }));
  return { today, items, total, problems, page: query.page, pageSize: query.pageSize };
}
