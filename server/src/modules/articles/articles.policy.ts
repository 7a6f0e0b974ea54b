import { hasRole, isWithinScope, type Actor, isOffice } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

export type ArticleAction = 'read' | 'create' | 'update' | 'archive';
export type MediumAction = 'read' | 'manage';

/**
 * Articles of a subtree are read by everyone signed in to it and ingested and edited by the office
 * that runs it: administrators and staff. The media list is one for the whole installation: all
 * read it, system administrators keep it.
 *
 * @example can(actor, 'update', { divisionPath: '/1/2/5/' })
 */
export function can(actor: Actor, action: ArticleAction, target: { divisionPath: string }): boolean {
  if (!isWithinScope(target.divisionPath, actor.scopePath)) return false;
  if (action === 'read') return true;
  return isOffice(actor);
}

/** 403 `out_of_scope` for an article outside the subtree, 403 `forbidden` for a missing right. */
export function assertCan(actor: Actor, action: ArticleAction, target: { divisionPath: string }): void {
  if (can(actor, action, target)) return;
  if (!isWithinScope(target.divisionPath, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

export function allowedActions(actor: Actor, target: { divisionPath: string }): ArticleAction[] {
  return (['read', 'update', 'archive'] as const).filter((action) => can(actor, action, target));
}

/** @example assertCanMedia(actor, 'manage') // 403 unless a system admin */
export function assertCanMedia(actor: Actor, action: MediumAction): void {
  if (action === 'read' || hasRole(actor, 'system_admin')) return;
  throw new AppError('forbidden');
}
