import type { Executor } from '../../db/database.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import type { RaterRow, ReviewRow } from '../../db/types-judging.ts';

export type RaterWithNames = RaterRow & { username: string; display_name: string; organisation_name: string | null };

export async function listRaters(db: Executor, competitionId: number): Promise<RaterWithNames[]> {
  return db
    .selectFrom('competition_raters as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select(['u.username', 'u.display_name', 'o.name as organisation_name'])
    .where('r.competition_id', '=', competitionId)
    .orderBy('r.group_id')
    .orderBy('r.id')
    .execute();
}

export async function findRaterOfUser(db: Executor, competitionId: number, userId: number): Promise<RaterRow | undefined> {
  return db.selectFrom('competition_raters').selectAll().where('competition_id', '=', competitionId).where('user_id', '=', userId).executeTakeFirst();
}

export async function findRater(db: Executor, competitionId: number, raterId: number): Promise<RaterRow | undefined> {
  return db.selectFrom('competition_raters').selectAll().where('competition_id', '=', competitionId).where('id', '=', raterId).executeTakeFirst();
}

/** Competitions where a user rates, with the competition's title and division. */
export async function listRaterRolesOfUser(db: Executor, userId: number) {
  return db
    .selectFrom('competition_raters as r')
    .innerJoin('competitions as c', 'c.id', 'r.competition_id')
    .innerJoin('divisions as d', 'd.id', 'c.division_id')
    .select(['r.id as rater_id', 'r.group_id', 'r.organisation_id', 'c.id as competition_id', 'c.title', 'd.name as division_name'])
    .where('r.user_id', '=', userId)
    .where('c.archived_at', 'is', null)
    .orderBy('c.id', 'desc')
    .execute();
}

export async function insertRater(db: Executor, competitionId: number, values: { userId: number; groupId: string; organisationId: number | null }, at: string) {
  const rows = await db
    .insertInto('competition_raters')
    .values({ competition_id: competitionId, user_id: values.userId, group_id: values.groupId, organisation_id: values.organisationId, created_at: at })
    .onConflict((oc) => oc.columns(['competition_id', 'user_id']).doNothing())
    .returning('id')
    .execute();
  return rows[0]?.id;
}

export async function deleteRater(db: Executor, raterId: number): Promise<void> {
  await db.deleteFrom('competition_assignments').where('rater_id', '=', raterId).execute();
  await db.deleteFrom('competition_raters').where('id', '=', raterId).execute();
}

// ---- Assignments ----

export async function listAssignments(db: Executor, competitionId: number) {
  return db.selectFrom('competition_assignments').selectAll().where('competition_id', '=', competitionId).orderBy('rater_id').orderBy('entry_id').execute();
}

/** Insert pairs, skipping those that exist; returns the pairs actually inserted. */
export async function insertAssignments(db: Executor, competitionId: number, pairs: Array<{ raterId: number; entryId: number }>, at: string) {
  const inserted: Array<{ raterId: number; entryId: number }> = [];
  for (let i = 0; i < pairs.length; i += 500) {
    const rows = await db
      .insertInto('competition_assignments')
      .values(pairs.slice(i, i + 500).map((p) => ({ competition_id: competitionId, rater_id: p.raterId, entry_id: p.entryId, created_at: at })))
      .onConflict((oc) => oc.columns(['rater_id', 'entry_id']).doNothing())
      .returning(['rater_id', 'entry_id'])
      .execute();
    inserted.push(...rows.map((r) => ({ raterId: r.rater_id, entryId: r.entry_id })));
  }
  return inserted;
}

export async function deleteAssignments(db: Executor, competitionId: number, pairs: Array<{ raterId: number; entryId: number }>): Promise<number> {
  let removed = 0;
  for (const pair of pairs) {
    const result = await db
      .deleteFrom('competition_assignments')
      .where('competition_id', '=', competitionId)
      .where('rater_id', '=', pair.raterId)
      .where('entry_id', '=', pair.entryId)
      .executeTakeFirst();
    removed += Number(result.numDeletedRows);
  }
  return removed;
}

// ---- Reviews ----

export async function listReviews(db: Executor, competitionId: number): Promise<ReviewRow[]> {
  return db.selectFrom('competition_reviews').selectAll().where('competition_id', '=', competitionId).orderBy('id').execute();
}

export async function findReview(db: Executor, raterId: number, entryId: number): Promise<ReviewRow | undefined> {
  return db.selectFrom('competition_reviews').selectAll().where('rater_id', '=', raterId).where('entry_id', '=', entryId).executeTakeFirst();
}

export interface ReviewValues {
  scores: Record<string, number>;
  comment: string | null;
  abstained: boolean;
  abstainReason: string | null;
}

/**
 * Insert a first review; undefined when one appeared meanwhile (the unique index on rater and
 * entry decides between two tabs saving at once).
 */
export async function insertReview(db: Executor, ids: { competitionId: number; entryId: number; raterId: number }, values: ReviewValues, at: string) {
  const rows = await db
    .insertInto('competition_reviews')
    .values({
      competition_id: ids.competitionId,
      entry_id: ids.entryId,
      rater_id: ids.raterId,
      scores: JSON.stringify(values.scores),
      comment: values.comment,
      abstained: values.abstained ? 1 : 0,
      abstain_reason: values.abstainReason,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['rater_id', 'entry_id']).doNothing())
    .returning('id')
    .execute();
  return rows[0]?.id;
}

export async function updateReview(db: Executor, id: number, version: number, values: ReviewValues, at: string): Promise<boolean> {
  const result = await db
    .updateTable('competition_reviews')
    .set((eb) => ({
      scores: JSON.stringify(values.scores),
      comment: values.comment,
      abstained: values.abstained ? 1 : 0,
      abstain_reason: values.abstainReason,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Users an organiser may add as raters of a competition: active, in the organiser's subtree, not
 * raters of it already, matching `q` in the display or user name; the first 20 by name.
 */
export async function listRaterCandidates(db: Executor, competitionId: number, scopePath: string | null, q: string | undefined) {
  let query = db
    .selectFrom('users as u')
    .leftJoin('divisions as d', 'd.id', 'u.division_id')
    .select(['u.id', 'u.username', 'u.display_name', 'd.name as division_name'])
    .where('u.disabled', '=', 0)
    .where(divisionInScope('u.division_id', scopePath))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('competition_raters as r').select('r.id').where('r.competition_id', '=', competitionId).whereRef('r.user_id', '=', 'u.id'))));
  if (q) query = query.where((eb) => eb.or([containsText('u.display_name', q), containsText('u.username', q)]));
  return query.orderBy('u.display_name').orderBy('u.id').limit(20).execute();
}
