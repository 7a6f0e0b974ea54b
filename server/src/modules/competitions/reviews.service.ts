import type { Abstain, RaterVisibility, ReviewSave } from '@tongxin/core';
import { raterSum, type Dimension } from '@tongxin/core/scoring/index';
import type { Executor } from '../../db/database.ts';
import type { RaterRow, ReviewRow } from '../../db/types-judging.ts';
import { AppError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertCan } from './competitions.policy.ts';
import { findCompetition, listPhases, settingsOf, type CompetitionWithDivision } from './competitions.repo.ts';
import { listEntries, organisationNameOf, type EntryWithNames } from './entries.repo.ts';
import { isPhaseOpen, phaseOf, raterPhase } from './phases.ts';
import { findRaterOfUser, insertReview, listAssignments, listRaterRolesOfUser, listReviews, updateReview } from './raters.repo.ts';
import { isConflicted, workloadOf, type Workload } from './workload.ts';

/** Everything a rater's request needs, loaded once. */
interface RaterScope {
  competition: CompetitionWithDivision;
  rater: RaterRow;
  dimensions: Dimension[];
  reviewOpen: boolean;
  visibility: RaterVisibility;
  showOtherScores: boolean;
  hideAuthors: boolean;
  entries: EntryWithNames[];
  reviews: ReviewRow[];
  groupOfRater: Map<number, string>;
  workload: Workload;
}

/**
 * Load the signed-in user's rater record in a competition. Not a rater: 403 (`out_of_scope` when
 * the competition is not even in their subtree). Archived competitions are gone for raters (404).
 */
async function raterScope(ctx: ActorContext, db: Executor, competitionId: number): Promise<RaterScope> {
  const competition = await findCompetition(db, competitionId);
  if (!competition || competition.archived_at !== null) throw notFound('competition');
  const rater = await findRaterOfUser(db, competitionId, ctx.actor.userId);
  if (!rater) {
    assertCan(ctx.actor, 'read', { divisionPath: competition.division_path });
    throw new AppError('forbidden', { details: { reason: 'not_a_rater' } });
  }
  const now = nowIso(ctx);
  const [phases, entries, assignments, reviews, raters] = await Promise.all([
    listPhases(db, [competitionId]),
    listEntries(db, competitionId),
    listAssignments(db, competitionId),
    listReviews(db, competitionId),
    db.selectFrom('competition_raters').select(['id', 'group_id']).where('competition_id', '=', competitionId).execute(),
  ]);
  const phase = raterPhase(phases, now);
  const visibility = phase.rater_visibility as RaterVisibility;
  return {
    competition,
    rater,
    dimensions: settingsOf(competition).dimensions,
    reviewOpen: isPhaseOpen(phaseOf(phases, 'review'), now),
    visibility,
    showOtherScores: phase.show_other_scores === 1,
    hideAuthors: phase.hide_authors === 1,
    entries,
    reviews,
    groupOfRater: new Map(raters.map((r) => [r.id, r.group_id])),
    workload: workloadOf(rater, { entries, assignments, reviews, visibility }),
  };
}

function sumOf(dimensions: Dimension[], review: ReviewRow, scores: Record<string, number>): number | null {
  if (review.abstained === 1) return null;
  const result = raterSum(dimensions, scores);
  return result.ok ? result.sum : null;
}

function myReviewOf(scope: RaterScope, review: ReviewRow | undefined) {
  if (!review) return null;
  const scores = JSON.parse(review.scores) as Record<string, number>;
  return {
    id: review.id,
    scores,
    sum: sumOf(scope.dimensions, review, scores),
    comment: review.comment,
    abstained: review.abstained === 1,
    abstainReason: review.abstain_reason,
    version: review.version,
    updatedAt: review.updated_at,
  };
}

function entryView(scope: RaterScope, entry: EntryWithNames) {
  const mine = scope.reviews.find((r) => r.rater_id === scope.rater.id && r.entry_id === entry.id);
  return {
    id: entry.id,
    code: entry.code,
    title: entry.title,
    organisationName: scope.hideAuthors ? null : organisationNameOf(entry),
    summary: entry.summary,
    status: mine ? (mine.abstained === 1 ? ('abstained' as const) : ('scored' as const)) : ('todo' as const),
    reviewCount: scope.reviews.filter((r) => r.entry_id === entry.id && r.abstained === 0).length,
    myReview: myReviewOf(scope, mine),
  };
}

/** The rater's page: progress (12 / 45), the entries they may review, and the next one to open. */
export async function raterView(ctx: ActorContext, competitionId: number) {
  const scope = await raterScope(ctx, ctx.db, competitionId);
  return {
    competitionId,
    title: scope.competition.title,
    dimensions: scope.dimensions,
    raterId: scope.rater.id,
    groupId: scope.rater.group_id,
    reviewOpen: scope.reviewOpen,
    raterVisibility: scope.visibility,
    showOtherScores: scope.showOtherScores,
    hideAuthors: scope.hideAuthors,
    progress: scope.workload.progress,
    nextEntryId: scope.workload.nextEntryId,
    entries: scope.workload.entries.map((e) => entryView(scope, e)),
  };
}

/**
 * The entry a rater may open: 404 unknown or withdrawn; 403 barred by conflict (their own
 * organisation's entry) or, when raters see only assigned entries, not assigned to them.
 */
function reviewableEntry(scope: RaterScope, entryId: number): EntryWithNames {
  const entry = scope.entries.find((e) => e.id === entryId);
  if (!entry) throw notFound('competition_entry');
  if (isConflicted(scope.rater, entry)) throw new AppError('forbidden', { details: { reason: 'conflict_of_interest' } });
  if (!scope.workload.entries.some((e) => e.id === entryId)) throw new AppError('forbidden', { details: { reason: 'not_assigned' } });
  return entry;
}

function entryDetail(scope: RaterScope, entry: EntryWithNames) {
  const detail = { ...entryView(scope, entry), nextEntryId: scope.workload.nextEntryId, progress: scope.workload.progress };
  // Hidden scores are left out of the answer altogether, not blanked, so nothing leaks to the page.
  if (!scope.showOtherScores) return detail;
  const others = scope.reviews
    .filter((r) => r.entry_id === entry.id && r.rater_id !== scope.rater.id)
    .map((r) => {
      const scores = JSON.parse(r.scores) as Record<string, number>;
      // Other raters are shown by group only, never by name.
      return { groupId: scope.groupOfRater.get(r.rater_id) ?? '', scores, sum: sumOf(scope.dimensions, r, scores), abstained: r.abstained === 1 };
    });
  return { ...detail, others };
}

export async function entryForRater(ctx: ActorContext, competitionId: number, entryId: number) {
  const scope = await raterScope(ctx, ctx.db, competitionId);
  return entryDetail(scope, reviewableEntry(scope, entryId));
}

/** The "save and next" target on its own. */
export async function nextEntry(ctx: ActorContext, competitionId: number) {
  const scope = await raterScope(ctx, ctx.db, competitionId);
  return { nextEntryId: scope.workload.nextEntryId, progress: scope.workload.progress };
}

/** Scores must name known dimensions, lie in [0, max], and fill every counted dimension. */
function checkScores(dimensions: Dimension[], scores: Record<string, number>) {
  const fields: Array<{ path: string; key: string; params?: Record<string, unknown> }> = [];
  const known = new Map(dimensions.map((d) => [d.id, d]));
  for (const [key, value] of Object.entries(scores)) {
    const dimension = known.get(key);
    if (!dimension) fields.push({ path: `body.scores.${key}`, key: 'validation.unknown_dimension' });
    else if (value > dimension.maxScore) fields.push({ path: `body.scores.${key}`, key: 'validation.too_big', params: { maximum: dimension.maxScore } });
  }
  for (const d of dimensions) if (!d.independent && scores[d.id] === undefined) fields.push({ path: `body.scores.${d.id}`, key: 'validation.required' });
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}

async function writeReview(
  ctx: ActorContext,
  competitionId: number,
  entryId: number,
  values: { scores: Record<string, number>; comment: string | null; abstained: boolean; abstainReason: string | null },
  version: number | undefined,
) {
  return ctx.db.transaction().execute(async (trx) => {
    let scope = await raterScope(ctx, trx, competitionId);
    const entry = reviewableEntry(scope, entryId);
    if (!scope.reviewOpen) throw new AppError('invalid_transition', { details: { reason: 'phase_closed', phase: 'review' } });
    // A review phase dated after an early publication must not reopen scoring on a published result.
    const decided = await trx.selectFrom('competition_decisions').select('status').where('competition_id', '=', competitionId).executeTakeFirst();
    if (decided?.status === 'published') throw new AppError('invalid_transition', { details: { reason: 'published' } });
    if (!values.abstained) checkScores(scope.dimensions, values.scores);
    const existing = scope.reviews.find((r) => r.rater_id === scope.rater.id && r.entry_id === entryId);
    const at = nowIso(ctx);
    if (existing) {
      if (version === undefined || !(await updateReview(trx, existing.id, version, values, at))) throw versionConflict('competition_review');
    } else if ((await insertReview(trx, { competitionId, entryId, raterId: scope.rater.id }, values, at)) === undefined) {
      throw versionConflict('competition_review');
    }
    await recordAudit(trx, ctx, {
      action: values.abstained ? 'competition.abstain' : 'competition.review',
      entity: 'competition_entry',
      entityId: entryId,
      divisionId: scope.competition.division_id,
      detail: values.abstained ? { competitionId, reason: values.abstainReason } : { competitionId, scores: values.scores },
    });
    scope = await raterScope(ctx, trx, competitionId);
    return entryDetail(scope, entry);
  });
}

export async function saveReview(ctx: ActorContext, competitionId: number, entryId: number, input: ReviewSave) {
  return writeReview(ctx, competitionId, entryId, { scores: input.scores, comment: input.comment ?? null, abstained: false, abstainReason: null }, input.version);
}

/** Abstain (回避/弃权) with a reason: counted apart, never in a figure. */
export async function abstain(ctx: ActorContext, competitionId: number, entryId: number, input: Abstain) {
  return writeReview(ctx, competitionId, entryId, { scores: {}, comment: null, abstained: true, abstainReason: input.reason }, input.version);
}

/** Competitions in which the signed-in user rates, with progress: their "to review" list. */
export async function myCompetitions(ctx: ActorContext) {
  const roles = await listRaterRolesOfUser(ctx.db, ctx.actor.userId);
  const result = [];
  for (const role of roles) {
    const scope = await raterScope(ctx, ctx.db, role.competition_id);
    result.push({ competitionId: role.competition_id, title: role.title, divisionName: role.division_name, groupId: role.group_id, reviewOpen: scope.reviewOpen, progress: scope.workload.progress });
  }
  return result;
}
