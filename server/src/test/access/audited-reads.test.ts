import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../harness.ts';
import { bodyFor, fillUrl, makeRecords, paramsFor, queryFor, type RecordSet } from './records.ts';

let t: TestApp;
let records: RecordSet;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  records = await makeRecords(t, admin);
}, 120_000);
afterAll(async () => t?.close());

/**
 * Reads that hand out personal data in bulk or unmasked: every export and every reveal of a
 * masked field. Found from the route table, so a new one is covered the day it is added.
 */
const isDisclosure = (url: string) => /\/export$/.test(url) || /\/reveal-[\w-]+$/.test(url);

describe('privacy: every export and every reveal of a masked field is in the audit log', () => {
  it('each such route, called successfully, writes an audit entry carrying its request id', async () => {
    const routes = t.app.routeCatalogue.filter((r) => r.url.startsWith('/api/') && isDisclosure(r.url));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const unaudited: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const params = paramsFor(route, records, 'huaxin');
      if (!params) {
        unaudited.push(`${route.method} ${route.url}: no record to call it on (teach records.ts to make one)`);
        continue;
      }
      const body = bodyFor(route, records, 'huaxin');
      const response = await admin.request({ method: route.method as 'GET', url: fillUrl(route.url, params) + queryFor(route, records, 'huaxin'), ...(body !== undefined ? { payload: body as object } : {}) });
      if (response.statusCode !== 200) {
        unaudited.push(`${route.method} ${route.url}: answered ${response.statusCode} ${response.body.slice(0, 120)}`);
        continue;
      }
      const requestId = response.headers['x-request-id'] as string;
      const entries = await t.handle.db.selectFrom('audit_log').select(['action', 'entity']).where('request_id', '=', requestId).execute();
      if (!entries.length) unaudited.push(`${route.method} ${route.url}: 200 without an audit entry`);
      checked++;
    }
    console.log(`audited disclosures: ${checked} export/reveal routes checked`);
    expect(unaudited, unaudited.join('\n')).toEqual([]);
  }, 120_000);
});
