import { roles, type Role } from '@tongxin/core/roles';
import type { TFunction } from 'i18next';
import type { Me } from '../../api/auth.ts';

/**
 * Every role, with its translated name; those this administrator may not grant are shown but
 * disabled, so a user who already holds one still reads correctly. The server decides in the end.
 */
export function roleOptions(t: TFunction, me: Me | null | undefined) {
  const canGrantSystemAdmin = Boolean(me?.roles.includes('system_admin'));
  return roles.map((role: Role) => ({
    value: role,
    label: t(`roles.${role}`),
    disabled: role === 'system_admin' && !canGrantSystemAdmin,
  }));
}
