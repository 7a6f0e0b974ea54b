import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Account lockout: `users.locked_at` is set when an account has failed to sign in too often
 * (slow guessing that the per-window throttle lets through) and cleared only by an administrator.
 */
export function accountLockout(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('locked_at', 'text').execute();
    },
  };
}
