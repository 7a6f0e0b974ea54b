import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { recordDemoDataLoaded } from './meta.repo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('GET /api/public/instance', () => {
  it('200 without signing in: no demo data set loaded, so no demo account to offer; then yes once the seed records it', async () => {
    const before = await t.anonymous().get('/api/public/instance');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ demoData: false });

    await recordDemoDataLoaded(t.handle.db, '2026-11-01T00:00:00.000Z');
    // Loading it again (seed --demo on a copy) keeps one row.
    await recordDemoDataLoaded(t.handle.db, '2026-11-02T00:00:00.000Z');
    expect((await t.anonymous().get('/api/public/instance')).json()).toEqual({ demoData: true });
    expect(await t.handle.db.selectFrom('app_facts').selectAll().execute()).toEqual([
      { name: 'demo_data_loaded_at', value: '2026-11-02T00:00:00.000Z', updated_at: '2026-11-02T00:00:00.000Z' },
    ]);
  });
});
