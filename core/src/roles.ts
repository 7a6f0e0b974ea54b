/**
 * Roles a user can hold. Every role is bounded by the user's division subtree; only a system admin
 * attached to no division sees the whole tree.
 */
export const roles = ['system_admin', 'division_admin', 'staff', 'org_admin', 'handler', 'reviewer'] as const;
export type Role = (typeof roles)[number];

/** What the signed-in user is, as every policy sees it. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  divisionId: number | null;
  /** Materialised path of the user's division; null = the whole tree (system admin only). */
  scopePath: string | null;
  roles: Role[];
  locale: string;
}

export function hasRole(actor: Pick<Actor, 'roles'>, ...wanted: Role[]): boolean {
  return wanted.some((role) => actor.roles.includes(role));
}

/** Administrators of users: system admins everywhere, division admins within their subtree. */
export function isAdmin(actor: Pick<Actor, 'roles'>): boolean {
  return hasRole(actor, 'system_admin', 'division_admin');
}
