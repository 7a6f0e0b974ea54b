import type { Executor } from '../../db/database.ts';
import type { DecisionRow } from '../../db/types-judging.ts';

/** Public votes per entry of a competition. */
export async function voteCountsByEntry(db: Executor, competitionId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('public_votes')
    .select(['entry_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('competition_id', '=', competitionId)
    .groupBy('entry_id')
    .execute();
  return new Map(rows.map((r) => [r.entry_id, Number(r.n)]));
}

export async function findDecision(db: Executor, competitionId: number): Promise<DecisionRow | undefined> {
  return db.selectFrom('competition_decisions').selectAll().where('competition_id', '=', competitionId).executeTakeFirst();
}

export interface DecisionValues {
  awards: Array<{ entryId: number; awardId: string }>;
  note: string | null;
  showRanking: boolean;
}

export async function insertDecision(db: Executor, competitionId: number, values: DecisionValues, createdBy: number | null, at: string) {
  const rows = await db
    .insertInto('competition_decisions')
    .values({
      competition_id: competitionId,
      status: 'draft',
      awards: JSON.stringify(values.awards),
      note: values.note,
      show_ranking: values.showRanking ? 1 : 0,
      created_by: createdBy,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('competition_id').doNothing())
    .returning('id')
    .execute();
  return rows[0]?.id;
}

/** Update a draft when its version matches; publication sets status, snapshot and who/when. */
export async function updateDecision(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<DecisionValues> & { publish?: { snapshot: string; at: string; by: number | null } },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('competition_decisions')
    .set((eb) => ({
      ...(patch.awards !== undefined ? { awards: JSON.stringify(patch.awards) } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.showRanking !== undefined ? { show_ranking: patch.showRanking ? 1 : 0 } : {}),
      ...(patch.publish ? { status: 'published', snapshot: patch.publish.snapshot, published_at: patch.publish.at, published_by: patch.publish.by } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Competitions the public may see: a published result or an open vote is decided by the caller. */
export async function listPublicCandidates(db: Executor) {
  return db
    .selectFrom('competitions as c')
    .innerJoin('divisions as d', 'd.id', 'c.division_id')
    .leftJoin('competition_decisions as k', 'k.competition_id', 'c.id')
    .select(['c.id', 'c.title', 'c.year', 'd.name as division_name', 'c.vote_group_id', 'k.status', 'k.published_at'])
    .where('c.archived_at', 'is', null)
    .orderBy('c.id', 'desc')
    .limit(500)
    .execute();
}
