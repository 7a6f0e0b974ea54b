import type { Role } from '@tongxin/core';
import { expect } from 'vitest';
import type { TestApp, TestClient } from '../../test/harness.ts';
import { fixturePassword } from '../../test/fixture.ts';
import { hashPassword } from '../auth/password.ts';
import { insertUser } from '../users/users.repo.ts';

/*
 * Test support shared by the request modules' API tests: a few extra users and organisations on
 * top of the small fixture, and helpers that drive records through the API.
 *
 *   华新镇 (huaxin.staff: office)  ›  华新村 (village.handler acts for the village office)
 *     华新镇志愿服务队 (huaxin.team acts for it), 华新镇律师团 (no handler)
 *   赵巷镇 (zhaoxiang.staff)          赵巷镇志愿服务队 (zhaoxiang.team)
 *   huaxin.reader: a handler of 华新镇 who is not on any case (reads, phones masked)
 */

export interface RequestWorld {
  orgs: { huaxinTeam: number; huaxinLawyers: number; zhaoxiangTeam: number };
  users: { villageHandler: number; huaxinTeam: number; zhaoxiangTeam: number; huaxinReader: number };
  clients: {
    admin: TestClient;
    qingpuAdmin: TestClient;
    qingpuStaff: TestClient;
    huaxinStaff: TestClient;
    zhaoxiangStaff: TestClient;
    villageHandler: TestClient;
    huaxinTeam: TestClient;
    zhaoxiangTeam: TestClient;
    huaxinReader: TestClient;
  };
}

export async function buildRequestWorld(t: TestApp): Promise<RequestWorld> {
  const db = t.handle.db;
  const at = '2026-01-01T00:00:00.000Z';
  const hash = await hashPassword(fixturePassword);
  const d = t.fixture.divisions;
  const user = (username: string, divisionId: number, roles: Role[]) => insertUser(db, { username, displayName: username, passwordHash: hash, divisionId, roles, phone: null, at });
  const org = async (name: string, divisionId: number, type: string) =>
    (await db.insertInto('organisations').values({ division_id: divisionId, name, type, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const orgs = {
    huaxinTeam: await org('华新镇志愿服务队', d.huaxin.id, 'volunteer_team'),
    huaxinLawyers: await org('华新镇律师团', d.huaxin.id, 'other'),
    zhaoxiangTeam: await org('赵巷镇志愿服务队', d.zhaoxiang.id, 'volunteer_team'),
  };
  const users = {
    villageHandler: await user('village.handler', d.huaxinVillage.id, ['handler']),
    huaxinTeam: await user('huaxin.team', d.huaxin.id, ['org_admin']),
    zhaoxiangTeam: await user('zhaoxiang.team', d.zhaoxiang.id, ['org_admin']),
    huaxinReader: await user('huaxin.reader', d.huaxin.id, ['handler']),
  };
  await db
    .insertInto('organisation_handlers')
    .values([
      { organisation_id: orgs.huaxinTeam, user_id: users.huaxinTeam, created_at: at },
      { organisation_id: orgs.zhaoxiangTeam, user_id: users.zhaoxiangTeam, created_at: at },
    ])
    .execute();
  const clients = {
    admin: await t.signIn('admin'),
    qingpuAdmin: await t.signIn('qingpu.admin'),
    qingpuStaff: await t.signIn('qingpu.staff'),
    huaxinStaff: await t.signIn('huaxin.staff'),
    zhaoxiangStaff: await t.signIn('zhaoxiang.staff'),
    villageHandler: await t.signIn('village.handler'),
    huaxinTeam: await t.signIn('huaxin.team'),
    zhaoxiangTeam: await t.signIn('zhaoxiang.team'),
    huaxinReader: await t.signIn('huaxin.reader'),
  };
  return { orgs, users, clients };
}

export interface CaseOut {
  id: number;
  version: number;
  state: string;
  ticketNo: string;
  allowed: string[];
  nextStates: string[];
  [key: string]: unknown;
}

/** Expect a status and return the JSON body, with the body in the failure message. */
export function ok<T = CaseOut>(response: { statusCode: number; body: string; json(): unknown }, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

/** Field path → message of a 400. */
export const fieldsOf = (body: { error: { fields?: Array<{ path: string; message: string }> } }) =>
  Object.fromEntries((body.error.fields ?? []).map((f) => [f.path, f.message]));

/** Shanghai wall time `YYYY-MM-DD HH:MM` as a UTC ISO string, for the test clock. */
export const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

/**
 * The hand-built week of 12–16 October 2026 that cases.figures.test.ts tabulates (five help and
 * question cases received, three replied in time, three followed up; r6 arrives the Monday after),
 * driven through the API with the test clock. Returns the cases by name and `go` to move one on.
 */
export async function buildFiguresWeek(t: TestApp, w: RequestWorld) {
  const staff = w.clients.huaxinStaff;
  const r: Record<string, CaseOut> = {};
  const at = (local: string) => t.clock.set(sh(local));
  const register = async (name: string, category = 'help') => {
    r[name] = ok(await staff.post('/api/cases', { divisionId: t.fixture.divisions.huaxinVillage.id, category, channel: 'hotline', title: name, content: name }), 201);
  };
  const go = async (name: string, client: TestClient, body: Record<string, unknown>) => {
    r[name] = ok(await client.post(`/api/cases/${r[name]!.id}/transition`, { ...body, version: r[name]!.version }));
  };
  const village = { type: 'division', id: t.fixture.divisions.huaxinVillage.id };
  const team = { type: 'organisation', id: w.orgs.huaxinTeam };
  const work = async (name: string, unit: typeof village, client: TestClient, times: [string, string, string]) => {
    at(times[0]);
    await go(name, staff, { to: 'dispatched', unit });
    at(times[1]);
    await go(name, client, { to: 'accepted' });
    at(times[2]);
    await go(name, client, { to: 'in_progress' });
  };
  at('2026-10-12 09:00');
  await register('r1');
  await work('r1', village, w.clients.villageHandler, ['2026-10-12 09:10', '2026-10-12 09:20', '2026-10-12 09:30']);
  at('2026-10-12 10:00');
  await register('r2');
  await work('r2', village, w.clients.villageHandler, ['2026-10-12 10:10', '2026-10-12 10:20', '2026-10-12 10:30']);
  at('2026-10-13 09:00');
  await register('r3');
  await work('r3', team, w.clients.huaxinTeam, ['2026-10-13 09:10', '2026-10-13 09:20', '2026-10-13 09:30']);
  at('2026-10-13 10:00');
  await go('r1', w.clients.villageHandler, { to: 'replied', reply: '已处理' });
  at('2026-10-14 09:00');
  await go('r3', w.clients.huaxinTeam, { to: 'replied', reply: '已处理' });
  at('2026-10-14 09:05');
  await register('r4');
  at('2026-10-14 09:10');
  await go('r4', staff, { to: 'dispatched', unit: team });
  at('2026-10-15 09:00');
  await register('r5', 'question');
  at('2026-10-15 10:00');
  await go('r5', staff, { to: 'replied', reply: '政策如下……' });
  at('2026-10-19 09:00');
  await register('r6');
  at('2026-10-19 10:00');
  await go('r2', w.clients.villageHandler, { to: 'replied', reply: '已处理' });
  at('2026-10-20 09:00');
  await go('r1', staff, { to: 'followed_up', satisfaction: 'satisfied', solved: true });
  await go('r2', staff, { to: 'followed_up', satisfaction: 'basically_satisfied', solved: true });
  await go('r3', staff, { to: 'followed_up', satisfaction: 'not_satisfied', solved: false, unitAtFault: false });
  at('2026-10-21 10:00');
  return { r, go };
}
