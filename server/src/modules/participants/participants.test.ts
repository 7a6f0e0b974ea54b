import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { lastVoteCode } from '../votes/votes.sender.ts';
import { clientOf, joinAsParticipant, makeOrganisation, tokenOf } from './participants.test-support.ts';

let t: TestApp;
let huaxinStaff: TestClient;
let jinshanAdmin: TestClient;
let team: { id: number; version: number };

beforeAll(async () => {
  t = await createTestApp();
  huaxinStaff = await t.signIn('huaxin.staff');
  jinshanAdmin = await t.signIn('jinshan.admin');
  team = await makeOrganisation(huaxinStaff, t.fixture.divisions.huaxin.id, '华新镇志愿服务队');
});
afterAll(async () => t?.close());

async function codeFor(phone: string) {
  t.clock.advance(61_000);
  const sent = await t.anonymous().post('/api/public/participant-codes', { phone });
  expect(sent.statusCode).toBe(202);
  return lastVoteCode(phone)!;
}

describe('invitations', () => {
  it('201: office staff get a single-use link with a QR code; the token is stored only as a hash; audited', async () => {
    const response = await huaxinStaff.post(`/api/organisations/${team.id}/invitations`, { role: 'volunteer', displayName: '李明', expiresInDays: 3 });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.url).toMatch(/^http:\/\/[^/]+\/m\/join#[A-Za-z0-9_-]{32}$/);
    expect(body.qrSvg).toMatch(/^<svg /);
    expect(body.expiresAt).toBe(new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString());
    const stored = await t.handle.db.selectFrom('participant_invitations').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toHaveLength(64);
    expect(JSON.stringify(stored)).not.toContain(tokenOf(body.url));
    expect((await auditRows(t.handle, 'participant.invite'))[0]!.entity_id).toBe(String(team.id));
    const preview = await t.anonymous().get(`/api/public/invitations/${tokenOf(body.url)}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ organisationName: '华新镇志愿服务队', role: 'volunteer', displayName: '李明', expiresAt: body.expiresAt });
    const list = await huaxinStaff.get(`/api/organisations/${team.id}/invitations`);
    expect(list.json().map((i: { id: number }) => i.id)).toContain(body.id);
  });

  it('403: an office outside the organisation’s subtree; 400: a role that is not a participant role; 404: unknown organisation', async () => {
    expect((await jinshanAdmin.post(`/api/organisations/${team.id}/invitations`, { role: 'participant' })).statusCode).toBe(403);
    const bad = await huaxinStaff.post(`/api/organisations/${team.id}/invitations`, { role: 'staff' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.role');
    expect((await huaxinStaff.post('/api/organisations/987654/invitations', { role: 'participant' })).statusCode).toBe(404);
  });

  it('201 then 400: accepting with the SMS code signs in and binds to the organisation; the link works once', async () => {
    const invitation = (await huaxinStaff.post(`/api/organisations/${team.id}/invitations`, { role: 'participant' })).json();
    const phone = '13900005001';
    const code = await codeFor(phone);
    const accepted = await t.anonymous().post('/api/public/invitations/accept', { token: tokenOf(invitation.url), phone, code, displayName: '张三' });
    expect(accepted.statusCode).toBe(201);
    const participant = clientOf(t, accepted);
    const me = await participant.get('/api/participant/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ displayName: '张三', phone: '139****5001', roles: ['participant'], organisation: { id: team.id, name: '华新镇志愿服务队' } });
    const joined = await auditRows(t.handle, 'participant.join');
    expect(joined[0]!.detail).toContain('139****5001');
    expect(joined[0]!.detail).not.toContain(phone);

    const again = await t.anonymous().post('/api/public/invitations/accept', { token: tokenOf(invitation.url), phone: '13900005002', code: await codeFor('13900005002'), displayName: '李四' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].path).toBe('body.token');
    expect((await t.anonymous().get(`/api/public/invitations/${tokenOf(invitation.url)}`)).statusCode).toBe(404);
  });

  it('400: an expired invitation, and a wrong code (which does not spend the invitation)', async () => {
    const invitation = (await huaxinStaff.post(`/api/organisations/${team.id}/invitations`, { role: 'participant', expiresInDays: 1 })).json();
    const phone = '13900005003';
    const code = await codeFor(phone);
    const wrong = await t.anonymous().post('/api/public/invitations/accept', { token: tokenOf(invitation.url), phone, code: code === '000000' ? '000001' : '000000', displayName: '王五' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('body.code');
    t.clock.advance(86_400_000 + 1000);
    const late = await t.anonymous().post('/api/public/invitations/accept', { token: tokenOf(invitation.url), phone, code: await codeFor(phone), displayName: '王五' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields[0].path).toBe('body.token');
    // A day went by: the office's sessions idled out.
    huaxinStaff = await t.signIn('huaxin.staff');
    jinshanAdmin = await t.signIn('jinshan.admin');
  });
});

describe('sign-in with phone + SMS code', () => {
  it('200: a participant signs in by code; a wrong code is 401 and audited as a failed sign-in', async () => {
    await joinAsParticipant(t, huaxinStaff, team.id, '13900005010');
    const code = await codeFor('13900005010');
    const wrong = await t.anonymous().post('/api/auth/sign-in/code', { phone: '13900005010', code: code === '123456' ? '654321' : '123456' });
    expect(wrong.statusCode).toBe(401);
    expect((await auditRows(t.handle, 'auth.sign_in_failed'))[0]!.detail).toContain('sms_code');
    const right = await t.anonymous().post('/api/auth/sign-in/code', { phone: '13900005010', code });
    expect(right.statusCode).toBe(200);
    const me = await clientOf(t, right).get('/api/auth/me');
    expect(me.json().username).toBe('13900005010');
    const signIns = await auditRows(t.handle, 'auth.sign_in');
    expect(signIns[0]!.detail).toContain('sms_code');
    // The code worked once.
    expect((await t.anonymous().post('/api/auth/sign-in/code', { phone: '13900005010', code })).statusCode).toBe(401);
  });

  it('401: a phone with no account answers like a wrong code (nobody can probe for participants)', async () => {
    const code = await codeFor('13900005099');
    const response = await t.anonymous().post('/api/auth/sign-in/code', { phone: '13900005099', code });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
  });

  it('429: a second code within a minute, and the sixth within an hour', async () => {
    t.clock.advance(61_000);
    expect((await t.anonymous().post('/api/public/participant-codes', { phone: '13900005020' })).statusCode).toBe(202);
    const again = await t.anonymous().post('/api/public/participant-codes', { phone: '13900005020' });
    expect(again.statusCode).toBe(429);
    for (let i = 0; i < 4; i++) {
      t.clock.advance(61_000);
      expect((await t.anonymous().post('/api/public/participant-codes', { phone: '13900005020' })).statusCode).toBe(202);
    }
    t.clock.advance(61_000);
    expect((await t.anonymous().post('/api/public/participant-codes', { phone: '13900005020' })).statusCode).toBe(429);
  });

  it('200: password sign-in with the phone as user name, when the participant chose a password', async () => {
    const invitation = (await huaxinStaff.post(`/api/organisations/${team.id}/invitations`, { role: 'liaison_officer' })).json();
    const phone = '13900005030';
    const accepted = await t.anonymous().post('/api/public/invitations/accept', { token: tokenOf(invitation.url), phone, code: await codeFor(phone), displayName: '联络员甲', password: 'Lianluo2026pw' });
    expect(accepted.statusCode).toBe(201);
    expect((await t.anonymous().post('/api/auth/sign-in', { username: phone, password: 'Lianluo2026pw' })).statusCode).toBe(200);
  });
});

describe('what a participant may reach', () => {
  let participant: TestClient;
  beforeAll(async () => {
    participant = await joinAsParticipant(t, huaxinStaff, team.id, '13900005040');
  });

  it('403: office lists and records (organisations, people, users, dashboard, proposals inbox)', async () => {
    for (const url of ['/api/organisations', '/api/people', '/api/users', '/api/dashboard', '/api/profile-proposals', `/api/organisations/${team.id}`, '/api/audit']) {
      expect((await participant.get(url)).statusCode, url).toBe(403);
    }
    expect((await participant.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: '自建组织', type: 'other' })).statusCode).toBe(403);
    expect((await participant.post(`/api/organisations/${team.id}/invitations`, { role: 'participant' })).statusCode).toBe(403);
  });

  it('200: their own session, the needs board and notifications', async () => {
    for (const url of ['/api/auth/me', '/api/needs/board', '/api/notifications', '/api/participant/me', '/api/participant/events']) {
      expect((await participant.get(url)).statusCode, url).toBe(200);
    }
  });

  it('403: office staff are not participants (their own participant routes refuse them)', async () => {
    expect((await huaxinStaff.get('/api/participant/me')).statusCode).toBe(403);
    expect((await huaxinStaff.post('/api/participant/proposals', { address: '新地址' })).statusCode).toBe(403);
  });
});

describe('profile proposals (申报 → 审核)', () => {
  let participant: TestClient;
  beforeAll(async () => {
    participant = await joinAsParticipant(t, huaxinStaff, team.id, '13900005050');
  });

  it('201 → 200: a proposal changes nothing until the office approves it; the diff shows now vs proposed; both steps audited', async () => {
    const proposed = await participant.post('/api/participant/proposals', { contactName: '赵六', address: '华新镇新府路 8 号' });
    expect(proposed.statusCode).toBe(201);
    const proposal = proposed.json();
    expect(proposal.status).toBe('pending');
    expect(proposal.diff).toEqual([
      { field: 'contactName', current: '王芳', proposed: '赵六' },
      { field: 'address', current: '华新镇华志路 1 号', proposed: '华新镇新府路 8 号' },
    ]);
    expect((await huaxinStaff.get(`/api/organisations/${team.id}`)).json().contactName).toBe('王芳');

    const inbox = await huaxinStaff.get('/api/profile-proposals?status=pending');
    expect(inbox.json().map((p: { id: number }) => p.id)).toContain(proposal.id);
    expect((await jinshanAdmin.get(`/api/profile-proposals/${proposal.id}`)).statusCode).toBe(403);
    expect((await jinshanAdmin.get('/api/profile-proposals')).json().map((p: { id: number }) => p.id)).not.toContain(proposal.id);

    const approved = await huaxinStaff.post(`/api/profile-proposals/${proposal.id}/decide`, { decision: 'approve', version: proposal.version });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'huaxin.staff' });
    const org = (await huaxinStaff.get(`/api/organisations/${team.id}`)).json();
    expect(org.contactName).toBe('赵六');
    expect(org.address).toBe('华新镇新府路 8 号');
    expect((await auditRows(t.handle, 'organisation.propose'))[0]!.detail).not.toContain('赵六');
    expect((await auditRows(t.handle, 'organisation.proposal_approved'))[0]!.entity_id).toBe(String(team.id));
    expect((await auditRows(t.handle, 'organisation.update'))[0]!.entity_id).toBe(String(team.id));
    const mine = await participant.get('/api/participant/proposals');
    expect(mine.json()[0]).toMatchObject({ id: proposal.id, status: 'approved' });
  });

  it('409: deciding twice, or at a stale version; a rejection leaves the record as it was', async () => {
    const proposal = (await participant.post('/api/participant/proposals', { description: '提供法律咨询' })).json();
    expect((await huaxinStaff.post(`/api/profile-proposals/${proposal.id}/decide`, { decision: 'reject', version: proposal.version + 1 })).statusCode).toBe(409);
    const rejected = await huaxinStaff.post(`/api/profile-proposals/${proposal.id}/decide`, { decision: 'reject', note: '请补充材料', version: proposal.version });
    expect(rejected.json()).toMatchObject({ status: 'rejected', note: '请补充材料' });
    expect((await huaxinStaff.post(`/api/profile-proposals/${proposal.id}/decide`, { decision: 'approve', version: proposal.version + 1 })).statusCode).toBe(409);
    expect((await huaxinStaff.get(`/api/organisations/${team.id}`)).json().description).toBeNull();
  });

  it('400: an empty proposal, and no sensitive fields exist to propose', async () => {
    const empty = await participant.post('/api/participant/proposals', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].message).toBe('请至少修改一项内容');
    const sneaky = await participant.post('/api/participant/proposals', { address: '某地', religion: '某教' });
    expect(sneaky.statusCode).toBe(201);
    expect(JSON.stringify(sneaky.json())).not.toContain('religion');
    const stored = await t.handle.db.selectFrom('profile_proposals').select('changes').where('id', '=', sneaky.json().id).executeTakeFirstOrThrow();
    expect(stored.changes).toBe('{"address":"某地"}');
  });
});
