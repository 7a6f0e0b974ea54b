import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp } from '../../test/harness.ts';
import { buildRequestWorld, ok, type CaseOut, type RequestWorld } from '../cases/requests.test-support.ts';

let t: TestApp;
let w: RequestWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildRequestWorld(t);
});
afterAll(async () => t.close());

let counter = 0;
const ip = () => `10.9.0.${++counter}`;

/** A wish submitted on the portal (signed out), as the resident would; returns its need and ticket. */
async function portalWish(phone: string, title = '楼道路灯坏了想请人修') {
  const from = ip();
  const challenge = ok<{ question: string; token: string }>(await t.app.inject({ method: 'GET', url: '/api/portal/challenge', remoteAddress: from }));
  const [, a, op, b] = /^(\d+) ([+-]) (\d+) = \?$/.exec(challenge.question)!;
  const answer = op === '+' ? Number(a) + Number(b) : Number(a) - Number(b);
  const payload = { category: 'wish', divisionId: t.fixture.divisions.huaxinVillage.id, title, content: '三号楼楼道的灯坏了一个月', phone, name: '李阿姨', challengeToken: challenge.token, challengeAnswer: answer };
  const { ticketNo } = ok<{ ticketNo: string }>(await t.app.inject({ method: 'POST', url: '/api/portal/submissions', remoteAddress: from, payload }), 201);
  const need = await t.handle.db.selectFrom('needs').select(['id', 'version']).where('ticket_no', '=', ticketNo).executeTakeFirstOrThrow();
  return { ...need, ticketNo };
}

const track = async (ticketNo: string, phoneLast4: string) =>
  ok<{ status: string; category: string; steps: Array<{ step: string; note: string | null }>; reply: { text: string } | null }>(
    await t.app.inject({ method: 'POST', url: '/api/portal/track', remoteAddress: ip(), payload: { ticketNo, phoneLast4 } }),
  );

describe('route a portal wish to dispatch (转为派单办理)', () => {
  it('201: one transaction makes a case with the same ticket and the submitter, withdraws the need, records both histories and audits', async () => {
    const wish = await portalWish('13822223333');
    const before = ok<CaseOut>(await w.clients.huaxinStaff.get(`/api/needs/${wish.id}`));
    expect(before.allowed).toContain('route_to_case');
    const routed = ok<{ caseId: number; ticketNo: string }>(await w.clients.huaxinStaff.post(`/api/needs/${wish.id}/route-to-case`, { note: '需要物业和街道处理', version: wish.version }), 201);
    expect(routed.ticketNo).toBe(wish.ticketNo);

    const c = ok<CaseOut & { category: string; kind: string; channel: string; submitterName: string; submitterPhone: string; events: Array<{ action: string; note: string | null; public: boolean }> }>(
      await w.clients.huaxinStaff.get(`/api/cases/${routed.caseId}`),
    );
    expect(c).toMatchObject({ ticketNo: wish.ticketNo, state: 'received', category: 'wish', kind: 'help', channel: 'portal', submitterName: '李阿姨', submitterPhone: '138****3333' });
    expect(c.events).toEqual([expect.objectContaining({ action: 'register_from_need', note: '需要物业和街道处理', public: false })]);
    expect(c.allowed).toContain('dispatched');

    const need = ok<CaseOut & { routedCaseId: number | null; events: Array<{ action: string; toState: string | null }> }>(await w.clients.huaxinStaff.get(`/api/needs/${wish.id}`));
    expect(need).toMatchObject({ state: 'withdrawn', routedCaseId: routed.caseId });
    expect(need.allowed).not.toContain('route_to_case');
    expect(need.events.at(-1)).toMatchObject({ action: 'route_to_case', toState: 'withdrawn' });

    const [needAudit] = await auditRows(t.handle, 'need.route_to_case');
    expect(needAudit).toMatchObject({ entity_id: String(wish.id) });
    expect(JSON.parse(needAudit!.detail!)).toMatchObject({ caseId: routed.caseId });
    const caseAudits = await auditRows(t.handle, 'case.create');
    expect(caseAudits.some((a) => a.entity_id === String(routed.caseId))).toBe(true);
  });

  it('the resident’s ticket follows the case on the portal: the wish’s receipt, the routing, the handling and the final reply; no staff note', async () => {
    const wish = await portalWish('13833334444');
    const { caseId } = ok<{ caseId: number }>(await w.clients.huaxinStaff.post(`/api/needs/${wish.id}/route-to-case`, { note: '内部：需城管科', version: wish.version }), 201);
    const routedView = await track(wish.ticketNo, '4444');
    expect(routedView).toMatchObject({ status: 'received', category: 'wish', reply: null });
    expect(routedView.steps.map((s) => s.step)).toEqual(['received', 'routed']);
    expect(JSON.stringify(routedView)).not.toContain('城管科');

    const village = { type: 'division' as const, id: t.fixture.divisions.huaxinVillage.id };
    let c = ok<CaseOut>(await w.clients.huaxinStaff.get(`/api/cases/${caseId}`));
    c = ok<CaseOut>(await w.clients.huaxinStaff.post(`/api/cases/${caseId}/transition`, { to: 'dispatched', unit: village, version: c.version }));
    c = ok<CaseOut>(await w.clients.villageHandler.post(`/api/cases/${caseId}/transition`, { to: 'accepted', version: c.version }));
    c = ok<CaseOut>(await w.clients.villageHandler.post(`/api/cases/${caseId}/transition`, { to: 'in_progress', version: c.version }));
    c = ok<CaseOut>(await w.clients.villageHandler.post(`/api/cases/${caseId}/transition`, { to: 'replied', reply: '路灯已更换', version: c.version }));
    expect((await track(wish.ticketNo, '4444')).status).toBe('replied');
    ok(await w.clients.huaxinStaff.post(`/api/cases/${caseId}/transition`, { to: 'followed_up', satisfaction: 'satisfied', solved: true, version: c.version }));
    const done = await track(wish.ticketNo, '4444');
    expect(done).toMatchObject({ status: 'replied', reply: { text: '路灯已更换' } });
    expect(done.steps.map((s) => s.step)).toEqual(['received', 'routed', 'dispatched', 'accepted', 'in_progress', 'replied', 'followed_up']);
    // The wrong digits still get the one "not found" answer.
    expect((await t.app.inject({ method: 'POST', url: '/api/portal/track', remoteAddress: ip(), payload: { ticketNo: wish.ticketNo, phoneLast4: '0000' } })).statusCode).toBe(404);
  });

  it('403 for a reader, an organisation and staff of another town; 404 for an unknown need; nothing changes', async () => {
    const wish = await portalWish('13844445555');
    const body = { version: wish.version };
    expect((await w.clients.huaxinReader.post(`/api/needs/${wish.id}/route-to-case`, body)).json().error.code).toBe('forbidden');
    expect((await w.clients.huaxinTeam.post(`/api/needs/${wish.id}/route-to-case`, body)).statusCode).toBe(403);
    expect((await w.clients.zhaoxiangStaff.post(`/api/needs/${wish.id}/route-to-case`, body)).json().error.code).toBe('out_of_scope');
    expect((await w.clients.huaxinStaff.post('/api/needs/999999/route-to-case', body)).statusCode).toBe(404);
    const row = await t.handle.db.selectFrom('needs').select('state').where('id', '=', wish.id).executeTakeFirstOrThrow();
    expect(row.state).toBe('open');
    expect(await t.handle.db.selectFrom('cases').select('id').where('ticket_no', '=', wish.ticketNo).executeTakeFirst()).toBeUndefined();
  });

  it('409 once claimed, once routed, on a staff-posted need, and on a stale version; the body is validated', async () => {
    const wish = await portalWish('13855556666');
    const published = ok<CaseOut>(await w.clients.huaxinStaff.post(`/api/needs/${wish.id}/publish`, { version: wish.version }));
    const claimed = ok<CaseOut>(await w.clients.huaxinTeam.post(`/api/needs/${wish.id}/transition`, { to: 'claimed', organisationId: w.orgs.huaxinTeam, version: published.version }));
    expect(claimed.allowed).not.toContain('route_to_case');
    const refused = await w.clients.huaxinStaff.post(`/api/needs/${wish.id}/route-to-case`, { version: claimed.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.allowed).toEqual(expect.arrayContaining(['fulfilled', 'open']));

    const other = await portalWish('13866667777');
    expect((await w.clients.huaxinStaff.post(`/api/needs/${other.id}/route-to-case`, { version: other.version + 3 })).statusCode).toBe(409);
    expect((await w.clients.huaxinStaff.post(`/api/needs/${other.id}/route-to-case`, { note: 'x'.repeat(2001), version: other.version })).statusCode).toBe(400);
    expect((await w.clients.huaxinStaff.post(`/api/needs/${other.id}/route-to-case`, {})).statusCode).toBe(400);
    ok(await w.clients.huaxinStaff.post(`/api/needs/${other.id}/route-to-case`, { version: other.version }), 201);
    expect((await w.clients.huaxinStaff.post(`/api/needs/${other.id}/route-to-case`, { version: other.version + 1 })).statusCode).toBe(409);

    const posted = ok<CaseOut>(await w.clients.huaxinStaff.post('/api/needs', { divisionId: t.fixture.divisions.huaxinVillage.id, title: '助浴', publish: false }), 201);
    expect(posted.allowed).not.toContain('route_to_case');
    expect((await w.clients.huaxinStaff.post(`/api/needs/${posted.id}/route-to-case`, { version: posted.version })).statusCode).toBe(409);
  });
});
