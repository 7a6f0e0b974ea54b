import { isAdmin, type Actor } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

export type AuditAction = 'list';

/** Administrators read the audit log of their own subtree. */
export function can(actor: Actor, _action: AuditAction): boolean {
  return isAdmin(actor);
}

export function assertCan(actor: Actor, action: AuditAction): void {
  if (!can(actor, action)) throw new AppError('forbidden');
}
