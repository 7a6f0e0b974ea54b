import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { settled, upload, xlsx } from '../imports/test-files.ts';
import { registryRecords, sheetRows } from '../venues/venues.test-records.ts';

let t: TestApp;
let huaxinStaff: TestClient;
let records: Awaited<ReturnType<typeof registryRecords>>;

beforeAll(async () => {
  t = await createTestApp();
  huaxinStaff = await t.signIn('huaxin.staff');
  records = await registryRecords(t);
});
afterAll(async () => t.close());

type Cells = Array<Array<string | number | null>>;
const header = ['所属区划', '名称', '类别', '提供服务', '所属组织', '联系人', '联系电话', '简介'];

async function staged(client: TestClient, rows: Cells, query = '') {
  const response = await upload(client, 'resource', await xlsx(rows));
  expect(response.statusCode, response.body).toBe(202);
  return settled(client, response.json().id, query);
}
const problemsOf = async (client: TestClient, jobId: number) =>
  (await settled(client, jobId, '?only=problems')).rows.items.map((row) => [row.rowNumber, row.problems]);

async function servicesOf(name: string) {
  return t.handle.db
    .selectFrom('resources')
    .innerJoin('resource_services', 'resource_services.resource_id', 'resources.id')
    .innerJoin('service_kinds', 'service_kinds.id', 'resource_services.service_kind_id')
    .select('service_kinds.code')
    .where('resources.name', '=', name)
    .orderBy('service_kinds.sort_order')
    .execute()
    .then((rows) => rows.map((row) => row.code));
}

describe('resource import', () => {
  it('200: the template has the Chinese headers; a reviewer may not import (403)', async () => {
    const response = await huaxinStaff.get('/api/imports/resource/template');
    expect(response.statusCode).toBe(200);
    expect((await sheetRows(response.rawPayload))[0]).toEqual(header);
    expect((await records.reviewer.get('/api/imports/resource/template')).statusCode).toBe(403);
  });

  it('200: rows with their services (names or codes, any separator), organisation and person are written at once', async () => {
    const job = await staged(huaxinStaff, [
      header,
      ['华新镇', 'RI-法律服务团', '团队', '法律咨询、政策解读', '华新镇商会', '王律师', '13812345678', '每周三坐班'],
      ['华新镇/华新村', 'RI-医生', '个人', 'medical, 养老服务', null, null, null, null],
      ['华新镇', 'RI-无服务', '机构', null],
    ]);
    expect(job.counts).toEqual({ ok: 3, error: 0, duplicate: 0 });
    const confirm = await huaxinStaff.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(await servicesOf('RI-法律服务团')).toEqual(['legal_advice', 'policy_interpretation']);
    expect(await servicesOf('RI-医生')).toEqual(['medical', 'elderly_care']);
    expect(await servicesOf('RI-无服务')).toEqual([]);
    const [team] = await t.handle.db.selectFrom('resources').selectAll().where('name', '=', 'RI-法律服务团').execute();
    expect(team).toMatchObject({ kind: 'team', organisation_id: records.huaxinChamber, person_id: records.huaxinPerson, contact_phone: '13812345678' });
    const list = await huaxinStaff.get('/api/resources?q=RI-&serviceKindId=1');
    expect(list.json().items.map((r: { name: string }) => r.name)).toEqual(['RI-法律服务团']);
  });

  it('409: an unknown service kind or kind in one row writes nothing; the preview names them', async () => {
    const job = await staged(huaxinStaff, [
      header,
      ['华新镇', 'RI-好资源', '团队', '志愿服务'],
      ['华新镇', 'RI-坏服务', '团队', '志愿服务、算命'],
      ['华新镇', 'RI-坏类别', '神仙'],
      ['华新镇', 'RI-坏电话', '个人', null, null, null, '12'],
    ]);
    expect(await problemsOf(huaxinStaff, job.id)).toEqual([
      [3, [{ column: '提供服务', message: '找不到服务类别：算命' }]],
      [4, [{ column: '类别', message: '类别应为：个人、团队、机构 或 组织' }]],
      [5, [{ column: '联系电话', message: '不是有效的电话号码' }]],
    ]);
    expect((await huaxinStaff.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' })).statusCode).toBe(409);
    expect(await t.handle.db.selectFrom('resources').select('id').where('name', '=', 'RI-好资源').execute()).toEqual([]);
  });

  it('403 per row: another town’s division or person is refused', async () => {
    const job = await staged(huaxinStaff, [header, ['赵巷镇', 'RI-越界', '团队'], ['华新镇', 'RI-越界人员', '个人', null, null, '李医生']]);
    expect(job.counts).toMatchObject({ ok: 0, error: 2 });
  });

  it('200: updating a duplicate replaces its services when the cell is filled and keeps a masked phone', async () => {
    const exported = await huaxinStaff.get(`/api/resources/export?q=${encodeURIComponent('RI-法律服务团')}`);
    const rows = (await sheetRows(exported.rawPayload)) as Cells;
    expect(rows[1]![6]).toBe('138****5678');
    rows[1]![3] = '法律咨询、就业创业';
    const job = await staged(huaxinStaff, rows);
    expect(job.counts).toEqual({ ok: 0, error: 0, duplicate: 1 });
    expect((await huaxinStaff.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'update' })).json().result.updated).toBe(1);
    expect(await servicesOf('RI-法律服务团')).toEqual(['legal_advice', 'employment']);
    const [team] = await t.handle.db.selectFrom('resources').selectAll().where('name', '=', 'RI-法律服务团').execute();
    expect(team).toMatchObject({ contact_phone: '13812345678', version: 2 });
  });
});
