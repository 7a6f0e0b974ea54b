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
