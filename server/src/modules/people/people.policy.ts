import type { Actor } from '@tongxin/core';
import { allowedActions as registryAllowed, assertCan as registryAssertCan, type RegistryAction, type RegistryTarget } from '../organisations/organisations.policy.ts';

/** What can be done to a person: the registry rules (read in scope; staff and admins write and reveal). */
export type PersonAction = Exclude<RegistryAction, 'manage_members'>;

const detailActions: readonly PersonAction[] = ['read', 'update', 'archive', 'reveal_phone'];

/**
 * @example
 * assertCan(actor, 'reveal_phone', { divisionPath: person.division_path })
 */
export function assertCan(actor: Actor, action: PersonAction, target: RegistryTarget): void {
  registryAssertCan(actor, action, target);
}

export function allowedActions(actor: Actor, target: RegistryTarget): PersonAction[] {
  return registryAllowed(actor, target, detailActions) as PersonAction[];
}
