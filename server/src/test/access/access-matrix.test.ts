import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTable } from '../../http/access-table.ts';
import type { CataloguedRoute } from '../../http/route-catalogue.ts';
import { createTestApp, type TestApp, type TestClient } from '../harness.ts';
import { fixturePassword } from '../fixture.ts';
import { hashPassword } from '../../modules/auth/password.ts';
import { insertUser } from '../../modules/users/users.repo.ts';
import { expected, extraMatrixUsers, matrixUsers, suggest, type MatrixUser } from './matrix.ts';
import { bodyFor, fillUrl, makeRecords, paramsFor, places, queryFor, type Place, type RecordSet } from './records.ts';

/** The API routes under test: everything under /api except the API's own documentation pages. */
export function apiRoutes(t: TestApp): CataloguedRoute[] {
  return t.app.routeCatalogue.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
}
const keyOf = (route: CataloguedRoute) => `${route.method} ${route.url}`;
// Reads first, then writes; deletions last, so a deleted record does not spoil later cases.
const methodOrder: Record<string, number> = { GET: 0, PUT: 1, PATCH: 2, POST: 3, DELETE: 4 };

let t: TestApp;
let records: RecordSet;
const sessions = new Map<string | null, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.signIn('admin');
  records = await makeRecords(t, admin);
  if (process.env.ACCESS_DEBUG) console.log('records not made:', [...records.failures.entries()].join('\n'));
  // The participant acts for a 华新镇 organisation (as an accepted invitation would bind them).
  const at = t.clock.now().toISOString();
  const passwordHash = await hashPassword(fixturePassword);
  const made = new Map<string, number>();
  for (const [i, user] of extraMatrixUsers.entries()) {
    made.set(user.username!, await insertUser(t.handle.db, { username: user.username!, displayName: user.username!, passwordHash, divisionId: t.fixture.divisions.huaxin.id, roles: user.roles, phone: `1390000999${i}`, at }));
  }
  const volunteer = made.get('huaxin.volunteer')!;
  // Its own organisation, not the matrix's record: the matrix replaces that one's handlers on the way.
  const team = await t.handle.db.insertInto('organisations').values({ division_id: t.fixture.divisions.huaxin.id, name: '矩阵志愿服务队', type: 'volunteer_team', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  await t.handle.db.insertInto('organisation_handlers').values({ organisation_id: team.id, user_id: volunteer, created_at: at }).execute();
  for (const user of matrixUsers) sessions.set(user.username, user.username ? await t.signIn(user.username) : t.anonymous());
}, 120_000);
afterAll(async () => t?.close());

/**
 * A write as a user would send it now: the record's current `version` (an earlier case may have
 * changed it; the record's own GET, or its parent's for `/archive`-style steps, says which) and
 * names no earlier case used, so an allowed write can succeed instead of meeting 409.
 */
async function freshen(body: unknown, url: string, n: number): Promise<unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const key of ['name', 'title', 'username']) if (typeof out[key] === 'string') out[key] = `${out[key]}${n}`;
  // A service kind's code is unique too; a sign-in code is digits and must stay as generated.
  if (typeof out.code === 'string' && !/^\d+$/.test(out.code)) out.code = `${out.code}${n}`;
  if (typeof out.version === 'number') {
    const path = url.split('?')[0]!;
    // A step on a record (`/api/leads/5/stage`) carries the record's version; anything else its own.
    const step = /\/(archive|unarchive|end|transitions?|stage|publish|withdraw|restore|cancel|void|finalise|reopen)$/;
    for (const candidate of [path, ...(step.test(path) ? [path.replace(step, '')] : [])]) {
      const response = await sessions.get('admin')!.get(candidate);
      const version = response.statusCode === 200 ? (response.json() as { version?: unknown }).version : undefined;
      if (typeof version === 'number' && version >= 1) {
        out.version = version;
        break;
      }
    }
  }
  return out;
}

describe('access matrix: every route × every fixture user × in-scope / out-of-scope / unknown record', () => {
  it('every API route has an access declaration, and every declaration a route', () => {
    const registered = new Set(apiRoutes(t).map(keyOf));
    const undeclared = [...registered].filter((key) => !accessTable[key]);
    const stale = Object.keys(accessTable).filter((key) => !registered.has(key));
    expect(undeclared, `routes without a declaration in server/src/http/access-table.ts:\n${undeclared.join('\n')}`).toEqual([]);
    expect(stale, 'declarations for routes that no longer exist').toEqual([]);
  });

  it('every answer matches the declared policy (200/201/204, 401, 403, 404)', async () => {
    const failures: string[] = [];
    const suggestions: string[] = [];
    let cases = 0;
    const routes = apiRoutes(t).sort((a, b) => (methodOrder[a.method] ?? 9) - (methodOrder[b.method] ?? 9));
    for (const route of routes) {
      const access = accessTable[keyOf(route)];
      const observed: Array<{ user: MatrixUser; place: Place | 'unknown' | null; status: number }> = [];
      const hasRecord = route.url.includes(':') && paramsFor(route, records, 'unknown') !== null && /:\w*[iI]d\b/.test(route.url);
      const variants: Array<Place | 'unknown' | null> = [...places, ...(hasRecord ? (['unknown'] as const) : [])];
      for (const place of variants) {
        const params = paramsFor(route, records, place ?? 'huaxin');
        if (!params) continue;
        const used = { placed: false };
        const at: Place = place === 'unknown' || place === null ? 'huaxin' : place;
        const body = bodyFor(route, records, at, used);
        const url = fillUrl(route.url, params) + queryFor(route, records, at, used);
        // A route that names no record and no division is the same for both places: ask once.
        const effective = place === 'unknown' ? 'unknown' : hasRecord || used.placed ? place : null;
        if (effective === null && place === 'jinshan') continue;
        let allowedBefore = false;
        for (const user of matrixUsers) {
          // Signing out ends the session: use a throwaway one so the shared sessions live on.
          const client = route.url === '/api/auth/sign-out' && user.username ? await t.signIn(user.username) : sessions.get(user.username)!;
          const payload = route.method === 'GET' ? body : await freshen(body, url, cases);
          const response = await client.request({ method: route.method as 'GET', url, ...(payload !== undefined ? { payload: payload as object } : {}) });
          cases++;
          observed.push({ user, place: effective, status: response.statusCode });
          if (response.statusCode >= 500) failures.push(`${keyOf(route)} as ${user.username ?? 'signed out'} (${effective ?? 'no record'}): ${response.statusCode} ${response.body.slice(0, 200)}`);
          if (!access) continue;
          const expectation = expected(access, route.method, user, effective, !allowedBefore, keyOf(route));
          if (expectation.allowed) allowedBefore = true;
          if (!expectation.accepts(response.statusCode)) {
            failures.push(`${keyOf(route)} as ${user.username ?? 'signed out'} (${effective ?? 'no record'}): got ${response.statusCode}, expected ${expectation.reason} — ${response.body.slice(0, 160)}`);
          }
        }
      }
      if (!access) suggestions.push(`  '${keyOf(route)}': ${suggest(observed)},`);
    }
    console.log(`access matrix: ${cases} cases over ${routes.length} routes × ${matrixUsers.length} users (signed out included)`);
    const report = [
      ...(suggestions.length ? ['Undeclared routes; add them to server/src/http/access-table.ts (guessed from their answers — check against the policy):', ...suggestions] : []),
      ...failures,
    ];
    expect(report, report.join('\n')).toEqual([]);
    expect(cases).toBeGreaterThan(routes.length * matrixUsers.length);
  }, 600_000);
});
