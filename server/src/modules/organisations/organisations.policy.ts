import { isWithinScope, type Actor, isOffice } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

export type RegistryAction = 'read' | 'create' | 'update' | 'archive' | 'manage_members' | 'reveal_phone';

/** A registry record (organisation, person) as a policy sees it: where it sits in the tree. */
export interface RegistryTarget {
  divisionPath: string;
}

/**
 * Registry records of a subtree are read by everyone signed in to it, and written by the office
 * that runs it: administrators and staff. Staff and administrators may also reveal a phone number
 * (each reveal is audited); handlers, reviewers and organisation admins see it masked.
 *
 * @example
 * can(actor, 'update', { divisionPath: '/1/2/5/' })
 */
export function can(actor: Actor, action: RegistryAction, target: RegistryTarget): boolean {
  if (!isWithinScope(target.divisionPath, actor.scopePath)) return false;
  if (action === 'read') return true;
  return writesRegistry(actor);
}

/** Whether the actor's roles allow writing registry records at all (the scope is checked per record). */
export function writesRegistry(actor: Pick<Actor, 'roles'>): boolean {
  return isOffice(actor);
}

/** 403 `forbidden` for an actor who may not write the registry anywhere (e.g. before an import). */
export function assertWritesRegistry(actor: Pick<Actor, 'roles'>): void {
  if (!writesRegistry(actor)) throw new AppError('forbidden');
}

/** 403 `out_of_scope` for a record outside the subtree, 403 `forbidden` for a missing right. */
export function assertCan(actor: Actor, action: RegistryAction, target: RegistryTarget): void {
  if (can(actor, action, target)) return;
  if (!isWithinScope(target.divisionPath, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

/** The actions the UI may offer on one record. */
export function allowedActions(actor: Actor, target: RegistryTarget, actions: readonly RegistryAction[]): RegistryAction[] {
  return actions.filter((action) => can(actor, action, target));
}
