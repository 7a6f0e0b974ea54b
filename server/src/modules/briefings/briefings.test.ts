import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { buildDashboardRecords } from '../dashboard/dashboard.test-data.ts';
import { addHandler, docxText, pdfText } from './briefings.test-support.ts';

/**
 * Briefings over the dashboard's hand-built records (dashboard.test-data.ts): 华新镇 in October
 * 2026 has 2 activities with 40 participants (training 30 at the town, a visit of 10 in 华新村),
 * 1,000元 received, 5 talents, 2 articles. The clock stands at 2026-11-25.
 */
let t: TestApp;
let huaxin: TestClient;
let briefingId: number;
const period = { from: '2026-10-01', to: '2026-10-31' };
const strip = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
  t = await createTestApp();
  await buildDashboardRecords(t);
  huaxin = await t.signIn('huaxin.staff');
});
afterAll(async () => t.close());

const detail = async (id = briefingId) => (await huaxin.get(`/api/briefings/${id}`)).json();
const exportOf = (client: TestClient, query: string, id = briefingId) => client.get(`/api/briefings/${id}/export?${query}`);

describe('briefings', () => {
  it('201: generates a draft from the dashboard figures of the division and period, stores the snapshot; audited', async () => {
    const response = await huaxin.post('/api/briefings', { divisionId: t.fixture.divisions.huaxin.id, ...period });
    expect(response.statusCode).toBe(201);
    briefingId = response.json().id;
    expect(response.json()).toMatchObject({ title: '华新镇统战工作简报（2026年10月1日至10月31日）', revision: 1, divisionName: '华新镇', ...period });

    const body = await detail();
    const dashboard = (await huaxin.get(`/api/dashboard?divisionId=${t.fixture.divisions.huaxin.id}&from=${period.from}&to=${period.to}`)).json();
    // The snapshot is exactly what the dashboard shows for the same division and period.
    expect(body.figures).toEqual(dashboard);
    expect(body.sections.map((s: { heading: string }) => s.heading)).toEqual(['一、组织建设', '二、阵地建设', '三、项目推进', '四、活动开展', '五、结对共建', '六、诉求办理', '七、资金与招商', '八、宣传报道']);
    const text = (key: string) => body.sections.find((s: { key: string }) => s.key === key).text as string;
    expect(body.figures.activities.total.current).toBe(2);
    expect(text('activities')).toContain('2026年10月1日至10月31日，共开展活动2场，参与40人次，其中培训1场、走访慰问1场');
    expect(text('organisations')).toContain(`华新镇共有各类组织${body.figures.organisations.total}个`);
    expect(text('money')).toContain('到账1,000元');
    expect(text('money')).toContain('引进人才5人');
    expect(text('publicity')).toContain('各类媒体刊发宣传报道2篇');
    expect(body.revisions).toHaveLength(1);
    expect((await auditRows(t.handle, 'briefing.create'))[0]).toMatchObject({ entity_id: String(briefingId), division_id: t.fixture.divisions.huaxin.id });
  });

  it('400: an end before the start, an impossible date, an unknown division, a missing period', async () => {
    const backwards = await huaxin.post('/api/briefings', { divisionId: t.fixture.divisions.huaxin.id, from: '2026-10-31', to: '2026-10-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.to']);
    expect((await huaxin.post('/api/briefings', { divisionId: t.fixture.divisions.huaxin.id, from: '2026-02-30', to: '2026-03-01' })).statusCode).toBe(400);
    const unknown = await huaxin.post('/api/briefings', { divisionId: 99_999, ...period });
    expect(unknown.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.divisionId']);
    expect((await huaxin.post('/api/briefings', { divisionId: t.fixture.divisions.huaxin.id })).statusCode).toBe(400);
  });

  it('401 without a session; 403 out_of_scope for another town; 403 forbidden for a handler; 404 for an unknown id', async () => {
    const anonymous = t.anonymous();
    expect((await anonymous.get('/api/briefings')).statusCode).toBe(401);
    expect((await anonymous.get(`/api/briefings/${briefingId}/export?format=docx`)).statusCode).toBe(401);
    const zhaoxiang = await t.signIn('zhaoxiang.staff');
    const outside = await zhaoxiang.post('/api/briefings', { divisionId: t.fixture.divisions.huaxin.id, ...period });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('out_of_scope');
    expect((await zhaoxiang.get(`/api/briefings/${briefingId}`)).json().error.code).toBe('out_of_scope');
    expect((await exportOf(zhaoxiang, 'format=docx')).statusCode).toBe(403);
    expect((await zhaoxiang.get('/api/briefings')).json().total).toBe(0);
    expect((await zhaoxiang.get(`/api/briefings?divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    const handler = await t.signIn(await addHandler(t));
    const forbidden = await handler.post('/api/briefings', { divisionId: t.fixture.divisions.huaxin.id, ...period });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('forbidden');
    expect((await handler.get(`/api/briefings/${briefingId}`)).statusCode).toBe(403);
    expect((await huaxin.get('/api/briefings/99999')).statusCode).toBe(404);
    expect((await exportOf(huaxin, 'format=docx', 99_999)).statusCode).toBe(404);
  });

  it('200: the district above lists the town’s briefing; a division filter narrows the list', async () => {
    const qingpu = await t.signIn('qingpu.staff');
    const all = (await qingpu.get('/api/briefings')).json();
    expect(all.items.map((b: { id: number }) => b.id)).toContain(briefingId);
    expect((await qingpu.get(`/api/briefings?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).json().total).toBe(0);
    expect((await qingpu.get(`/api/briefings?divisionId=${t.fixture.divisions.huaxin.id}`)).json().total).toBe(1);
  });

  it('200: an edit is saved as revision 2 and audited; 409 with the old version; 400 on an unknown section', async () => {
    const before = await detail();
    const edited = `${before.sections[3].text}\n其中“幸福·新e园”开展志愿服务，群众反响良好。`;
    const response = await huaxin.patch(`/api/briefings/${briefingId}`, { version: before.version, sections: [{ key: 'activities', text: edited }] });
    expect(response.statusCode).toBe(200);
    expect(response.json().revision).toBe(2);
    const after = await detail();
    expect(after.sections[3].text).toBe(edited);
    expect(after.sections[0].text).toBe(before.sections[0].text);
    expect(after.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect((await auditRows(t.handle, 'briefing.update'))[0]!.detail).toContain('"changed":["activities"]');
    expect((await huaxin.patch(`/api/briefings/${briefingId}`, { version: before.version, sections: [] })).statusCode).toBe(409);
    expect((await huaxin.patch(`/api/briefings/${briefingId}`, { version: after.version, sections: [{ key: 'weather', text: 'x' }] })).statusCode).toBe(400);
  });

  it('200: the .docx holds the title, headings, figures and the edited text; audited with format and revision', async () => {
    const response = await exportOf(huaxin, 'format=docx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain('briefing-');
    const text = strip(await docxText(response.rawPayload));
    expect(text).toContain('华新镇统战工作简报（2026年10月1日至10月31日）');
    expect(text).toContain('四、活动开展');
    expect(text).toContain('共开展活动2场，参与40人次');
    expect(text).toContain('到账1,000元');
    expect(text).toContain('“幸福·新e园”开展志愿服务');
    const audit = (await auditRows(t.handle, 'briefing.export'))[0]!;
    expect(audit).toMatchObject({ entity_id: String(briefingId) });
    expect(JSON.parse(audit.detail!)).toMatchObject({ format: 'docx', revision: 2 });
  });

  it('200: the PDF embeds a Chinese font and its text holds the figures', async () => {
    const response = await exportOf(huaxin, 'format=pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = strip(await pdfText(response.rawPayload));
    expect(text).toContain('华新镇统战工作简报');
    expect(text).toContain('共开展活动2场，参与40人次');
    expect(text).toContain('引进人才5人');
    expect(JSON.parse((await auditRows(t.handle, 'briefing.export'))[0]!.detail!)).toMatchObject({ format: 'pdf', revision: 2 });
  }, 60_000); // setting CJK text subsets a 17 MB font: seconds on a loaded machine

  it('200: a revision exports the same later, after the records have changed', async () => {
    const first = strip(await docxText((await exportOf(huaxin, 'format=docx&revision=1')).rawPayload));
    expect(first).not.toContain('幸福·新e园”开展志愿服务');
    // Three more activities in the period: the dashboard moves, the stored briefing does not.
    const at = '2026-11-20T00:00:00.000Z';
    const more = (date: string) => ({ division_id: t.fixture.divisions.huaxin.id, title: `补录 ${date}`, date, kind: 'event', participant_count: 5, created_at: at, updated_at: at });
    await t.handle.db.insertInto('activities').values([more('2026-10-11'), more('2026-10-12'), more('2026-10-13')]).execute();
    const dashboard = (await huaxin.get(`/api/dashboard?divisionId=${t.fixture.divisions.huaxin.id}&from=${period.from}&to=${period.to}`)).json();
    expect(dashboard.activities.total.current).toBe(5);
    expect(strip(await docxText((await exportOf(huaxin, 'format=docx&revision=1')).rawPayload))).toBe(first);
    expect((await detail()).figures.activities.total.current).toBe(2);
    expect((await exportOf(huaxin, 'format=docx&revision=7')).statusCode).toBe(404);
    expect((await exportOf(huaxin, 'format=rtf')).statusCode).toBe(400);
  });
});

describe('briefing PDF without a Chinese font', () => {
  it('503 pdf_font_missing when the configured font is not there (the .docx still exports); nothing audited for the PDF', async () => {
    const app = await createTestApp({ env: { PDF_FONT: '/nonexistent/fonts/missing.ttf' } });
    try {
      await buildDashboardRecords(app);
      const staff = await app.signIn('huaxin.staff');
      const id = (await staff.post('/api/briefings', { divisionId: app.fixture.divisions.huaxin.id, ...period })).json().id;
      const pdf = await exportOf(staff, 'format=pdf', id);
      expect(pdf.statusCode).toBe(503);
      expect(pdf.json().error.code).toBe('pdf_font_missing');
      expect(pdf.json().error.message).toContain('中文字体');
      expect(await auditRows(app.handle, 'briefing.export')).toHaveLength(0);
      expect((await exportOf(staff, 'format=docx', id)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  }, 60_000);
});
