import { isOffice, isParticipantOnly, isWithinScope, type Actor } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

/*
 * Two sides. The office (administrators and staff of the subtree) invites participants, approves
 * their proposals and plans events. A participant acts only for themselves and the organisation
 * they are bound to; which routes they reach at all is declared in the access table and enforced
 * for every request (server/src/http/session.ts).
 */

/** The office's own roles (core's `officeRoles`); re-exported for the modules that import it here. */
export { isOffice };

/** 403 unless the actor is office staff whose subtree holds `path` (out_of_scope when it does not). */
export function assertOffice(actor: Actor, path: string): void {
  if (!isOffice(actor)) throw new AppError('forbidden');
  if (!isWithinScope(path, actor.scopePath)) throw new AppError('out_of_scope');
}

/** 403 unless the actor is a participant (office accounts do not propose or register themselves). */
export function assertParticipant(actor: Actor): void {
  if (!isParticipantOnly(actor)) throw new AppError('forbidden');
}
