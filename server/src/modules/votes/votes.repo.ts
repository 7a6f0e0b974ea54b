import type { Executor } from '../../db/database.ts';

export async function insertVoteCode(db: Executor, values: { phoneHash: string; codeHash: string; at: string; expiresAt: string }): Promise<void> {
  await db.insertInto('vote_codes').values({ phone_hash: values.phoneHash, code_hash: values.codeHash, created_at: values.at, expires_at: values.expiresAt }).execute();
}

/** The newest code of a phone that is unused and unexpired. */
export async function findLiveCode(db: Executor, phoneHash: string, now: string) {
  return db
    .selectFrom('vote_codes')
    .selectAll()
    .where('phone_hash', '=', phoneHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function countFailedAttempt(db: Executor, id: number): Promise<void> {
  await db.updateTable('vote_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
}

/** Mark a code used; false when another request used it first. */
export async function consumeCode(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('vote_codes').set({ consumed_at: at }).where('id', '=', id).where('consumed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertVoter(db: Executor, values: { tokenHash: string; phoneHash: string; at: string; expiresAt: string }): Promise<void> {
  await db.insertInto('vote_voters').values({ token_hash: values.tokenHash, phone_hash: values.phoneHash, created_at: values.at, expires_at: values.expiresAt }).execute();
}

export async function findVoter(db: Executor, tokenHash: string, now: string) {
  return db.selectFrom('vote_voters').select(['phone_hash']).where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
}

/**
 * Record a vote unless this voter already voted for the entry. `on conflict do nothing` on the
 * unique index makes concurrent requests safe on both engines: exactly one inserts.
 */
export async function insertVote(db: Executor, values: { competitionId: number; entryId: number; voterKey: string; channel: 'phone' | 'account'; ip: string; at: string }): Promise<boolean> {
  const rows = await db
    .insertInto('public_votes')
    .values({ competition_id: values.competitionId, entry_id: values.entryId, voter_key: values.voterKey, channel: values.channel, ip: values.ip, created_at: values.at })
    .onConflict((oc) => oc.columns(['competition_id', 'entry_id', 'voter_key']).doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function countVotes(db: Executor, competitionId: number, entryId?: number): Promise<number> {
  let query = db.selectFrom('public_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('competition_id', '=', competitionId);
  if (entryId !== undefined) query = query.where('entry_id', '=', entryId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function countVoters(db: Executor, competitionId: number): Promise<number> {
  const row = await db
    .selectFrom('public_votes')
    .select((eb) => eb.fn.count<number>('voter_key').distinct().as('n'))
    .where('competition_id', '=', competitionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function votedEntries(db: Executor, competitionId: number, voterKey: string): Promise<number[]> {
  const rows = await db.selectFrom('public_votes').select('entry_id').where('competition_id', '=', competitionId).where('voter_key', '=', voterKey).orderBy('entry_id').execute();
  return rows.map((r) => r.entry_id);
}
