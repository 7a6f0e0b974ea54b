import { briefingSectionKeys, briefingTitle, draftBriefing, type BriefingCreate, type BriefingListQuery, type BriefingSection, type BriefingUpdate } from '@tongxin/core/briefings/index';
import { divisionInReach } from '../../kernel/scope.ts';
import type { Dashboard } from '@tongxin/core';
import { AppError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as dashboard from '../dashboard/dashboard.service.ts';
import { allowedActions, assertCan, canList } from './briefings.policy.ts';
import { advanceRevision, findBriefing, findRevision, insertBriefing, insertRevision, listRevisions, searchBriefings, toBriefing } from './briefings.repo.ts';

async function loadBriefing(ctx: ActorContext, id: number, action: 'read' | 'update' | 'export') {
  const row = await findBriefing(ctx.db, id);
  if (!row) throw notFound('briefing');
  assertCan(ctx.actor, action, { divisionPath: row.division_path });
  return row;
}

/** The `divisionId` of a request: unknown → 400 on that field, outside the subtree → 403. */
/** The division a briefing names: unknown → 400 on the field, outside the caller's subtree → 403. */
function divisionIn(ctx: ActorContext, id: number, field: string) {
  return divisionInReach(ctx.db, ctx.actor, id, field);
}

/** Briefings of the actor's subtree (or of one division's subtree inside it), newest first. */
export async function list(ctx: ActorContext, query: BriefingListQuery) {
  if (!canList(ctx.actor)) throw new AppError('forbidden');
  let filterPath: string | undefined;
  if (query.divisionId !== undefined) {
    const division = await divisionIn(ctx, query.divisionId, 'query.divisionId');
    assertCan(ctx.actor, 'read', { divisionPath: division.path });
    filterPath = division.path;
  }
  return searchBriefings(ctx.db, { scopePath: ctx.actor.scopePath, filterPath, page: query.page, pageSize: query.pageSize });
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadBriefing(ctx, id, 'read');
  const [latest, revisions] = await Promise.all([findRevision(ctx.db, id, row.revision), listRevisions(ctx.db, id)]);
  return {
    ...toBriefing(row),
    sections: latest?.sections ?? [],
    figures: JSON.parse(row.figures) as Record<string, unknown>,
    revisions,
    allowed: allowedActions(ctx.actor, { divisionPath: row.division_path }),
  };
}

/**
 * A new briefing: the dashboard's figures for the division and period (the same service function
 * the dashboard page reads, so the two never disagree), the draft text written from them, both
 * stored — the figures as a snapshot that later edits and exports never recompute.
 */
export async function create(ctx: ActorContext, input: BriefingCreate) {
  const division = await divisionIn(ctx, input.divisionId, 'body.divisionId');
  assertCan(ctx.actor, 'create', { divisionPath: division.path });
  const figures: Dashboard = await dashboard.figures(ctx, { divisionId: division.id, from: input.from, to: input.to });
  const sections = draftBriefing({ divisionName: division.name, from: input.from, to: input.to, asOf: figures.today, figures });
  const title = input.title ?? briefingTitle(division.name, input.from, input.to);
  return ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx);
    const id = await insertBriefing(trx, { divisionId: division.id, from: input.from, to: input.to, title, figures, createdBy: ctx.actor.userId, at });
    await insertRevision(trx, { briefingId: id, revision: 1, title, sections, createdBy: ctx.actor.userId, at });
    await recordAudit(trx, ctx, { action: 'briefing.create', entity: 'briefing', entityId: id, divisionId: division.id, detail: { title, from: input.from, to: input.to } });
    return toBriefing((await findBriefing(trx, id))!);
  });
}

/** Save edited text as the next revision (the earlier ones stay, for export and comparison). */
export async function update(ctx: ActorContext, id: number, input: BriefingUpdate) {
  const row = await loadBriefing(ctx, id, 'update');
  return ctx.db.transaction().execute(async (trx) => {
    const latest = await findRevision(trx, id, row.revision);
    const edited = new Map((input.sections ?? []).map((section) => [section.key, section.text]));
    const sections: BriefingSection[] = briefingSectionKeys.map((key) => {
      const before = latest?.sections.find((section) => section.key === key);
      return { key, heading: before?.heading ?? key, text: edited.get(key) ?? before?.text ?? '' };
    });
    const title = input.title ?? row.title;
    const changed = sections.filter((section, i) => section.text !== latest?.sections[i]?.text).map((section) => section.key);
    const revision = row.revision + 1;
    const at = nowIso(ctx);
    if (!(await advanceRevision(trx, id, { revision, title, at }, input.version))) throw versionConflict('briefing');
    await insertRevision(trx, { briefingId: id, revision, title, sections, createdBy: ctx.actor.userId, at });
    await recordAudit(trx, ctx, {
      action: 'briefing.update',
      entity: 'briefing',
      entityId: id,
      divisionId: row.division_id,
      detail: { revision, changed, ...(title !== row.title ? { before: { title: row.title }, after: { title } } : {}) },
    });
    return toBriefing((await findBriefing(trx, id))!);
  });
}

/** What an export prints: one stored revision (default the latest) with its briefing's period and division. */
export async function revisionForExport(ctx: ActorContext, id: number, revision: number | undefined) {
  const row = await loadBriefing(ctx, id, 'export');
  const text = await findRevision(ctx.db, id, revision ?? row.revision);
  if (!text) throw notFound('briefing_revision');
  return { row, text };
}
