import { translate } from '@tongxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

/*
 * One status rule for a division named in a query or body (kernel/scope.ts, docs/scope.md):
 * unknown → 400 `validation.reference` on that field; outside the caller's subtree → 403
 * `out_of_scope`. Before issue 19 the same filter was 404 in the work modules, 400 with
 * `validation.invalid_value` in others and 400 with `validation.reference` in the rest.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const unknownId = 987_654;
const en = { 'accept-language': 'en' };

/** List and figure routes whose `divisionId` filter goes through `subtreeFilterPath` / `divisionInReach`. */
const filtered = [
  '/api/projects',
  '/api/projects/closed-loop',
  '/api/activities',
  '/api/pairing-programmes',
  '/api/liaison/relationships',
  '/api/organisations',
  '/api/people',
  '/api/venues',
  '/api/brands',
  '/api/resources',
  '/api/cases',
  '/api/needs',
  '/api/direct-channel/reports',
  '/api/competitions',
  '/api/leads',
  '/api/campaigns',
  '/api/assessments',
  '/api/assessment-checklists',
  '/api/articles',
];

describe('division filters: one rule across modules', () => {
  it('400 validation.reference on query.divisionId for an unknown division, on every list', async () => {
    expect(filtered.length).toBe(19);
    const huaxin = await t.signIn('huaxin.staff');
    for (const url of filtered) {
      const response = await huaxin.get(`${url}?divisionId=${unknownId}`, en);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect({ url, fields: response.json().error.fields }).toEqual({ url, fields: [{ path: 'query.divisionId', message: translate('en', 'validation.reference') }] });
    }
  });

  it('403 out_of_scope for a division beside the caller’s subtree (Huaxin staff filtering on Zhaoxiang), on every list', async () => {
    const huaxin = await t.signIn('huaxin.staff');
    for (const url of filtered) {
      const response = await huaxin.get(`${url}?divisionId=${t.fixture.divisions.zhaoxiang.id}`);
      expect({ url, status: response.statusCode, code: response.json().error?.code }).toEqual({ url, status: 403, code: 'out_of_scope' });
    }
  });

  it('200 for the caller’s own division', async () => {
    const huaxin = await t.signIn('huaxin.staff');
    for (const url of filtered) {
      const response = await huaxin.get(`${url}?divisionId=${t.fixture.divisions.huaxin.id}`);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    }
  });
});

describe('divisions in a body', () => {
  it('400 on body.divisionId for an unknown division, 403 out_of_scope for one outside the subtree (a case, an organisation)', async () => {
    const huaxin = await t.signIn('huaxin.staff');
    const bodies: Array<[string, (divisionId: number) => Record<string, unknown>]> = [
      ['/api/cases', (divisionId) => ({ divisionId, category: 'help', channel: 'visit', title: 'x', content: 'y' })],
      ['/api/organisations', (divisionId) => ({ divisionId, name: '范围测试组织', type: 'other' })],
    ];
    expect(bodies.length).toBe(2);
    for (const [url, body] of bodies) {
      const unknown = await huaxin.post(url, body(unknownId), en);
      expect({ url, status: unknown.statusCode, fields: unknown.json().error?.fields }).toEqual({ url, status: 400, fields: [{ path: 'body.divisionId', message: translate('en', 'validation.reference') }] });
      const outside = await huaxin.post(url, body(t.fixture.divisions.zhaoxiang.id));
      expect({ url, status: outside.statusCode, code: outside.json().error?.code }).toEqual({ url, status: 403, code: 'out_of_scope' });
    }
  });
});
