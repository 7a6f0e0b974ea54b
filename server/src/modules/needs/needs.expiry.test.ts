import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp } from '../../test/harness.ts';
import { buildRequestWorld, ok, sh, type RequestWorld } from '../cases/requests.test-support.ts';
import { expireAfterDaysPastDue, expireOverdueNeeds } from './needs.expiry.ts';

let t: TestApp;
let w: RequestWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildRequestWorld(t);
});
afterAll(async () => t.close());

interface NeedOut {
  id: number;
  version: number;
  state: string;
  dateFlag: string | null;
  allowed: string[];
  nextStates: string[];
}

async function post(title: string, wantedBy: string, publish = true): Promise<NeedOut> {
  return ok<NeedOut>(await w.clients.huaxinStaff.post('/api/needs', { divisionId: t.fixture.divisions.huaxinVillage.id, title, wantedBy, publish }), 201);
}

const stateOf = async (id: number) => (await t.handle.db.selectFrom('needs').select(['state', 'version']).where('id', '=', id).executeTakeFirstOrThrow());

describe('expireOverdueNeeds', () => {
  it(`expires an unclaimed published need ${expireAfterDaysPastDue} days after its date, once, leaving claimed, unreviewed and later needs alone`, async () => {
    t.clock.set(sh('2026-11-25 10:00'));
    const lapsing = await post('为独居老人修理门锁', '2026-11-26');
    const later = await post('为困难家庭送冬衣', '2026-12-31');
    const unreviewed = await post('社区图书角添置书架', '2026-11-26', false);
    const claimedNeed = await post('帮助留守儿童辅导功课', '2026-11-26');
    ok(await w.clients.huaxinTeam.post(`/api/needs/${claimedNeed.id}/transition`, { to: 'claimed', organisationId: w.orgs.huaxinTeam, version: claimedNeed.version }));

    // Past its date (flagged) but within the grace days: nothing expires yet.
    t.clock.set(sh('2026-11-29 23:59'));
    // Days on, the sessions are idle-expired: sign in afresh.
    const staff = await t.signIn('huaxin.staff');
    const flagged = ok<NeedOut>(await staff.get(`/api/needs/${lapsing.id}`));
    expect(flagged.dateFlag).toBe('past_due');
    expect(await expireOverdueNeeds(t.handle.db, new Date(sh('2026-11-29 23:59')))).toEqual([]);

    // The fourth day after the date: two racing runs expire it exactly once.
    const now = new Date(sh('2026-11-30 00:01'));
    const [a, b] = await Promise.all([expireOverdueNeeds(t.handle.db, now), expireOverdueNeeds(t.handle.db, now)]);
    expect([...a, ...b]).toEqual([lapsing.id]);
    expect(await expireOverdueNeeds(t.handle.db, new Date(sh('2026-12-01 09:00')))).toEqual([]);

    expect(await stateOf(lapsing.id)).toEqual({ state: 'expired', version: lapsing.version + 1 });
    expect((await stateOf(later.id)).state).toBe('open');
    expect((await stateOf(unreviewed.id)).state).toBe('open');
    expect((await stateOf(claimedNeed.id)).state).toBe('claimed');

    const events = await t.handle.db.selectFrom('need_events').select(['action', 'from_state', 'to_state', 'actor_id']).where('need_id', '=', lapsing.id).where('action', '=', 'expire').execute();
    expect(events).toEqual([{ action: 'expire', from_state: 'open', to_state: 'expired', actor_id: null }]);
    const audit = (await auditRows(t.handle, 'need.expire')).filter((row) => row.entity_id === String(lapsing.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: null, actor_name: 'system', entity: 'need', division_id: t.fixture.divisions.huaxinVillage.id });

    // The office sees it expired and may republish it with a new date.
    t.clock.set(sh('2026-12-01 09:00'));
    const office = await t.signIn('huaxin.staff');
    const seen = ok<NeedOut>(await office.get(`/api/needs/${lapsing.id}`));
    expect(seen).toMatchObject({ state: 'expired', dateFlag: null });
    expect(seen.allowed).toContain('open');
    const republished = ok<NeedOut>(await office.post(`/api/needs/${lapsing.id}/transition`, { to: 'open', wantedBy: '2026-12-20', version: seen.version }));
    expect(republished.state).toBe('open');
    expect(await expireOverdueNeeds(t.handle.db, new Date(sh('2026-12-01 09:05')))).toEqual([]);
    t.clock.set('2026-11-25T02:00:00.000Z');
  });
});
