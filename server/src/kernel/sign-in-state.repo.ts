import type { Executor } from '../db/database.ts';

/** Delete every session row of a user. */
export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
