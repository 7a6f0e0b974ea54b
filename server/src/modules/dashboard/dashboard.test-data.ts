import type { TestApp } from '../../test/harness.ts';

/*
 * Hand-built records for the dashboard tests, written straight into the tables (the triggers see
 * them as any writer's). Today is 2026-11-25 (Shanghai); the period is October 2026.
 *
 *   华新镇: chamber (live) with 3 memberships (1 ended), archived enterprise, 2 venues (3★, unrated)
 *           + 1 archived venue; projects active (1 overdue milestone) and planned (future milestone);
 *           activities 10-05 training 30 people, 09-15 event (previous period), 2025-10-10 event
 *           (last year), 1 archived; campaign: 1,000.00 元 received 10-10 (+ one voided), pledge
 *           2,000.00 元; lead signed 10-08 for 50,000.00 元, lead in talks; 5 talents 10-03;
 *           articles 10-09 (municipal) and 10-20 (no level); programme 万企兴万村 (e1 paired, e2 not)
 *   华新村: 2 enterprises; visit 10-20 with 10 people; a need (open), a need (claimed)
 *   赵巷镇: enterprise, training 10-10 with 7 people
 *   金山区: enterprise (outside 青浦区)
 */
export async function buildDashboardRecords(t: TestApp) {
  const db = t.handle.db;
  const d = t.fixture.divisions;
  const at = '2026-01-05T00:00:00.000Z';
  const stamp = { created_at: at, updated_at: at };
  const org = async (division_id: number, name: string, type: string, archived = false) =>
    (
      await db
        .insertInto('organisations')
        .values({ division_id, name, type, ...stamp, archived_at: archived ? at : null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const chamber = await org(d.huaxin.id, '华新镇商会', 'chamber');
  await org(d.huaxin.id, '已注销企业', 'enterprise', true);
  const e1 = await org(d.huaxinVillage.id, '华新村企业甲', 'enterprise');
  const e2 = await org(d.huaxinVillage.id, '华新村企业乙', 'enterprise');
  await org(d.zhaoxiang.id, '赵巷企业', 'enterprise');
  await org(d.jinshan.id, '金山企业', 'enterprise');
  await db
    .insertInto('memberships')
    .values([
      { organisation_id: chamber, member_organisation_id: e1, role: 'council', ...stamp },
      { organisation_id: chamber, member_organisation_id: e2, role: 'member', ...stamp },
      { organisation_id: chamber, member_organisation_id: e2, role: 'member', until: '2026-01-01', ...stamp },
    ])
    .execute();

  const venue = (name: string, star_rating: number | null, archived = false) => ({
    division_id: d.huaxin.id,
    name,
    type: 'service_station',
    level: 'town',
    star_rating,
    is_public: 0,
    ...stamp,
    archived_at: archived ? at : null,
  });
  await db.insertInto('venues').values([venue('幸福·新e园', 3), venue('服务站', null), venue('旧址', 5, true)]).execute();

  const project = async (title: string, status: string) =>
    (await db.insertInto('projects').values({ division_id: d.huaxin.id, title, status, ...stamp }).returning('id').executeTakeFirstOrThrow()).id;
  const active = await project('同心项目', 'active');
  const planned = await project('新项目', 'planned');
  await db
    .insertInto('project_milestones')
    .values([
      { project_id: active, title: '过期', due_date: '2026-11-01', ...stamp },
      { project_id: active, title: '已完成', due_date: '2026-10-01', completed_at: at, ...stamp },
      { project_id: planned, title: '未到期', due_date: '2026-12-31', ...stamp },
    ])
    .execute();

  const activity = (division_id: number, date: string, kind: string, participant_count: number | null, archived = false) => ({
    division_id,
    title: `${kind} ${date}`,
    date,
    kind,
    participant_count,
    ...stamp,
    archived_at: archived ? at : null,
  });
  await db
    .insertInto('activities')
    .values([
      activity(d.huaxin.id, '2026-10-05', 'training', 30),
      activity(d.huaxin.id, '2026-09-15', 'event', 12),
      activity(d.huaxin.id, '2025-10-10', 'event', 40),
      activity(d.huaxin.id, '2026-10-06', 'event', 99, true),
      activity(d.huaxinVillage.id, '2026-10-20', 'visit', 10),
      activity(d.zhaoxiang.id, '2026-10-10', 'training', 7),
    ])
    .execute();

  const need = (title: string, state: string) => ({ division_id: d.huaxinVillage.id, office_division_id: d.huaxin.id, title, state, channel: 'staff', ...stamp });
  await db.insertInto('needs').values([need('轮椅', 'open'), need('辅导', 'claimed')]).execute();

  const campaign = (
    await db
      .insertInto('campaigns')
      .values({ division_id: d.huaxin.id, title: '同心筑梦', target_fen: 1_000_000, start_date: '2026-09-01', ...stamp })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('campaign_receipts')
    .values([
      { campaign_id: campaign, organisation_id: e1, amount_fen: 100_000, received_on: '2026-10-10', created_at: at },
      { campaign_id: campaign, organisation_id: e2, amount_fen: 555, received_on: '2026-10-11', created_at: at, voided_at: at },
    ])
    .execute();
  await db.insertInto('campaign_pledges').values({ campaign_id: campaign, organisation_id: e2, amount_fen: 200_000, pledged_on: '2026-10-02', ...stamp }).execute();

  await db
    .insertInto('investment_leads')
    .values([
      { division_id: d.huaxin.id, firm_name: '甲公司', origin: 'domestic', stage: 'signed', signed_on: '2026-10-08', contract_fen: 5_000_000, ...stamp },
      { division_id: d.huaxin.id, firm_name: '乙公司', origin: 'domestic', stage: 'talks', ...stamp },
    ])
    .execute();
  await db.insertInto('talent_intakes').values({ division_id: d.huaxin.id, date: '2026-10-03', count: 5, field: '医疗', ...stamp }).execute();

  const article = (title: string, published_on: string, level: string | null) => ({
    division_id: d.huaxin.id,
    title,
    published_on,
    level,
    authors: '[]',
    editors: '[]',
    format: 'text',
    original_text: title,
    clean_text: title,
    removed: '{}',
    content_hash: title,
    ...stamp,
  });
  await db.insertInto('articles').values([article('报道一', '2026-10-09', 'municipal'), article('报道二', '2026-10-20', null)]).execute();
  // Pairing: every live enterprise of 华新镇 should be paired; e1 is (e2 is not).
  const programme = (
    await db
      .insertInto('pairing_programmes')
      .values({ division_id: d.huaxin.id, title: '万企兴万村', kind: 'enterprise_village', target_type: 'enterprise', start_date: '2026-01-01', deadline: '2026-12-31', ...stamp })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('pairs')
    .values({ programme_id: programme, division_id: d.huaxin.id, organisation_id: e1, partner_organisation_id: chamber, start_date: '2026-02-01', ...stamp })
    .execute();
  return { chamber, e1, e2, active, planned, campaign, programme };
}
