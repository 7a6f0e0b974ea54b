import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportTables } from '../../db/types-imports.ts';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { settled, upload, xlsx } from '../imports/test-files.ts';

let t: TestApp;
let admin: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  const handler = { username: 'huaxin.handler', displayName: '处理人', divisionId: t.fixture.divisions.huaxin.id, roles: ['handler'], password: 'Handler2026pw' };
  expect((await admin.post('/api/users', handler)).statusCode).toBe(201);
});
afterAll(async () => t.close());

type Cells = Array<Array<string | number | null>>;

async function staged(client: TestClient, entity: string, rows: Cells, query = '') {
  const response = await upload(client, entity, await xlsx(rows));
  expect(response.statusCode, response.body).toBe(202);
  return settled(client, response.json().id, query);
}

async function problemsOf(client: TestClient, jobId: number) {
  return (await settled(client, jobId, '?only=problems')).rows.items.map((row) => [row.rowNumber, row.problems]);
}

async function orgNamed(name: string) {
  return t.handle.db.selectFrom('organisations').selectAll().where('name', '=', name).execute();
}

const orgHeader = ['所属区划', '名称', '类型', '上级组织', '成立日期', '联系人', '联系电话', '地址', '简介'];

describe('organisation import', () => {
  it('200: the template has the Chinese headers and a drop-down of types; 403 for a handler', async () => {
    const template = await huaxinStaff.get('/api/imports/organisation/template');
    expect(template.statusCode).toBe(200);
    const handler = await t.signIn('huaxin.handler', 'Handler2026pw');
    expect((await handler.get('/api/imports/organisation/template')).statusCode).toBe(403);
    expect((await handler.get('/api/imports/person/template')).statusCode).toBe(403);
  });

  it('409: one bad row writes nothing; the preview names row, column and message; the fixed file then imports', async () => {
    const rows: Cells = [
      orgHeader,
      ['华新镇', '导入商会', '商会', null, '2001-02-03', '许先生', '138 0000 1111', '华新镇某路 1 号', null],
      ['华新镇/华新村', '导入村委会', '村委会'],
      ['华新镇', '导入企业', '公司'],
      ['华新镇', '导入协会', '新联会', null, '2001-02-30'],
    ];
    const job = await staged(huaxinStaff, 'organisation', rows);
    expect(job.counts).toEqual({ ok: 2, error: 2, duplicate: 0 });
    expect(await problemsOf(huaxinStaff, job.id)).toEqual([
      [4, [{ column: '类型', message: '不是可选的组织类型（如 商会、新联会、企业、社区/村居）' }]],
      [5, [{ column: '成立日期', message: '日期格式应为 YYYY-MM-DD' }]],
    ]);
    const refused = await huaxinStaff.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' });
    expect(refused.statusCode).toBe(409);
    expect(await orgNamed('导入商会')).toEqual([]);

    rows[3]![2] = '企业';
    rows[4]![4] = '2001-02-28';
    const fixed = await staged(huaxinStaff, 'organisation', rows);
    expect(fixed.counts).toEqual({ ok: 4, error: 0, duplicate: 0 });
    const confirm = await huaxinStaff.post(`/api/imports/jobs/${fixed.id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().result).toEqual({ inserted: 4, updated: 0, skipped: 0 });
    const [chamber] = await orgNamed('导入商会');
    expect(chamber).toMatchObject({ type: 'chamber', division_id: t.fixture.divisions.huaxin.id, founded_on: '2001-02-03', contact_phone: '13800001111' });
    expect((await orgNamed('导入村委会'))[0]).toMatchObject({ type: 'community', division_id: t.fixture.divisions.huaxinVillage.id });
    expect((await orgNamed('导入协会'))[0]!.type).toBe('association_new_strata');
    const listed = (await huaxinStaff.get(`/api/organisations?q=${encodeURIComponent('导入商会')}`)).json();
    expect(listed.items[0].contactPhone).toBe('138****1111');
    expect((await auditRows(t.handle, 'import.confirm'))[0]).toMatchObject({ entity: 'organisation' });
  });

  it("400 per row: another town's division, or a parent outside the subtree, is that row's error", async () => {
    await zhaoxiangStaff.post('/api/organisations', { divisionId: t.fixture.divisions.zhaoxiang.id, name: '赵巷上级', type: 'chamber' });
    const job = await staged(huaxinStaff, 'organisation', [orgHeader, ['上海市/青浦区/赵巷镇', '越界组织', '企业'], ['华新镇', '越界下级', '企业', '赵巷上级']]);
    expect(await problemsOf(huaxinStaff, job.id)).toEqual([
      [2, [{ column: '所属区划', message: '该区划不在您的管辖范围内' }]],
      [3, [{ column: '上级组织', message: '在您的范围内找不到组织“赵巷上级”' }]],
    ]);
  });

  it('200: a duplicate (same name, same division) is skipped, or updated keeping what blank cells leave alone', async () => {
    await huaxinStaff.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: '已有企业', type: 'enterprise', address: '旧地址', contactName: '老联系人' });
    const file: Cells = [orgHeader, ['华新镇', '已有企业', '两新组织', null, null, null, null, '新地址'], ['华新镇', '新来企业', '企业']];
    const skip = await staged(huaxinStaff, 'organisation', file);
    expect(skip.counts).toEqual({ ok: 1, error: 0, duplicate: 1 });
    expect((await huaxinStaff.post(`/api/imports/jobs/${skip.id}/confirm`, { duplicates: 'skip' })).json().result).toEqual({ inserted: 1, updated: 0, skipped: 1 });
    expect((await orgNamed('已有企业'))[0]).toMatchObject({ type: 'enterprise', address: '旧地址' });

    const update = await staged(huaxinStaff, 'organisation', [orgHeader, file[1]!]);
    expect((await huaxinStaff.post(`/api/imports/jobs/${update.id}/confirm`, { duplicates: 'update' })).json().result).toEqual({ inserted: 0, updated: 1, skipped: 0 });
    expect((await orgNamed('已有企业'))[0]).toMatchObject({ type: 'new_org', address: '新地址', contact_name: '老联系人', version: 2 });
  });

  it('400 per row: a name already used by an archived organisation must be restored first', async () => {
    const created = (await huaxinStaff.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: '归档企业', type: 'enterprise' })).json();
    await huaxinStaff.post(`/api/organisations/${created.id}/archive`, { version: created.version });
    const job = await staged(huaxinStaff, 'organisation', [orgHeader, ['华新镇', '归档企业', '企业']]);
    expect(await problemsOf(huaxinStaff, job.id)).toEqual([[2, [{ column: '名称', message: '已有同名的归档记录“归档企业”，请先在系统中恢复或改名' }]]]);
  });
});

describe('person import', () => {
  it('200: people with phones and organisations; ID-card, ethnicity, religion and political columns are ignored, never stored', async () => {
    await huaxinStaff.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: '人员所在商会', type: 'chamber' });
    const job = await staged(huaxinStaff, 'person', [
      ['所属区划', '姓名', '电话', '所在组织', '职务', '身份证号', '民族', '宗教信仰', '政治面貌'],
      ['华新镇/华新村', '导入联络员', '13900002222', null, '联络员', '310101199001011234', '汉族', '无', '群众'],
      ['华新镇', '导入会长', null, '人员所在商会', '会长'],
    ]);
    expect(job.counts).toEqual({ ok: 2, error: 0, duplicate: 0 });
    expect(job.ignoredHeaders).toEqual(['身份证号', '民族', '宗教信仰', '政治面貌']);
    expect((await huaxinStaff.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' })).statusCode).toBe(200);
    const staging = await t.handle.db.withTables<ImportTables>().selectFrom('import_rows').select('value').where('job_id', '=', job.id).execute();
    expect(JSON.stringify(staging)).not.toMatch(/310101|汉族|群众/);
    const people = (await huaxinStaff.get(`/api/people?q=${encodeURIComponent('导入')}`)).json().items;
    expect(people.map((p: { name: string; phone: string | null; organisationName: string | null }) => [p.name, p.phone, p.organisationName])).toEqual([
      ['导入会长', null, '人员所在商会'],
      ['导入联络员', '139****2222', null],
    ]);
  });

  it('400 per row: a phone that is not a phone, a missing name, an unknown organisation', async () => {
    const job = await staged(huaxinStaff, 'person', [['所属区划', '姓名', '电话', '所在组织'], ['华新镇', '某人', '12345abc'], ['华新镇', null], ['华新镇', '某乙', null, '没有这个组织']]);
    expect(await problemsOf(huaxinStaff, job.id)).toEqual([
      [2, [{ column: '电话', message: '不是有效的电话号码' }]],
      [3, [{ column: '姓名', message: '必填' }]],
      [4, [{ column: '所在组织', message: '在您的范围内找不到组织“没有这个组织”' }]],
    ]);
  });
});

describe('membership import', () => {
  it('200: organisation name + member name + role; members are told apart by kind or by which exists', async () => {
    await huaxinStaff.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: '成员导入商会', type: 'chamber' });
    for (const name of ['成员企业甲', '成员企业乙', '同名成员']) {
      await huaxinStaff.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name, type: 'enterprise' });
    }
    await huaxinStaff.post('/api/people', { divisionId: t.fixture.divisions.huaxin.id, name: '成员个人' });
    await huaxinStaff.post('/api/people', { divisionId: t.fixture.divisions.huaxin.id, name: '同名成员' });
    const header = ['组织', '成员', '成员类别', '职务角色', '起始日期', '结束日期'];
    const rows: Cells = [
      header,
      ['成员导入商会', '成员企业甲', null, '理事', '2020-01-01'],
      ['成员导入商会', '成员企业乙', '单位', '会员'],
      ['成员导入商会', '成员个人', null, '会长'],
      ['成员导入商会', '同名成员', null, '会员'],
      ['成员导入商会', '同名成员', '个人', '秘书长'],
      ['成员导入商会', '成员企业甲', null, '国王', '2020-01-01', '2019-01-01'],
      ['成员导入商会', '成员导入商会', null, '会员'],
    ];
    const job = await staged(huaxinStaff, 'membership', rows);
    expect(await problemsOf(huaxinStaff, job.id)).toEqual([
      [5, [{ column: '成员', message: '“同名成员”既是组织也是人员的名称，请填写成员类别' }]],
      [7, [
        { column: '职务角色', message: '职务角色应为 会员、理事、副会长、会长 或 秘书长' },
        { column: '结束日期', message: '结束日期不能早于开始日期' },
      ]],
      [8, [{ column: '成员', message: '组织不能成为自己的成员' }]],
    ]);
    const clean = await staged(huaxinStaff, 'membership', [header, rows[1]!, rows[2]!, rows[3]!, rows[5]!]);
    expect(clean.counts).toEqual({ ok: 4, error: 0, duplicate: 0 });
    expect((await huaxinStaff.post(`/api/imports/jobs/${clean.id}/confirm`, { duplicates: 'skip' })).statusCode).toBe(200);
    const chamber = (await orgNamed('成员导入商会'))[0]!;
    const detail = (await huaxinStaff.get(`/api/organisations/${chamber.id}`)).json();
    expect(detail.links.memberOrganisations).toMatchObject({ total: 2, byRole: { council: 1, member: 1 } });
    expect(detail.links.memberPeople).toMatchObject({ total: 2, byRole: { president: 1, secretary_general: 1 } });

    // Importing the same member again is a duplicate; "update" changes the role.
    const again = await staged(huaxinStaff, 'membership', [header, ['成员导入商会', '成员企业乙', '单位', '副会长']]);
    expect(again.counts).toEqual({ ok: 0, error: 0, duplicate: 1 });
    expect((await huaxinStaff.post(`/api/imports/jobs/${again.id}/confirm`, { duplicates: 'update' })).json().result).toMatchObject({ updated: 1 });
    expect((await huaxinStaff.get(`/api/organisations/${chamber.id}`)).json().links.memberOrganisations.byRole).toMatchObject({ vice_president: 1, member: 0 });
  });

  it("400 per row: an organisation or member outside the user's subtree is not found", async () => {
    await zhaoxiangStaff.post('/api/organisations', { divisionId: t.fixture.divisions.zhaoxiang.id, name: '赵巷成员企业', type: 'enterprise' });
    const job = await staged(huaxinStaff, 'membership', [['组织', '成员', '职务角色'], ['成员导入商会', '赵巷成员企业', '会员'], ['赵巷上级', '成员企业甲', '会员']]);
    expect(await problemsOf(huaxinStaff, job.id)).toEqual([
      [2, [{ column: '成员', message: '在您的范围内找不到名为“赵巷成员企业”的组织或人员' }]],
      [3, [{ column: '组织', message: '在您的范围内找不到组织“赵巷上级”' }]],
    ]);
  });
});
