import { parseFen } from '@tongxin/core/money';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { addOrganisation } from '../competitions/judging.fixture.ts';

let t: TestApp;
let huaxin: TestClient;
let zhaoxiang: TestClient;
let qingpuAdmin: TestClient;
let chamber: number;
let leadId: number;

beforeAll(async () => {
  t = await createTestApp();
  huaxin = await t.signIn('huaxin.staff');
  zhaoxiang = await t.signIn('zhaoxiang.staff');
  qingpuAdmin = await t.signIn('qingpu.admin');
  chamber = await addOrganisation(t, '华新镇商会', t.fixture.divisions.huaxin.id, 'chamber');
});
afterAll(async () => t.close());

const stage = (id: number, body: Record<string, unknown>) => huaxin.post(`/api/leads/${id}/stage`, body);
const current = async (id: number) => (await huaxin.get(`/api/leads/${id}`)).json();

describe('leads and their stages', () => {
  it('201: a lead brought by a member firm of the chamber (以商引商) starts at "lead"; audited', async () => {
    const response = await huaxin.post('/api/leads', { divisionId: t.fixture.divisions.huaxin.id, firmName: '台商精密机械（昆山）有限公司', sector: '高端装备', origin: 'taiwan', sourceOrganisationId: chamber, firstContactOn: '2026-03-01' });
    expect(response.statusCode).toBe(201);
    leadId = response.json().id;
    expect(response.json()).toMatchObject({ stage: 'lead', nextStages: ['talks', 'dropped'], sourceOrganisationName: '华新镇商会', history: [{ fromStage: null, toStage: 'lead', onDate: '2026-03-01' }] });
    expect((await auditRows(t.handle, 'lead.create'))[0]).toMatchObject({ entity_id: String(leadId) });
  });

  it('409: a skipped step or a step back is refused with the allowed next stages', async () => {
    const skip = await stage(leadId, { to: 'signed', contractFen: 100, version: 1 });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({ code: 'invalid_transition', details: { from: 'lead', to: 'signed', allowed: ['talks', 'dropped'] } });
    expect((await stage(leadId, { to: 'landed', version: 1 })).statusCode).toBe(409);
  });

  it('200: lead → talks → signed → landed, with the contract and landed amounts; 400 when an amount is missing or the date is ahead', async () => {
    let lead = (await stage(leadId, { to: 'talks', date: '2026-04-10', version: 1 })).json();
    expect(lead.stage).toBe('talks');
    expect((await stage(leadId, { to: 'lead', version: lead.version })).statusCode).toBe(409);
    const missing = await stage(leadId, { to: 'signed', version: lead.version });
    expect(missing.json().error.fields[0].path).toBe('body.contractFen');
    const ahead = await stage(leadId, { to: 'signed', contractFen: parseFen('3.2亿元'), date: '2026-11-26', version: lead.version });
    expect(ahead.json().error.fields[0].path).toBe('body.date');
    lead = (await stage(leadId, { to: 'signed', contractFen: parseFen('3.2亿元'), date: '2026-06-18', version: lead.version })).json();
    expect(lead).toMatchObject({ stage: 'signed', contractFen: 32_000_000_000, signedOn: '2026-06-18', nextStages: ['landed', 'dropped'] });
    expect((await stage(leadId, { to: 'landed', date: '2026-09-01', version: lead.version })).json().error.fields[0].path).toBe('body.landedFen');
    expect((await stage(leadId, { to: 'landed', landedFen: 1, date: '2026-06-01', version: lead.version })).statusCode).toBe(400);
    lead = (await stage(leadId, { to: 'landed', landedFen: parseFen('1.5亿元'), date: '2026-09-01', version: lead.version })).json();
    expect(lead).toMatchObject({ stage: 'landed', landedFen: 15_000_000_000, nextStages: [] });
    expect(lead.history.map((h: { toStage: string }) => h.toStage)).toEqual(['lead', 'talks', 'signed', 'landed']);
    expect((await stage(leadId, { to: 'dropped', note: 'x', version: lead.version })).statusCode).toBe(409);
  });

  it('400: dropping needs a reason; 409: a stale version', async () => {
    const lead = (await huaxin.post('/api/leads', { divisionId: t.fixture.divisions.huaxin.id, firmName: '某侨资企业', origin: 'overseas_chinese' })).json();
    expect((await stage(lead.id, { to: 'dropped', version: lead.version })).json().error.fields[0].path).toBe('body.note');
    expect((await stage(lead.id, { to: 'dropped', note: '企业改投他地', version: lead.version })).json().stage).toBe('dropped');
    expect((await stage(lead.id, { to: 'talks', version: lead.version })).statusCode).toBe(409);
    const other = (await huaxin.post('/api/leads', { divisionId: t.fixture.divisions.huaxin.id, firmName: '某外资企业', origin: 'foreign' })).json();
    await stage(other.id, { to: 'talks', version: other.version });
    const stale = await stage(other.id, { to: 'dropped', note: 'x', version: other.version });
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('400: an earlier deal entered as signed needs its date and amount; unknown origin; an over-long firm name', async () => {
    const response = await huaxin.post('/api/leads', { divisionId: t.fixture.divisions.huaxin.id, firmName: '长'.repeat(121), origin: 'mars', stage: 'signed' });
    expect(response.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.firmName', 'body.origin']);
    const noAmount = await huaxin.post('/api/leads', { divisionId: t.fixture.divisions.huaxin.id, firmName: 'x', origin: 'taiwan', stage: 'signed' });
    expect(noAmount.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.contractFen', 'body.signedOn']);
  });

  it('403: another town can neither read, change, move nor filter on these leads; 401 without a session', async () => {
    expect((await zhaoxiang.get(`/api/leads/${leadId}`)).statusCode).toBe(403);
    expect((await zhaoxiang.patch(`/api/leads/${leadId}`, { note: 'x', version: 1 })).statusCode).toBe(403);
    expect((await zhaoxiang.post(`/api/leads/${leadId}/stage`, { to: 'dropped', note: 'x', version: 1 })).statusCode).toBe(403);
    expect((await zhaoxiang.get(`/api/leads?divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    expect((await zhaoxiang.get('/api/leads')).json().total).toBe(0);
    expect((await zhaoxiang.post('/api/leads', { divisionId: t.fixture.divisions.huaxin.id, firmName: 'x', origin: 'taiwan' })).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/leads')).statusCode).toBe(401);
  });

  it('404: an unknown lead', async () => {
    expect((await huaxin.get('/api/leads/99999')).statusCode).toBe(404);
  });
});

describe('talent intakes', () => {
  it('201 / 200: recorded with count, field and date; edited with its version; 400 for a zero count', async () => {
    const created = await huaxin.post('/api/talent-intakes', { divisionId: t.fixture.divisions.huaxin.id, date: '2026-05-01', count: 12, field: '集成电路', origin: '海外' });
    expect(created.statusCode).toBe(201);
    const edited = await huaxin.patch(`/api/talent-intakes/${created.json().id}`, { count: 14, version: created.json().version });
    expect(edited.json()).toMatchObject({ count: 14, field: '集成电路' });
    expect((await huaxin.post('/api/talent-intakes', { divisionId: t.fixture.divisions.huaxin.id, date: '2026-05-01', count: 0, field: 'x' })).statusCode).toBe(400);
    expect((await zhaoxiang.get(`/api/talent-intakes/${created.json().id}`)).statusCode).toBe(403);
  });
});

describe('figures per division and period', () => {
  it('200: signed and landed counts and amounts per town and per year, exact in fen; dropped deals do not count', async () => {
    const zhaoxiangDivision = t.fixture.divisions.zhaoxiang.id;
    // 480.4亿元 in three deals that do not divide evenly: the sum must still be exact.
    const amounts = [1_601_333_333_333, 1_601_333_333_333, 1_601_333_333_334];
    for (const [i, contractFen] of amounts.entries()) {
      const signedOn = i === 0 ? '2018-05-01' : '2019-07-01';
      expect((await zhaoxiang.post('/api/leads', { divisionId: zhaoxiangDivision, firmName: `台资项目${i}`, origin: 'taiwan', stage: 'signed', signedOn, contractFen })).statusCode).toBe(201);
    }
    const cancelled = (await zhaoxiang.post('/api/leads', { divisionId: zhaoxiangDivision, firmName: '解约项目', origin: 'taiwan', stage: 'signed', signedOn: '2019-08-01', contractFen: 999 })).json();
    expect((await zhaoxiang.post(`/api/leads/${cancelled.id}/stage`, { to: 'dropped', note: '合同解除', version: cancelled.version })).statusCode).toBe(200);
    await zhaoxiang.post('/api/talent-intakes', { divisionId: zhaoxiangDivision, date: '2019-03-01', count: 120, field: '新能源' });
    const figures = (await qingpuAdmin.get('/api/leads/figures?from=2018-01-01')).json();
    expect(figures.divisionName).toBe('青浦区');
    const row = (name: string) => figures.rows.find((r: { divisionName: string }) => r.divisionName === name);
    expect(row('赵巷镇')).toMatchObject({ signedCount: 3, contractFen: parseFen('480.4亿元'), talents: 120, byStage: { signed: 3, dropped: 1 } });
    expect(row('华新镇')).toMatchObject({ signedCount: 1, contractFen: 32_000_000_000, landedCount: 1, landedFen: 15_000_000_000, talents: 14, byStage: { lead: 0, talks: 1, signed: 0, landed: 1, dropped: 1 } });
    expect(figures.total).toMatchObject({ signedCount: 4, contractFen: 4_804_000_000_000 + 32_000_000_000, talents: 134 });
    expect(figures.byYear).toEqual([
      { year: 2018, signedCount: 1, contractFen: 1_601_333_333_333, landedCount: 0, landedFen: 0, talents: 0 },
      { year: 2019, signedCount: 2, contractFen: 3_202_666_666_667, landedCount: 0, landedFen: 0, talents: 120 },
      { year: 2026, signedCount: 1, contractFen: 32_000_000_000, landedCount: 1, landedFen: 15_000_000_000, talents: 14 },
    ]);
    const from2019 = (await qingpuAdmin.get('/api/leads/figures?from=2019-01-01&to=2019-12-31')).json();
    expect(from2019.total).toMatchObject({ signedCount: 2, contractFen: 3_202_666_666_667, talents: 120 });
  });

  it('200: a town sees only its own figures; 403 for a division outside its subtree; 400 for a period that ends before it starts', async () => {
    const own = (await huaxin.get('/api/leads/figures')).json();
    expect(own.divisionName).toBe('华新镇');
    expect(own.total.signedCount).toBe(1);
    expect((await huaxin.get(`/api/leads/figures?divisionId=${t.fixture.divisions.qingpu.id}`)).statusCode).toBe(403);
    expect((await huaxin.get('/api/leads/figures?from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);
  });
});
