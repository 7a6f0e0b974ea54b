import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CataloguedRoute } from '../../http/route-catalogue.ts';
import { createTestApp, type TestApp, type TestClient } from '../harness.ts';
import { applyBodyMutation, badId, bodyMutation, queryMutation, rowCounts } from './bad-input.ts';
import { jsonSchemaOf } from './schema-sample.ts';
import { bodyFor, fillUrl, makeRecords, paramsFor, queryFor, type RecordSet } from './records.ts';

/** Requests per route; `FUZZ_RUNS=200` for a longer hunt. */
const runsPerRoute = Number(process.env.FUZZ_RUNS ?? 12);
// Tables that record refusals on purpose: failed sign-ins and rate-limit windows, sessions.
const refusalTables = /session|sign_in|attempt|rate|throttle|vote_code|challenge/;
// A failed sign-in is audited on purpose (who tried which account from where).
const auditsRefusals = new Set(['POST /api/auth/sign-in', 'POST /api/auth/sign-in/code']);

let t: TestApp;
let records: RecordSet;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  records = await makeRecords(t, admin);
}, 120_000);
afterAll(async () => t?.close());

const methodOrder: Record<string, number> = { GET: 0, PUT: 1, PATCH: 2, POST: 3, DELETE: 4 };

function routesUnderTest(): CataloguedRoute[] {
  return t.app.routeCatalogue
    .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/auth/sign-out')
    .sort((a, b) => (methodOrder[a.method] ?? 9) - (methodOrder[b.method] ?? 9));
}

/** What a 4xx must carry: a code, a message, and for bad input the fields at fault. */
function clearRefusal(status: number, text: string): string | null {
  let body: { error?: { code?: string; message?: string; fields?: Array<{ path?: string; message?: string }> } };
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 120)}`;
  }
  const error = body.error;
  if (!error?.code || !error.message) return `no error code/message: ${text.slice(0, 160)}`;
  if (status === 400 && error.code === 'validation_failed') {
    if (!error.fields?.length || error.fields.some((f) => !f.path || !f.message)) return `validation_failed without fields: ${text.slice(0, 200)}`;
  }
  return null;
}

describe('bad input never breaks the server', () => {
  it('generated requests against every route: never a 5xx, a clear 4xx, nothing half-written', async () => {
    let generated = 0;
    const problems: string[] = [];
    let before = await rowCounts(t.handle, refusalTables);
    for (const route of routesUnderTest()) {
      const params = paramsFor(route, records, 'huaxin') ?? paramsFor(route, records, 'unknown')!;
      const validBody = bodyFor(route, records, 'huaxin');
      const validQuery = queryFor(route, records, 'huaxin');
      const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
      const hasId = /:\w*[iI]d\b/.test(route.url);
      await fc.assert(
        fc.asyncProperty(
          fc.record({ body: bodyMutation, query: fc.option(queryMutation, { freq: hasBody ? 4 : 1 }), id: fc.option(badId, { freq: hasId ? 3 : 1000 }) }),
          async (input) => {
            generated++;
            const url = fillUrl(route.url, hasId && input.id ? Object.fromEntries(Object.keys(params).map((k) => [k, /id$/i.test(k) ? decodeURIComponent(input.id!) : params[k]])) : params);
            const query = input.query ? `?${new URLSearchParams(input.query).toString()}` : validQuery;
            const payload = hasBody ? JSON.stringify(applyBodyMutation(validBody ?? {}, input.body)) : undefined;
            const response = await admin.request({
              method: route.method as 'GET',
              url: url + query,
              ...(payload !== undefined ? { payload, headers: { 'content-type': 'application/json' } } : {}),
            });
            const where = `${route.method} ${url + query} ${payload?.slice(0, 200) ?? ''}`;
            if (response.statusCode >= 500) {
              problems.push(`${response.statusCode} ← ${where}`);
              return false;
            }
            if (response.statusCode >= 400) {
              const unclear = clearRefusal(response.statusCode, response.body);
              if (unclear) problems.push(`${response.statusCode} unclear (${unclear}) ← ${where}`);
              const after = await rowCounts(t.handle, refusalTables);
              const changed = Object.keys(after).filter((table) => after[table] !== before[table] && !(table === 'audit_log' && auditsRefusals.has(`${route.method} ${route.url}`)));
              if (changed.length) problems.push(`${response.statusCode} yet rows changed in ${changed.join(', ')} ← ${where}`);
              before = after;
              return !unclear && !changed.length;
            }
            before = await rowCounts(t.handle, refusalTables);
            return true;
          },
        ),
        { numRuns: runsPerRoute, endOnFailure: true, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
      ).catch(() => undefined);
    }
    console.log(`bad input: ${generated} generated requests over ${routesUnderTest().length} routes`);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 900_000);

  it('a NUL (or other control character) in any body string, query value or path id: never a 5xx, a 400 naming the field (both engines)', async () => {
    const nul = 'a\u0000b';
    const problems: string[] = [];
    let bodiesTried = 0;
    let queriesTried = 0;
    for (const route of routesUnderTest()) {
      const params = paramsFor(route, records, 'huaxin') ?? paramsFor(route, records, 'unknown')!;
      const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
      const body = hasBody ? bodyFor(route, records, 'huaxin') : undefined;
      const tries: Array<{ url: string; payload?: string; field?: RegExp }> = [];
      if (body && typeof body === 'object' && !Array.isArray(body) && Object.values(body).some((v) => typeof v === 'string')) {
        bodiesTried++;
        tries.push({ url: fillUrl(route.url, params) + queryFor(route, records, 'huaxin'), payload: JSON.stringify(applyBodyMutation(body, { kind: 'every-string', value: nul })), field: /^body\./ });
      }
      const query = jsonSchemaOf(route.schema?.querystring)?.properties;
      const textParam = query && Object.keys(query).find((k) => ['q', 'name', 'search'].includes(k));
      if (textParam) {
        queriesTried++;
        tries.push({ url: `${fillUrl(route.url, params)}?${new URLSearchParams({ [textParam]: nul }).toString()}`, field: new RegExp(`^query\\.${textParam}$`) });
      }
      if (/:\w*[iI]d\b/.test(route.url)) {
        tries.push({ url: fillUrl(route.url, Object.fromEntries(Object.keys(params).map((k) => [k, /id$/i.test(k) ? '1\u0000' : params[k]]))) });
      }
      for (const attempt of tries) {
        const response = await admin.request({
          method: route.method as 'GET',
          url: attempt.url,
          ...(attempt.payload !== undefined ? { payload: attempt.payload, headers: { 'content-type': 'application/json' } } : {}),
        });
        const where = `${route.method} ${attempt.url} ${attempt.payload?.slice(0, 120) ?? ''}`;
        if (response.statusCode >= 500) problems.push(`${response.statusCode} ← ${where}`);
        else if (attempt.field) {
          const fields = (response.json() as { error?: { fields?: Array<{ path: string }> } }).error?.fields ?? [];
          if (response.statusCode !== 400 || !fields.some((f) => attempt.field!.test(f.path))) problems.push(`${response.statusCode} ${JSON.stringify(fields)} ← ${where}`);
        }
      }
    }
    expect(bodiesTried).toBeGreaterThan(40);
    expect(queriesTried).toBeGreaterThan(5);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 300_000);

  it('the public routes named in issue 13 answer 400 on the field for a NUL; bidi overrides leave names', async () => {
    const anonymous = t.anonymous();
    const guide = await anonymous.get('/api/public/guide?q=a%00b');
    expect(guide.statusCode).toBe(400);
    expect(guide.json().error.fields).toEqual([{ path: 'query.q', message: expect.any(String) }]);
    const signIn = await anonymous.post('/api/auth/sign-in', { username: 'ad\u0000min', password: 'whatever-123' }, { 'accept-language': 'en' });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json().error.fields).toEqual([{ path: 'body.username', message: 'Must not contain control characters (such as NUL)' }]);
    const track = await anonymous.post('/api/portal/track', { ticketNo: 'TX261125-0000\u00000', phoneLast4: '1234' });
    expect(track.statusCode).toBe(400);
    expect(track.json().error.fields[0].path).toBe('body.ticketNo');
    const organisation = await admin.post('/api/organisations', { ...(bodyFor(t.app.routeCatalogue.find((r) => r.method === 'POST' && r.url === '/api/organisations')!, records, 'huaxin') as object), name: '\u202E司公限有\u202C青浦' });
    expect(organisation.statusCode).toBe(201);
    expect(organisation.json().name).toBe('司公限有青浦');
  });

  it('sort and order parameters of every list are whitelisted (an enum, never free text)', () => {
    const loose: string[] = [];
    let lists = 0;
    for (const route of routesUnderTest()) {
      const query = jsonSchemaOf(route.schema?.querystring);
      for (const name of ['sort', 'order', 'sortBy', 'orderBy']) {
        const property = query?.properties?.[name];
        if (!property) continue;
        lists++;
        const options = property.enum ?? property.anyOf?.flatMap((o) => o.enum ?? []);
        if (!options?.length) loose.push(`${route.method} ${route.url} ?${name}`);
      }
    }
    expect(lists).toBeGreaterThan(10);
    expect(loose, `free-text sort parameters:\n${loose.join('\n')}`).toEqual([]);
  });

  it('a body over the limit is a 413 with a message, and malformed JSON a 400', async () => {
    const huge = await admin.request({ method: 'POST', url: '/api/venues', payload: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    const broken = await admin.request({ method: 'POST', url: '/api/venues', payload: '{"name": "x",', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toBeTruthy();
  });
});
