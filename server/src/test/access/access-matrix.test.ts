import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTable } from '../../http/access-table.ts';
import type { CataloguedRoute } from '../../http/route-catalogue.ts';
import { createTestApp, type TestApp, type TestClient } from '../harness.ts';
import { fixturePassword } from '../fixture.ts';
import { hashPassword } from '../../modules/auth/password.ts';
import { insertUser } from '../../modules/users/users.repo.ts';
import { expected, matrixUsers, suggest, type MatrixUser } from './matrix.ts';
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
  const volunteer = await insertUser(t.handle.db, { username: 'huaxin.volunteer', displayName: '华新志愿者', passwordHash: await hashPassword(fixturePassword), divisionId: t.fixture.divisions.huaxin.id, roles: ['volunteer'], phone: '13900009999', at });
  // Its own organisation, not the matrix's record: the matrix replaces that one's handlers on the way.
  const team = await t.handle.db.insertInto('organisations').values({ division_id: t.fixture.divisions.huaxin.id, name: '矩阵志愿服务队', type: 'volunteer_team', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  await t.handle.db.insertInto('organisation_handlers').values({ organisation_id: team.id, user_id: volunteer, created_at: at }).execute();
  for (const user of matrixUsers) sessions.set(user.username, user.username ? await t.signIn(user.username) : t.anonymous());
}, 120_000);
afterAll(async () => t?.close());

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
        for (const user of matrixUsers) {
          // Signing out ends the session: use a throwaway one so the shared sessions live on.
          const client = route.url === '/api/auth/sign-out' && user.username ? await t.signIn(user.username) : sessions.get(user.username)!;
          const response = await client.request({ method: route.method as 'GET', url, ...(body !== undefined ? { payload: body as object } : {}) });
          cases++;
          observed.push({ user, place: effective, status: response.statusCode });
          if (response.statusCode >= 500) failures.push(`${keyOf(route)} as ${user.username ?? 'signed out'} (${effective ?? 'no record'}): ${response.statusCode} ${response.body.slice(0, 200)}`);
          if (!access) continue;
          const expectation = expected(access, route.method, user, effective);
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
