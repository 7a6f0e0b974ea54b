import type { CompetitionCreate, CompetitionListQuery, CompetitionUpdate, PhaseKind, PhaseUpdate } from '@tongxin/core';
import type { ScoringSettings } from '@tongxin/core/scoring/index';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach, subtreeFilterPath } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findDivision } from '../divisions/index.ts';
import { allowedActions, assertCan, type CompetitionAction } from './competitions.policy.ts';
import {
  countsOf,
  findCompetition,
  insertCompetition,
  listPhases,
  publishedIds,
  searchCompetitions,
  settingsOf,
  toCompetition,
  updateCompetition,
  updatePhase,
  type CompetitionWithDivision,
} from './competitions.repo.ts';
import { phaseOf } from './phases.ts';
import { findRaterOfUser, listRaters } from './raters.repo.ts';

/** Load a competition the actor may act on, or fail with 404 / 403. */
export async function loadCompetition(ctx: ActorContext, db: Executor, id: number, action: CompetitionAction): Promise<CompetitionWithDivision> {
  const row = await findCompetition(db, id);
  if (!row) throw notFound('competition');
  assertCan(ctx.actor, action, { divisionPath: row.division_path });
  return row;
}

/** A competition that can still change: not archived, decision not published (409 otherwise). */
export async function assertEditable(db: Executor, row: CompetitionWithDivision): Promise<void> {
  if (row.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
  if ((await publishedIds(db, [row.id])).has(row.id)) throw new AppError('invalid_transition', { details: { reason: 'published' } });
}

async function divisionForManage(ctx: ActorContext, db: Executor, divisionId: number, field: string) {
  const division = await divisionInReach(db, ctx.actor, divisionId, field);
  assertCan(ctx.actor, 'manage', { divisionPath: division.path });
  return division;
}

/** Competitions as the API returns them, with phases, counts and publication, for `now`. */
export async function present(db: Executor, rows: CompetitionWithDivision[], now: string) {
  const ids = rows.map((r) => r.id);
  const [phases, counts, published] = await Promise.all([listPhases(db, ids), countsOf(db, ids), publishedIds(db, ids)]);
  return rows.map((row) =>
    toCompetition(
      row,
      phases.filter((p) => p.competition_id === row.id),
      counts.get(row.id)!,
      published.has(row.id),
      now,
    ),
  );
}

export async function list(ctx: ActorContext, query: CompetitionListQuery) {
  const { divisionId, ...rest } = query;
  const subtreePath = await subtreeFilterPath(ctx.db, ctx.actor, divisionId);
  const { rows, total } = await searchCompetitions(ctx.db, { ...rest, scopePath: ctx.actor.scopePath, subtreePath });
  return { items: await present(ctx.db, rows, nowIso(ctx)), total, page: query.page, pageSize: query.pageSize };
}

/** One competition: readers of the subtree and the competition's own raters (wherever they sit). */
export async function detail(ctx: ActorContext, id: number) {
  const row = await findCompetition(ctx.db, id);
  if (!row) throw notFound('competition');
  const rater = await findRaterOfUser(ctx.db, id, ctx.actor.userId);
  if (!rater) assertCan(ctx.actor, 'read', { divisionPath: row.division_path });
  const [competition] = await present(ctx.db, [row], nowIso(ctx));
  return {
    ...competition!,
    allowed: allowedActions(ctx.actor, { divisionPath: row.division_path }, rater !== undefined),
    myRater: rater ? { raterId: rater.id, groupId: rater.group_id } : null,
  };
}

export async function create(ctx: ActorContext, input: CompetitionCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    await divisionForManage(ctx, trx, input.divisionId, 'body.divisionId');
    const at = nowIso(ctx);
    const id = await insertCompetition(
      trx,
      {
        divisionId: input.divisionId,
        title: input.title,
        description: input.description ?? null,
        year: input.year ?? null,
        settings: input.settings,
        voteGroupId: input.voteGroupId ?? null,
        voteLiveCounts: input.voteLiveCounts ?? false,
      },
      ctx.actor.userId,
      at,
    );
    await recordAudit(trx, ctx, { action: 'competition.create', entity: 'competition', entityId: id, divisionId: input.divisionId, detail: { title: input.title } });
    const [competition] = await present(trx, [(await findCompetition(trx, id))!], at);
    return competition!;
  });
}

/**
 * Settings may change until reviews exist; after that the dimensions (ids, maxima, independence)
 * are frozen, since stored scores were given on them, and a group with raters cannot go.
 */
async function checkSettingsChange(trx: Executor, row: CompetitionWithDivision, next: ScoringSettings) {
  const before = settingsOf(row);
  const shape = (s: ScoringSettings) => JSON.stringify(s.dimensions.map((d) => [d.id, d.maxScore, d.independent]).sort());
  const reviewed = await trx.selectFrom('competition_reviews').select('id').where('competition_id', '=', row.id).limit(1).executeTakeFirst();
  if (reviewed && shape(before) !== shape(next)) throw new AppError('invalid_transition', { details: { reason: 'reviews_exist' } });
  const groups = new Set(next.groups.map((g) => g.id));
  const orphan = (await listRaters(trx, row.id)).find((r) => !groups.has(r.group_id));
  if (orphan) throw fieldError('body.settings.groups', 'validation.group_in_use', { group: orphan.group_id });
}

export async function update(ctx: ActorContext, id: number, input: CompetitionUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadCompetition(ctx, trx, id, 'manage');
    await assertEditable(trx, before);
    if (input.divisionId !== undefined && input.divisionId !== before.division_id) await divisionForManage(ctx, trx, input.divisionId, 'body.divisionId');
    const settings = input.settings ?? settingsOf(before);
    if (input.settings) await checkSettingsChange(trx, before, input.settings);
    const voteGroupId = input.voteGroupId !== undefined ? input.voteGroupId : before.vote_group_id;
    if (voteGroupId && !settings.groups.some((g) => g.id === voteGroupId)) throw fieldError('body.voteGroupId', 'validation.unknown_group');
    const { version, ...patch } = input;
    const at = nowIso(ctx);
    if (!(await updateCompetition(trx, id, version, { ...patch, description: patch.description, voteGroupId }, at))) throw versionConflict('competition');
    await recordAudit(trx, ctx, { action: 'competition.update', entity: 'competition', entityId: id, divisionId: input.divisionId ?? before.division_id, detail: { changed: Object.keys(patch).sort() } });
    const [competition] = await present(trx, [(await findCompetition(trx, id))!], at);
    return competition!;
  });
}

export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadCompetition(ctx, trx, id, 'manage');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updateCompetition(trx, id, version, { archivedAt: archived ? at : null }, at))) throw versionConflict('competition');
    await recordAudit(trx, ctx, { action: archived ? 'competition.archive' : 'competition.unarchive', entity: 'competition', entityId: id, divisionId: before.division_id, detail: { title: before.title } });
    const [competition] = await present(trx, [(await findCompetition(trx, id))!], at);
    return competition!;
  });
}

/**
 * Dates and rater settings of one phase. New dates clear an earlier hand opening or closing:
 * the latest instruction wins.
 */
export async function updatePhaseSettings(ctx: ActorContext, id: number, kind: PhaseKind, input: PhaseUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadCompetition(ctx, trx, id, 'manage');
    await assertEditable(trx, row);
    const phase = phaseOf(await listPhases(trx, [id]), kind);
    const opensAt = input.opensAt !== undefined ? input.opensAt : phase.opens_at;
    const closesAt = input.closesAt !== undefined ? input.closesAt : phase.closes_at;
    if (opensAt && closesAt && closesAt <= opensAt) throw fieldError('body.closesAt', 'validation.end_before_start');
    const datesChanged = input.opensAt !== undefined || input.closesAt !== undefined;
    const at = nowIso(ctx);
    const ok = await updatePhase(
      trx,
      phase.id,
      {
        ...(input.opensAt !== undefined ? { opensAt: input.opensAt } : {}),
        ...(input.closesAt !== undefined ? { closesAt: input.closesAt } : {}),
        ...(datesChanged ? { openedAt: null, closedAt: null } : {}),
        ...(input.raterVisibility !== undefined ? { raterVisibility: input.raterVisibility } : {}),
        ...(input.showOtherScores !== undefined ? { showOtherScores: input.showOtherScores } : {}),
        ...(input.hideAuthors !== undefined ? { hideAuthors: input.hideAuthors } : {}),
      },
      at,
      input.version,
    );
    if (!ok) throw versionConflict('competition_phase');
    const { version: _version, ...changed } = input;
    await recordAudit(trx, ctx, { action: 'competition.phase', entity: 'competition', entityId: id, divisionId: row.division_id, detail: { kind, ...changed } });
    const [competition] = await present(trx, [row], at);
    return competition!;
  });
}

/** Open or close a phase by hand. `published` opens only by publishing the decision. */
export async function setPhaseOpen(ctx: ActorContext, id: number, kind: PhaseKind, open: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadCompetition(ctx, trx, id, 'manage');
    await assertEditable(trx, row);
    if (kind === 'published') throw new AppError('invalid_transition', { details: { reason: 'publish_decision' } });
    const phase = phaseOf(await listPhases(trx, [id]), kind);
    const at = nowIso(ctx);
    const patch = open ? { openedAt: at, closedAt: null } : { closedAt: at };
    if (!(await updatePhase(trx, phase.id, patch, at, version))) throw versionConflict('competition_phase');
    await recordAudit(trx, ctx, { action: open ? 'competition.phase_open' : 'competition.phase_close', entity: 'competition', entityId: id, divisionId: row.division_id, detail: { kind } });
    const [competition] = await present(trx, [row], at);
    return competition!;
  });
}
