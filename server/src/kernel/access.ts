import { adminRoles, hasRole, isParticipantOnly, officeRoles, participantRoles, systemAdminRoles, type Role } from '@tongxin/core';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Who may call each API route. Each module declares its own routes next to them
 * (`modules/<domain>/<domain>.access.ts`); `http/access-table.ts` merges them. The hook below
 * enforces `who` before every handler, and the access matrix (server/src/test/access/) checks every
 * declaration against what the server answers.
 *
 * - `who`: 'public' (no session), 'signed-in' (any role), or the roles that may call it.
 * - Records named in the URL (or divisions/records named in the body) must lie in the caller's
 *   subtree: 403 `out_of_scope` otherwise, unless `outOfScope` says another status or
 *   `unscoped` says the records are shared by every office. (The services enforce this part.)
 * - `answers`: the only statuses an allowed caller can get (for routes whose sample request
 *   cannot succeed, such as a sign-in with a wrong password).
 */
export interface RouteAccess {
  who: 'public' | 'signed-in' | readonly Role[];
  outOfScope?: 400 | 403 | 404 | readonly (400 | 403 | 404)[];
  unscoped?: boolean;
  answers?: readonly number[];
  /** Status for an id that names nothing, when not 404. */
  unknown?: 400 | 404;
  note?: string;
  /** Open to participant-only users too (their own routes are declared by role instead). */
  participants?: boolean;
  /**
   * Roles `who` admits that a record-level rule still refuses (403) for the access matrix's sample
   * record: a rater not assigned to the competition, a user not acting for the case's lead unit.
   * The hook lets them through; the service decides. Say which rule in `note`.
   */
  refuses?: readonly Role[];
}

/** `METHOD /url` exactly as registered (HEAD follows GET) → its declaration. */
export type AccessTable = Record<string, RouteAccess>;

export const pub: RouteAccess = { who: 'public' };
export const anyone: RouteAccess = { who: 'signed-in' };
export const admins: RouteAccess = { who: adminRoles };
export const systemAdmin: RouteAccess = { who: systemAdminRoles };
/** Administrators and staff: the office's own records (not raters, handlers or participants). */
export const office: RouteAccess = { who: officeRoles };
export const participantsOnly: RouteAccess = { who: participantRoles };
/**
 * Any signed-in user, participant-only users included: their own session, the needs offered to
 * their organisation, their notices. Every route not declared so answers them 403, routes added
 * later included.
 */
export const openToParticipants: RouteAccess = { who: 'signed-in', participants: true };
export const only = (roles: readonly Role[], note?: string): RouteAccess => ({ who: roles, ...(note ? { note } : {}) });

/** Merges tables; a route declared twice is a mistake to fix, not a tie to break, so it throws. */
export function mergeAccessTables(...tables: AccessTable[]): AccessTable {
  const merged: AccessTable = {};
  for (const table of tables) {
    for (const [key, access] of Object.entries(table)) {
      if (merged[key]) throw new Error(`access declared twice for ${key}`);
      merged[key] = access;
    }
  }
  return merged;
}

/** Whether a participant-only user may call a route with this declaration. */
export function openToParticipant(access: RouteAccess | undefined): boolean {
  if (!access) return false;
  if (access.participants) return true;
  return Array.isArray(access.who) && access.who.some((role: Role) => (participantRoles as readonly Role[]).includes(role));
}

/** Whether any of the actor's roles is one the declaration names ('signed-in' admits every role). */
export function roleAllowed(access: RouteAccess, actor: { roles: Role[] }): boolean {
  if (access.who === 'public' || access.who === 'signed-in') return true;
  return hasRole(actor, ...access.who);
}

const isApiRoute = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * Enforces the table at run time. Call before any route is registered:
 * - every /api route must be declared when it is registered, or `buildApp` throws (naming it); the
 *   declaration also sets the route's `config.access` ('public' or 'signed-in'), which the session
 *   hook uses for the 401 and the CSRF check, and a route whose own `config.access` disagrees throws;
 * - participant-only users reach only routes open to them: 403 `forbidden` at once, before the body
 *   is read (http/session.ts runs this after the session is known, exactly as before);
 * - a caller without a declared role gets 403 `forbidden` before the handler, after validation (so a
 *   malformed request is still a 400 first, as when each service checked the role itself).
 * The API documentation pages (/api/docs…) are public reading matter and need no declaration.
 */
export function registerAccessHook(app: FastifyInstance, table: AccessTable): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isApiRoute(route.url)) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    const declared: Record<string, RouteAccess> = {};
    for (const method of methods) {
      const access = table[`${method} ${route.url}`];
      if (!access) throw new Error(`route ${method} ${route.url} has no access declaration: add it to its module's .access.ts`);
      const level = access.who === 'public' ? 'public' : 'signed-in';
      const own = (route.config as { access?: string } | undefined)?.access;
      if (own && own !== level) throw new Error(`route ${method} ${route.url} says access '${own}' but is declared '${level}'`);
      declared[method] = access;
      route.config = { ...(route.config as object), access: level, declared };
    }
  });
  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config?.declared?.[request.method === 'HEAD' ? 'GET' : request.method];
    const actor = request.ctx?.actor;
    if (!access || !actor) return;
    if (!roleAllowed(access, actor)) throw new AppError('forbidden');
  });
}

/** The participant gate (called by the session hook once the actor is known). */
export function assertParticipantMayCall(access: RouteAccess | undefined, actor: { roles: Role[] }): void {
  if (isParticipantOnly(actor) && !openToParticipant(access)) throw new AppError('forbidden');
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's declaration per method, set by registerAccessHook. */
    declared?: Record<string, RouteAccess>;
  }
}
