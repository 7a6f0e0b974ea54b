import { caseCategories } from '@tongxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp } from '../../test/harness.ts';
import { purgeClosedRequestPhones } from './phone-retention.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** A hotline request through the API; closed `closedAt` (the dispatch steps are not this test's concern). */
async function request(channel: 'hotline' | 'organisation', phone: string, closedAt: string | null) {
  const admin = await t.signIn('admin');
  const response = await admin.post('/api/cases', {
    divisionId: t.fixture.divisions.huaxin.id,
    category: caseCategories[0],
    channel,
    title: '路灯不亮',
    content: '华新村路灯坏了',
    submitterName: '张先生',
    submitterPhone: phone,
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = (response.json() as { id: number }).id;
  if (closedAt) await t.handle.db.updateTable('cases').set({ state: 'closed', closed_at: closedAt }).where('id', '=', id).execute();
  return id;
}

const phoneOf = async (id: number) => (await t.handle.db.selectFrom('cases').select('submitter_phone').where('id', '=', id).executeTakeFirstOrThrow()).submitter_phone;

describe('phone retention', () => {
  it('erases the phone of public requests closed more than N months ago, audited; keeps open, recent and organisation ones', async () => {
    t.clock.set('2026-11-25T02:00:00.000Z');
    const old = await request('hotline', '13900001111', '2024-10-01T00:00:00.000Z');
    const recent = await request('hotline', '13900002222', '2025-12-01T00:00:00.000Z');
    const open = await request('hotline', '13900003333', null);
    const byOrganisation = await request('organisation', '13900004444', '2024-10-01T00:00:00.000Z');

    expect(await purgeClosedRequestPhones(t.handle.db, t.clock.now(), 0)).toEqual([]); // 0 = keep
    expect(await purgeClosedRequestPhones(t.handle.db, t.clock.now(), 24)).toEqual([old]);
    expect(await phoneOf(old)).toBeNull();
    expect(await phoneOf(recent)).toBe('13900002222');
    expect(await phoneOf(open)).toBe('13900003333');
    expect(await phoneOf(byOrganisation)).toBe('13900004444');
    const audit = await auditRows(t.handle, 'case.phone_erased');
    expect(audit.map((row) => String(row.entity_id))).toEqual([String(old)]);
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ closedAt: '2024-10-01T00:00:00.000Z', retentionMonths: 24 });

    // A year later the recent one is due too; the old one is not erased (or audited) twice.
    t.clock.set('2027-12-02T00:00:00.000Z');
    expect(await purgeClosedRequestPhones(t.handle.db, t.clock.now(), 24)).toEqual([recent]);
    expect(await auditRows(t.handle, 'case.phone_erased')).toHaveLength(2);
  });
});
