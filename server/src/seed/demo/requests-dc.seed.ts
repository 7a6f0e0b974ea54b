import { divisionId, type SeedContext } from './context.ts';
import * as data from './requests.data.ts';
import { at, findOrCreateOrganisation } from './requests.plan.ts';

/**
 * The Chizhou direct-channel report (直通车): a democratic party's research report, the leader's
 * instruction, three units with deadlines and supervision — one done with evidence, one at work,
 * one past its deadline that was reminded and escalated. The reminder claims are written too, so
 * the reminder job does not send them a second time.
 */
export async function seedChizhouReport(ctx: SeedContext): Promise<void> {
  const city = divisionId(ctx, '安徽省/池州市');
  const party = await findOrCreateOrganisation(ctx, city, data.chizhou.organisation, 'party_branch');
  const units: number[] = [];
  for (const name of data.chizhou.units) units.push(await findOrCreateOrganisation(ctx, city, name, 'other'));
  const submitted = at('2026-10-19', '10:00');
  const report = await ctx.db
    .insertInto('dc_reports')
    .values({
      division_id: city,
      office_division_id: city,
      organisation_id: party,
      kind: 'report',
      title: data.chizhou.title,
      content: data.chizhou.content,
      state: 'assigned',
      submitted_by: null,
      submitted_at: submitted,
      version: 3,
      created_at: submitted,
      updated_at: at('2026-10-22', '09:30'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const instructed = at('2026-10-21', '15:00');
  await ctx.db
    .insertInto('dc_instructions')
    .values({ report_id: report.id, leader_name: data.chizhou.leader, content: data.chizhou.instruction, instructed_at: instructed, recorded_by: null, created_at: instructed })
    .execute();
  const assigned = at('2026-10-22', '09:30');
  const plans = [
    { deadline: '2026-12-15', state: 'accepted', accepted: at('2026-10-23', '09:00'), completed: null, evidence: null },
    { deadline: '2026-11-10', state: 'completed', accepted: at('2026-10-22', '14:00'), completed: at('2026-11-06', '16:30'), evidence: '已将九华山—杏花村—秋浦河景区连接线纳入 2027 年交通建设计划（池发改〔2026〕118 号）。' },
    { deadline: '2026-11-20', state: 'accepted', accepted: at('2026-10-24', '10:00'), completed: null, evidence: null },
  ];
  const rows = await ctx.db
    .insertInto('dc_assignments')
    .values(
      plans.map((p, i) => ({
        report_id: report.id,
        unit_type: 'organisation',
        unit_id: units[i]!,
        task: data.chizhou.tasks[i]!,
        deadline: p.deadline,
        state: p.state,
        accepted_at: p.accepted,
        completed_at: p.completed,
        evidence: p.evidence,
        version: p.completed ? 3 : 2,
        created_at: assigned,
        updated_at: p.completed ?? p.accepted,
      })),
    )
    .returning(['id', 'unit_id'])
    .execute();
  const idOf = (i: number) => rows.find((r) => r.unit_id === units[i])!.id;
  const unit = (i: number) => ({ unit_type: 'organisation', unit_id: units[i]! });
  const staff = data.chizhou.staff;
  const event = (action: string, when: string, actor: string | null, note: string | null, i: number | null) => ({
    report_id: report.id,
    assignment_id: i === null ? null : idOf(i),
    at: when,
    actor_id: null,
    actor_name: actor,
    action,
    note,
    ...(i === null ? { unit_type: 'organisation', unit_id: party } : unit(i)),
  });
  await ctx.db
    .insertInto('dc_events')
    .values([
      event('submit', submitted, '九三学社池州市委会 秘书长', null, null),
      { ...event('instruct', instructed, staff, `${data.chizhou.leader}：${data.chizhou.instruction}`, null), unit_type: null, unit_id: null },
      ...plans.map((p, i) => event('assign', assigned, staff, `${data.chizhou.tasks[i]}（${p.deadline}）`, i)),
      event('accept', plans[1]!.accepted, '市发改委 办公室', null, 1),
      event('accept', plans[0]!.accepted, '市文旅局 办公室', null, 0),
      event('accept', plans[2]!.accepted, '市农业农村局 办公室', null, 2),
      event('complete', plans[1]!.completed!, '市发改委 办公室', plans[1]!.evidence, 1),
      event('reminded', at('2026-11-16', '09:00'), staff, '请于 11 月 20 日前报送民宿标准草案', 2),
      event('reminded', at('2026-11-21', '09:00'), null, null, 2),
      event('escalated', at('2026-11-25', '09:00'), null, null, 2),
    ])
    .execute();
  // The automatic reminder and escalation above count as sent.
  await ctx.db
    .insertInto('reminder_claims')
    .values(['reminder', 'escalation'].map((kind) => ({ entity: 'dc_assignment', entity_id: idOf(2), round_key: '2026-11-20', clock: 'deadline', kind, at: kind === 'reminder' ? at('2026-11-21', '09:00') : at('2026-11-25', '09:00') })))
    .execute();
}
