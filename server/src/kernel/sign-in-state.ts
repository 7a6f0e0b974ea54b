import type { Executor } from '../db/database.ts';
import { clearRate } from './rate-limit.ts';
import { deleteSessionsOfUser } from './sign-in-state.repo.ts';

/*
 * What an account's sign-in state is made of, for the two modules that touch it: auth signs in
 * and keeps sessions; users disables, resets and unlocks accounts and must end that state. Kept
 * in the kernel so users need not import auth (auth already depends on users for the accounts).
 */

/** The throttle counter of one account, per address it has signed in from before, or shared. */
export function signInAccountKey(username: string, knownIp: string | null): string {
  return knownIp === null ? `sign-in-account:${username}` : `sign-in-account:${username}@${knownIp}`;
}

/** An administrator's unlock also ends the current window of failures from unknown addresses. */
export async function clearSignInThrottle(db: Executor, username: string): Promise<void> {
  await clearRate(db, signInAccountKey(username.toLowerCase(), null));
}

/** End every session of a user (disabled, password reset, moved): they sign in again. */
export async function endSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await deleteSessionsOfUser(db, userId);
}
