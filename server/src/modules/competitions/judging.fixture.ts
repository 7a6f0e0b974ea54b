import type { Role } from '@tongxin/core';
import type { TestApp, TestClient } from '../../test/harness.ts';
import { fixturePassword } from '../../test/fixture.ts';
import { hashPassword } from '../auth/password.ts';
import { insertUser } from '../users/users.repo.ts';

/**
 * Test helpers shared by the judging and money tests: extra users (raters, assessors) and
 * organisations written straight into the real test database, and a standard competition.
 */
let passwordHash: Promise<string> | undefined;

export async function addUser(t: TestApp, username: string, divisionId: number, roles: Role[] = ['reviewer']): Promise<number> {
  passwordHash ??= hashPassword(fixturePassword);
  return insertUser(t.handle.db, { username, displayName: username, passwordHash: await passwordHash, divisionId, roles, phone: null, at: '2026-11-01T00:00:00.000Z' });
}

export async function addOrganisation(t: TestApp, name: string, divisionId: number, type = 'enterprise'): Promise<number> {
  const row = await t.handle.db
    .insertInto('organisations')
    .values({ division_id: divisionId, name, type, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Experts 0.5, organisation representatives 0.3, the public 0.2 (fed by votes). */
export const standardSettings = {
  groups: [
    { id: 'experts', name: '专家学者', weight: 0.5 },
    { id: 'reps', name: '组织代表', weight: 0.3 },
    { id: 'public', name: '成员及群众', weight: 0.2 },
  ],
  dimensions: [
    { id: 'innovation', name: '创新性', maxScore: 40 },
    { id: 'effect', name: '实效性', maxScore: 60 },
    { id: 'recommend', name: '推荐参加市级评选', maxScore: 1, independent: true },
  ],
  aggregate: 'mean' as const,
  minReviews: 3,
  tieBreakGroupIds: ['experts'],
  awards: [
    { awardId: 'first', name: '一等奖', fromRank: 1, toRank: 1 },
    { awardId: 'second', name: '二等奖', fromRank: 2, toRank: 3 },
  ],
};

export async function createCompetition(client: TestClient, divisionId: number, extra: Record<string, unknown> = {}) {
  const response = await client.post('/api/competitions', { divisionId, title: '创新项目评审', year: 2026, settings: standardSettings, voteGroupId: 'public', ...extra });
  if (response.statusCode !== 201) throw new Error(`create competition: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; phases: Array<{ kind: string; version: number }>; version: number };
}

/** Open or close a phase by hand, reading its current version first. */
export async function setPhase(client: TestClient, competitionId: number, kind: string, open: boolean) {
  const competition = (await client.get(`/api/competitions/${competitionId}`)).json() as { phases: Array<{ kind: string; version: number }> };
  const phase = competition.phases.find((p) => p.kind === kind)!;
  const response = await client.post(`/api/competitions/${competitionId}/phases/${kind}/${open ? 'open' : 'close'}`, { version: phase.version });
  if (response.statusCode !== 200) throw new Error(`phase ${kind}: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function addEntry(client: TestClient, competitionId: number, body: Record<string, unknown>) {
  const response = await client.post(`/api/competitions/${competitionId}/entries`, body);
  if (response.statusCode !== 201) throw new Error(`entry: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; code: string; version: number };
}
