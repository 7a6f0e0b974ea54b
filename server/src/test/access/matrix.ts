import { isParticipantOnly, type Role } from '@tongxin/core';
import { openToParticipant, roleAllowed, type RouteAccess } from '../../kernel/access.ts';
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
  // Made in access-matrix.test.ts: a participant (issue 14) bound to a 华新镇 organisation, a rater,
  // a handler of 华新镇's office (a responsible unit for cases, needs, the direct channel) and an
  // organisation administrator, all attached to 华新镇.
  { username: 'huaxin.volunteer', roles: ['volunteer'], sees: ['huaxin'] },
  { username: 'huaxin.reviewer', roles: ['reviewer'], sees: ['huaxin'] },
  { username: 'huaxin.handler', roles: ['handler'], sees: ['huaxin'] },
  { username: 'huaxin.orgadmin', roles: ['org_admin'], sees: ['huaxin'] },
];

/** The users the matrix makes itself (the fixture has the others), with their roles. */
export const extraMatrixUsers = matrixUsers.filter((u) => u.username?.startsWith('huaxin.') && u.username !== 'huaxin.staff');

/**
 * Allowed writes whose generated sample cannot succeed where the matrix sends it, and why: the
 * records an earlier case archived or moved on, bodies only a real form fills in. Every other
 * allowed write must answer 2xx for its first allowed caller. (A fix of the sample removes a line.)
 */
export const samplesThatCannotSucceed: Record<string, { answers: readonly number[]; why: string }> = {
  'DELETE /api/projects/:id/milestones/:milestoneId': { answers: [409], why: 'the project was archived by an earlier case' },
  'POST /api/projects/:id/milestones': { answers: [409], why: 'the project was archived by an earlier case' },
  'POST /api/assessment-checklists/:id/assessments': { answers: [409], why: 'the checklist was archived by an earlier case' },
  'POST /api/pairing-programmes/:id/pairs': { answers: [400, 409], why: 'the sample pairs an organisation with itself; the programme was archived' },
  'PATCH /api/campaigns/:id/pledges/:pledgeId': { answers: [409], why: 'the pledge has no GET of its own to read its version from' },
  'PATCH /api/competitions/:id/entries/:entryId': { answers: [409], why: 'the entry has no GET of its own to read its version from' },
  'POST /api/campaigns/:id/pledges/:pledgeId/cancel': { answers: [409], why: 'the pledge has no GET of its own to read its version from' },
  'POST /api/competitions/:id/entries/:entryId/withdraw': { answers: [409], why: 'the entry has no GET of its own to read its version from' },
  'POST /api/competitions/:id/phases/:kind/open': { answers: [409], why: 'the phase has no GET of its own to read its version from' },
  'POST /api/competitions/:id/entries/:entryId/restore': { answers: [409], why: 'the entry has no GET of its own to read its version from' },
  'PATCH /api/competitions/:id/phases/:kind': { answers: [409], why: 'the phase has no GET of its own to read its version from' },
  'POST /api/competitions/:id/phases/:kind/close': { answers: [409], why: 'the phase has no GET of its own to read its version from' },
  'PATCH /api/projects/:id/milestones/:milestoneId': { answers: [409], why: 'the milestone has no GET of its own to read its version from' },
  'POST /api/memberships/:id/end': { answers: [409], why: 'the membership has no GET of its own to read its version from' },
  'POST /api/media/:id/archive': { answers: [409], why: 'the medium has no GET of its own to read its version from' },
  'POST /api/media/:id/unarchive': { answers: [409], why: 'the medium is not archived (its archive failed above)' },
  'POST /api/service-kinds/:id/archive': { answers: [409], why: 'the service kind has no GET of its own to read its version from' },
  'POST /api/service-kinds/:id/unarchive': { answers: [409], why: 'the service kind is not archived (its archive failed above)' },
  'POST /api/cases/:id/remind': { answers: [409], why: 'the case was never dispatched' },
  'POST /api/cases/:id/transition': { answers: [409], why: 'the sample moves the case to the state it is in' },
  'POST /api/needs/:id/publish': { answers: [409], why: 'the need is published already' },
  'POST /api/needs/:id/route-to-case': { answers: [409], why: 'the need is open, not claimed' },
  'POST /api/needs/:id/transition': { answers: [409], why: 'the sample moves the need to the state it is in' },
  'POST /api/leads/:id/stage': { answers: [409], why: 'the sample moves the lead to the stage it is in' },
  'POST /api/projects/:id/transitions': { answers: [409], why: 'the sample moves the project to the state it is in' },
  'POST /api/competitions/:id/raters': { answers: [400], why: 'the sample names a rater group that does not exist' },
  'POST /api/competitions/:id/votes': { answers: [404], why: 'the competition has no open public vote' },
  'PUT /api/competitions/:id/decision': { answers: [404], why: 'no decision exists yet: the matrix runs PUTs before the POST that drafts one' },
  'POST /api/direct-channel/reports/:id/assignments': { answers: [400], why: 'the generated deadline is in the past' },
  'POST /api/imports/:entity': { answers: [415], why: 'multipart upload: imports.test.ts uploads real files' },
  'POST /api/liaison/relationships': { answers: [409], why: 'the relationship exists: makeRecords made it' },
  'POST /api/organisations/:id/members': { answers: [409], why: 'the membership exists: makeRecords made it' },
};

/** Which answers a case accepts, and why (printed when a case fails). */
export interface Expectation {
  accepts: (status: number) => boolean;
  reason: string;
  /** The caller passed the role check and the record is in scope (or names none). */
  allowed?: boolean;
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
export function expected(access: RouteAccess, method: string, user: MatrixUser, place: Place | 'unknown' | null, firstAllowed = true, key = ''): Expectation {
  if (access.who === 'public') {
    const answers = access.answers;
    return answers ? { accepts: is(...answers), reason: `public, answers ${answers.join('/')}` } : { accepts: reached, reason: 'public' };
  }
  if (!user.username) return { accepts: is(401), reason: 'signed out → 401' };
  // A participant-only user reaches only routes declared open to participants (server/src/http/session.ts).
  const allowed = isParticipantOnly(user) ? openToParticipant(access) : roleAllowed(access, user);
  if (!allowed) {
    return place === 'unknown' ? { accepts: is(403, 404), reason: 'role not allowed, unknown id → 403/404' } : { accepts: is(403), reason: 'role not allowed → 403' };
  }
  if (place === 'unknown') return { accepts: is(access.unknown ?? 404), reason: `unknown id → ${access.unknown ?? 404}` };
  if (place && !access.unscoped && !user.sees.includes(place)) {
    const statuses = [access.outOfScope ?? 403].flat();
    return { accepts: is(...statuses), reason: `record outside the subtree → ${statuses.join('/')}` };
  }
  // A record-level rule the declaration names (a rater not assigned, a user not acting for the unit).
  if (access.refuses && user.roles.every((role) => access.refuses!.includes(role))) return { accepts: is(403), reason: `refused by the record-level rule → 403 (${access.note ?? ''})` };
  if (access.answers) return { accepts: is(...access.answers), reason: `declared answers ${access.answers.join('/')}`, allowed: true };
  if (method === 'GET') return { accepts: success, reason: 'allowed read → 2xx', allowed: true };
  // The first allowed write changes the record (archived, decided, closed…): a second caller's
  // identical write may rightly meet a 409 or a 400 about its state, but never 401/403/5xx.
  const sample = samplesThatCannotSucceed[key];
  if (sample) return { accepts: is(...sample.answers, 200, 201, 204), reason: `sample cannot succeed (${sample.why}) → ${sample.answers.join('/')}`, allowed: true };
  return firstAllowed
    ? { accepts: success, reason: 'first allowed write → 2xx', allowed: true }
    : { accepts: reached, reason: 'repeated allowed write → not 401/403/5xx', allowed: true };
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
