import type { Role } from '@tongxin/core';
import type { Db } from '../db/database.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertDivision } from '../modules/divisions/divisions.repo.ts';
import { insertUser } from '../modules/users/users.repo.ts';

export const fixturePassword = 'Fixture2026pw';

/**
 * A small tree that every API test can reason about:
 *
 *   上海市 › 青浦区 › 华新镇 › 华新村
 *                   › 赵巷镇
 *          › 金山区
 *   安徽省
 *
 * and one user per interesting place and role.
 */
export async function loadFixture(db: Db, at = '2026-11-01T00:00:00.000Z') {
  const div = async (name: string, level: 'province' | 'city' | 'district' | 'town' | 'village', parent?: { id: number; path: string; depth: number }) =>
    insertDivision(db, { parentId: parent?.id ?? null, parentPath: parent?.path ?? null, parentDepth: parent?.depth ?? -1, name, level, code: null, at });
  const shanghai = await div('上海市', 'city');
  const qingpu = await div('青浦区', 'district', shanghai);
  const huaxin = await div('华新镇', 'town', qingpu);
  const huaxinVillage = await div('华新村', 'village', huaxin);
  const zhaoxiang = await div('赵巷镇', 'town', qingpu);
  const jinshan = await div('金山区', 'district', shanghai);
  const anhui = await div('安徽省', 'province');
  const divisions = { shanghai, qingpu, huaxin, huaxinVillage, zhaoxiang, jinshan, anhui };

  const passwordHash = await hashPassword(fixturePassword);
  const user = async (username: string, divisionId: number | null, roles: Role[]) => ({
    id: await insertUser(db, { username, displayName: username, passwordHash, divisionId, roles, phone: '13812345678', at }),
    username,
  });
  const users = {
    admin: await user('admin', null, ['system_admin']),
    qingpuAdmin: await user('qingpu.admin', qingpu.id, ['division_admin']),
    qingpuStaff: await user('qingpu.staff', qingpu.id, ['staff']),
    huaxinStaff: await user('huaxin.staff', huaxin.id, ['staff']),
    zhaoxiangStaff: await user('zhaoxiang.staff', zhaoxiang.id, ['staff']),
    jinshanAdmin: await user('jinshan.admin', jinshan.id, ['division_admin']),
  };
  return { divisions, users };
}

export type Fixture = Awaited<ReturnType<typeof loadFixture>>;
