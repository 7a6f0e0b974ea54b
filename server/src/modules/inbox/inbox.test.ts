import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { buildRequestWorld, ok, sh, type CaseOut, type RequestWorld } from '../cases/requests.test-support.ts';
import { runDueReminders } from './reminders.ts';

let t: TestApp;
let w: RequestWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildRequestWorld(t);
});
afterAll(async () => t.close());

interface Item {
  kind: string;
  id: number;
  box: string;
  overdue: boolean;
  dueAt: string | null;
}
const inbox = async (client: TestClient, box?: string) => ok<Item[]>(await client.get(`/api/inbox${box ? `?box=${box}` : ''}`));
const counts = async (client: TestClient) => ok<Record<string, number>>(await client.get('/api/inbox/counts'));
const has = (items: Item[], kind: string, id: number) => items.find((i) => i.kind === kind && i.id === id);

async function register(title = '噪音扰民'): Promise<CaseOut> {
  return ok(await w.clients.huaxinStaff.post('/api/cases', { divisionId: t.fixture.divisions.huaxinVillage.id, category: 'help', channel: 'hotline', title, content: '夜间施工噪音' }), 201);
}
async function go(c: CaseOut, client: TestClient, body: Record<string, unknown>): Promise<CaseOut> {
  return ok(await client.post(`/api/cases/${c.id}/transition`, { ...body, version: c.version }));
}
const village = () => ({ type: 'division', id: t.fixture.divisions.huaxinVillage.id });

describe('inbox: what waits on whom', () => {
  it('a case moves from the office’s "to dispatch" to the unit’s "to accept", "to handle", then back to the office "to follow up"', async () => {
    let c = await register();
    expect(has(await inbox(w.clients.huaxinStaff), 'case', c.id)?.box).toBe('to_dispatch');
    expect(has(await inbox(w.clients.zhaoxiangStaff), 'case', c.id)).toBeUndefined();
    c = await go(c, w.clients.huaxinStaff, { to: 'dispatched', unit: village() });
    expect(has(await inbox(w.clients.huaxinStaff), 'case', c.id)).toBeUndefined();
    expect(has(await inbox(w.clients.villageHandler, 'to_accept'), 'case', c.id)).toBeDefined();
    c = await go(c, w.clients.villageHandler, { to: 'accepted' });
    c = await go(c, w.clients.villageHandler, { to: 'in_progress' });
    expect(has(await inbox(w.clients.villageHandler), 'case', c.id)?.box).toBe('to_handle');
    c = await go(c, w.clients.villageHandler, { to: 'replied', reply: '已协调施工方夜间停工' });
    expect(has(await inbox(w.clients.villageHandler), 'case', c.id)).toBeUndefined();
    expect(has(await inbox(w.clients.huaxinStaff), 'case', c.id)?.box).toBe('to_follow_up');
    // Another town's staff and team never see it, in any box.
    for (const client of [w.clients.zhaoxiangStaff, w.clients.zhaoxiangTeam]) expect(has(await inbox(client), 'case', c.id)).toBeUndefined();
  });

  it('needs: a held wish waits to be published, a claim waits on the team, a fulfilment waits for confirmation', async () => {
    const need = ok<{ id: number; version: number }>(await w.clients.huaxinStaff.post('/api/needs', { divisionId: t.fixture.divisions.huaxin.id, title: '助学', publish: false }), 201);
    expect(has(await inbox(w.clients.huaxinStaff), 'need', need.id)?.box).toBe('to_dispatch');
    const published = ok<{ id: number; version: number }>(await w.clients.huaxinStaff.post(`/api/needs/${need.id}/publish`, { version: need.version }));
    const claimed = ok<{ version: number }>(await w.clients.huaxinTeam.post(`/api/needs/${need.id}/transition`, { to: 'claimed', organisationId: w.orgs.huaxinTeam, version: published.version }));
    expect(has(await inbox(w.clients.huaxinTeam), 'need', need.id)?.box).toBe('to_handle');
    ok(await w.clients.huaxinTeam.post(`/api/needs/${need.id}/transition`, { to: 'fulfilled', version: claimed.version }));
    expect(has(await inbox(w.clients.huaxinStaff), 'need', need.id)?.box).toBe('to_confirm');
  });

  it('an overdue case moves to the "overdue" box; the counts add up; notifications are the reader’s own', async () => {
    let c = await register('超时件');
    c = await go(c, w.clients.huaxinStaff, { to: 'dispatched', unit: village() });
    t.clock.advance(2 * 3_600_000);
    const item = has(await inbox(w.clients.villageHandler), 'case', c.id)!;
    expect(item).toMatchObject({ box: 'overdue', overdue: true });
    const n = await counts(w.clients.villageHandler);
    const all = await inbox(w.clients.villageHandler);
    expect(n.total).toBe(all.length);
    expect(n.overdue).toBe(all.filter((i) => i.box === 'overdue').length);
    expect(n.unreadNotifications).toBeGreaterThan(0);

    const list = ok<{ items: Array<{ id: number; kind: string; message: string; entityId: number }>; total: number }>(await w.clients.villageHandler.get('/api/notifications?unread=true', { 'accept-language': 'en' }));
    const assignment = list.items.find((x) => x.kind === 'assignment' && x.entityId === c.id)!;
    expect(assignment.message).toBe('New assignment: 超时件');
    expect((await w.clients.huaxinStaff.post(`/api/notifications/${assignment.id}/read`)).statusCode).toBe(403);
    expect((await w.clients.villageHandler.post('/api/notifications/999999/read')).statusCode).toBe(404);
    expect((await w.clients.villageHandler.post(`/api/notifications/${assignment.id}/read`)).statusCode).toBe(204);
    expect(ok<{ total: number }>(await w.clients.villageHandler.get('/api/notifications?unread=true')).total).toBe(list.total - 1);
    expect((await w.clients.villageHandler.post('/api/notifications/read-all')).statusCode).toBe(204);
    expect((await counts(w.clients.villageHandler)).unreadNotifications).toBe(0);
    expect((await t.anonymous().get('/api/inbox/counts')).statusCode).toBe(401);
    t.clock.set('2026-11-25T02:00:00.000Z');
  });
});

describe('runDueReminders', () => {
  it('sends each due reminder once even when two runs race, and escalates once a case is a working day late', async () => {
    t.clock.set(sh('2026-11-24 09:00'));
    let c = await register('催办测试');
    c = await go(c, w.clients.huaxinStaff, { to: 'dispatched', unit: village() });
    const now = new Date(sh('2026-11-24 11:00'));
    const [a, b] = await Promise.all([runDueReminders(t.handle.db, now), runDueReminders(t.handle.db, now)]);
    const reminders = () =>
      t.handle.db.selectFrom('notifications').select(['user_id', 'kind', 'params']).where('entity', '=', 'case').where('entity_id', '=', c.id).where('kind', 'in', ['reminder', 'escalation']).execute();
    // Only the accept clock (1 working hour) has run out: one reminder to the unit, from one of the runs.
    expect((await reminders()).map((r) => [r.kind, r.user_id, JSON.parse(r.params).clock])).toEqual([['reminder', w.users.villageHandler, 'accept']]);
    expect(a.reminders + b.reminders).toBeGreaterThanOrEqual(1);
    const again = await runDueReminders(t.handle.db, new Date(sh('2026-11-24 11:30')));
    expect(again.reminders).toBe(0);
    const events = await t.handle.db.selectFrom('case_events').select(['action', 'actor_id']).where('case_id', '=', c.id).where('action', '=', 'reminded').execute();
    expect(events).toEqual([{ action: 'reminded', actor_id: null }]);

    // Reply due Fri 11-27 17:30 (3 working days after Tue 11-24); a working day later is Mon 11-30 17:30.
    const late = new Date(sh('2026-11-30 17:40'));
    await Promise.all([runDueReminders(t.handle.db, late), runDueReminders(t.handle.db, late)]);
    const kinds = (await reminders()).map((r) => [r.kind, JSON.parse(r.params).clock, r.user_id]);
    expect(kinds).toEqual([
      ['reminder', 'accept', w.users.villageHandler],
      ['reminder', 'contact', w.users.villageHandler],
      ['reminder', 'reply', w.users.villageHandler],
      ['escalation', 'reply', t.fixture.users.huaxinStaff.id],
    ]);
    t.clock.set('2026-11-25T02:00:00.000Z');
  });

  it('reminds a unit whose assignment is past its deadline, and escalates two working days later, once', async () => {
    const report = ok<{ id: number; version: number }>(await w.clients.huaxinTeam.post('/api/direct-channel/reports', { organisationId: w.orgs.huaxinTeam, kind: 'proposal', title: '建议', content: '……' }), 201);
    const instructed = ok<{ version: number }>(await w.clients.huaxinStaff.post(`/api/direct-channel/reports/${report.id}/instructions`, { leaderName: '张书记', content: '阅，请办', version: report.version }));
    const assigned = ok<{ assignments: Array<{ id: number }> }>(
      await w.clients.huaxinStaff.post(`/api/direct-channel/reports/${report.id}/assignments`, { units: [{ unit: village(), deadline: '2026-11-25' }], version: instructed.version }),
    );
    const assignmentId = assigned.assignments[0]!.id;
    const sent = () => t.handle.db.selectFrom('notifications').select(['kind', 'user_id']).where('entity', '=', 'report').where('entity_id', '=', report.id).where('kind', 'in', ['reminder', 'escalation']).execute();
    await runDueReminders(t.handle.db, new Date(sh('2026-11-25 18:00')));
    expect(await sent()).toEqual([]);
    await Promise.all([runDueReminders(t.handle.db, new Date(sh('2026-11-26 09:00'))), runDueReminders(t.handle.db, new Date(sh('2026-11-26 09:00')))]);
    expect(await sent()).toEqual([{ kind: 'reminder', user_id: w.users.villageHandler }]);
    await runDueReminders(t.handle.db, new Date(sh('2026-11-27 17:00')));
    expect(await sent()).toHaveLength(1);
    await Promise.all([runDueReminders(t.handle.db, new Date(sh('2026-11-28 10:00'))), runDueReminders(t.handle.db, new Date(sh('2026-11-28 10:00')))]);
    expect((await sent()).map((n) => n.kind)).toEqual(['reminder', 'escalation']);
    const detail = ok<{ assignments: Array<{ id: number; escalated: boolean; reminders: number }> }>(await w.clients.huaxinStaff.get(`/api/direct-channel/reports/${report.id}`));
    expect(detail.assignments.find((a) => a.id === assignmentId)).toMatchObject({ escalated: true, reminders: 1 });
  });
});
