import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { joinAsParticipant, makeOrganisation } from '../participants/participants.test-support.ts';
import { checkDoorCode, doorCode } from './events.door-code.ts';

let t: TestApp;
let huaxinStaff: TestClient;
let jinshanAdmin: TestClient;
let team: { id: number };
const people: TestClient[] = [];

// Clock starts 2026-11-25T02:00Z (10:00 in Shanghai); events are on 2026-11-28.
const base = {
  title: '华新镇志愿服务日',
  startsAt: '2026-11-28T09:00:00+08:00',
  endsAt: '2026-11-28T11:00:00+08:00',
  place: '华新镇社区文化活动中心',
};

async function makeEvent(extra: Record<string, unknown> = {}) {
  const response = await huaxinStaff.post('/api/events', { divisionId: t.fixture.divisions.huaxin.id, capacity: 2, ...base, ...extra });
  if (response.statusCode !== 201) throw new Error(`event: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; activityId: number };
}

beforeAll(async () => {
  t = await createTestApp();
  huaxinStaff = await t.signIn('huaxin.staff');
  jinshanAdmin = await t.signIn('jinshan.admin');
  team = await makeOrganisation(huaxinStaff, t.fixture.divisions.huaxin.id, '华新镇志愿服务队');
  for (let i = 0; i < 12; i++) people.push(await joinAsParticipant(t, huaxinStaff, team.id, `1390000${String(6000 + i)}`, 'volunteer'));
}, 120_000);
afterAll(async () => t?.close());

describe('planning events', () => {
  it('201: an event comes with its activity (participant count 0); audited', async () => {
    const event = await makeEvent();
    const activity = (await huaxinStaff.get(`/api/activities/${event.activityId}`)).json();
    expect(activity).toMatchObject({ title: '华新镇志愿服务日', date: '2026-11-28', kind: 'event', participantCount: 0 });
    expect((await auditRows(t.handle, 'event.create'))[0]!.entity_id).toBe(String(event.id));
  });

  it('403: a division outside the subtree, and a participant; 400: an end before the start', async () => {
    expect((await jinshanAdmin.post('/api/events', { divisionId: t.fixture.divisions.huaxin.id, capacity: 5, ...base })).statusCode).toBe(403);
    expect((await people[0]!.post('/api/events', { divisionId: t.fixture.divisions.huaxin.id, capacity: 5, ...base })).statusCode).toBe(403);
    const reversed = await huaxinStaff.post('/api/events', { divisionId: t.fixture.divisions.huaxin.id, capacity: 5, ...base, endsAt: '2026-11-28T08:00:00+08:00' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].path).toBe('body.endsAt');
  });

  it('200: the calendar lists the subtree’s events of a range, and not another district’s', async () => {
    const event = await makeEvent({ title: '日历活动', startsAt: '2026-12-03T14:00:00+08:00', endsAt: '2026-12-03T16:00:00+08:00' });
    const week = await huaxinStaff.get('/api/events?from=2026-11-30&to=2026-12-06');
    expect(week.statusCode).toBe(200);
    expect(week.json().map((e: { id: number }) => e.id)).toEqual([event.id]);
    expect((await jinshanAdmin.get('/api/events?from=2026-11-30&to=2026-12-06')).json()).toEqual([]);
    expect((await huaxinStaff.get(`/api/events/${event.id}`)).statusCode).toBe(200);
    expect((await jinshanAdmin.get(`/api/events/${event.id}`)).statusCode).toBe(403);
  });

  it('200: a private .ics feed per user; a new link retires the old', async () => {
    const first = (await huaxinStaff.post('/api/calendar-feed')).json().url as string;
    const path = first.slice(first.indexOf('/api/'));
    const ics = await t.anonymous().get(path);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toContain('SUMMARY:日历活动');
    expect(ics.body).toContain('DTSTART:20261203T060000Z');
    const second = (await huaxinStaff.post('/api/calendar-feed')).json().url as string;
    expect(second).not.toBe(first);
    expect((await t.anonymous().get(path)).statusCode).toBe(404);
    const participantFeed = (await people[0]!.post('/api/calendar-feed')).json().url as string;
    expect((await t.anonymous().get(participantFeed.slice(participantFeed.indexOf('/api/')))).body).toContain('SUMMARY:华新镇志愿服务日');
  });
});

describe('registration', () => {
  it('201: places while the capacity lasts, then the waiting list; a cancelled place goes to the first waiting', async () => {
    const event = await makeEvent({ capacity: 2 });
    const statuses = [];
    for (const person of people.slice(0, 4)) statuses.push((await person.post(`/api/events/${event.id}/registrations`)).json().mine);
    expect(statuses).toEqual(['registered', 'registered', 'waiting', 'waiting']);
    expect((await people[0]!.post(`/api/events/${event.id}/registrations`)).statusCode).toBe(409);
    expect((await people[0]!.delete(`/api/events/${event.id}/registrations/mine`)).statusCode).toBe(204);
    const list = (await huaxinStaff.get(`/api/events/${event.id}/registrations`)).json();
    expect(list.map((r: { displayName: string; status: string; position: number }) => [r.displayName, r.status, r.position])).toEqual([
      ['参与者6001', 'registered', 1],
      ['参与者6002', 'registered', 2],
      ['参与者6003', 'waiting', 1],
    ]);
    expect((await jinshanAdmin.get(`/api/events/${event.id}/registrations`)).statusCode).toBe(403);
    expect((await people[1]!.get(`/api/events/${event.id}/registrations`)).statusCode).toBe(403);
  });

  it('capacity holds under concurrency: 12 at once for 5 places → exactly 5 registered, 7 waiting', async () => {
    const event = await makeEvent({ capacity: 5 });
    const answers = await Promise.all(people.map((person) => person.post(`/api/events/${event.id}/registrations`)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(201));
    const detail = (await huaxinStaff.get(`/api/events/${event.id}`)).json();
    expect([detail.registered, detail.waiting]).toEqual([5, 7]);
  });

  it('409: full without a waiting list, and outside the registration window', async () => {
    const event = await makeEvent({ capacity: 1, waitingList: false });
    expect((await people[0]!.post(`/api/events/${event.id}/registrations`)).statusCode).toBe(201);
    const full = await people[1]!.post(`/api/events/${event.id}/registrations`);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.details.reason).toBe('full');
    const later = await makeEvent({ registrationOpensAt: '2026-11-26T09:00:00+08:00' });
    expect((await people[0]!.post(`/api/events/${later.id}/registrations`)).json().error.details.reason).toBe('registration_closed');
  });
});

describe('QR check-in', () => {
  it('200: one scan checks in and the activity’s count becomes 1; a second scan changes nothing', async () => {
    const event = await makeEvent();
    const door = (await huaxinStaff.get(`/api/events/${event.id}/door-code`)).json();
    expect(door.qrSvg).toMatch(/^<svg /);
    expect(door.url).toContain(`/m/check-in/${event.id}#${door.code}`);
    const first = await people[0]!.post(`/api/events/${event.id}/check-in`, { code: door.code });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ already: false, checkedIn: 1 });
    const second = await people[0]!.post(`/api/events/${event.id}/check-in`, { code: door.code });
    expect(second.json()).toMatchObject({ already: true, checkedIn: 1, checkedInAt: first.json().checkedInAt });
    const activity = (await huaxinStaff.get(`/api/activities/${event.activityId}`)).json();
    expect(activity.participantCount).toBe(1);
    expect(activity.attendees.users.map((u: { name: string }) => u.name)).toEqual(['参与者6000']);
    expect((await auditRows(t.handle, 'event.check_in')).filter((r) => r.entity_id === String(event.id))).toHaveLength(1);
  });

  it('the dashboard’s participant figure moves by exactly one per person, however often they scan', async () => {
    const event = await makeEvent();
    const figure = async () => (await huaxinStaff.get('/api/dashboard?from=2026-11-01&to=2026-11-30')).json().activities.participants.current as number;
    const before = await figure();
    const code = (await huaxinStaff.get(`/api/events/${event.id}/door-code`)).json().code;
    for (let i = 0; i < 3; i++) expect((await people[1]!.post(`/api/events/${event.id}/check-in`, { code })).statusCode).toBe(200);
    expect(await figure()).toBe(before + 1);
    await people[2]!.post(`/api/events/${event.id}/check-in`, { code });
    expect(await figure()).toBe(before + 2);
  });

  it('400: another event’s code, a code from yesterday, a forged code; the previous minute’s code still works', async () => {
    const event = await makeEvent();
    const other = await makeEvent({ title: '另一场活动' });
    const otherCode = (await huaxinStaff.get(`/api/events/${other.id}/door-code`)).json().code;
    const wrongEvent = await people[3]!.post(`/api/events/${event.id}/check-in`, { code: otherCode });
    expect(wrongEvent.statusCode).toBe(400);
    expect(wrongEvent.json().error.fields[0]).toMatchObject({ path: 'body.code', message: '这是另一场活动的签到码' });

    const code = (await huaxinStaff.get(`/api/events/${event.id}/door-code`)).json().code as string;
    const forged = `${code.slice(0, -3)}${code.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect((await people[3]!.post(`/api/events/${event.id}/check-in`, { code: forged })).statusCode).toBe(400);
    t.clock.advance(60_000);
    expect((await people[3]!.post(`/api/events/${event.id}/check-in`, { code })).json().already).toBe(false);
    // Yesterday's code, made with the event's own secret (as a photo of yesterday's screen would show).
    const { secret } = await t.handle.db.selectFrom('events').select('secret').where('id', '=', event.id).executeTakeFirstOrThrow();
    const yesterday = doorCode(secret, event.id, new Date(t.clock.now().getTime() - 86_400_000)).code;
    const stale = await people[4]!.post(`/api/events/${event.id}/check-in`, { code: yesterday });
    expect([stale.statusCode, stale.json().error?.fields?.[0]?.message]).toEqual([400, '签到码已过期，请扫描现场最新的二维码']);
    expect((await huaxinStaff.get(`/api/events/${event.id}`)).json().checkedIn).toBe(1);
  });
});

describe('door code', () => {
  it('is good for its minute and the next only, for its own event only', () => {
    const at = new Date('2026-12-07T09:00:30Z');
    const { code } = doorCode('secret-a', 7, at);
    expect(checkDoorCode('secret-a', 7, code, at)).toBe('ok');
    expect(checkDoorCode('secret-a', 7, code, new Date(at.getTime() + 60_000))).toBe('ok');
    expect(checkDoorCode('secret-a', 7, code, new Date(at.getTime() + 120_000))).toBe('expired');
    expect(checkDoorCode('secret-a', 8, code, at)).toBe('other_event');
    expect(checkDoorCode('secret-b', 7, code, at)).toBe('forged');
    expect(checkDoorCode('secret-a', 7, 'not a code', at)).toBe('malformed');
  });
});
