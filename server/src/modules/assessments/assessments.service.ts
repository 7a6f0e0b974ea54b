import { isWithinScope, type AssessmentListQuery, type SheetSave, isOffice } from '@tongxin/core';
import { assessmentTotal, rateVenue, type Checklist } from '@tongxin/core/scoring/index';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { subtreeFilterPath } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findDivision } from '../divisions/index.ts';
import { allowedActions, assertCan, can, type AssessmentAction } from './assessments.policy.ts';
import {
  findAssessment,
  findVenue,
  fromCenti,
  insertAssessments,
  insertSheet,
  insertStarHistory,
  listSheets,
  listStarHistory,
  searchAssessments,
  setVenueStars,
  toAssessment,
  toCenti,
  updateAssessment,
  updateSheet,
  venuesOfType,
  type AssessmentWithNames,
} from './assessments.repo.ts';
import { checklistOf, findChecklist } from './checklists.repo.ts';
import { loadChecklist } from './checklists.service.ts';

async function loadAssessment(ctx: ActorContext, db: Executor, id: number, action: AssessmentAction): Promise<AssessmentWithNames> {
  const row = await findAssessment(db, id);
  if (!row) throw notFound('venue_assessment');
  assertCan(ctx.actor, action, { divisionPath: row.venue_division_path });
  return row;
}

async function checklistFor(db: Executor, row: AssessmentWithNames): Promise<Checklist> {
  return checklistOf((await findChecklist(db, row.checklist_id))!);
}

export async function list(ctx: ActorContext, query: AssessmentListQuery) {
  return searchAssessments(ctx.db, await assessmentSearchOf(ctx, query));
}

/** The list's search for this caller: their scope, and the subtree asked for (400 unknown, 403 outside). */
export async function assessmentSearchOf(ctx: ActorContext, query: AssessmentListQuery) {
  const { divisionId, ...rest } = query;
  const subtreePath = await subtreeFilterPath(ctx.db, ctx.actor, divisionId);
  return { ...rest, scopePath: ctx.actor.scopePath, subtreePath };
}

async function present(ctx: ActorContext, db: Executor, row: AssessmentWithNames) {
  const [checklist, sheets] = await Promise.all([checklistFor(db, row), listSheets(db, row.id)]);
  const scores = sheets.map((s) => JSON.parse(s.scores) as Record<string, number>);
  return {
    ...toAssessment(row),
    criteria: checklist.criteria,
    starThresholds: [...checklist.starThresholds].sort((a, b) => a.stars - b.stars),
    sheets: sheets.map((s, i) => ({
      id: s.id,
      assessorId: s.assessor_id,
      assessorName: s.assessor_name,
      scores: scores[i]!,
      comment: s.comment,
      total: assessmentTotal(checklist, scores[i]!).total,
      version: s.version,
      updatedAt: s.updated_at,
    })),
    preview: sheets.length === 0 ? null : rateVenue(checklist, scores),
    allowed: allowedActions(ctx.actor, { divisionPath: row.venue_division_path }),
  };
}

export async function detail(ctx: ActorContext, id: number) {
  return present(ctx, ctx.db, await loadAssessment(ctx, ctx.db, id, 'read'));
}

/**
 * Open draft assessments on a checklist: for the venues named, or every current venue of the
 * checklist's type in its subtree that the actor may manage. A venue must match the type and sit
 * in the checklist's subtree (400 otherwise); one already assessed on this checklist is skipped.
 */
export async function open(ctx: ActorContext, checklistId: number, venueIds: number[] | undefined) {
  return ctx.db.transaction().execute(async (trx) => {
    const checklist = await loadChecklist(ctx, trx, checklistId, 'read');
    if (checklist.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
    let ids: number[];
    if (venueIds) {
      ids = [];
      for (const [i, venueId] of venueIds.entries()) {
        const venue = await findVenue(trx, venueId);
        const field = `body.venueIds.${i}`;
        if (!venue || venue.archived_at !== null || !isWithinScope(venue.path, ctx.actor.scopePath)) throw fieldError(field, 'validation.reference');
        if (venue.type !== checklist.venue_type || !isWithinScope(venue.path, checklist.division_path)) throw fieldError(field, 'validation.venue_not_in_checklist');
        assertCan(ctx.actor, 'manage', { divisionPath: venue.path });
        ids.push(venue.id);
      }
    } else {
      if (!isOffice(ctx.actor)) throw new AppError('forbidden');
      const venues = await venuesOfType(trx, checklist.division_path, checklist.venue_type);
      ids = venues.filter((v) => can(ctx.actor, 'manage', { divisionPath: v.path })).map((v) => v.id);
    }
    const created = await insertAssessments(trx, checklistId, ids, nowIso(ctx));
    await recordAudit(trx, ctx, { action: 'assessment.open', entity: 'assessment_checklist', entityId: checklistId, divisionId: checklist.division_id, detail: { created, venues: ids.length } });
    return { created, skipped: ids.length - created };
  });
}

/**
 * Save the signed-in assessor's own sheet. Scores must name the checklist's criteria and lie in
 * [0, max]; a finalised assessment takes no more sheets (409).
 */
export async function saveSheet(ctx: ActorContext, id: number, input: SheetSave) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadAssessment(ctx, trx, id, 'assess');
    if (row.status !== 'draft') throw new AppError('invalid_transition', { details: { reason: 'finalised' } });
    const checklist = await checklistFor(trx, row);
    const known = new Map(checklist.criteria.map((c) => [c.id, c]));
    const fields = Object.entries(input.scores).flatMap(([key, value]) => {
      const criterion = known.get(key);
      if (!criterion) return [{ path: `body.scores.${key}`, key: 'validation.unknown_criterion' }];
      return value > criterion.maxPoints ? [{ path: `body.scores.${key}`, key: 'validation.too_big', params: { maximum: criterion.maxPoints } }] : [];
    });
    if (fields.length > 0) throw new AppError('validation_failed', { fields });
    const values = { scores: input.scores, comment: input.comment ?? null };
    const at = nowIso(ctx);
    const existing = (await listSheets(trx, id)).find((s) => s.assessor_id === ctx.actor.userId);
    if (existing) {
      if (input.version === undefined || !(await updateSheet(trx, existing.id, input.version, values, at))) throw versionConflict('assessment_sheet');
    } else if ((await insertSheet(trx, { assessmentId: id, assessorId: ctx.actor.userId, ...values }, at)) === undefined) {
      throw versionConflict('assessment_sheet');
    }
    await recordAudit(trx, ctx, { action: 'assessment.sheet', entity: 'venue_assessment', entityId: id, divisionId: row.venue_division_id, detail: { venueId: row.venue_id, total: assessmentTotal(checklist, input.scores).total } });
    return present(ctx, trx, (await findAssessment(trx, id))!);
  });
}

/**
 * Finalise: the sheets are combined (mean per criterion), totalled and mapped to stars by the
 * checklist's thresholds; the venue's star rating takes that value (0 stars = not rated) and the
 * change goes into its star-rating history, all in one transaction.
 */
export async function finalise(ctx: ActorContext, id: number, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadAssessment(ctx, trx, id, 'manage');
    if (row.status !== 'draft') throw new AppError('invalid_transition', { details: { reason: 'finalised' } });
    const sheets = await listSheets(trx, id);
    if (sheets.length === 0) throw new AppError('invalid_transition', { details: { reason: 'no_sheets' } });
    const rating = rateVenue(await checklistFor(trx, row), sheets.map((s) => JSON.parse(s.scores) as Record<string, number>));
    if (rating.missing.length > 0) throw new AppError('invalid_transition', { details: { reason: 'incomplete', missing: rating.missing } });
    const at = nowIso(ctx);
    const stars = rating.stars === 0 ? null : rating.stars;
    if (!(await updateAssessment(trx, id, version, { status: 'final', totalCenti: toCenti(rating.total), stars: rating.stars, finalisedAt: at, finalisedBy: ctx.actor.userId }, at))) {
      throw versionConflict('venue_assessment');
    }
    await setVenueStars(trx, row.venue_id, stars, at);
    await insertStarHistory(trx, { venueId: row.venue_id, stars, previousStars: row.venue_star_rating, assessmentId: id, totalCenti: toCenti(rating.total), changedBy: ctx.actor.userId, at });
    await recordAudit(trx, ctx, {
      action: 'assessment.finalise',
      entity: 'venue_assessment',
      entityId: id,
      divisionId: row.venue_division_id,
      detail: { venueId: row.venue_id, total: rating.total, stars, previousStars: row.venue_star_rating },
    });
    return present(ctx, trx, (await findAssessment(trx, id))!);
  });
}

/** Reopen a finalised assessment for correction; the venue keeps its stars until it is finalised again. */
export async function reopen(ctx: ActorContext, id: number, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadAssessment(ctx, trx, id, 'manage');
    if (row.status !== 'final') throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updateAssessment(trx, id, version, { status: 'draft', totalCenti: null, stars: null, finalisedAt: null, finalisedBy: null }, at))) throw versionConflict('venue_assessment');
    await recordAudit(trx, ctx, { action: 'assessment.reopen', entity: 'venue_assessment', entityId: id, divisionId: row.venue_division_id, detail: { venueId: row.venue_id } });
    return present(ctx, trx, (await findAssessment(trx, id))!);
  });
}

export async function starHistory(ctx: ActorContext, venueId: number) {
  const venue = await findVenue(ctx.db, venueId);
  if (!venue) throw notFound('assessment_venue');
  assertCan(ctx.actor, 'read', { divisionPath: venue.path });
  const rows = await listStarHistory(ctx.db, venueId);
  return {
    venueId,
    venueName: venue.name,
    starRating: venue.star_rating,
    history: rows.map((r) => ({
      at: r.at,
      stars: r.stars,
      previousStars: r.previous_stars,
      total: fromCenti(r.total_centi),
      assessmentId: r.assessment_id,
      checklistTitle: r.checklist_title,
      year: r.year,
      changedBy: r.changed_by,
    })),
  };
}
