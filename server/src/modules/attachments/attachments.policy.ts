import { isAdmin, isWithinScope, type Actor } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';
import { assertWorkCan, canWork } from '../../kernel/work-scope.ts';
import type { AttachmentOwner } from './attachments.owners.ts';

export type AttachmentAction = 'read' | 'upload' | 'delete' | 'purge';

/**
 * A file is read by whoever may read its record, and added or removed by whoever may change it
 * (for a contact-log entry, also the relationship's cadre). Purging files from disk is for
 * administrators, within their subtree.
 */
export function can(actor: Actor, action: AttachmentAction, owner: AttachmentOwner | null): boolean {
  if (action === 'purge') return isAdmin(actor);
  if (owner === null) return false;
  if (action === 'read') return canWork(actor, 'read', owner);
  if (owner.cadreUserId !== null && owner.cadreUserId === actor.userId && isWithinScope(owner.path, actor.scopePath)) return true;
  return canWork(actor, 'write', owner);
}

export function assertCan(actor: Actor, action: AttachmentAction, owner: AttachmentOwner | null): void {
  if (can(actor, action, owner)) return;
  if (owner !== null) assertWorkCan(actor, action === 'read' ? 'read' : 'write', owner);
  throw new AppError('forbidden');
}
