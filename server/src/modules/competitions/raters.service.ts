import { isWithinScope, type AssignmentCreate, type RaterCandidate, type RaterCreate, type RaterVisibility } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { RaterRow } from '../../db/types-judging.ts';
import { AppError, fieldError, notFound } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertEditable, loadCompetition } from './competitions.service.ts';
import { listPhases, settingsOf } from './competitions.repo.ts';
import { listEntries, type EntryWithNames } from './entries.repo.ts';
import { requireOrganisation } from './entries.service.ts';
import { raterPhase } from './phases.ts';
import { deleteAssignments, deleteRater, findRater, insertAssignments, insertRater, listAssignments, listRaterCandidates, listRaters, listReviews } from './raters.repo.ts';
import { isConflicted, workloadOf } from './workload.ts';

export async function list(ctx: ActorContext, competitionId: number) {
  await loadCompetition(ctx, ctx.db, competitionId, 'manage');
  const [raters, entries, assignments, reviews, phases] = await Promise.all([
    listRaters(ctx.db, competitionId),
    listEntries(ctx.db, competitionId),
    listAssignments(ctx.db, competitionId),
    listReviews(ctx.db, competitionId),
    listPhases(ctx.db, [competitionId]),
  ]);
  const visibility = raterPhase(phases, nowIso(ctx)).rater_visibility as RaterVisibility;
  return raters.map((r) => ({
    id: r.id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    groupId: r.group_id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    assigned: assignments.filter((a) => a.rater_id === r.id).length,
    progress: workloadOf(r, { entries, assignments, reviews, visibility }).progress,
    createdAt: r.created_at,
  }));
}

/** A user named as a rater: existing, enabled, and visible to the organiser (in their subtree). */
async function requireUser(ctx: ActorContext, db: Executor, id: number, field: string) {
  const row = await db
    .selectFrom('users')
    .leftJoin('divisions', 'divisions.id', 'users.division_id')
    .select(['users.id', 'users.disabled', 'divisions.path'])
    .where('users.id', '=', id)
    .executeTakeFirst();
  const visible = row !== undefined && (ctx.actor.scopePath === null || (row.path !== null && isWithinScope(row.path, ctx.actor.scopePath)));
  if (!visible || row.disabled === 1) throw fieldError(field, 'validation.reference');
}

/**
 * Whom the organiser can add as a rater: the users of their own subtree (the same rule `add`
 * checks), found by name. Staff who run a competition need this without the right to manage users.
 */
export async function candidates(ctx: ActorContext, competitionId: number, q: string | undefined): Promise<RaterCandidate[]> {
  await loadCompetition(ctx, ctx.db, competitionId, 'manage');
  const rows = await listRaterCandidates(ctx.db, competitionId, ctx.actor.scopePath, q || undefined);
  return rows.map((row) => ({ id: row.id, username: row.username, displayName: row.display_name, divisionName: row.division_name }));
}

export async function add(ctx: ActorContext, competitionId: number, input: RaterCreate) {
  await ctx.db.transaction().execute(async (trx) => {
    const competition = await loadCompetition(ctx, trx, competitionId, 'manage');
    await assertEditable(trx, competition);
    const groups = new Set(settingsOf(competition).groups.map((g) => g.id));
    const at = nowIso(ctx);
    for (const [i, rater] of input.raters.entries()) {
      if (!groups.has(rater.groupId)) throw fieldError(`body.raters.${i}.groupId`, 'validation.unknown_group');
      await requireUser(ctx, trx, rater.userId, `body.raters.${i}.userId`);
      if (rater.organisationId) await requireOrganisation(ctx, trx, rater.organisationId, `body.raters.${i}.organisationId`);
      const id = await insertRater(trx, competitionId, { userId: rater.userId, groupId: rater.groupId, organisationId: rater.organisationId ?? null }, at);
      if (id === undefined) throw new AppError('duplicate', { params: { entity: 'entities.competition_rater', value: String(rater.userId) } });
      await recordAudit(trx, ctx, { action: 'competition.rater_add', entity: 'competition', entityId: competitionId, divisionId: competition.division_id, detail: { raterId: id, userId: rater.userId, groupId: rater.groupId } });
    }
  });
  return list(ctx, competitionId);
}

/** A rater who has reviewed stays (their reviews are part of the record): 409 `in_use`. */
export async function remove(ctx: ActorContext, competitionId: number, raterId: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const competition = await loadCompetition(ctx, trx, competitionId, 'manage');
    await assertEditable(trx, competition);
    const rater = await findRater(trx, competitionId, raterId);
    if (!rater) throw notFound('competition_rater');
    const reviewed = await trx.selectFrom('competition_reviews').select('id').where('rater_id', '=', raterId).limit(1).executeTakeFirst();
    if (reviewed) throw new AppError('in_use', { params: { entity: 'entities.competition_rater' } });
    await deleteRater(trx, raterId);
    await recordAudit(trx, ctx, { action: 'competition.rater_remove', entity: 'competition', entityId: competitionId, divisionId: competition.division_id, detail: { raterId, userId: rater.user_id } });
  });
}

export async function listAssigned(ctx: ActorContext, competitionId: number) {
  await loadCompetition(ctx, ctx.db, competitionId, 'manage');
  return (await listAssignments(ctx.db, competitionId)).map((a) => ({ raterId: a.rater_id, entryId: a.entry_id, createdAt: a.created_at }));
}

type Skip = { raterId: number | null; entryId: number | null; row: number | null; reason: 'conflict' | 'exists' | 'unknown_rater' | 'unknown_entry' | 'withdrawn' };

/**
 * "By rule": every rater of the groups to every entry, or with `perEntry` that many raters of each
 * group per entry, always the least-loaded rater without a conflict (ties by id), so the load is even.
 */
function pairsByRule(raters: RaterRow[], entries: EntryWithNames[], existing: Array<{ rater_id: number; entry_id: number }>, perEntry: number | undefined) {
  const pairs: Array<{ raterId: number; entryId: number }> = [];
  if (perEntry === undefined) {
    // Conflicted pairs go through too, so the answer lists them as skipped for the organiser to see.
    for (const entry of entries) for (const rater of raters) pairs.push({ raterId: rater.id, entryId: entry.id });
    return pairs;
  }
  const load = new Map(raters.map((r) => [r.id, existing.filter((a) => a.rater_id === r.id).length]));
  const has = new Set(existing.map((a) => `${a.rater_id}:${a.entry_id}`));
  for (const group of [...new Set(raters.map((r) => r.group_id))]) {
    for (const entry of entries) {
      const already = raters.filter((r) => r.group_id === group && has.has(`${r.id}:${entry.id}`)).length;
      const candidates = raters
        .filter((r) => r.group_id === group && !has.has(`${r.id}:${entry.id}`) && !isConflicted(r, entry))
        .sort((a, b) => load.get(a.id)! - load.get(b.id)! || a.id - b.id)
        .slice(0, Math.max(0, perEntry - already));
      for (const rater of candidates) {
        pairs.push({ raterId: rater.id, entryId: entry.id });
        load.set(rater.id, load.get(rater.id)! + 1);
        has.add(`${rater.id}:${entry.id}`);
      }
    }
  }
  return pairs;
}

export async function assign(ctx: ActorContext, competitionId: number, input: AssignmentCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    const competition = await loadCompetition(ctx, trx, competitionId, 'manage');
    await assertEditable(trx, competition);
    const [raters, allEntries, existing] = await Promise.all([listRaters(trx, competitionId), listEntries(trx, competitionId, true), listAssignments(trx, competitionId)]);
    const raterById = new Map(raters.map((r) => [r.id, r]));
    const entryById = new Map(allEntries.map((e) => [e.id, e]));
    const skipped: Skip[] = [];
    const wanted: Array<{ raterId: number; entryId: number; row: number | null }> = [];
    if (input.mode === 'pairs') {
      wanted.push(...input.pairs.map((p) => ({ ...p, row: null })));
    } else if (input.mode === 'list') {
      const raterByUsername = new Map(raters.map((r) => [r.username, r]));
      const entryByCode = new Map(allEntries.map((e) => [e.code, e]));
      input.rows.forEach((row, i) => {
        const rater = raterByUsername.get(row.username.toLowerCase());
        const entry = entryByCode.get(row.entryCode);
        if (!rater) skipped.push({ raterId: null, entryId: entry?.id ?? null, row: i + 1, reason: 'unknown_rater' });
        else if (!entry) skipped.push({ raterId: rater.id, entryId: null, row: i + 1, reason: 'unknown_entry' });
        else wanted.push({ raterId: rater.id, entryId: entry.id, row: i + 1 });
      });
    } else {
      const groups = input.groupIds ? new Set(input.groupIds) : null;
      const chosenRaters = raters.filter((r) => groups === null || groups.has(r.group_id));
      const ids = input.entryIds ? new Set(input.entryIds) : null;
      const entries = allEntries.filter((e) => e.withdrawn_at === null && (ids === null || ids.has(e.id)));
      wanted.push(...pairsByRule(chosenRaters, entries, existing, input.perEntry).map((p) => ({ ...p, row: null })));
    }
    const valid: Array<{ raterId: number; entryId: number }> = [];
    for (const pair of wanted) {
      const rater = raterById.get(pair.raterId);
      const entry = entryById.get(pair.entryId);
      const skip = (reason: Skip['reason']) => skipped.push({ raterId: pair.raterId, entryId: pair.entryId, row: pair.row, reason });
      if (!rater) skip('unknown_rater');
      else if (!entry) skip('unknown_entry');
      else if (entry.withdrawn_at !== null) skip('withdrawn');
      else if (isConflicted(rater, entry)) skip('conflict');
      else valid.push({ raterId: pair.raterId, entryId: pair.entryId });
    }
    const inserted = await insertAssignments(trx, competitionId, valid, nowIso(ctx));
    const insertedKeys = new Set(inserted.map((p) => `${p.raterId}:${p.entryId}`));
    for (const pair of valid) if (!insertedKeys.has(`${pair.raterId}:${pair.entryId}`)) skipped.push({ ...pair, row: null, reason: 'exists' });
    await recordAudit(trx, ctx, { action: 'competition.assign', entity: 'competition', entityId: competitionId, divisionId: competition.division_id, detail: { mode: input.mode, created: inserted.length, skipped: skipped.length } });
    return { created: inserted.length, skipped };
  });
}

export async function unassign(ctx: ActorContext, competitionId: number, pairs: Array<{ raterId: number; entryId: number }>) {
  return ctx.db.transaction().execute(async (trx) => {
    const competition = await loadCompetition(ctx, trx, competitionId, 'manage');
    await assertEditable(trx, competition);
    const removed = await deleteAssignments(trx, competitionId, pairs);
    await recordAudit(trx, ctx, { action: 'competition.unassign', entity: 'competition', entityId: competitionId, divisionId: competition.division_id, detail: { removed } });
    return { removed };
  });
}
