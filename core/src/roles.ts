/**
 * Roles a user can hold. Every role is bounded by the user's division subtree; only a system admin
 * attached to no division sees the whole tree.
 */
export const roles = ['system_admin', 'division_admin', 'staff', 'org_admin', 'handler', 'reviewer', 'participant', 'volunteer', 'liaison_officer'] as const;
export type Role = (typeof roles)[number];

/** Administrators: of the whole tree (system) or of a division subtree. */
export const adminRoles = ['system_admin', 'division_admin'] as const satisfies readonly Role[];
/** The office itself: administrators and staff (not raters, unit handlers or participants). */
export const officeRoles = ['system_admin', 'division_admin', 'staff'] as const satisfies readonly Role[];
/** The administrators of the whole tree (the only role that may add top-level divisions, media, service kinds). */
export const systemAdminRoles = ['system_admin'] as const satisfies readonly Role[];

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

export function hasRole(actor: { readonly roles: readonly Role[] }, ...wanted: Role[]): boolean {
  return wanted.some((role) => actor.roles.includes(role));
}

/** Administrators of users: system admins everywhere, division admins within their subtree. */
export function isAdmin(actor: { readonly roles: readonly Role[] }): boolean {
  return hasRole(actor, ...adminRoles);
}

/** Office staff or administrators: the people who keep the office's own records. */
export function isOffice(actor: { readonly roles: readonly Role[] }): boolean {
  return hasRole(actor, ...officeRoles);
}

/**
 * Roles of people outside the office (an organisation's members, volunteers, village liaison
 * officers). They sign in on their phones and reach only the routes declared open to them.
 */
export const participantRoles = ['participant', 'volunteer', 'liaison_officer'] as const satisfies readonly Role[];
export type ParticipantRole = (typeof participantRoles)[number];

/**
 * A participant and nothing else: the server confines such an actor to participant routes.
 *
 * @example
 * isParticipantOnly({ roles: ['volunteer'] }) // true
 * isParticipantOnly({ roles: ['staff', 'volunteer'] }) // false
 */
export function isParticipantOnly(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.length > 0 && actor.roles.every((role) => (participantRoles as readonly Role[]).includes(role));
}
