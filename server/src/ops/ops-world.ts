import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertUser } from '../modules/users/users.repo.ts';
import { fixturePassword, loadFixture } from '../test/fixture.ts';
import { scratchPgDatabase } from './server-process.ts';

/*
 * The small world the crash check and the soak run against: a fresh database of either engine with
 * the test fixture's divisions and users, plus a handler of 华新村 (the unit cases go to).
 */

export type Engine = 'sqlite' | 'postgres';

export interface Storage {
  /** Environment for startServer: where the data lives. */
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

export async function freshStorage(engine: Engine, dataDir: string, pgUrl: string): Promise<Storage> {
  fs.mkdirSync(dataDir, { recursive: true });
  if (engine === 'sqlite') {
    const file = path.join(dataDir, 'tongxin.db');
    return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openDatabase({ sqliteFile: file }), drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const database = await scratchPgDatabase(pgUrl, 'ops');
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: database.url },
    open: () => openDatabase({ databaseUrl: database.url }),
    drop: async () => {
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Migrate and load the world; returns the village's id. Users sign in with the fixture password. */
export async function prepareWorld(storage: Storage): Promise<{ villageId: number; password: string }> {
  const handle = await storage.open();
  try {
    await migrateToLatest(handle);
    const fixture = await loadFixture(handle.db);
    const passwordHash = await hashPassword(fixturePassword);
    await insertUser(handle.db, { username: 'village.handler', displayName: '村办理人', passwordHash, divisionId: fixture.divisions.huaxinVillage.id, roles: ['handler'], phone: null, at: new Date().toISOString() });
    return { villageId: fixture.divisions.huaxinVillage.id, password: fixturePassword };
  } finally {
    await handle.close();
  }
}

/** The next step along the dispatch route from each state, who takes it, and what it carries. */
export function caseSteps(villageId: number): Record<string, { to: string; by: 'staff' | 'unit'; body?: Record<string, unknown> }> {
  return {
    received: { to: 'dispatched', by: 'staff', body: { unit: { type: 'division', id: villageId } } },
    dispatched: { to: 'accepted', by: 'unit' },
    accepted: { to: 'in_progress', by: 'unit' },
    in_progress: { to: 'replied', by: 'unit', body: { reply: '已处理' } },
    replied: { to: 'followed_up', by: 'staff', body: { satisfaction: 'satisfied', solved: true } },
    followed_up: { to: 'closed', by: 'staff' },
  };
}

export const newCaseBody = (villageId: number) => ({ divisionId: villageId, category: 'help', channel: 'hotline', title: '路灯不亮', content: '村口路灯坏了', submitterName: '李阿姨', submitterPhone: '13900001234' });
