import { isWithinScope, type EntryCreate, type EntryUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { can } from './competitions.policy.ts';
import { listPhases, publishedIds } from './competitions.repo.ts';
import { assertEditable, loadCompetition } from './competitions.service.ts';
import { blindReviewInProgress } from './phases.ts';
import { findRaterOfUser } from './raters.repo.ts';
import {
  findEntry,
  findEntryByCode,
  findEntryByProject,
  insertEntry,
  listEntries,
  nextEntryCode,
  reviewCountsByEntry,
  toEntry,
  updateEntry,
} from './entries.repo.ts';

/**
 * An organisation named by id in a request: it must exist, be current and lie in the actor's
 * subtree, or the field is refused with one message that does not reveal which.
 */
export async function requireOrganisation(ctx: ActorContext, db: Executor, id: number, field: string) {
  const row = await db
    .selectFrom('organisations as o')
    .innerJoin('divisions as d', 'd.id', 'o.division_id')
    .select(['o.id', 'o.name', 'o.archived_at', 'd.path'])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row || row.archived_at !== null || !isWithinScope(row.path, ctx.actor.scopePath)) throw fieldError(field, 'validation.reference');
  return row;
}

async function requireProject(ctx: ActorContext, db: Executor, id: number) {
  const row = await db
    .selectFrom('projects as p')
    .innerJoin('divisions as d', 'd.id', 'p.division_id')
    .select(['p.id', 'p.title', 'p.responsible_organisation_id', 'p.archived_at', 'd.path'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row || row.archived_at !== null || !isWithinScope(row.path, ctx.actor.scopePath)) throw fieldError('body.projectId', 'validation.reference');
  return row;
}

async function assertCodeFree(db: Executor, competitionId: number, code: string, exceptId?: number) {
  if (await findEntryByCode(db, competitionId, code, exceptId)) throw new AppError('duplicate', { params: { entity: 'entities.competition_entry', value: code } });
}

/**
 * Whether this reader must not see who applied: during a blind review, anyone who is one of its
 * raters (even an organiser who also scores) or who cannot manage the competition.
 */
async function applicantsHiddenFrom(ctx: ActorContext, competitionId: number, divisionPath: string): Promise<boolean> {
  const [phases, published] = await Promise.all([listPhases(ctx.db, [competitionId]), publishedIds(ctx.db, [competitionId])]);
  if (!blindReviewInProgress(phases, published.has(competitionId))) return false;
  if (!can(ctx.actor, 'manage', { divisionPath })) return true;
  return (await findRaterOfUser(ctx.db, competitionId, ctx.actor.userId)) !== undefined;
}

export async function list(ctx: ActorContext, competitionId: number, includeWithdrawn: boolean) {
  const competition = await loadCompetition(ctx, ctx.db, competitionId, 'read');
  const [rows, counts, hidden] = await Promise.all([
    listEntries(ctx.db, competitionId, includeWithdrawn),
    reviewCountsByEntry(ctx.db, competitionId),
    applicantsHiddenFrom(ctx, competitionId, competition.division_path),
  ]);
  const entries = rows.map((row) => toEntry(row, counts.get(row.id) ?? 0));
  // The linked project names its organisation too, so it goes with the applicant.
  return hidden ? entries.map((e) => ({ ...e, organisationId: null, organisationName: null, projectId: null, projectTitle: null })) : entries;
}

export async function create(ctx: ActorContext, competitionId: number, input: EntryCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    const competition = await loadCompetition(ctx, trx, competitionId, 'manage');
    await assertEditable(trx, competition);
    const project = input.projectId ? await requireProject(ctx, trx, input.projectId) : null;
    if (project && (await findEntryByProject(trx, competitionId, project.id))) {
      throw new AppError('duplicate', { params: { entity: 'entities.competition_entry', value: project.title } });
    }
    const organisationId = input.organisationId !== undefined ? input.organisationId : (project?.responsible_organisation_id ?? null);
    if (organisationId) await requireOrganisation(ctx, trx, organisationId, 'body.organisationId');
    const code = input.code ?? (await nextEntryCode(trx, competitionId));
    await assertCodeFree(trx, competitionId, code);
    const title = input.title ?? project!.title;
    const id = await insertEntry(
      trx,
      competitionId,
      { code, projectId: project?.id ?? null, title, organisationId, organisationName: input.organisationName ?? null, summary: input.summary ?? null },
      nowIso(ctx),
    );
    await recordAudit(trx, ctx, { action: 'competition.entry_create', entity: 'competition_entry', entityId: id, divisionId: competition.division_id, detail: { competitionId, code, title } });
    return toEntry((await findEntry(trx, competitionId, id))!, 0);
  });
}

export async function update(ctx: ActorContext, competitionId: number, entryId: number, input: EntryUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const competition = await loadCompetition(ctx, trx, competitionId, 'manage');
    await assertEditable(trx, competition);
    const before = await findEntry(trx, competitionId, entryId);
    if (!before) throw notFound('competition_entry');
    if (input.organisationId) await requireOrganisation(ctx, trx, input.organisationId, 'body.organisationId');
    if (input.code !== undefined && input.code !== before.code) await assertCodeFree(trx, competitionId, input.code, entryId);
    const { version, ...patch } = input;
    if (!(await updateEntry(trx, entryId, version, patch, nowIso(ctx)))) throw versionConflict('competition_entry');
    await recordAudit(trx, ctx, { action: 'competition.entry_update', entity: 'competition_entry', entityId: entryId, divisionId: competition.division_id, detail: { competitionId, changed: Object.keys(patch).sort() } });
    const counts = await reviewCountsByEntry(trx, competitionId);
    return toEntry((await findEntry(trx, competitionId, entryId))!, counts.get(entryId) ?? 0);
  });
}

/** Withdraw an entry (its reviews stay but leave the results) or bring it back. */
export async function setWithdrawn(ctx: ActorContext, competitionId: number, entryId: number, withdrawn: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const competition = await loadCompetition(ctx, trx, competitionId, 'manage');
    await assertEditable(trx, competition);
    const before = await findEntry(trx, competitionId, entryId);
    if (!before) throw notFound('competition_entry');
    if ((before.withdrawn_at !== null) === withdrawn) throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updateEntry(trx, entryId, version, { withdrawnAt: withdrawn ? at : null }, at))) throw versionConflict('competition_entry');
    await recordAudit(trx, ctx, {
      action: withdrawn ? 'competition.entry_withdraw' : 'competition.entry_restore',
      entity: 'competition_entry',
      entityId: entryId,
      divisionId: competition.division_id,
      detail: { competitionId, code: before.code },
    });
    const counts = await reviewCountsByEntry(trx, competitionId);
    return toEntry((await findEntry(trx, competitionId, entryId))!, counts.get(entryId) ?? 0);
  });
}
