import type { ArticleCounts, ArticleDetail } from '@tongxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { docx, multipartFiles } from './articles.test-files.ts';

let t: TestApp;
let admin: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let qingpuAdmin: TestClient;
let chamberId: number;

/** A scraped report, hand-written: site chrome, pinyin annotations, a byline, a source and figures. */
const pasted = [
  '首页 > 新闻中心',
  '華新鎮商會之家助力企業發展',
  '2026年05月28日 10:30 来源：青浦报',
  '（记者 范宇斌）近日，青浦區華(huá)新(xīn)鎮商會之家正式啟用。商會現有会员企业154家，其中理事企业34家，今年已开展活动60余场。',
  '华新镇将继续做好统战工作（市、区）。',
  '【责任编辑：王芳】',
  '分享到：微信 微博',
  '版权所有 © 青浦报社',
].join('\n\n');

const html = `<!doctype html><html><head><meta charset="utf-8"><title>赵巷镇同心巷聚</title></head><body>
<div class="nav">首页 | 新闻</div>
<h1>赵巷镇“同心巷聚”综合体揭牌</h1>
<p>2026-06-02 来源：解放日报</p>
<p>赵巷镇40个村居各有1名联络员，“同心巷聚”综合体今日揭牌。</p>
<p>返回顶部</p></body></html>`;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  qingpuAdmin = await t.signIn('qingpu.admin');
  const chamber = await huaxinStaff.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: '华新镇商会', type: 'chamber' });
  chamberId = chamber.json().id;
});
afterAll(async () => t.close());

async function ingest(client: TestClient, body: Record<string, unknown>): Promise<ArticleDetail> {
  const response = await client.post('/api/articles', body);
  if (response.statusCode !== 201) throw new Error(`ingest failed: ${response.statusCode} ${response.body}`);
  return response.json() as ArticleDetail;
}

function upload(client: TestClient, files: Parameters<typeof multipartFiles>[0], fields: Record<string, string> = {}) {
  const body = multipartFiles(files, fields);
  return client.request({ method: 'POST', url: '/api/articles/upload', payload: body.payload, headers: { 'content-type': body.contentType } });
}

let first: ArticleDetail;

describe('POST /api/articles (pasted text)', () => {
  it('201: cleans pinyin and site chrome, keeps ordinary parentheses, reads metadata, mentions and figures; audited', async () => {
    first = await ingest(huaxinStaff, { text: pasted });
    expect(first).toMatchObject({
      title: '華新鎮商會之家助力企業發展',
      publishedAt: '2026-05-28T10:30:00+08:00',
      publishedOn: '2026-05-28',
      source: '青浦报',
      mediumName: '青浦报',
      level: 'local',
      editors: ['王芳'],
      format: 'text',
      divisionId: t.fixture.divisions.huaxin.id,
      duplicateOfId: null,
      version: 1,
    });
    expect(first.authors).toContain('范宇斌');
    expect(first.cleanText).toContain('青浦區華新鎮商會之家正式啟用');
    expect(first.cleanText).not.toMatch(/huá|xīn/);
    expect(first.cleanText).toContain('（市、区）');
    expect(first.cleanText).not.toContain('分享到');
    expect(first.originalText).toBe(pasted);
    expect(first.removed.pinyin).toBe(2);
    expect(first.removed.boilerplateLines.join('\n')).toContain('分享到');
    // 青浦区 is named too, but lies above the town user's subtree: only names in scope are matched.
    expect(first.mentions.divisions.map((d) => d.name)).toEqual(['华新镇']);
    expect(first.mentions.organisations.map((o) => o.id)).toEqual([chamberId]);
    const members = first.figures.find((figure) => figure.raw === '154家');
    expect(members).toMatchObject({ value: 154, unit: '家', status: 'extracted', figureKey: null });
    expect(first.figures.find((figure) => figure.raw.startsWith('60'))).toMatchObject({ approx: true });
    const [row] = await auditRows(t.handle, 'article.create');
    expect(row).toMatchObject({ entity_id: String(first.id), division_id: t.fixture.divisions.huaxin.id });
  });

  it('201: the same report again, in the other script, is flagged as a copy of the first', async () => {
    const copy = await ingest(huaxinStaff, { text: pasted.replace('华新镇将继续做好统战工作', '華新鎮將繼續做好統戰工作') });
    expect(copy.duplicateOfId).toBe(first.id);
    expect(copy.duplicateSimilarity).toBe(1);
    expect(copy.duplicates.map((d) => d.id)).toEqual([first.id]);
  });

  it('201: a near copy (another site header, a sentence more) is flagged with its similarity; a different report is not', async () => {
    const near = await ingest(huaxinStaff, { text: `青浦区人民政府网\n\n${pasted}\n\n本文转载自青浦报。` });
    expect(near.duplicateOfId).toBe(first.id);
    expect(near.duplicateSimilarity).toBeGreaterThanOrEqual(0.8);
    const other = await ingest(huaxinStaff, { text: '华新镇开展同心助学活动\n\n2026年06月01日 来源：人民日报\n\n华新镇商会向镇内学校捐赠图书2000册。' });
    expect(other).toMatchObject({ duplicateOfId: null, level: 'central', mediumName: '人民日报' });
    const original = (await huaxinStaff.get(`/api/articles/${first.id}`)).json() as ArticleDetail;
    expect(original.duplicates.length).toBe(2);
  });

  it('400: missing text, wrong types, unknown format, over-long file name', async () => {
    const response = await huaxinStaff.post('/api/articles', { text: 5, format: 'pdf', fileName: 'x'.repeat(201), divisionId: 'a' }, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['body.divisionId', 'body.fileName', 'body.format', 'body.text']);
    expect((await huaxinStaff.post('/api/articles', {})).statusCode).toBe(400);
  });

  it('400: a system admin (no division) must say which division; text that cleans to nothing is refused', async () => {
    const response = await admin.post('/api/articles', { text: '正文' });
    expect(response.json().error.fields[0]).toMatchObject({ path: 'body.divisionId' });
    const empty = await huaxinStaff.post('/api/articles', { text: '分享到：微信 微博\n\n返回顶部' });
    expect(empty.statusCode).toBe(400);
  });

  it("403: a town user cannot ingest for another town; 401 without a session", async () => {
    const response = await huaxinStaff.post('/api/articles', { text: '正文一段。', divisionId: t.fixture.divisions.zhaoxiang.id });
    expect(response.statusCode).toBe(403);
    expect((await t.anonymous().post('/api/articles', { text: 'x' })).statusCode).toBe(401);
  });
});

describe('POST /api/articles/upload', () => {
  it('201: several files at once (.html, .txt in GB18030, .docx), each cleaned and read', async () => {
    const txt = Buffer.from(new Uint8Array([0xcd, 0xb3, 0xd5, 0xbd, 0xb9, 0xa4, 0xd7, 0xf7])); // 统战工作 in GB18030
    const response = await upload(
      zhaoxiangStaff,
      [
        { name: '同心巷聚.html', content: html, type: 'text/html' },
        { name: '简报.txt', content: txt, type: 'text/plain' },
        { name: '报道.docx', content: docx(['赵巷镇召开统战工作会议', '2026年06月10日 来源：新民晚报', '会议部署了下半年的12项重点工作。']) },
      ],
      { divisionId: String(t.fixture.divisions.zhaoxiang.id) },
    );
    expect(response.statusCode, response.body).toBe(201);
    const [fromHtml, fromTxt, fromDocx] = response.json().items;
    expect(fromHtml).toMatchObject({ title: '赵巷镇“同心巷聚”综合体揭牌', format: 'html', level: 'municipal', publishedOn: '2026-06-02', fileName: '同心巷聚.html' });
    expect(fromTxt).toMatchObject({ title: '统战工作', format: 'text' });
    expect(fromDocx).toMatchObject({ title: '赵巷镇召开统战工作会议', format: 'docx', mediumName: '新民晚报', figureCount: 1 });
    const detail = (await zhaoxiangStaff.get(`/api/articles/${fromHtml.id}`)).json() as ArticleDetail;
    expect(detail.cleanText).not.toContain('返回顶部');
    expect(detail.cleanText).toContain('赵巷镇40个村居各有1名联络员');
    expect(detail.mentions.divisions.map((d) => d.name)).toEqual(['赵巷镇']);
    const docxDetail = (await zhaoxiangStaff.get(`/api/articles/${fromDocx.id}`)).json() as ArticleDetail;
    expect(docxDetail.cleanText).not.toContain('删掉的字');
  });

  it('400: a file of another type names itself, and nothing is stored; 415: JSON instead of multipart', async () => {
    const before = (await zhaoxiangStaff.get('/api/articles?pageSize=1')).json().total;
    const response = await upload(zhaoxiangStaff, [
      { name: 'a.txt', content: '赵巷镇一则消息。' },
      { name: 'b.pdf', content: '%PDF-1.4' },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('body.files[1]');
    expect((await zhaoxiangStaff.get('/api/articles?pageSize=1')).json().total).toBe(before);
    expect((await zhaoxiangStaff.post('/api/articles/upload', { text: 'x' })).statusCode).toBe(415);
    expect((await upload(zhaoxiangStaff, [{ name: 'bad.docx', content: 'not a zip' }])).statusCode).toBe(400);
  });
});

describe('GET and PATCH /api/articles/:id', () => {
  it('200: metadata is editable; a medium brings its level; 409 on a stale version', async () => {
    const response = await huaxinStaff.patch(`/api/articles/${first.id}`, {
      title: '华新镇商会之家启用',
      publishedAt: '2026-05-27',
      mediumId: (await huaxinStaff.get('/api/media')).json().find((m: { name: string }) => m.name === '解放日报').id,
      authors: ['范宇斌', '李明'],
      version: first.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ title: '华新镇商会之家启用', publishedOn: '2026-05-27', level: 'municipal', mediumName: '解放日报', authors: ['范宇斌', '李明'], version: 2 });
    const stale = await huaxinStaff.patch(`/api/articles/${first.id}`, { title: '旧版本', version: first.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('400: a bad date, an unknown level, an unknown medium, a mention outside the scope', async () => {
    const bad = await huaxinStaff.patch(`/api/articles/${first.id}`, { publishedAt: '2026-02-30', level: 'galactic', version: 2 });
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.level', 'body.publishedAt']);
    expect((await huaxinStaff.patch(`/api/articles/${first.id}`, { mediumId: 999999, version: 2 })).statusCode).toBe(400);
    const outside = await huaxinStaff.patch(`/api/articles/${first.id}`, { mentionedDivisionIds: [t.fixture.divisions.zhaoxiang.id], version: 2 });
    expect(outside.json().error.fields[0].path).toBe('body.mentionedDivisionIds');
  });

  it('403: another town cannot read by id, filter by the division, or edit; 404 for an unknown id', async () => {
    expect((await zhaoxiangStaff.get(`/api/articles/${first.id}`)).statusCode).toBe(403);
    expect((await zhaoxiangStaff.get(`/api/articles?divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    expect((await zhaoxiangStaff.patch(`/api/articles/${first.id}`, { title: 'x', version: 2 })).statusCode).toBe(403);
    const list = (await zhaoxiangStaff.get('/api/articles?pageSize=100')).json();
    expect(list.items.every((a: { divisionId: number }) => a.divisionId === t.fixture.divisions.zhaoxiang.id)).toBe(true);
    expect((await huaxinStaff.get('/api/articles/999999')).statusCode).toBe(404);
  });

  it('200: a figure is confirmed and linked to a dashboard figure key; 409 stale; 400 bad key', async () => {
    const figure = first.figures.find((f) => f.raw === '154家')!;
    const response = await huaxinStaff.patch(`/api/articles/${first.id}/figures/${figure.id}`, { status: 'confirmed', figureKey: 'huaxin.chamber.members', version: figure.version });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'confirmed', figureKey: 'huaxin.chamber.members', version: 2 });
    expect(response.json().confirmedAt).not.toBeNull();
    expect((await huaxinStaff.patch(`/api/articles/${first.id}/figures/${figure.id}`, { status: 'rejected', version: 1 })).statusCode).toBe(409);
    expect((await huaxinStaff.patch(`/api/articles/${first.id}/figures/${figure.id}`, { figureKey: 'Bad Key', version: 2 })).statusCode).toBe(400);
    expect((await huaxinStaff.patch(`/api/articles/${first.id}/figures/999999`, { status: 'confirmed', version: 1 })).statusCode).toBe(404);
  });

  it('200: clearing a duplicate mark', async () => {
    const copies = (await huaxinStaff.get('/api/articles?duplicates=only')).json().items;
    const copy = copies[0];
    const response = await huaxinStaff.patch(`/api/articles/${copy.id}`, { duplicateOfId: null, version: copy.version });
    expect(response.json()).toMatchObject({ duplicateOfId: null, duplicateSimilarity: null });
  });
});

describe('GET /api/articles (archive) and /api/articles/counts', () => {
  it('200: filtered by division, level, period, mentioned organisation', async () => {
    const list = async (query: string) => (await qingpuAdmin.get(`/api/articles?${query}`)).json();
    expect((await list(`divisionId=${t.fixture.divisions.zhaoxiang.id}`)).total).toBe(3);
    expect((await list('level=central')).items.map((a: { title: string }) => a.title)).toEqual(['华新镇开展同心助学活动']);
    const unknown = await qingpuAdmin.get('/api/articles?level=unknown');
    expect(unknown.statusCode, unknown.body).toBe(200);
    expect((await list('level=unknown')).items.every((a: { level: string | null }) => a.level === null)).toBe(true);
    expect((await list('from=2026-06-01&to=2026-06-05')).total).toBe(2);
    const mentioning = await qingpuAdmin.get(`/api/articles?organisationId=${chamberId}&duplicates=exclude`);
    expect(mentioning.statusCode, mentioning.body).toBe(200);
    expect((await list(`organisationId=${chamberId}&duplicates=exclude`)).items.length).toBeGreaterThanOrEqual(2);
    expect((await qingpuAdmin.get('/api/articles?level=galactic')).statusCode).toBe(400);
  });

  it('200: counts by medium level per child division and month, each report once', async () => {
    const response = await qingpuAdmin.get(`/api/articles/counts?divisionId=${t.fixture.divisions.qingpu.id}&by=children&period=month`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as ArticleCounts;
    const huaxinMay = body.rows.find((row) => row.divisionName === '华新镇' && row.period === '2026-05');
    // The first report (now municipal) once, plus the copy whose mark was cleared; the other copy does not count.
    expect(huaxinMay).toMatchObject({ municipal: 1, local: 1, total: 2, own: false });
    expect(body.rows.find((row) => row.divisionName === '华新镇' && row.period === '2026-06')).toMatchObject({ central: 1, total: 1 });
    expect(body.rows.find((row) => row.divisionName === '赵巷镇' && row.period === '2026-06')).toMatchObject({ municipal: 2, total: 2 });
    const yearly = (await qingpuAdmin.get('/api/articles/counts?period=year&from=2026-01-01&to=2026-12-31')).json() as ArticleCounts;
    expect(yearly.rows).toEqual([expect.objectContaining({ divisionName: '青浦区', period: '2026', total: 5 })]);
  });

  it('403: counts of another town; 200: archiving takes an article out of the counts', async () => {
    expect((await zhaoxiangStaff.get(`/api/articles/counts?divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    const article = (await huaxinStaff.get('/api/articles?level=central')).json().items[0];
    expect((await huaxinStaff.post(`/api/articles/${article.id}/archive`, { version: article.version })).statusCode).toBe(200);
    const counts = (await huaxinStaff.get('/api/articles/counts?period=all')).json() as ArticleCounts;
    expect(counts.rows[0]!.central).toBe(0);
    expect((await huaxinStaff.post(`/api/articles/${article.id}/archive`, { version: article.version + 1 })).statusCode).toBe(409);
  });
});

describe('articles in the search index', () => {
  it('200: an ingested article is found in either script; archived, it is not; other towns never see it', async () => {
    const found = (await huaxinStaff.get(`/api/search?q=${encodeURIComponent('商會之家')}&kinds=article`)).json();
    expect(found.groups[0].items.map((hit: { id: number }) => hit.id)).toContain(first.id);
    expect((await zhaoxiangStaff.get(`/api/search?q=${encodeURIComponent('商会之家')}&kinds=article`)).json().groups).toEqual([]);
    const archived = (await huaxinStaff.get('/api/articles?archived=true')).json().items[0];
    const hits = (await huaxinStaff.get(`/api/search?q=${encodeURIComponent(archived.title)}&kinds=article`)).json();
    expect(hits.groups.flatMap((group: { items: Array<{ id: number }> }) => group.items.map((hit) => hit.id))).not.toContain(archived.id);
  });
});

describe('/api/media', () => {
  it('200: everyone reads the managed list; 403: staff cannot change it; 201/409 for a system admin', async () => {
    const media = (await huaxinStaff.get('/api/media')).json();
    expect(media.find((m: { name: string }) => m.name === '人民日报')).toMatchObject({ level: 'central', aliases: expect.arrayContaining(['人民网']) });
    expect((await huaxinStaff.post('/api/media', { name: '华新通讯', level: 'local' })).statusCode).toBe(403);
    const created = await admin.post('/api/media', { name: '华新通讯', aliases: ['华新微讯'], level: 'local' });
    expect(created.statusCode).toBe(201);
    expect((await admin.post('/api/media', { name: '华新通讯', level: 'local' })).statusCode).toBe(409);
    expect((await admin.post('/api/media', { name: '', level: 'planet' })).statusCode).toBe(400);
    const renamed = await admin.patch(`/api/media/${created.json().id}`, { level: 'municipal', version: 1 });
    expect(renamed.json()).toMatchObject({ level: 'municipal', version: 2 });
    const article = await ingest(huaxinStaff, { text: '华新镇消息\n\n来源：华新微讯\n\n华新镇举办座谈会。' });
    expect(article).toMatchObject({ mediumName: '华新通讯', level: 'municipal' });
  });
});
