import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';

/*
 * Issue 20, lists at province scale: keyset paging (`after` → `nextCursor`) walks the same rows
 * as offset paging, and totals come from the maintained counts (exact) or, past 10,000 matching
 * rows, an estimate that says so.
 */

interface ListBody {
  items: Array<{ id: number; name: string; foundedOn: string | null }>;
  total: number;
  totalIsEstimate: boolean;
  nextCursor: string | null;
}

let t: TestApp;
let admin: TestClient;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  staff = await t.signIn('huaxin.staff');
  // Names that tie on nothing, founding dates with ties and gaps (nulls), in the town and its village.
  const divisions = [t.fixture.divisions.huaxin.id, t.fixture.divisions.huaxinVillage.id];
  for (let i = 0; i < 11; i += 1) {
    const response = await staff.post('/api/organisations', {
      divisionId: divisions[i % 2],
      name: `分页企业${String(i).padStart(2, '0')}`,
      type: i % 3 === 0 ? 'association_new_strata' : 'enterprise',
      ...(i % 4 === 0 ? {} : { foundedOn: `2020-0${1 + (i % 3)}-01` }),
    });
    expect(response.statusCode).toBe(201);
  }
  const beside = await admin.post('/api/organisations', { divisionId: t.fixture.divisions.zhaoxiang.id, name: '隔壁镇企业', type: 'enterprise' });
  expect(beside.statusCode).toBe(201);
}, 120_000);
afterAll(async () => t.close());

async function list(client: TestClient, query: string): Promise<ListBody> {
  const response = await client.get(`/api/organisations?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ListBody;
}

/** Every page by cursor, three rows at a time. */
async function walk(client: TestClient, query: string) {
  const ids: number[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const page: ListBody = await list(client, `${query}&pageSize=3${after ? `&after=${after}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(3);
    ids.push(...page.items.map((item) => item.id));
    after = page.nextCursor;
    pages += 1;
  } while (after !== null && pages < 100);
  return { ids, pages };
}

describe('GET /api/organisations by cursor', () => {
  for (const query of ['sort=name&order=asc', 'sort=name&order=desc', 'sort=foundedOn&order=asc', 'sort=foundedOn&order=desc', 'sort=type&order=asc&archived=all']) {
    it(`${query}: the cursor walk returns exactly the rows of the offset list, in its order`, async () => {
      const whole = await list(staff, `${query}&pageSize=200`);
      expect(whole.items.length).toBeGreaterThanOrEqual(11);
      expect(whole.nextCursor).toBeNull();
      const walked = await walk(staff, query);
      expect(walked.ids).toEqual(whole.items.map((item) => item.id));
      expect(walked.pages).toBe(Math.ceil(whole.items.length / 3));
    });
  }

  it('the first page of the cursor walk is page 1 of the offset list; nextCursor is null on the last page', async () => {
    const first = await list(staff, 'pageSize=4');
    const second = await list(staff, `pageSize=4&after=${first.nextCursor}`);
    const offsetSecond = await list(staff, 'pageSize=4&page=2');
    expect(second.items.map((item) => item.id)).toEqual(offsetSecond.items.map((item) => item.id));
    expect(second.total).toBe(first.total);
  });

  it('400 on after: a cursor of another sort or order, or one that does not parse', async () => {
    const byName = await list(staff, 'pageSize=2');
    expect(byName.nextCursor).not.toBeNull();
    for (const query of [`sort=foundedOn&after=${byName.nextCursor}`, `order=desc&after=${byName.nextCursor}`, 'after=bm90LWpzb24']) {
      const response = await staff.get(`/api/organisations?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.fields.map((field: { path: string }) => field.path)).toEqual(['query.after']);
    }
  });
});

describe('totals', () => {
  it('live, by type: exact from the maintained counts, and they follow archive and unarchive', async () => {
    const all = await list(staff, 'pageSize=200');
    expect(all).toMatchObject({ total: all.items.length, totalIsEstimate: false });
    const strata = await list(staff, 'type=association_new_strata&pageSize=200');
    expect(strata.items.length).toBeGreaterThanOrEqual(4);
    expect(strata).toMatchObject({ total: strata.items.length, totalIsEstimate: false });
    const target = all.items[0]!;
    const detail = (await staff.get(`/api/organisations/${target.id}`)).json() as { version: number };
    expect((await staff.post(`/api/organisations/${target.id}/archive`, { version: detail.version })).statusCode).toBe(200);
    expect((await list(staff, 'pageSize=1')).total).toBe(all.total - 1);
    expect((await list(staff, 'archived=all&pageSize=1')).total).toBe(all.total);
    expect((await list(staff, 'archived=true&pageSize=1')).total).toBe(1);
    expect((await staff.post(`/api/organisations/${target.id}/unarchive`, { version: detail.version + 1 })).statusCode).toBe(200);
    expect((await list(staff, 'pageSize=1')).total).toBe(all.total);
    // The town's total is its own subtree; the district's adds the other town's one.
    const district = await list(admin, `divisionId=${t.fixture.divisions.qingpu.id}&pageSize=1`);
    expect(district).toMatchObject({ total: all.total + 1, totalIsEstimate: false });
  });

  it('past 10,000 matching rows of a filter the counts cannot answer: an estimate, marked as one', async () => {
    const divisionId = t.fixture.divisions.zhaoxiang.id;
    const at = '2026-11-25T02:00:00.000Z';
    for (let start = 0; start < 10_200; start += 400) {
      const rows = Array.from({ length: 400 }, (_, i) => ({ division_id: divisionId, name: `批量企业${start + i}`, type: 'enterprise', created_at: at, updated_at: at }));
      await t.handle.db.insertInto('organisations').values(rows).execute();
    }
    const zhaoxiang = await t.signIn('zhaoxiang.staff');
    const live = await list(zhaoxiang, 'pageSize=1');
    expect(live.totalIsEstimate).toBe(false);
    expect(live.total).toBeGreaterThanOrEqual(10_200);
    // archived=all is not in the maintained counts; every row is live here, so the sample's share is 1.
    const everything = await list(zhaoxiang, 'archived=all&pageSize=1');
    expect(everything).toMatchObject({ total: live.total, totalIsEstimate: true });
    // A narrow text filter stays exact.
    const narrow = await list(zhaoxiang, `q=${encodeURIComponent('批量企业1019')}&pageSize=20`);
    expect(narrow).toMatchObject({ total: 11, totalIsEstimate: false });
  }, 120_000);
});
