import type { DecisionUpdate, PublicResult, Results } from '@tongxin/core';
import { computeEntryResults, maxRaterSum, rankEntries, tieRule, voteFigures, type Review } from '@tongxin/core/scoring/index';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext, type RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadCompetition } from './competitions.service.ts';
import type { PhaseRow } from '../../db/types-judging.ts';
import { listPhases, settingsOf, updatePhase, type CompetitionWithDivision } from './competitions.repo.ts';
import { listEntries, organisationNameOf } from './entries.repo.ts';
import { isPhaseOpen, phaseOf } from './phases.ts';
import { listRaters, listReviews } from './raters.repo.ts';
import { findDecision, insertDecision, listPublicCandidates, updateDecision, voteCountsByEntry } from './results.repo.ts';

/**
 * The results table of a competition, computed now from its reviews and votes with core's scoring:
 * each group's figure (mean or median of its raters' weighted sums), the weighted total normalised
 * over the groups present, spread, counts, flags, rank by the stated tie rule, and the award the
 * rank bands propose. The public vote feeds its group through `voteFigures` on the raters' scale.
 */
export async function computeResults(db: Executor, competition: CompetitionWithDivision): Promise<Results> {
  const settings = settingsOf(competition);
  const [entries, reviews, raters, votes] = await Promise.all([
    listEntries(db, competition.id),
    listReviews(db, competition.id),
    listRaters(db, competition.id),
    voteCountsByEntry(db, competition.id),
  ]);
  const groupOf = new Map(raters.map((r) => [r.id, r.group_id]));
  const active = new Set(entries.map((e) => e.id));
  const scoringReviews: Review[] = reviews
    .filter((r) => active.has(r.entry_id))
    .map((r) => ({
      entryId: String(r.entry_id),
      raterId: String(r.rater_id),
      groupId: groupOf.get(r.rater_id) ?? '',
      scores: JSON.parse(r.scores) as Record<string, number>,
      abstained: r.abstained === 1,
    }));
  const maxTotal = maxRaterSum(settings.dimensions);
  const presets = competition.vote_group_id
    ? voteFigures(Object.fromEntries(entries.map((e) => [String(e.id), votes.get(e.id) ?? 0])), competition.vote_group_id, maxTotal)
    : [];
  const ranked = rankEntries(computeEntryResults(entries.map((e) => String(e.id)), scoringReviews, settings, presets), settings);
  const entryById = new Map(entries.map((e) => [String(e.id), e]));
  return {
    competitionId: competition.id,
    aggregate: settings.aggregate,
    maxTotal,
    precision: settings.precision,
    minReviews: settings.minReviews,
    voteGroupId: competition.vote_group_id,
    tieRule: tieRule(settings),
    entries: ranked.map((r) => {
      const entry = entryById.get(r.entryId)!;
      return {
        entryId: entry.id,
        code: entry.code,
        title: entry.title,
        organisationName: organisationNameOf(entry),
        total: r.total,
        rank: r.rank,
        tiedOnTotal: r.tiedOnTotal,
        award: r.award,
        groups: r.groups,
        independent: r.independent,
        reviewCount: r.reviewCount,
        abstentions: r.abstentions,
        spread: r.spread,
        standardDeviation: r.standardDeviation,
        tooFewReviews: r.tooFewReviews,
        missingGroups: r.missingGroups,
        excluded: r.excluded,
        votes: votes.get(entry.id) ?? 0,
      };
    }),
  };
}

export async function results(ctx: ActorContext, competitionId: number) {
  const competition = await loadCompetition(ctx, ctx.db, competitionId, 'manage');
  return computeResults(ctx.db, competition);
}

const storedAwards = z.array(z.object({ entryId: z.number().int(), awardId: z.string() }));

async function decisionView(db: Executor, competition: CompetitionWithDivision) {
  const row = await findDecision(db, competition.id);
  if (!row) return { competitionId: competition.id, status: 'none' as const, awards: [], note: null, showRanking: false, publishedAt: null, version: 0 };
  const table = await computeResults(db, competition);
  const names = new Map(settingsOf(competition).awards.map((a) => [a.awardId, a.name ?? null]));
  const awards = storedAwards.parse(JSON.parse(row.awards)).flatMap((a) => {
    const result = table.entries.find((e) => e.entryId === a.entryId);
    if (!result) return [];
    return [{ entryId: a.entryId, code: result.code, title: result.title, awardId: a.awardId, awardName: names.get(a.awardId) ?? null, rank: result.rank, total: result.total }];
  });
  return { competitionId: competition.id, status: row.status as 'draft' | 'published', awards, note: row.note, showRanking: row.show_ranking === 1, publishedAt: row.published_at, version: row.version };
}

export async function decision(ctx: ActorContext, competitionId: number) {
  return decisionView(ctx.db, await loadCompetition(ctx, ctx.db, competitionId, 'manage'));
}

async function loadForDecision(ctx: ActorContext, trx: Executor, competitionId: number) {
  const competition = await loadCompetition(ctx, trx, competitionId, 'manage');
  if (competition.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
  const existing = await findDecision(trx, competitionId);
  if (existing?.status === 'published') throw new AppError('invalid_transition', { details: { reason: 'published' } });
  return { competition, existing };
}

/** A draft decision from the current ranking: each entry in an award band gets that award. */
export async function draftDecision(ctx: ActorContext, competitionId: number, input: { note?: string | null | undefined; showRanking?: boolean | undefined; version?: number | undefined }) {
  return ctx.db.transaction().execute(async (trx) => {
    const { competition, existing } = await loadForDecision(ctx, trx, competitionId);
    const table = await computeResults(trx, competition);
    const awards = table.entries.filter((e) => e.award !== null).map((e) => ({ entryId: e.entryId, awardId: e.award! }));
    const at = nowIso(ctx);
    if (existing) {
      const ok = input.version !== undefined && (await updateDecision(trx, existing.id, input.version, { awards, ...(input.note !== undefined ? { note: input.note } : {}), ...(input.showRanking !== undefined ? { showRanking: input.showRanking } : {}) }, at));
      if (!ok) throw versionConflict('competition_decision');
    } else if ((await insertDecision(trx, competitionId, { awards, note: input.note ?? null, showRanking: input.showRanking ?? false }, ctx.actor.userId, at)) === undefined) {
      throw versionConflict('competition_decision');
    }
    await recordAudit(trx, ctx, { action: 'competition.decision_draft', entity: 'competition', entityId: competitionId, divisionId: competition.division_id, detail: { awards } });
    return decisionView(trx, competition);
  });
}

/** The committee adjusts the draft: awards must be the settings' award ids, one per entry. */
export async function editDecision(ctx: ActorContext, competitionId: number, input: DecisionUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const { competition, existing } = await loadForDecision(ctx, trx, competitionId);
    if (!existing) throw notFound('competition_decision');
    const awardIds = new Set(settingsOf(competition).awards.map((a) => a.awardId));
    const entries = new Set((await listEntries(trx, competitionId)).map((e) => e.id));
    const seen = new Set<number>();
    input.awards.forEach((a, i) => {
      if (!awardIds.has(a.awardId)) throw fieldError(`body.awards.${i}.awardId`, 'validation.unknown_award');
      if (!entries.has(a.entryId) || seen.has(a.entryId)) throw fieldError(`body.awards.${i}.entryId`, 'validation.reference');
      seen.add(a.entryId);
    });
    const patch = { awards: input.awards, ...(input.note !== undefined ? { note: input.note } : {}), ...(input.showRanking !== undefined ? { showRanking: input.showRanking } : {}) };
    if (!(await updateDecision(trx, existing.id, input.version, patch, nowIso(ctx)))) throw versionConflict('competition_decision');
    await recordAudit(trx, ctx, { action: 'competition.decision_update', entity: 'competition', entityId: competitionId, divisionId: competition.division_id, detail: { awards: input.awards } });
    return decisionView(trx, competition);
  });
}

/**
 * The public result as it will be frozen: award bands in settings order with their entries, and
 * the whole ranking only when the decision says so. Authors are left out when the published phase
 * hides them; totals are rounded to the competition's precision.
 *
 * @example
 * const { snapshot } = await publicResultOf(trx, competition, phases, nowIso(ctx));
 */
export async function publicResultOf(db: Executor, competition: CompetitionWithDivision, phases: PhaseRow[], at: string) {
  const view = await decisionView(db, competition);
  const table = await computeResults(db, competition);
  const settings = settingsOf(competition);
  const hideAuthors = phaseOf(phases, 'published').hide_authors === 1;
  const round = (x: number | null) => (x === null ? null : Number(x.toFixed(settings.precision)));
  const awardOf = new Map(view.awards.map((a) => [a.entryId, a.awardId]));
  const publicEntry = (e: Results['entries'][number]) => ({ code: e.code, title: e.title, organisationName: hideAuthors ? null : e.organisationName, rank: e.rank, total: round(e.total) });
  const snapshot: PublicResult = {
    competitionId: competition.id,
    title: competition.title,
    year: competition.year,
    divisionName: competition.division_name,
    publishedAt: at,
    note: view.note,
    awards: settings.awards
      .map((band) => ({ awardId: band.awardId, name: band.name ?? null, entries: table.entries.filter((e) => awardOf.get(e.entryId) === band.awardId).map(publicEntry) }))
      .filter((band) => band.entries.length > 0),
    ranking: view.showRanking ? table.entries.filter((e) => e.rank !== null).map((e) => ({ ...publicEntry(e), award: awardOf.get(e.entryId) ?? null })) : null,
  };
  return { view, snapshot };
}

/**
 * Publish the draft in one step: freeze the public result, open the `published` phase and close
 * the decision phase. Refused while reviewing or public voting is still open.
 */
export async function publish(ctx: ActorContext, competitionId: number, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const { competition, existing } = await loadForDecision(ctx, trx, competitionId);
    if (!existing) throw new AppError('invalid_transition', { details: { reason: 'no_decision' } });
    const at = nowIso(ctx);
    const phases = await listPhases(trx, [competitionId]);
    for (const kind of ['review', 'public_vote'] as const) {
      if (isPhaseOpen(phaseOf(phases, kind), at)) throw new AppError('invalid_transition', { details: { reason: 'phase_open', phase: kind } });
    }
    const { view, snapshot } = await publicResultOf(trx, competition, phases, at);
    if (!(await updateDecision(trx, existing.id, version, { publish: { snapshot: JSON.stringify(snapshot), at, by: ctx.actor.userId } }, at))) throw versionConflict('competition_decision');
    await updatePhase(trx, phaseOf(phases, 'published').id, { openedAt: at, closedAt: null }, at);
    if (isPhaseOpen(phaseOf(phases, 'decision'), at)) await updatePhase(trx, phaseOf(phases, 'decision').id, { closedAt: at }, at);
    await recordAudit(trx, ctx, { action: 'competition.publish', entity: 'competition', entityId: competitionId, divisionId: competition.division_id, detail: { awards: view.awards.map((a) => ({ entryId: a.entryId, awardId: a.awardId })) } });
    return decisionView(trx, competition);
  });
}

// ---- Public (no sign-in) ----

/** Competitions with a published result or an open public vote. */
export async function publicList(ctx: RequestContext) {
  const now = nowIso(ctx);
  const candidates = await listPublicCandidates(ctx.db);
  const phases = await listPhases(ctx.db, candidates.map((c) => c.id));
  return candidates
    .map((c) => {
      const vote = phases.find((p) => p.competition_id === c.id && p.kind === 'public_vote');
      return {
        id: c.id,
        title: c.title,
        year: c.year,
        divisionName: c.division_name,
        voteOpen: c.vote_group_id !== null && vote !== undefined && isPhaseOpen(vote, now),
        published: c.status === 'published',
        publishedAt: c.status === 'published' ? c.published_at : null,
      };
    })
    .filter((c) => c.voteOpen || c.published);
}

/** The published result as frozen at publication; 404 for anything not published. */
export async function publicResult(ctx: RequestContext, competitionId: number): Promise<PublicResult> {
  const row = await ctx.db
    .selectFrom('competition_decisions as k')
    .innerJoin('competitions as c', 'c.id', 'k.competition_id')
    .select(['k.status', 'k.snapshot', 'c.archived_at'])
    .where('k.competition_id', '=', competitionId)
    .executeTakeFirst();
  if (!row || row.status !== 'published' || row.snapshot === null || row.archived_at !== null) throw notFound('competition_result');
  return JSON.parse(row.snapshot) as PublicResult;
}
