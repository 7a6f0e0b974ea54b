import type { Executor } from '../../db/database.ts';
import type { SessionRow } from '../../db/types.ts';
import { endSessionsOfUser } from '../../kernel/sign-in-state.ts';

export async function insertSession(db: Executor, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The session with its user and the user's division path, in one query per request. */
export async function findSessionWithUser(db: Executor, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('divisions', 'divisions.id', 'users.division_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.division_id',
      'users.roles',
      'users.disabled',
      'users.locale',
      'divisions.path as division_path',
      'divisions.name as division_name',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Every session of a user ends (the kernel's sign-in state, kept importable from here). */
export const deleteSessionsOfUser = endSessionsOfUser;

export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export async function recordSignInAttempt(db: Executor, attempt: { username: string; ip: string; success: boolean; at: string }) {
  await db
    .insertInto('sign_in_attempts')
    .values({ username: attempt.username, ip: attempt.ip, success: attempt.success ? 1 : 0, at: attempt.at })
    .execute();
}

/** Whether this account has ever signed in successfully from this address ("known" address). */
export async function signedInBefore(db: Executor, username: string, ip: string): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select('id')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where('success', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Failures of an account since `since` from addresses it has never signed in from (lockout count). */
export async function recentFailuresFromUnknownAddresses(db: Executor, username: string, since: string) {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', '=', username)
    .where('success', '=', 0)
    .where('at', '>=', since)
    .where('ip', 'not in', (eb) => eb.selectFrom('sign_in_attempts as s').select('s.ip').where('s.username', '=', username).where('s.success', '=', 1))
    .executeTakeFirstOrThrow();
  return { count: Number(row.n) };
}

/** After a successful sign-in the account's own failures no longer count against it. */
export async function clearAccountFailures(db: Executor, username: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('username', '=', username).where('success', '=', 0).execute();
}
