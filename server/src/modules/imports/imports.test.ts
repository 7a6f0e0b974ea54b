import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { multipart, settled, upload, xlsx } from './test-files.ts';

let t: TestApp;
let admin: TestClient;
let qingpuAdmin: TestClient;
let qingpuStaff: TestClient;
let jinshanAdmin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  qingpuStaff = await t.signIn('qingpu.staff');
  jinshanAdmin = await t.signIn('jinshan.admin');
});
afterAll(async () => t.close());

const header = ['上级区划', '名称', '层级', '区划代码'];

async function divisionsNamed(name: string) {
  return t.handle.db.selectFrom('divisions').selectAll().where('name', '=', name).execute();
}

/** Upload and wait for the background check; fails the test on anything but 202. */
async function staged(client: TestClient, rows: Array<Array<string | number | null>>, query = '') {
  const response = await upload(client, 'division', await xlsx(rows));
  expect(response.statusCode, response.body).toBe(202);
  return settled(client, response.json().id, query);
}

describe('GET /api/imports/:entity/template', () => {
  it('200: the division template has the Chinese headers, an example row and a note sheet', async () => {
    const response = await qingpuAdmin.get('/api/imports/division/template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('区划导入模板.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const [data, notes] = workbook.worksheets;
    expect((data!.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    expect((data!.getRow(2).values as unknown[]).slice(1)).toEqual(['上海市/青浦区/华新镇', '华新村', '村居', '310118102201']);
    expect(notes!.name).toBe('填写说明');
    expect(notes!.getCell('A2').value).toBe('上级区划');
  });

  it('200: GET /api/imports lists the lists a user may import (divisions: administrators only)', async () => {
    expect((await qingpuAdmin.get('/api/imports')).json()).toContainEqual({ entity: 'division', label: '区划' });
    expect((await qingpuStaff.get('/api/imports')).json()).not.toContainEqual({ entity: 'division', label: '区划' });
  });

  it('401: without a session', async () => {
    expect((await t.anonymous().get('/api/imports/division/template')).statusCode).toBe(401);
    expect((await upload(t.anonymous(), 'division', await xlsx([header]))).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/imports/jobs/1')).statusCode).toBe(401);
  });

  it('403: staff without the administrator role can neither get the template nor upload', async () => {
    expect((await qingpuStaff.get('/api/imports/division/template')).statusCode).toBe(403);
    expect((await upload(qingpuStaff, 'division', await xlsx([header, ['华新镇', '甲村', '村居']]))).statusCode).toBe(403);
  });

  it('404: an unknown entity', async () => {
    expect((await qingpuAdmin.get('/api/imports/spaceship/template')).statusCode).toBe(404);
    expect((await upload(qingpuAdmin, 'spaceship', await xlsx([header]))).statusCode).toBe(404);
  });
});

describe('POST /api/imports/:entity — checking the file', () => {
  it('400: a file that is not an xlsx by its content, whatever its name', async () => {
    const response = await upload(qingpuAdmin, 'division', Buffer.from('名称,层级\n新村,村居\n'), 'fake.xlsx');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'body.file', message: '请上传 Excel 文件（.xlsx）' }]);
    const zipButNotExcel = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)]);
    expect((await upload(qingpuAdmin, 'division', zipButNotExcel)).statusCode).toBe(400);
  });

  it('400: a required column is missing from the header row', async () => {
    const response = await upload(qingpuAdmin, 'division', await xlsx([['上级区划', '名称'], ['华新镇', '甲村']]));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].message).toBe('缺少必填列：层级');
  });

  it('413: a file over 30 MB', async () => {
    const big = Buffer.concat([await xlsx([header]), Buffer.alloc(31 * 1024 * 1024)]);
    expect((await upload(qingpuAdmin, 'division', big)).statusCode).toBe(413);
  });

  it('415: a JSON body instead of a multipart upload', async () => {
    expect((await qingpuAdmin.post('/api/imports/division', { rows: [] })).statusCode).toBe(415);
  });

  it('202: parsing runs in the background; progress and counts are on the job', async () => {
    const response = await upload(qingpuAdmin, 'division', await xlsx([header, ['华新镇', '进度村', '村居']]));
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ entity: 'division', status: 'parsing', rowsTotal: 1, fileName: '导入.xlsx' });
    const job = await settled(qingpuAdmin, response.json().id);
    expect(job).toMatchObject({ status: 'ready', rowsParsed: 1, rowsTotal: 1, counts: { ok: 1, error: 0, duplicate: 0 } });
  });
});

describe('import all or nothing', () => {
  it('409: a file with one bad row writes nothing, and the preview names row, column and message', async () => {
    const job = await staged(qingpuAdmin, [
      header,
      ['上海市/青浦区/华新镇', '好一村', '村居', '310118102301'],
      ['华新镇', '好二村', '村居'],
      ['华新镇', '坏村', '乡村'],
      ['华新镇', '好三村', '村居', '12'],
    ]);
    expect(job.counts).toEqual({ ok: 2, error: 2, duplicate: 0 });
    const problems = await settled(qingpuAdmin, job.id, '?only=problems');
    expect(problems.rows.items.map((row) => [row.rowNumber, row.problems])).toEqual([
      [4, [{ column: '层级', message: '层级应为 省、市、区县、街镇 或 村居' }]],
      [5, [{ column: '区划代码', message: '区划代码应为 6 到 12 位数字' }]],
    ]);
    const english = await qingpuAdmin.get(`/api/imports/jobs/${job.id}?only=problems`, { 'accept-language': 'en' });
    expect(english.json().rows.items[0].problems[0].message).toBe('Level must be 省, 市, 区县, 街镇 or 村居');

    const confirm = await qingpuAdmin.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.details).toMatchObject({ reason: 'rows_with_errors', errorRows: 2 });
    expect(await divisionsNamed('好一村')).toEqual([]);
    expect(await divisionsNamed('好二村')).toEqual([]);
  });

  it('200: a clean file writes every row in one go, audited with the counts', async () => {
    const job = await staged(qingpuAdmin, [
      ['华新镇村居名单'],
      header,
      ['华新镇', '凤溪村', '村居', '310118102202'],
      [null, null, null, null],
      ['上海市/青浦区/华新镇', '嘉松村', '村', null],
    ]);
    expect(job.counts).toEqual({ ok: 2, error: 0, duplicate: 0 });
    expect(job.rows.items.map((row) => row.rowNumber)).toEqual([3, 5]);
    const confirm = await qingpuAdmin.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toMatchObject({ status: 'done', result: { inserted: 2, updated: 0, skipped: 0 } });
    const [fengxi] = await divisionsNamed('凤溪村');
    expect(fengxi).toMatchObject({ parent_id: t.fixture.divisions.huaxin.id, level: 'village', code: '310118102202', depth: 3 });
    expect(fengxi!.path).toBe(`${t.fixture.divisions.huaxin.path}${fengxi!.id}/`);
    const [audit] = await auditRows(t.handle, 'import.confirm');
    expect(JSON.parse(audit!.detail!)).toMatchObject({ inserted: 2, updated: 0, skipped: 0, rows: 2, duplicates: 'skip' });
    expect(audit!.entity).toBe('division');

    const again = await qingpuAdmin.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' });
    expect(again.statusCode).toBe(409);
  });

  it('200: a town and its villages in one file — later rows may name a division created by an earlier row', async () => {
    const job = await staged(qingpuAdmin, [header, ['青浦区', '新城镇', '街镇'], ['青浦区/新城镇', '新城一村', '村居'], ['上海市/青浦区/新城镇', '新城二村', '村居']]);
    expect(job.counts).toEqual({ ok: 3, error: 0, duplicate: 0 });
    expect((await qingpuAdmin.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' })).statusCode).toBe(200);
    const [town] = await divisionsNamed('新城镇');
    const villages = await t.handle.db.selectFrom('divisions').selectAll().where('parent_id', '=', town!.id).orderBy('name').execute();
    expect(villages.map((v) => [v.name, v.path, v.depth])).toEqual([
      ['新城一村', `${town!.path}${villages[0]!.id}/`, 3],
      ['新城二村', `${town!.path}${villages[1]!.id}/`, 3],
    ]);
  });

  it('200: only a system admin of the whole tree may leave the parent empty (a new top-level division)', async () => {
    const mine = await staged(admin, [header, [null, '测试省', '省'], ['测试省', '测试市', '市']]);
    expect(mine.counts).toEqual({ ok: 2, error: 0, duplicate: 0 });
    expect((await admin.post(`/api/imports/jobs/${mine.id}/confirm`, { duplicates: 'skip' })).statusCode).toBe(200);
    const [province] = await divisionsNamed('测试省');
    const [city] = await divisionsNamed('测试市');
    expect([province!.parent_id, province!.path, province!.depth]).toEqual([null, `/${province!.id}/`, 0]);
    expect([city!.path, city!.depth]).toEqual([`/${province!.id}/${city!.id}/`, 1]);
    const theirs = await staged(qingpuAdmin, [header, [null, '另一省', '省']]);
    expect((await settled(qingpuAdmin, theirs.id, '?only=problems')).rows.items[0]!.problems).toEqual([
      { column: '上级区划', message: '只有系统管理员可以创建顶级区划' },
    ]);
  });

  it('400 per row: a row for a division outside the subtree is an error of that row', async () => {
    const job = await staged(qingpuAdmin, [header, ['上海市/金山区', '金山新镇', '街镇'], ['赵巷镇', '赵巷新村', '村居'], ['不存在市', '皖村', '市']]);
    expect(job.counts).toEqual({ ok: 1, error: 2, duplicate: 0 });
    const problems = (await settled(qingpuAdmin, job.id, '?only=problems')).rows.items;
    expect(problems.map((row) => [row.rowNumber, row.problems])).toEqual([
      [2, [{ column: '上级区划', message: '该区划不在您的管辖范围内' }]],
      [4, [{ column: '上级区划', message: '找不到区划“不存在市”' }]],
    ]);
  });

  it('400 per row: level not below the parent, name missing, repeats inside the file', async () => {
    const job = await staged(qingpuAdmin, [header, ['华新镇', '错层镇', '街镇'], ['华新镇', null, '村居'], ['华新镇', '同名村', '村居'], ['上海市/青浦区/华新镇', '同名村', '村居']]);
    const rows = (await settled(qingpuAdmin, job.id, '?only=problems')).rows.items;
    expect(rows.map((row) => [row.rowNumber, row.problems])).toEqual([
      [2, [{ column: '层级', message: '下级区划的层级必须低于上级' }]],
      [3, [{ column: '名称', message: '必填' }]],
      [5, [{ column: null, message: '与第 4 行重复（同一区划下名称相同）' }]],
    ]);
  });
});

describe('duplicates: same name in the same division', () => {
  const file = () => [header, ['华新镇', '华新村', '村居', '310118102999'], ['华新镇', '重复测试村', '村居']];

  it('200: skip leaves the existing record alone and inserts the rest', async () => {
    const job = await staged(qingpuAdmin, file(), '?only=duplicates');
    expect(job.counts).toEqual({ ok: 1, error: 0, duplicate: 1 });
    expect(job.rows.items).toMatchObject([{ rowNumber: 2, duplicateOf: t.fixture.divisions.huaxinVillage.id, problems: [] }]);
    const confirm = await qingpuAdmin.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' });
    expect(confirm.json().result).toEqual({ inserted: 1, updated: 0, skipped: 1 });
    const [village] = await divisionsNamed('华新村');
    expect(village!.code).toBeNull();
  });

  it('200: update overwrites the existing record (code, version) instead', async () => {
    const job = await staged(qingpuAdmin, [header, ['华新镇', '华新村', '村居', '310118102999']]);
    const confirm = await qingpuAdmin.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'update' });
    expect(confirm.json().result).toEqual({ inserted: 0, updated: 1, skipped: 0 });
    const [village] = await divisionsNamed('华新村');
    expect(village).toMatchObject({ code: '310118102999', version: 2 });
  });

  it('400: an unknown duplicates choice', async () => {
    const job = await staged(qingpuAdmin, [header, ['华新镇', '选择村', '村居']]);
    expect((await qingpuAdmin.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'merge' })).statusCode).toBe(400);
    expect((await qingpuAdmin.post(`/api/imports/jobs/${job.id}/confirm`, {})).statusCode).toBe(400);
  });
});

describe('a job belongs to its uploader', () => {
  it('403: another user, even a system admin, can neither read nor confirm it; 404 for an unknown job', async () => {
    const job = await staged(qingpuAdmin, [header, ['华新镇', '他人村', '村居']]);
    expect((await admin.get(`/api/imports/jobs/${job.id}`)).statusCode).toBe(403);
    expect((await jinshanAdmin.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' })).statusCode).toBe(403);
    expect((await admin.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' })).statusCode).toBe(403);
    expect(await divisionsNamed('他人村')).toEqual([]);
    expect((await qingpuAdmin.get('/api/imports/jobs/999999')).statusCode).toBe(404);
  });

  it('409: a job not confirmed within a day expires and loses its rows', async () => {
    const job = await staged(qingpuAdmin, [header, ['华新镇', '过期村', '村居']]);
    t.clock.advance(25 * 60 * 60 * 1000);
    const later = await t.signIn('qingpu.admin'); // the old session has timed out too
    const confirm = await later.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode).toBe(409);
    expect((await settled(later, job.id)).status).toBe('expired');
    expect(await divisionsNamed('过期村')).toEqual([]);
  });
});

describe('multipart helper', () => {
  it('builds a body fastify-multipart accepts (sanity check of the test itself)', () => {
    expect(multipart(Buffer.from('x'), 'a.xlsx').contentType).toMatch(/^multipart\/form-data; boundary=/);
  });
});
