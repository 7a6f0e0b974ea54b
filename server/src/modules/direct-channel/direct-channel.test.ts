import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp } from '../../test/harness.ts';
import { buildRequestWorld, fieldsOf, ok, type RequestWorld } from '../cases/requests.test-support.ts';

let t: TestApp;
let w: RequestWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildRequestWorld(t);
});
afterAll(async () => t.close());

interface Assignment {
  id: number;
  version: number;
  state: string;
  unit: { type: string; id: number; name: string };
  overdue: boolean;
  daysLeft: number | null;
  reminders: number;
}
interface Report {
  id: number;
  version: number;
  state: string;
  allowed: string[];
  assignments: Assignment[];
  timeline: Array<{ action: string; actorName: string | null; unit: { name: string } | null; at: string }>;
  progress: { completed: number; total: number; overdue: number };
  actionableAssignmentIds: number[];
  instructions: Array<{ leaderName: string; content: string }>;
}

const base = '/api/direct-channel';

async function submitReport(): Promise<Report> {
  return ok<Report>(
    await w.clients.huaxinTeam.post(`${base}/reports`, { organisationId: w.orgs.huaxinTeam, kind: 'report', title: '关于老旧小区加装电梯的调研报告', content: '调研了华新镇 12 个小区……' }),
    201,
  );
}

describe('direct channel (直通车)', () => {
  let report: Report;
  beforeAll(async () => {
    // The lawyers' group gets a handler through the API, so it can act on an assignment.
    ok(await w.clients.huaxinStaff.put(`/api/request-units/organisations/${w.orgs.huaxinLawyers}/handlers`, { userIds: [w.users.huaxinReader] }));
    report = await submitReport();
  });

  it('201: an organisation submits a report; 403 for another town; 400 for an unknown organisation', async () => {
    expect(report).toMatchObject({ state: 'submitted', kind: 'report', organisation: { id: w.orgs.huaxinTeam, name: '华新镇志愿服务队' }, progress: { completed: 0, total: 0, overdue: 0 } });
    expect(report.timeline.map((e) => e.action)).toEqual(['submit']);
    expect((await w.clients.zhaoxiangStaff.get(`${base}/reports/${report.id}`)).statusCode).toBe(403);
    expect((await w.clients.zhaoxiangStaff.get(`${base}/reports?divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    expect(ok<{ items: unknown[] }>(await w.clients.zhaoxiangStaff.get(`${base}/reports`)).items).toEqual([]);
    expect((await w.clients.zhaoxiangTeam.post(`${base}/reports`, { organisationId: w.orgs.huaxinTeam, kind: 'report', title: 'x', content: 'y' })).statusCode).toBe(403);
    expect(fieldsOf((await w.clients.huaxinStaff.post(`${base}/reports`, { organisationId: 999999, kind: 'report', title: 'x', content: 'y' })).json())).toHaveProperty('body.organisationId');
    expect((await w.clients.huaxinStaff.post(`${base}/reports`, { organisationId: w.orgs.huaxinTeam, kind: 'memo', title: '', content: 'y' })).statusCode).toBe(400);
  });

  it('409: no assignment before an instruction; 403: the organisation cannot record an instruction', async () => {
    const early = await w.clients.huaxinStaff.post(`${base}/reports/${report.id}/assignments`, { units: [{ unit: { type: 'division', id: t.fixture.divisions.huaxin.id }, deadline: '2026-12-10' }], version: report.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.allowed).toEqual(['instructed']);
    expect((await w.clients.huaxinTeam.post(`${base}/reports/${report.id}/instructions`, { leaderName: '张书记', content: '请研究', version: report.version })).json().error.code).toBe('forbidden');
  });

  it('200: a leader’s instruction is recorded and the organisation is told', async () => {
    report = ok<Report>(await w.clients.huaxinStaff.post(`${base}/reports/${report.id}/instructions`, { leaderName: '张书记', content: '请镇建设办牵头，村委会、律师团配合研究落实。', version: report.version }));
    expect(report.state).toBe('instructed');
    expect(report.instructions).toEqual([expect.objectContaining({ leaderName: '张书记' })]);
    const note = await t.handle.db.selectFrom('notifications').selectAll().where('kind', '=', 'instruction').executeTakeFirstOrThrow();
    expect(note.user_id).toBe(w.users.huaxinTeam);
  });

  it('400: a past deadline, the same unit twice, a unit outside the subtree', async () => {
    const body = (units: unknown[]) => ({ units, version: report.version });
    const office = { type: 'division', id: t.fixture.divisions.huaxin.id };
    expect(fieldsOf((await w.clients.huaxinStaff.post(`${base}/reports/${report.id}/assignments`, body([{ unit: office, deadline: '2026-01-01' }]))).json())).toHaveProperty('body.units.0.deadline');
    expect(fieldsOf((await w.clients.huaxinStaff.post(`${base}/reports/${report.id}/assignments`, body([{ unit: office, deadline: '2026-12-01' }, { unit: office, deadline: '2026-12-02' }]))).json())).toHaveProperty('body.units.1.unit');
    expect(fieldsOf((await w.clients.huaxinStaff.post(`${base}/reports/${report.id}/assignments`, body([{ unit: { type: 'organisation', id: w.orgs.zhaoxiangTeam }, deadline: '2026-12-01' }]))).json())).toHaveProperty('body.units.0.unit');
  });

  it('200: assigned to three units with deadlines; each unit is notified; supervision shows each', async () => {
    report = ok<Report>(
      await w.clients.huaxinStaff.post(`${base}/reports/${report.id}/assignments`, {
        units: [
          { unit: { type: 'division', id: t.fixture.divisions.huaxin.id }, deadline: '2026-12-10', task: '牵头研究方案' },
          { unit: { type: 'division', id: t.fixture.divisions.huaxinVillage.id }, deadline: '2026-11-30', task: '摸排居民意愿' },
          { unit: { type: 'organisation', id: w.orgs.huaxinLawyers }, deadline: '2026-11-26', task: '提供法律意见' },
        ],
        version: report.version,
      }),
    );
    expect(report.state).toBe('assigned');
    expect(report.assignments.map((a) => [a.unit.name, a.state, a.daysLeft])).toEqual([
      ['华新镇律师团', 'assigned', 1],
      ['华新村', 'assigned', 5],
      ['华新镇', 'assigned', 15],
    ]);
    const notified = await t.handle.db.selectFrom('notifications').select('user_id').where('kind', '=', 'assignment').where('entity', '=', 'report').execute();
    expect(notified.map((n) => n.user_id)).toEqual(expect.arrayContaining([w.users.villageHandler, w.users.huaxinReader]));
    const board = ok<Assignment[]>(await w.clients.huaxinStaff.get(`${base}/supervision`));
    expect(board).toHaveLength(3);
    expect(ok<Assignment[]>(await w.clients.zhaoxiangStaff.get(`${base}/supervision`))).toEqual([]);
  });

  it('each unit signs and reports completion with evidence; 409 completing before signing; 400 without evidence; 403 for another unit', async () => {
    const village = report.assignments.find((a) => a.unit.name === '华新村')!;
    const lawyers = report.assignments.find((a) => a.unit.name === '华新镇律师团')!;
    expect(ok<Report>(await w.clients.villageHandler.get(`${base}/reports/${report.id}`)).actionableAssignmentIds).toEqual([village.id]);
    const tooEarly = await w.clients.villageHandler.post(`${base}/assignments/${village.id}/complete`, { evidence: '已摸排', version: village.version });
    expect(tooEarly.json().error).toMatchObject({ code: 'invalid_transition', details: { allowed: ['accepted'] } });
    expect((await w.clients.villageHandler.post(`${base}/assignments/${lawyers.id}/accept`, { version: lawyers.version })).json().error.code).toBe('forbidden');
    report = ok<Report>(await w.clients.villageHandler.post(`${base}/assignments/${village.id}/accept`, { version: village.version }));
    const accepted = report.assignments.find((a) => a.id === village.id)!;
    expect((await w.clients.villageHandler.post(`${base}/assignments/${village.id}/complete`, { evidence: ' ', version: accepted.version })).statusCode).toBe(400);
    report = ok<Report>(await w.clients.villageHandler.post(`${base}/assignments/${village.id}/complete`, { evidence: '已入户摸排 326 户，同意加装 214 户，名单见附件。', version: accepted.version }));
    expect(report.progress).toMatchObject({ completed: 1, total: 3 });
    expect(report.state).toBe('assigned');
  });

  it('supervision reminds a unit: recorded on the timeline, notified, counted', async () => {
    const lawyers = report.assignments.find((a) => a.unit.name === '华新镇律师团')!;
    report = ok<Report>(await w.clients.huaxinStaff.post(`${base}/assignments/${lawyers.id}/remind`, { note: '请于明日前反馈' }));
    expect(report.assignments.find((a) => a.id === lawyers.id)!.reminders).toBe(1);
    expect(report.timeline.at(-1)).toMatchObject({ action: 'reminded', unit: { name: '华新镇律师团' } });
    expect((await w.clients.villageHandler.post(`${base}/assignments/${lawyers.id}/remind`, {})).statusCode).toBe(403);
  });

  it('the report closes when the last unit is done; the timeline shows every step, who and when', async () => {
    for (const name of ['华新镇律师团', '华新镇']) {
      const a = report.assignments.find((x) => x.unit.name === name)!;
      const client = name === '华新镇' ? w.clients.huaxinStaff : w.clients.huaxinReader;
      report = ok<Report>(await client.post(`${base}/assignments/${a.id}/accept`, { version: a.version }));
      const accepted = report.assignments.find((x) => x.id === a.id)!;
      report = ok<Report>(await client.post(`${base}/assignments/${a.id}/complete`, { evidence: `${name}已办结`, version: accepted.version }));
    }
    expect(report).toMatchObject({ state: 'closed', progress: { completed: 3, total: 3, overdue: 0 } });
    expect(report.timeline.map((e) => e.action)).toEqual(['submit', 'instruct', 'assign', 'assign', 'assign', 'accept', 'complete', 'reminded', 'accept', 'complete', 'accept', 'complete', 'close']);
    expect(report.timeline.every((e) => e.actorName !== null && e.at)).toBe(true);
    expect((await w.clients.huaxinStaff.post(`${base}/reports/${report.id}/instructions`, { leaderName: '李镇长', content: '好', version: report.version })).statusCode).toBe(409);
    expect((await auditRows(t.handle, 'dc_assignment.complete')).length).toBe(3);
  });
});
