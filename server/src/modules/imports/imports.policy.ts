import type { Actor } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

export type ImportJobAction = 'read' | 'confirm';

/**
 * A staged import belongs to whoever uploaded it: its rows are unconfirmed drafts of that user's
 * work, so nobody else reads or confirms them, whatever their rights elsewhere. The right to import
 * a list at all is the definition's `authorize`.
 */
export function can(actor: Actor, _action: ImportJobAction, job: { actorId: number }): boolean {
  return job.actorId === actor.userId;
}

export function assertCan(actor: Actor, action: ImportJobAction, job: { actorId: number }): void {
  if (!can(actor, action, job)) throw new AppError('forbidden');
}
