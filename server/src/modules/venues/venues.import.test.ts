import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { settled, upload, xlsx } from '../imports/test-files.ts';
import { registryRecords, sheetRows } from './venues.test-records.ts';

let t: TestApp;
let qingpuStaff: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let records: Awaited<ReturnType<typeof registryRecords>>;

beforeAll(async () => {
  t = await createTestApp();
  qingpuStaff = await t.signIn('qingpu.staff');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  records = await registryRecords(t);
});
afterAll(async () => t.close());

type Cells = Array<Array<string | number | null>>;
const header = ['所属区划', '名称', '类型', '级别', '星级', '地址', '服务热线', '开放时间', '所属组织', '品牌', '是否公开', '简介'];

async function staged(client: TestClient, rows: Cells, query = '') {
  const response = await upload(client, 'venue', await xlsx(rows));
  expect(response.statusCode, response.body).toBe(202);
  return settled(client, response.json().id, query);
}
const problemsOf = async (client: TestClient, jobId: number) =>
  (await settled(client, jobId, '?only=problems')).rows.items.map((row) => [row.rowNumber, row.problems]);
const venuesNamed = (name: string) => t.handle.db.selectFrom('venues').selectAll().where('name', '=', name).execute();

describe('venue import', () => {
  it('200: the template carries the Chinese headers and the type and level choices', async () => {
    const response = await huaxinStaff.get('/api/imports/venue/template');
    expect(response.statusCode).toBe(200);
    const [headers, example] = await sheetRows(response.rawPayload);
    expect(headers).toEqual(header);
    expect(example!.slice(0, 4)).toEqual(['上海市/青浦区/华新镇', '商会之家', '商会之家', '街镇级']);
    expect((await records.reviewer.get('/api/imports/venue/template')).statusCode).toBe(403);
  });

  it('200: a clean file writes every row at once, with labels in either script, names turned into links; audited', async () => {
    const job = await staged(huaxinStaff, [
      header,
      ['上海市/青浦区/华新镇', 'I-商会之家', '商会之家', '街镇级', '4星', '华腾路 1288 号', '021-59781234', '9:00-17:00', '华新镇商会', '同心华新', '是', '商会会员活动场所'],
      ['华新镇/华新村', 'I-村服务站', '服務站', '街鎮級', '★★★', null, null, null, null, null, '否', null],
    ]);
    expect(job.counts).toEqual({ ok: 2, error: 0, duplicate: 0 });
    const confirm = await huaxinStaff.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().result).toEqual({ inserted: 2, updated: 0, skipped: 0 });
    const [home] = await venuesNamed('I-商会之家');
    expect(home).toMatchObject({
      division_id: t.fixture.divisions.huaxin.id,
      type: 'chamber_home',
      level: 'town',
      star_rating: 4,
      hotline: '021-59781234',
      owner_organisation_id: records.huaxinChamber,
      brand_id: records.huaxinBrand,
      is_public: 1,
    });
    const [station] = await venuesNamed('I-村服务站');
    expect(station).toMatchObject({ division_id: t.fixture.divisions.huaxinVillage.id, type: 'service_station', star_rating: 3, is_public: 0 });
    expect((await auditRows(t.handle, 'import.confirm'))[0]).toMatchObject({ entity: 'venue' });
  });

  it('409: one bad row writes nothing; the preview names row, column and message', async () => {
    const job = await staged(huaxinStaff, [
      header,
      ['华新镇', 'I-好阵地', '综合体', '街镇级'],
      ['华新镇', 'I-坏类型', '城堡', '街镇级'],
      ['华新镇', 'I-坏星级', '综合体', '省级', '6'],
      ['华新镇', 'I-手机热线', '服务中心', '街镇级', null, null, '13812345678', null, null, null, '是'],
      ['华新镇', 'I-坏链接', '服务中心', '街镇级', null, null, null, null, '不存在的组织', '不存在的品牌', '也许'],
    ]);
    expect(job.counts).toMatchObject({ ok: 1, error: 4 });
    expect(await problemsOf(huaxinStaff, job.id)).toEqual([
      [3, [{ column: '类型', message: '类型应为：商会之家、实践创新基地、教育基地、服务站、服务中心、文化公园、综合体 或 其他' }]],
      [4, [{ column: '星级', message: '星级应为 1 到 5 的整数，未评星留空' }]],
      [5, [{ column: '服务热线', message: '公开阵地的热线不能是手机号码（服务指南人人可见），请填写座机或服务电话' }]],
      [
        6,
        [
          { column: '是否公开', message: '是否公开应填“是”或“否”' },
        ],
      ],
    ]);
    const confirm = await huaxinStaff.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode).toBe(409);
    expect(await venuesNamed('I-好阵地')).toEqual([]);
  });

  it('preview: an unknown owner or brand is named with the cell’s value', async () => {
    const job = await staged(huaxinStaff, [header, ['华新镇', 'I-坏链接', '服务中心', '街镇级', null, null, null, null, '不存在的组织', '不存在的品牌']]);
    const rows = (await settled(huaxinStaff, job.id, '?only=problems')).rows.items;
    expect(rows.map((row) => row.problems.map((problem) => problem.column))).toEqual([['所属组织', '品牌']]);
    expect(rows[0]!.problems[1]!.message).toBe('在您的范围内找不到品牌“不存在的品牌”');
  });

  it('403 per row: a town user cannot import into another town, nor link another town’s organisation', async () => {
    const job = await staged(huaxinStaff, [
      header,
      ['上海市/青浦区/赵巷镇', 'I-越界', '综合体', '街镇级'],
      ['华新镇', 'I-越界链接', '综合体', '街镇级', null, null, null, null, '赵巷镇商会'],
    ]);
    expect(job.counts).toMatchObject({ ok: 0, error: 2 });
    const problems = await problemsOf(huaxinStaff, job.id);
    expect(problems.map(([row]) => row)).toEqual([2, 3]);
    expect(await venuesNamed('I-越界')).toEqual([]);
  });

  it('200: a duplicate (same name, same division) is skipped or updated, empty cells keeping what is stored', async () => {
    const created = (await zhaoxiangStaff.post('/api/venues', { divisionId: t.fixture.divisions.zhaoxiang.id, name: 'I-同心巷聚', type: 'complex', level: 'town', address: '赵巷镇', starRating: 2 })).json();
    const rows = [header, ['赵巷镇', 'I-同心巷聚', '综合体', '区县级', '5', null, '021-59751234']];
    const skip = await staged(qingpuStaff, rows, '?only=duplicates');
    expect(skip.counts).toEqual({ ok: 0, error: 0, duplicate: 1 });
    expect(skip.rows.items[0]).toMatchObject({ rowNumber: 2, duplicateOf: created.id });
    expect((await qingpuStaff.post(`/api/imports/jobs/${skip.id}/confirm`, { duplicates: 'skip' })).json().result).toEqual({ inserted: 0, updated: 0, skipped: 1 });
    const update = await staged(qingpuStaff, rows);
    expect((await qingpuStaff.post(`/api/imports/jobs/${update.id}/confirm`, { duplicates: 'update' })).json().result).toEqual({ inserted: 0, updated: 1, skipped: 0 });
    const [venue] = await venuesNamed('I-同心巷聚');
    expect(venue).toMatchObject({ level: 'district', star_rating: 5, hotline: '021-59751234', address: '赵巷镇', version: 2 });
  });

  it('preview: the same venue twice in one file is an error on the later row', async () => {
    const job = await staged(huaxinStaff, [header, ['华新镇', 'I-两次', '综合体', '街镇级'], ['上海市/青浦区/华新镇', 'I-两次', '综合体', '街镇级']]);
    expect(await problemsOf(huaxinStaff, job.id)).toEqual([[3, [{ column: null, message: '与第 2 行重复（同一区划下名称相同）' }]]]);
  });

  it('an export goes back in: its masked hotline is read as an empty cell and keeps the stored number', async () => {
    const exported = await huaxinStaff.get(`/api/venues/export?q=${encodeURIComponent('I-商会之家')}`);
    const rows = (await sheetRows(exported.rawPayload)) as Cells;
    expect(rows[1]![6]).toBe('021****1234');
    const job = await staged(huaxinStaff, rows);
    expect(job.counts).toEqual({ ok: 0, error: 0, duplicate: 1 });
    expect((await huaxinStaff.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'update' })).json().result.updated).toBe(1);
    expect((await venuesNamed('I-商会之家'))[0]).toMatchObject({ hotline: '021-59781234', star_rating: 4, is_public: 1 });
  });
});
