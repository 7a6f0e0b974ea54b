import { dispatchMachine, dispatchStates, nextDispatchStates, type DispatchState } from '@tongxin/core/sla/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { sideOf } from './cases.policy.ts';
import { buildRequestWorld, fieldsOf, ok, sh, type CaseOut, type RequestWorld } from './requests.test-support.ts';

let t: TestApp;
let w: RequestWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildRequestWorld(t);
});
afterAll(async () => t.close());

const village = () => ({ type: 'division' as const, id: t.fixture.divisions.huaxinVillage.id });

async function register(client: TestClient = w.clients.huaxinStaff, overrides: Record<string, unknown> = {}): Promise<CaseOut> {
  return ok(
    await client.post('/api/cases', {
      divisionId: t.fixture.divisions.huaxinVillage.id,
      category: 'help',
      channel: 'hotline',
      title: '路灯不亮',
      content: '华新村村口路灯已坏一周',
      submitterName: '李阿姨',
      submitterPhone: '139 0000 1234',
      ...overrides,
    }),
    201,
  );
}

/** The body of a step to `to` from `from` (what that step must carry). */
function stepBody(from: DispatchState, to: DispatchState, version: number): Record<string, unknown> {
  const base = { to, version };
  switch (to) {
    case 'dispatched':
      return { ...base, unit: village() };
    case 'returned':
      return { ...base, note: '不属于本单位职责' };
    case 'in_progress':
      return from === 'followed_up' ? { ...base, note: '群众反映仍未修好' } : base;
    case 'replied':
      return { ...base, reply: '路灯已于今日修复' };
    case 'followed_up':
      return { ...base, satisfaction: 'satisfied', solved: true };
    case 'closed':
      return { ...base, note: '重复件' };
    default:
      return base;
  }
}

const clientFor = (from: DispatchState, to: DispatchState) => (sideOf(from, to) === 'unit_step' ? w.clients.villageHandler : w.clients.huaxinStaff);

async function step(c: CaseOut, to: DispatchState, extra: Record<string, unknown> = {}): Promise<CaseOut> {
  const from = c.state as DispatchState;
  return ok(await clientFor(from, to).post(`/api/cases/${c.id}/transition`, { ...stepBody(from, to, c.version), ...extra }));
}

const pathTo: Record<DispatchState, DispatchState[]> = {
  received: [],
  dispatched: ['dispatched'],
  accepted: ['dispatched', 'accepted'],
  in_progress: ['dispatched', 'accepted', 'in_progress'],
  replied: ['dispatched', 'accepted', 'in_progress', 'replied'],
  followed_up: ['dispatched', 'accepted', 'in_progress', 'replied', 'followed_up'],
  closed: ['closed'],
  returned: ['dispatched', 'returned'],
};

async function caseIn(state: DispatchState): Promise<CaseOut> {
  let c = await register();
  for (const to of pathTo[state]) c = await step(c, to);
  expect(c.state).toBe(state);
  return c;
}

describe('POST /api/cases', () => {
  it('201: office staff register a hotline case; ticket number, masked phone, history and audit', async () => {
    const c = await register();
    expect(c).toMatchObject({ state: 'received', kind: 'help', category: 'help', channel: 'hotline', divisionName: '华新村', submitterPhone: '139****1234', leadUnit: null });
    expect(c.ticketNo).toMatch(/^TX261125-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect((c.events as Array<{ action: string; toState: string }>).map((e) => [e.action, e.toState])).toEqual([['register', 'received']]);
    expect(c.nextStates).toEqual(['dispatched', 'replied', 'closed']);
    expect(c.allowed).toEqual(expect.arrayContaining(['dispatched', 'replied', 'closed', 'update', 'note', 'reveal_phone']));
    const stored = await t.handle.db.selectFrom('cases').select(['submitter_phone', 'office_division_id']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ submitter_phone: '13900001234', office_division_id: t.fixture.divisions.huaxin.id });
    const [audit] = await auditRows(t.handle, 'case.create');
    expect(audit).toMatchObject({ entity_id: String(c.id), actor_id: t.fixture.users.huaxinStaff.id });
    expect(audit!.detail).not.toContain('1390000');
  });

  it('201: an opinion gets the complaint time limit unless a kind is given', async () => {
    expect((await register(undefined, { category: 'opinion' })).kind).toBe('complaint');
    expect((await register(undefined, { category: 'opinion', kind: 'urgent' })).kind).toBe('urgent');
  });

  it('400: wrong types, missing fields, unknown enums, over-long text, a bad phone, the portal channel and a future time', async () => {
    const response = await w.clients.huaxinStaff.post(
      '/api/cases',
      { divisionId: 'x', category: 'gossip', channel: 'portal', title: '长'.repeat(61), content: '', submitterPhone: '12345abc', kind: 'slow' },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    expect(Object.keys(fieldsOf(response.json())).sort()).toEqual(['body.category', 'body.channel', 'body.content', 'body.divisionId', 'body.kind', 'body.submitterPhone', 'body.title']);
    expect(fieldsOf(response.json())['body.submitterPhone']).toBe('Not a valid phone number');
    const missing = await w.clients.huaxinStaff.post('/api/cases', {});
    expect(Object.keys(fieldsOf(missing.json())).sort()).toEqual(['body.category', 'body.channel', 'body.content', 'body.divisionId', 'body.title']);
    const future = await w.clients.huaxinStaff.post('/api/cases', { divisionId: t.fixture.divisions.huaxin.id, category: 'help', channel: 'visit', title: 'x', content: 'y', receivedAt: '2030-01-01T00:00:00+08:00' });
    expect(fieldsOf(future.json())).toHaveProperty('body.receivedAt');
    const unknownDivision = await w.clients.huaxinStaff.post('/api/cases', { divisionId: 999999, category: 'help', channel: 'visit', title: 'x', content: 'y' });
    expect(fieldsOf(unknownDivision.json())).toHaveProperty('body.divisionId');
  });

  it("401 without a session; 403 in another town; 403 for a handler (not office staff)", async () => {
    expect((await t.anonymous().post('/api/cases', {})).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/cases')).statusCode).toBe(401);
    const elsewhere = await w.clients.zhaoxiangStaff.post('/api/cases', { divisionId: t.fixture.divisions.huaxin.id, category: 'help', channel: 'visit', title: 'x', content: 'y' });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('out_of_scope');
    const handler = await w.clients.villageHandler.post('/api/cases', { divisionId: t.fixture.divisions.huaxinVillage.id, category: 'help', channel: 'visit', title: 'x', content: 'y' });
    expect(handler.json().error.code).toBe('forbidden');
  });
});

describe('dispatch route: every transition through the API', () => {
  for (const transition of dispatchMachine.transitions) {
    it(`200: ${transition.from} → ${transition.to} (${transition.action})`, async () => {
      const c = await caseIn(transition.from);
      const after = await step(c, transition.to);
      expect(after.state).toBe(transition.to);
      expect(after.version).toBe(c.version + 1);
      const last = (after.events as Array<{ action: string; fromState: string; toState: string }>).at(-1)!;
      expect(last).toMatchObject({ action: transition.action, fromState: transition.from, toState: transition.to });
      expect((await auditRows(t.handle, `case.${transition.action}`)).some((row) => row.entity_id === String(c.id))).toBe(true);
    });
  }

  for (const from of dispatchStates) {
    it(`409: every step not allowed from ${from}, with the allowed next states`, async () => {
      const c = await caseIn(from);
      const allowed = nextDispatchStates(from);
      for (const to of dispatchStates.filter((s) => !allowed.includes(s))) {
        const response = await w.clients.huaxinStaff.post(`/api/cases/${c.id}/transition`, stepBody(from, to, c.version));
        expect(response.statusCode, `${from} → ${to}`).toBe(409);
        expect(response.json().error).toMatchObject({ code: 'invalid_transition', details: { from, to, allowed } });
      }
      expect(ok((await w.clients.huaxinStaff.get(`/api/cases/${c.id}`))).version).toBe(c.version);
    });
  }

  it('400: a return, a close and a reopen without a reason are refused on the note', async () => {
    const dispatched = await caseIn('dispatched');
    const noReason = await w.clients.villageHandler.post(`/api/cases/${dispatched.id}/transition`, { to: 'returned', version: dispatched.version }, { 'accept-language': 'en' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason.json())).toEqual({ 'body.note': 'This step needs a reason' });
    const received = await register();
    expect((await w.clients.huaxinStaff.post(`/api/cases/${received.id}/transition`, { to: 'closed', note: '  ', version: received.version })).statusCode).toBe(400);
    const followed = await caseIn('followed_up');
    expect((await w.clients.huaxinStaff.post(`/api/cases/${followed.id}/transition`, { to: 'in_progress', version: followed.version })).statusCode).toBe(400);
  });

  it('403: the office cannot take the unit’s steps, nor the unit the office’s', async () => {
    const dispatched = await caseIn('dispatched');
    const officeAccepts = await w.clients.huaxinStaff.post(`/api/cases/${dispatched.id}/transition`, { to: 'accepted', version: dispatched.version });
    expect(officeAccepts.json().error.code).toBe('forbidden');
    const otherUnit = await w.clients.huaxinTeam.post(`/api/cases/${dispatched.id}/transition`, { to: 'accepted', version: dispatched.version });
    expect(otherUnit.statusCode).toBe(403);
    const received = await register();
    const unitDispatches = await w.clients.villageHandler.post(`/api/cases/${received.id}/transition`, { to: 'dispatched', unit: village(), version: received.version });
    expect(unitDispatches.json().error.code).toBe('forbidden');
  });

  it('409: a stale version; 400: an unknown unit, a unit outside the subtree, a duplicate assisting unit', async () => {
    const c = await register();
    const stale = await w.clients.huaxinStaff.post(`/api/cases/${c.id}/transition`, { to: 'dispatched', unit: village(), version: c.version + 5 });
    expect(stale.json().error.code).toBe('version_conflict');
    const unknown = await w.clients.huaxinStaff.post(`/api/cases/${c.id}/transition`, { to: 'dispatched', unit: { type: 'organisation', id: 999999 }, version: c.version });
    expect(fieldsOf(unknown.json())).toHaveProperty('body.unit');
    const outside = await w.clients.huaxinStaff.post(`/api/cases/${c.id}/transition`, { to: 'dispatched', unit: { type: 'organisation', id: w.orgs.zhaoxiangTeam }, version: c.version });
    expect(fieldsOf(outside.json())).toHaveProperty('body.unit');
    const twice = await w.clients.huaxinStaff.post(`/api/cases/${c.id}/transition`, { to: 'dispatched', unit: village(), assistUnits: [village()], version: c.version });
    expect(fieldsOf(twice.json())).toHaveProperty('body.assistUnits.0');
    const bad = await w.clients.huaxinStaff.post(`/api/cases/${c.id}/transition`, { to: 'teleported', version: c.version });
    expect(bad.statusCode).toBe(400);
  });

  it('a lead unit with an assisting unit; both are notified, both may read, only the lead acts', async () => {
    const c = await register();
    const dispatched = await step(c, 'dispatched', { assistUnits: [{ type: 'organisation', id: w.orgs.huaxinTeam }] });
    expect(dispatched.assistUnits).toEqual([{ type: 'organisation', id: w.orgs.huaxinTeam, name: '华新镇志愿服务队' }]);
    const notes = await t.handle.db.selectFrom('notifications').select(['user_id', 'params']).where('entity', '=', 'case').where('entity_id', '=', c.id).execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([w.users.villageHandler, w.users.huaxinTeam].sort());
    const assist = ok(await w.clients.huaxinTeam.get(`/api/cases/${c.id}`));
    expect(assist.allowed).not.toContain('accepted');
    expect(ok(await w.clients.villageHandler.get(`/api/cases/${c.id}`)).allowed).toContain('accepted');
  });
});

describe('follow-up', () => {
  it('"not satisfied" for the unit’s own reasons reopens the case for redo in one step, and tells the unit', async () => {
    const c = await caseIn('replied');
    const after = await step(c, 'followed_up', { satisfaction: 'not_satisfied', solved: false, unitAtFault: true, note: '路灯仍不亮' });
    expect(after).toMatchObject({ state: 'in_progress', satisfaction: 'not_satisfied', solved: false, unitAtFault: true });
    const events = (after.events as Array<{ action: string }>).map((e) => e.action);
    expect(events.slice(-2)).toEqual(['follow_up', 'reopen']);
    const redo = await t.handle.db.selectFrom('notifications').select('params').where('entity_id', '=', c.id).where('user_id', '=', w.users.villageHandler).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(redo.params)).toMatchObject({ role: 'redo' });
  });

  it('"not satisfied" for reasons outside the unit stays followed up, then the office closes it', async () => {
    const c = await caseIn('replied');
    const after = await step(c, 'followed_up', { satisfaction: 'not_satisfied', solved: false, unitAtFault: false });
    expect(after).toMatchObject({ state: 'followed_up', unitAtFault: false });
    expect((await step(after, 'closed', { note: undefined })).state).toBe('closed');
  });
});

describe('clocks across a weekend, a public holiday and a make-up workday (t.clock)', () => {
  it('accept is due the next morning of a make-up Saturday; reply skips the ordinary Sunday', async () => {
    t.clock.set(sh('2026-10-09 16:50'));
    let c = await register(undefined, { category: 'question' });
    t.clock.set(sh('2026-10-09 17:00'));
    c = await step(c, 'dispatched');
    t.clock.set(sh('2026-10-10 09:00'));
    const read = ok(await w.clients.huaxinStaff.get(`/api/cases/${c.id}`));
    const clocks = read.clocks as Record<string, { status: string; dueAt: string; remainingMinutes: number }>;
    expect(clocks.accept).toMatchObject({ status: 'running', dueAt: sh('2026-10-10 09:30'), remainingMinutes: 30 });
    expect(clocks.reply!.dueAt).toBe(sh('2026-10-13 17:30'));
    expect(clocks.contact!.dueAt).toBe(sh('2026-10-10 17:00'));
  });

  it('overdue working minutes do not grow over the National Day holiday', async () => {
    t.clock.set(sh('2026-09-30 09:00'));
    let c = await register();
    t.clock.set(sh('2026-09-30 10:00'));
    c = await step(c, 'dispatched');
    t.clock.set(sh('2026-10-05 15:00'));
    const onHoliday = ok(await w.clients.huaxinStaff.get(`/api/cases/${c.id}`));
    expect(onHoliday.overdue).toBe(true);
    expect((onHoliday.clocks as Record<string, { status: string; overdueMinutes: number }>).accept).toMatchObject({ status: 'overdue', overdueMinutes: 300 });
    t.clock.set(sh('2026-10-08 09:10'));
    const after = ok(await w.clients.huaxinStaff.get(`/api/cases/${c.id}`));
    expect((after.clocks as Record<string, { overdueMinutes: number }>).accept!.overdueMinutes).toBe(310);
    const list = ok<{ items: Array<{ id: number }> }>(await w.clients.huaxinStaff.get('/api/cases?overdue=true&pageSize=200'));
    expect(list.items.map((i) => i.id)).toContain(c.id);
    // Signing now stops the accept clock as missed, 310 working minutes late.
    const accepted = await step(after, 'accepted');
    expect((accepted.clocks as Record<string, { status: string; overdueMinutes: number }>).accept).toMatchObject({ status: 'missed', overdueMinutes: 310 });
  });

  it('an urgent case is due at close of business the same (make-up) working day', async () => {
    t.clock.set(sh('2026-10-10 16:55'));
    let c = await register(undefined, { kind: 'urgent' });
    t.clock.set(sh('2026-10-10 17:00'));
    c = await step(c, 'dispatched');
    const clocks = c.clocks as Record<string, { dueAt: string; remainingMinutes: number }>;
    expect(clocks.reply).toMatchObject({ dueAt: sh('2026-10-10 17:30'), remainingMinutes: 30 });
    expect(clocks.accept!.dueAt).toBe(sh('2026-10-12 09:30'));
    t.clock.set('2026-11-25T02:00:00.000Z');
  });
});

describe('reading, scope and phones', () => {
  let c: CaseOut;
  beforeAll(async () => {
    c = await caseIn('dispatched');
  });

  it("403: another town's staff cannot read the case by id, by list filter, nor find it in their list", async () => {
    const byId = await w.clients.zhaoxiangStaff.get(`/api/cases/${c.id}`);
    expect(byId.statusCode).toBe(403);
    expect(byId.json().error.code).toBe('out_of_scope');
    expect((await w.clients.zhaoxiangStaff.get(`/api/cases?divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    const mine = ok<{ items: Array<{ id: number }> }>(await w.clients.zhaoxiangStaff.get('/api/cases?pageSize=200'));
    expect(mine.items.map((i) => i.id)).not.toContain(c.id);
    const step403 = await w.clients.zhaoxiangStaff.post(`/api/cases/${c.id}/transition`, { to: 'accepted', version: c.version });
    expect(step403.statusCode).toBe(403);
    expect((await w.clients.zhaoxiangStaff.post(`/api/cases/${c.id}/reveal-phone`)).statusCode).toBe(403);
  });

  it('200: a unit outside the district’s town sees what was sent to it, and nothing else', async () => {
    const district = await register(w.clients.qingpuStaff, { divisionId: t.fixture.divisions.qingpu.id });
    await ok(await w.clients.qingpuStaff.post(`/api/cases/${district.id}/transition`, { to: 'dispatched', unit: { type: 'organisation', id: w.orgs.zhaoxiangTeam }, version: district.version }));
    const seen = ok<{ items: Array<{ id: number }> }>(await w.clients.zhaoxiangTeam.get('/api/cases?pageSize=200'));
    expect(seen.items.map((i) => i.id)).toContain(district.id);
    expect(seen.items.map((i) => i.id)).not.toContain(c.id);
    expect(ok(await w.clients.zhaoxiangTeam.get(`/api/cases/${district.id}`)).allowed).toContain('accepted');
  });

  it('404: an unknown case', async () => {
    expect((await w.clients.huaxinStaff.get('/api/cases/999999')).statusCode).toBe(404);
  });

  it('phones: masked for a handler who is not the lead (403 on reveal); the office and the lead unit reveal, audited', async () => {
    expect(ok(await w.clients.huaxinReader.get(`/api/cases/${c.id}`)).submitterPhone).toBe('139****1234');
    expect((await w.clients.huaxinReader.post(`/api/cases/${c.id}/reveal-phone`)).json().error.code).toBe('forbidden');
    expect(ok<{ phone: string }>(await w.clients.huaxinStaff.post(`/api/cases/${c.id}/reveal-phone`)).phone).toBe('13900001234');
    expect(ok<{ phone: string }>(await w.clients.villageHandler.post(`/api/cases/${c.id}/reveal-phone`)).phone).toBe('13900001234');
    const rows = (await auditRows(t.handle, 'case.reveal_phone')).filter((r) => r.entity_id === String(c.id));
    expect(rows.map((r) => r.actor_id).sort()).toEqual([t.fixture.users.huaxinStaff.id, w.users.villageHandler].sort());
  });

  it('notes stay internal; a logged contact stops the contact clock; a reminder notifies the lead unit', async () => {
    const withNote = ok(await w.clients.huaxinStaff.post(`/api/cases/${c.id}/notes`, { note: '该户情况特殊，注意方式' }));
    expect((withNote.events as Array<{ action: string; public: boolean }>).at(-1)).toMatchObject({ action: 'note', public: false });
    expect((await w.clients.villageHandler.post(`/api/cases/${c.id}/contact`, {})).statusCode).toBe(409);
    const accepted = await step(ok(await w.clients.huaxinStaff.get(`/api/cases/${c.id}`)), 'accepted');
    const contacted = ok(await w.clients.villageHandler.post(`/api/cases/${accepted.id}/contact`, { note: '已电话联系' }));
    expect((contacted.clocks as Record<string, { status: string }>).contact!.status).toBe('met');
    expect((await w.clients.huaxinStaff.post(`/api/cases/${c.id}/contact`, {})).statusCode).toBe(403);
    ok(await w.clients.huaxinStaff.post(`/api/cases/${c.id}/remind`, { note: '请尽快办理' }));
    const reminder = await t.handle.db.selectFrom('notifications').selectAll().where('entity_id', '=', c.id).where('kind', '=', 'reminder').executeTakeFirst();
    expect(reminder?.user_id).toBe(w.users.villageHandler);
  });

  it('PATCH: corrects a received case with its version (409 when stale); 403 once dispatched', async () => {
    const fresh = await register();
    const edited = ok(await w.clients.huaxinStaff.patch(`/api/cases/${fresh.id}`, { title: '村口路灯不亮', kind: 'urgent', version: fresh.version }));
    expect(edited).toMatchObject({ title: '村口路灯不亮', kind: 'urgent', version: fresh.version + 1 });
    expect((await w.clients.huaxinStaff.patch(`/api/cases/${fresh.id}`, { title: 'x', version: fresh.version })).statusCode).toBe(409);
    expect((await w.clients.huaxinStaff.patch(`/api/cases/${c.id}`, { title: 'x', version: 99 })).statusCode).toBe(403);
  });
});
