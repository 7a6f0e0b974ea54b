import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { joinAsParticipant } from '../participants/participants.test-support.ts';

/*
 * An event's audience decides who may see it and register (events.policy.ts): the public, the
 * organisations of its branch of the tree, a chamber and its member organisations, or the
 * organisations paired in a programme.
 */

let t: TestApp;
let huaxinStaff: TestClient;
let jinshanAdmin: TestClient;
/** Participants acting for: the chamber, a member of it, a huaxin organisation outside it, a paired organisation, a jinshan organisation. */
let p: Record<'chamber' | 'member' | 'outsider' | 'paired' | 'jinshan', TestClient>;
let chamberId: number;
let programmeId: number;

async function organisation(client: TestClient, divisionId: number, name: string, type = 'volunteer_team'): Promise<number> {
  const response = await client.post('/api/organisations', { divisionId, name, type, contactName: '王芳', address: '测试地址 1 号' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function makeEvent(extra: Record<string, unknown>) {
  return huaxinStaff.post('/api/events', {
    divisionId: t.fixture.divisions.huaxin.id,
    title: '华新镇商会联谊会',
    startsAt: '2026-11-28T09:00:00+08:00',
    endsAt: '2026-11-28T11:00:00+08:00',
    capacity: 50,
    ...extra,
  });
}

async function eventId(extra: Record<string, unknown>): Promise<number> {
  const response = await makeEvent(extra);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  huaxinStaff = await t.signIn('huaxin.staff');
  jinshanAdmin = await t.signIn('jinshan.admin');
  const { huaxin, jinshan } = t.fixture.divisions;
  chamberId = await organisation(huaxinStaff, huaxin.id, '华新镇商会', 'chamber');
  const member = await organisation(huaxinStaff, huaxin.id, '华新镇会员企业', 'enterprise');
  const outsider = await organisation(huaxinStaff, huaxin.id, '华新镇非会员企业', 'enterprise');
  const paired = await organisation(huaxinStaff, huaxin.id, '华新镇结对支部', 'enterprise');
  const village = await organisation(huaxinStaff, huaxin.id, '华新村村委会', 'community');
  const jinshanOrg = await organisation(jinshanAdmin, jinshan.id, '金山区志愿服务队');
  const membership = await huaxinStaff.post(`/api/organisations/${chamberId}/members`, { memberOrganisationId: member, role: 'member' });
  expect(membership.statusCode, membership.body).toBe(201);
  const programme = await huaxinStaff.post('/api/pairing-programmes', { divisionId: huaxin.id, title: '万企兴万村', kind: 'enterprise_village', targetType: 'enterprise', partnerType: 'community', deadline: '2026-12-31' });
  expect(programme.statusCode, programme.body).toBe(201);
  programmeId = programme.json().id;
  const pair = await huaxinStaff.post(`/api/pairing-programmes/${programmeId}/pairs`, { organisationId: paired, partnerOrganisationId: village });
  expect(pair.statusCode, pair.body).toBe(201);
  p = {
    chamber: await joinAsParticipant(t, huaxinStaff, chamberId, '13900008001'),
    member: await joinAsParticipant(t, huaxinStaff, member, '13900008002'),
    outsider: await joinAsParticipant(t, huaxinStaff, outsider, '13900008003'),
    paired: await joinAsParticipant(t, huaxinStaff, paired, '13900008004'),
    jinshan: await joinAsParticipant(t, jinshanAdmin, jinshanOrg, '13900008005'),
  };
}, 120_000);
afterAll(async () => t?.close());

/** Who of the five may register: each one's status, in a fixed order. */
async function registrationStatuses(id: number) {
  const out: Record<string, number> = {};
  for (const [name, client] of Object.entries(p)) out[name] = (await client.post(`/api/events/${id}/registrations`)).statusCode;
  return out;
}

describe('POST /api/events with an audience', () => {
  it('400: a chamber or programme audience without its group, or naming nothing', async () => {
    const missing = await makeEvent({ audience: 'chamber_members' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('body.audienceRefId');
    const unknown = await makeEvent({ audience: 'programme', audienceRefId: 987654 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('body.audienceRefId');
  });
  it('403: a group outside the office’s subtree', async () => {
    const jinshanOrg = (await jinshanAdmin.get('/api/organisations?q=金山区志愿服务队')).json().items[0].id;
    expect((await makeEvent({ audience: 'chamber_members', audienceRefId: jinshanOrg })).statusCode).toBe(403);
  });
  it('201: the group is kept and shown', async () => {
    const response = await makeEvent({ audience: 'chamber_members', audienceRefId: chamberId });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ audience: 'chamber_members', audienceRefId: chamberId });
  });
});

describe('who may register (201) and who may not (403)', () => {
  it('public: everyone, including another district', async () => {
    expect(await registrationStatuses(await eventId({ audience: 'public' }))).toEqual({ chamber: 201, member: 201, outsider: 201, paired: 201, jinshan: 201 });
  });
  it('organisations: the branch of the tree only', async () => {
    expect(await registrationStatuses(await eventId({ audience: 'organisations' }))).toEqual({ chamber: 201, member: 201, outsider: 201, paired: 201, jinshan: 403 });
  });
  it('chamber members: the chamber and its members only; the refusal names the audience', async () => {
    const id = await eventId({ audience: 'chamber_members', audienceRefId: chamberId });
    expect(await registrationStatuses(id)).toEqual({ chamber: 201, member: 201, outsider: 403, paired: 403, jinshan: 403 });
    const refused = await p.outsider.post(`/api/events/${id}/registrations`);
    expect(refused.json().error.fields[0]).toEqual({ path: 'params.id', message: '此活动只面向该商会（协会）及其会员单位' });
    expect((await p.outsider.get(`/api/events/${id}`)).statusCode).toBe(403);
  });
  it('programme: the paired organisations only', async () => {
    expect(await registrationStatuses(await eventId({ audience: 'programme', audienceRefId: programmeId }))).toEqual({ chamber: 403, member: 403, outsider: 403, paired: 201, jinshan: 403 });
  });
  it('200: my events list only what I may register for', async () => {
    const id = await eventId({ audience: 'programme', audienceRefId: programmeId, title: '结对单位座谈会' });
    const listed = async (client: TestClient) => ((await client.get('/api/participant/events')).json() as Array<{ id: number }>).map((e) => e.id).includes(id);
    expect(await listed(p.paired)).toBe(true);
    expect(await listed(p.outsider)).toBe(false);
    expect(await listed(p.chamber)).toBe(false);
  });
});
