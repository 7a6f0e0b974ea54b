import type { Role } from '@tongxin/core';
import { hashPassword } from '../../modules/auth/password.ts';
import { insertUser } from '../../modules/users/users.repo.ts';
import { divisionId, type Seeder } from './context.ts';

/** Shown on the sign-in page and printed at start: the demo is for trying out, not for real data. */
export const demoPassword = 'Tongxin2026';

const demoUsers: Array<{ username: string; displayName: string; division: string | null; roles: Role[] }> = [
  { username: 'admin', displayName: '系统管理员', division: null, roles: ['system_admin'] },
  { username: 'shanghai', displayName: '沈海宁', division: '上海市', roles: ['division_admin'] },
  { username: 'qingpu', displayName: '陆青云', division: '上海市/青浦区', roles: ['division_admin', 'staff'] },
  { username: 'qingpu.staff', displayName: '顾晓岚', division: '上海市/青浦区', roles: ['staff', 'handler'] },
  { username: 'huaxin', displayName: '许华', division: '上海市/青浦区/华新镇', roles: ['staff'] },
  { username: 'zhaoxiang', displayName: '赵立新', division: '上海市/青浦区/赵巷镇', roles: ['staff', 'handler'] },
  { username: 'jinshan', displayName: '金晓峰', division: '上海市/金山区', roles: ['division_admin', 'staff'] },
  { username: 'anhui', displayName: '皖文博', division: '安徽省', roles: ['division_admin'] },
  { username: 'henglan', displayName: '何兰芳', division: '广东省/中山市/横栏镇', roles: ['staff', 'handler'] },
];

export const usersSeeder: Seeder = {
  name: 'users',
  async run(ctx) {
    const passwordHash = await hashPassword(demoPassword);
    for (const user of demoUsers) {
      await insertUser(ctx.db, {
        username: user.username,
        displayName: user.displayName,
        passwordHash,
        divisionId: user.division === null ? null : divisionId(ctx, user.division),
        roles: user.roles,
        phone: null,
        at: ctx.at,
      });
    }
    ctx.log(`users: ${demoUsers.length} (password ${demoPassword})`);
  },
};
