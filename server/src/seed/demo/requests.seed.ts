import { dayKeyOf, dayNumberFromKey } from '@tongxin/core/calendar/index';
import { divisionId, type SeedContext, type Seeder } from './context.ts';
import * as data from './requests.data.ts';
import { at, daysFromSeedDay, demoTicket, findOrCreateOrganisation, insertCases, insertNeeds, newCase, spreadDay, walkNeed, workdayAfter, type CasePlan, type NeedPlan } from './requests.plan.ts';
import { seedChizhouReport } from './requests-dc.seed.ts';
import { seedFresh } from './requests-fresh.seed.ts';

/**
 * The demo's requests (shared/design/demo-facts.md), reproduced as records the figures count:
 * Tongling's 310 wishes and ideas (230 wishes on the claim route, 80 金点子 handled by the city
 * office), Henglan's 100 hotline calls (55 answered on the call, 45 passed to the villages, 23 of
 * them solved), Bengbu's 206 proposals from the democratic-party branches to the communities in
 * 2026, the Chizhou direct-channel report, and a few fresh portal submissions waiting at Huaxin
 * and Zhaoxiang so those offices' inboxes are not empty. Deterministic: fixed dates, hashed tickets.
 */

const plusDays = (day: string, n: number) => dayKeyOf(dayNumberFromKey(day) + n);
const times = ['09:10', '10:05', '11:20', '14:15', '15:40'];

async function kindIds(ctx: SeedContext): Promise<Map<string, number>> {
  return new Map((await ctx.db.selectFrom('service_kinds').select(['id', 'code']).execute()).map((k) => [k.code, k.id]));
}

/** Tongling: 230 wishes (微心愿) claimed by four volunteer teams, 80 ideas (金点子). */
async function seedTongling(ctx: SeedContext): Promise<{ cases: CasePlan[]; needs: NeedPlan[] }> {
  const city = divisionId(ctx, '安徽省/铜陵市');
  const teams: number[] = [];
  for (const name of data.tonglingTeams) teams.push(await findOrCreateOrganisation(ctx, city, name, 'volunteer_team'));
  const kinds = await kindIds(ctx);
  const staff = '铜陵市委统战部 陈静';
  const needs: NeedPlan[] = [];
  for (let i = 0; i < 230; i++) {
    const day = spreadDay(i, 230, '2026-01-05', '2026-11-13');
    const portal = i % 3 === 0;
    const created = at(day, '09:30');
    const published = portal ? at(workdayAfter(day, 1), '10:00') : created;
    const plan: NeedPlan = {
      ticketNo: portal ? demoTicket('tongling-wish', i, day) : null,
      divisionId: city,
      officeDivisionId: city,
      title: `为${data.wishFor[i % data.wishFor.length]}送上${data.wishItems[i % data.wishItems.length]}`,
      description: `铜陵市微心愿第 ${i + 1} 号：${data.wishFor[i % data.wishFor.length]}希望得到${data.wishItems[i % data.wishItems.length]}。`,
      // The wishes still open (never claimed) wait for a date after the seed's day, so the demo's
      // needs board is never empty however long after 2026 it is loaded.
      wantedBy: i >= 220 ? daysFromSeedDay(ctx, 7 + (i - 220) * 3) : plusDays(day, 20),
      channel: portal ? 'portal' : 'staff',
      submitterName: portal ? data.submitterName(i) : null,
      submitterPhone: portal ? data.submitterPhone(i) : null,
      createdAt: created,
      serviceKindIds: [kinds.get(data.wishKinds[i % data.wishKinds.length]!)!].filter(Boolean),
      state: 'open',
      publishedAt: published,
      claimant: null,
      claimedAt: null,
      fulfilledAt: null,
      confirmedAt: null,
      updatedAt: published,
      events: [
        { at: created, actorId: null, actorName: portal ? null : staff, action: 'post', toState: 'open' },
        { at: published, actorId: null, actorName: staff, action: 'publish' },
      ],
    };
    const team = teams[i % teams.length]!;
    const claim = { to: 'claimed' as const, at: at(workdayAfter(day, 2), '10:00'), organisationId: team, actor: data.tonglingTeams[i % 4]! };
    const fulfil = { to: 'fulfilled' as const, at: at(workdayAfter(day, 6), '16:00'), actor: data.tonglingTeams[i % 4]!, note: '心愿已送达' };
    const confirm = { to: 'confirmed' as const, at: at(workdayAfter(day, 7), '10:00'), actor: staff };
    if (i < 187) walkNeed(plan, [claim, fulfil, confirm]);
    else if (i < 190) walkNeed(plan, [{ to: 'expired', at: at(workdayAfter(day, 15), '17:00'), actor: staff }]);
    else if (i < 205) walkNeed(plan, [claim, fulfil]);
    else if (i < 220) walkNeed(plan, [claim]);
    needs.push(plan);
  }
  const cases: CasePlan[] = [];
  const office = { type: 'division' as const, id: city };
  for (let i = 0; i < 80; i++) {
    const day = spreadDay(i, 80, '2026-01-05', '2026-11-10');
    const portal = i % 2 === 0;
    const topic = data.ideaTopics[i % data.ideaTopics.length]!;
    const c = newCase(
      {
        ticketNo: demoTicket('tongling-idea', i, day),
        divisionId: city,
        officeDivisionId: city,
        kind: 'idea',
        category: 'idea',
        channel: portal ? 'portal' : 'visit',
        title: `金点子：${topic}`,
        content: `建议${topic}，方便群众日常生活。`,
        submitterName: data.submitterName(100 + i),
        submitterPhone: data.submitterPhone(100 + i),
        submitterOrganisationId: null,
        receivedAt: at(day, times[i % times.length]!),
      },
      staff,
    );
    c.step('dispatched', at(day, '16:00'), { unit: office, isPublic: true, note: '已转市直相关部门研究' });
    if (i >= 78) {
      cases.push(c.plan);
      continue;
    }
    c.step('accepted', at(workdayAfter(day, 1), '09:30'), { actor: '铜陵市委统战部 吴涛' }).step('in_progress', at(workdayAfter(day, 1), '10:00'), { actor: '铜陵市委统战部 吴涛' });
    if (i >= 73) {
      cases.push(c.plan);
      continue;
    }
    c.step('replied', at(workdayAfter(day, 5 + (i % 6)), '15:00'), { reply: `感谢您的金点子。“${topic}”已纳入相关部门工作计划，将分步实施。`, isPublic: true, actor: '铜陵市委统战部 吴涛' });
    if (i >= 70) {
      cases.push(c.plan);
      continue;
    }
    const satisfaction = i % 10 < 7 ? 'satisfied' : i % 10 < 9 ? 'basically_satisfied' : 'not_satisfied';
    c.step('followed_up', at(workdayAfter(day, 12), '10:00'), { satisfaction, solved: satisfaction !== 'not_satisfied' }).step('closed', at(workdayAfter(day, 12), '10:10'));
    cases.push(c.plan);
  }
  return { cases, needs };
}

/** Henglan's hotline: about 100 calls; questions answered on the call, problems passed to the villages, 23 solved. */
function seedHenglan(ctx: SeedContext): CasePlan[] {
  const path = '广东省/中山市/横栏镇';
  const town = divisionId(ctx, path);
  const villages = [...ctx.divisionIds.entries()].filter(([key]) => key.startsWith(`${path}/`)).map(([, id]) => id);
  const staff = '何兰芳';
  const out: CasePlan[] = [];
  let j = 0;
  for (let i = 0; i < 100; i++) {
    const day = spreadDay(i, 100, '2026-01-05', '2026-11-20');
    const received = at(day, times[i % times.length]!);
    const village = villages[i % villages.length]!;
    const question = i % 20 < 11;
    const topic = question ? data.henglanQuestions[i % data.henglanQuestions.length]! : data.henglanProblems[i % data.henglanProblems.length]!;
    const c = newCase(
      {
        ticketNo: demoTicket('henglan-call', i, day),
        divisionId: village,
        officeDivisionId: town,
        kind: question ? 'question' : i % 20 === 19 ? 'complaint' : 'help',
        category: question ? 'question' : 'help',
        channel: 'hotline',
        title: topic,
        content: `来电反映：${topic}。`,
        submitterName: data.submitterName(300 + i),
        submitterPhone: data.submitterPhone(300 + i),
        submitterOrganisationId: null,
        receivedAt: received,
      },
      staff,
    );
    if (question) {
      const answered = new Date(new Date(received).getTime() + 30 * 60_000).toISOString();
      c.step('replied', answered, { reply: `已电话解答：${topic}的办理要求与地点。`, isPublic: true }).step('closed', new Date(new Date(answered).getTime() + 60_000).toISOString(), { note: '当场答复，来电人无异议' });
      out.push(c.plan);
      continue;
    }
    const unit = { type: 'division' as const, id: village };
    const villageStaff = '村委会 联络员';
    c.step('dispatched', at(day, '16:30'), { unit, isPublic: true });
    const n = j++;
    if (n >= 44) {
      out.push(c.plan);
      continue;
    }
    c.step('accepted', at(workdayAfter(day, 1), '09:20'), { actor: villageStaff });
    if (n >= 42) {
      out.push(c.plan);
      continue;
    }
    c.step('in_progress', at(workdayAfter(day, 1), '10:00'), { actor: villageStaff });
    if (n >= 38) {
      out.push(c.plan);
      continue;
    }
    c.step('replied', at(workdayAfter(day, 2 + (n % 2)), '15:00'), { reply: `经村委会协调，“${topic}”已处理。`, isPublic: true, actor: villageStaff });
    if (n >= 35) {
      out.push(c.plan);
      continue;
    }
    const solved = n < 23;
    const satisfaction = solved ? (n % 4 === 3 ? 'basically_satisfied' : 'satisfied') : 'not_satisfied';
    c.step('followed_up', at(workdayAfter(day, 4), '10:00'), { satisfaction, solved, note: data.satisfactionNotes[solved ? (satisfaction === 'satisfied' ? 0 : 1) : 2] }).step('closed', at(workdayAfter(day, 4), '10:05'));
    out.push(c.plan);
  }
  return out;
}

/** Bengbu: 206 proposals in 2026 from the 21 party branches, handled by the 21 communities. */
async function seedBengbu(ctx: SeedContext): Promise<CasePlan[]> {
  const city = divisionId(ctx, '安徽省/蚌埠市');
  const byType = async (type: string) => (await ctx.db.selectFrom('organisations').select('id').where('division_id', '=', city).where('type', '=', type).orderBy('id').execute()).map((r) => r.id);
  let branches = await byType('party_branch');
  let communities = await byType('community');
  if (!branches.length) branches = [await findOrCreateOrganisation(ctx, city, '民盟蚌埠市委会第一支部', 'party_branch')];
  if (!communities.length) communities = [await findOrCreateOrganisation(ctx, city, '蚌埠市朝阳社区居民委员会', 'community')];
  const staff = '蚌埠市委统战部 孙倩';
  const out: CasePlan[] = [];
  for (let i = 0; i < 206; i++) {
    const day = spreadDay(i, 206, '2026-01-05', '2026-11-18');
    const topic = data.bengbuTopics[i % data.bengbuTopics.length]!;
    const unit = { type: 'organisation' as const, id: communities[(i * 5) % communities.length]! };
    const c = newCase(
      {
        ticketNo: demoTicket('bengbu-proposal', i, day),
        divisionId: city,
        officeDivisionId: city,
        kind: 'idea',
        category: 'idea',
        channel: 'organisation',
        title: `关于${topic}的建议`,
        content: `建议：${topic}。具体措施见附件调研材料。`,
        submitterName: null,
        submitterPhone: null,
        submitterOrganisationId: branches[i % branches.length]!,
        receivedAt: at(day, times[i % times.length]!),
      },
      staff,
    );
    c.step('dispatched', at(day, '16:00'), { unit, isPublic: true });
    if (i >= 203) {
      out.push(c.plan);
      continue;
    }
    const community = '社区 承办人';
    c.step('accepted', at(workdayAfter(day, 1), '09:30'), { actor: community });
    if (i >= 198) {
      out.push(c.plan);
      continue;
    }
    c.step('in_progress', at(workdayAfter(day, 1), '10:00'), { actor: community });
    if (i >= 188) {
      out.push(c.plan);
      continue;
    }
    const late = i % 12 === 0;
    c.step('replied', at(workdayAfter(day, late ? 15 : 4 + (i % 9)), '16:00'), { reply: `关于“${topic}”的建议已研究吸纳，正在推进落实。`, isPublic: true, actor: community });
    if (i >= 180) {
      out.push(c.plan);
      continue;
    }
    const satisfaction = i % 18 === 17 ? 'not_satisfied' : i % 9 === 4 ? 'basically_satisfied' : 'satisfied';
    c.step('followed_up', at(workdayAfter(day, late ? 17 : 14), '10:00'), { satisfaction, solved: satisfaction !== 'not_satisfied' }).step('closed', at(workdayAfter(day, late ? 17 : 14), '10:30'));
    out.push(c.plan);
  }
  return out;
}

export const requestsSeeder: Seeder = {
  name: 'requests',
  async run(ctx) {
    const tongling = await seedTongling(ctx);
    const henglan = seedHenglan(ctx);
    const bengbu = await seedBengbu(ctx);
    const fresh = seedFresh(ctx);
    const cases = [...tongling.cases, ...henglan, ...bengbu, ...fresh.cases];
    await insertCases(ctx, cases);
    await insertNeeds(ctx, [...tongling.needs, ...fresh.needs]);
    await seedChizhouReport(ctx);
    ctx.log(
      `requests: ${cases.length} cases (Tongling ${tongling.cases.length} ideas, Henglan ${henglan.length} calls, Bengbu ${bengbu.length} proposals), ` +
        `${tongling.needs.length + fresh.needs.length} needs, 1 direct-channel report`,
    );
  },
};
