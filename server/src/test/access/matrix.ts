import { isParticipantOnly, type Role } from '@tongxin/core';
import { openToParticipant, type RouteAccess } from '../../http/access-table.ts';
import type { Place } from './records.ts';

/** The fixture users the matrix signs in as, with what the policies see of them. */
export interface MatrixUser {
  username: string | null;
  roles: Role[];
  /** Places (see records.ts) inside the user's subtree. */
  sees: Place[];
}

export const matrixUsers: MatrixUser[] = [
  { username: null, roles: [], sees: [] },
  { username: 'admin', roles: ['system_admin'], sees: ['huaxin', 'jinshan'] },
  { username: 'qingpu.admin', roles: ['division_admin'], sees: ['huaxin'] },
  { username: 'qingpu.staff', roles: ['staff'], sees: ['huaxin'] },
  { username: 'huaxin.staff', roles: ['staff'], sees: ['huaxin'] },
  { username: 'zhaoxiang.staff', roles: ['staff'], sees: [] },
  { username: 'jinshan.admin', roles: ['division_admin'], sees: ['jinshan'] },
  // A participant (issue 14) bound to the matrix's 华新镇 organisation; made in access-matrix.test.ts.
  { username: 'huaxin.volunteer', roles: ['volunteer'], sees: ['huaxin'] },
];

/** Which answers a case accepts, and why (printed when a case fails). */
export interface Expectation {
  accepts: (status: number) => boolean;
  reason: string;
}

const is = (...codes: number[]) => (status: number) => codes.includes(status);
const success = (status: number) => status >= 200 && status < 300;
/** A write that got past authentication and authorization: its own rules may still refuse it. */
const reached = (status: number) => status < 500 && status !== 401 && status !== 403;

/**
 * The status a declared policy implies for one user and one record.
 * `place`: where the record (or the division named in the body) lies; 'unknown' = an id that
 * names nothing; null = the route names no record.
 */
export function expected(access: RouteAccess, method: string, user: MatrixUser, place: Place | 'unknown' | null): Expectation {
  if (access.who === 'public') {
    const answers = access.answers;
    return answers ? { accepts: is(...answers), reason: `public, answers ${answers.join('/')}` } : { accepts: reached, reason: 'public' };
  }
  if (!user.username) return { accepts: is(401), reason: 'signed out → 401' };
  // A participant-only user reaches only routes declared open to participants (server/src/http/session.ts).
  const allowed = isParticipantOnly(user) ? openToParticipant(access) : access.who === 'signed-in' || access.who.some((role) => user.roles.includes(role));
  if (!allowed) {
    return place === 'unknown' ? { accepts: is(403, 404), reason: 'role not allowed, unknown id → 403/404' } : { accepts: is(403), reason: 'role not allowed → 403' };
  }
  if (place === 'unknown') return { accepts: is(access.unknown ?? 404), reason: `unknown id → ${access.unknown ?? 404}` };
  if (place && !access.unscoped && !user.sees.includes(place)) {
    const statuses = [access.outOfScope ?? 403].flat();
    return { accepts: is(...statuses), reason: `record outside the subtree → ${statuses.join('/')}` };
  }
  if (access.answers) return { accepts: is(...access.answers), reason: `declared answers ${access.answers.join('/')}` };
  return method === 'GET' ? { accepts: success, reason: 'allowed read → 2xx' } : { accepts: reached, reason: 'allowed write → not 401/403/5xx' };
}

/** A declaration to paste for an undeclared route, guessed from what it answered. */
export function suggest(observed: Array<{ user: MatrixUser; place: Place | 'unknown' | null; status: number }>): string {
  if (observed.some((o) => !o.user.username && o.status !== 401)) return 'pub';
  const inScope = observed.filter((o) => o.user.username && o.place !== 'unknown' && (o.place === null || o.user.sees.includes(o.place)));
  const allowedRoles = new Set(inScope.filter((o) => o.status !== 403).flatMap((o) => o.user.roles));
  if (allowedRoles.has('staff')) return 'anyone';
  if (allowedRoles.has('division_admin')) return 'admins';
  if (allowedRoles.has('system_admin')) return 'systemAdmin';
  return "only(['<role the fixture users lack>'])";
}
