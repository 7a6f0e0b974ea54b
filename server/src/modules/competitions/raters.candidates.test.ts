import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { addUser, createCompetition } from './judging.fixture.ts';

/** Staff who run a competition find the raters to add among their subtree's users, without the users page. */
let t: TestApp;
let staff: TestClient;
let competitionId: number;
const users: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn('qingpu.staff');
  const { qingpu, huaxin, jinshan } = t.fixture.divisions;
  users['hx.expert'] = await addUser(t, 'hx.expert', huaxin.id);
  users['qp.expert'] = await addUser(t, 'qp.expert', qingpu.id);
  users['qp.expert.gone'] = await addUser(t, 'qp.expert.gone', qingpu.id);
  users['js.expert'] = await addUser(t, 'js.expert', jinshan.id);
  await t.handle.db.updateTable('users').set({ disabled: 1 }).where('id', '=', users['qp.expert.gone']!).execute();
  competitionId = (await createCompetition(staff, qingpu.id)).id;
});
afterAll(async () => t.close());

const usernames = (body: Array<{ username: string }>) => body.map((user) => user.username).sort();

describe('GET /api/competitions/:id/rater-candidates', () => {
  it('200 for staff (not an administrator): active users of their subtree, found by name; a rater once added is no longer offered', async () => {
    const everyone = await staff.get(`/api/competitions/${competitionId}/rater-candidates`);
    expect(everyone.statusCode, everyone.body).toBe(200);
    // Qingpu and its towns; never Jinshan's users, the system administrator (no division) or a disabled account.
    expect(usernames(everyone.json())).toEqual(['huaxin.staff', 'hx.expert', 'qingpu.admin', 'qingpu.staff', 'qp.expert', 'zhaoxiang.staff']);
    expect(everyone.json().find((user: { username: string }) => user.username === 'hx.expert')).toEqual({ id: users['hx.expert'], username: 'hx.expert', displayName: 'hx.expert', divisionName: '华新镇' });

    expect(usernames((await staff.get(`/api/competitions/${competitionId}/rater-candidates?q=EXPERT`)).json())).toEqual(['hx.expert', 'qp.expert']);
    const added = await staff.post(`/api/competitions/${competitionId}/raters`, { raters: [{ userId: users['hx.expert'], groupId: 'experts' }] });
    expect(added.statusCode, added.body).toBe(201);
    expect(usernames((await staff.get(`/api/competitions/${competitionId}/rater-candidates?q=expert`)).json())).toEqual(['qp.expert']);
    // A typed % matches itself, not everything.
    expect((await staff.get(`/api/competitions/${competitionId}/rater-candidates?q=%25`)).json()).toEqual([]);
  });

  it('403 for a reader who may not manage the competition, and for staff of another subtree', async () => {
    const reviewer = await t.signIn('qp.expert');
    expect((await reviewer.get(`/api/competitions/${competitionId}/rater-candidates`)).json().error.code).toBe('forbidden');
    const jinshan = await t.signIn('jinshan.admin');
    expect((await jinshan.get(`/api/competitions/${competitionId}/rater-candidates`)).json().error.code).toBe('out_of_scope');
  });
});
