import { describe, expect, it } from 'vitest';
import type { DashboardFigures } from '../dashboard.ts';
import { parseFen } from '../money.ts';
import { briefingSectionKeys, briefingTitle, draftBriefing, type BriefingFigures } from './generate.ts';

const same = (n: number) => ({ current: n, previous: n, lastYear: n });
const none = { current: 0, previous: 0, lastYear: 0 };
const noRate = { current: null, previous: null, lastYear: null };

/** Hand-made figures in the shape of the published facts (Huaxin's chamber, Lu'an's branches, Hefei's leads). */
function figures(): DashboardFigures {
  return {
    organisations: {
      total: 157,
      byType: [
        { key: 'enterprise', count: 154 },
        { key: 'chamber', count: 1 },
        { key: 'community', count: 2 },
        { key: 'other', count: 0 },
      ],
      members: { total: 154, organisations: 154, people: 0, byRole: [{ key: 'council', count: 34 }, { key: 'member', count: 120 }], byOrganisationType: [{ key: 'chamber', count: 154 }] },
    },
    venues: { total: 2, byLevel: [{ key: 'town', count: 2 }], byStars: [{ key: '4', count: 1 }, { key: '5', count: 1 }, { key: 'none', count: 0 }] },
    projects: { total: 5, byStatus: [{ key: 'active', count: 3 }, { key: 'done', count: 2 }], overdueProjects: 1, overdueMilestones: 2 },
    activities: {
      total: { current: 63, previous: 51, lastYear: 66 },
      participants: same(1250),
      byKind: [{ key: 'visit', count: 20 }, { key: 'event', count: 43 }],
      byMonth: [],
    },
    pairings: {
      programmes: [
        { id: 1, title: '党派支部结对社区', kind: 'party_branch_community', deadline: '2026-12-31', paired: 13, shouldBePaired: 29, ratio: 13 / 29 },
        { id: 2, title: '万企兴万村', kind: 'enterprise_village', deadline: '2026-12-31', paired: 412, shouldBePaired: 0, ratio: 0 },
      ],
    },
    needs: { total: 30, byState: [{ key: 'open', count: 5 }, { key: 'claimed', count: 5 }, { key: 'fulfilled', count: 8 }, { key: 'confirmed', count: 12 }] },
    cases: {
      received: { current: 100, previous: 100, lastYear: 0 },
      repliedOnTime: same(95),
      responseRate: { current: 0.95, previous: 0.9, lastYear: null },
      assessed: same(100),
      solved: same(90),
      solveRate: { current: 0.9, previous: 0.9, lastYear: null },
      followedUp: same(50),
      satisfiedCount: same(49),
      satisfactionRate: { current: 0.98, previous: 0.98, lastYear: null },
      ranking: [],
    },
    competitions: { total: 1, entries: 12, awarded: 5 },
    money: { receivedFen: same(parseFen('1926.8万')), pledgedFen: same(parseFen('1920万')), campaigns: 1, targetFen: parseFen('1920万') },
    investment: {
      byStage: [{ key: 'lead', count: 3 }, { key: 'talks', count: 2 }, { key: 'signed', count: 133 }],
      signed: { current: 133, previous: 0, lastYear: 0 },
      contractFen: same(parseFen('480.4亿')),
      talents: same(206),
    },
    publicity: { articles: { current: 40, previous: 0, lastYear: 40 }, byLevel: [{ key: 'central', count: 2 }, { key: 'local', count: 37 }, { key: 'unknown', count: 1 }] },
  };
}

const input = (f: DashboardFigures = figures()): BriefingFigures => ({ divisionName: '华新镇', from: '2026-01-01', to: '2026-11-25', asOf: '2026-11-25', figures: f });
const sectionText = (i: BriefingFigures, key: string) => draftBriefing(i).find((s) => s.key === key)!.text;

describe('draftBriefing', () => {
  it('writes the eight headed sections in order', () => {
    const sections = draftBriefing(input());
    expect(sections.map((s) => s.key)).toEqual([...briefingSectionKeys]);
    expect(sections.map((s) => s.heading)).toEqual(['一、组织建设', '二、阵地建设', '三、项目推进', '四、活动开展', '五、结对共建', '六、诉求办理', '七、资金与招商', '八、宣传报道']);
  });

  it('states organisations by type and members with council members, in the seeds’ style', () => {
    expect(sectionText(input(), 'organisations')).toBe(
      '截至2026年11月25日，华新镇共有各类组织157个，其中企业154个、社区/村居2个、商会1个。各组织现有会员单位154个；理事34个。',
    );
  });

  it('reports member firms and member people apart, never added into one "会员N个" (issue 16)', () => {
    const added = input();
    added.figures.organisations.members = { ...added.figures.organisations.members, total: 552, organisations: 398, people: 154 };
    const text = sectionText(added, 'organisations');
    expect(text).toContain('各组织现有会员单位398个、个人会员154名；理事34个。');
    expect(text).not.toContain('552');
  });

  it('states venues by level and stars; projects by status with overdue milestones and competition winners', () => {
    expect(sectionText(input(), 'venues')).toBe('截至2026年11月25日，共建成统战阵地2个，其中街镇级2个。经星级评定，五星级1个、四星级1个。');
    expect(sectionText(input(), 'projects')).toBe(
      '截至2026年11月25日，项目清单共有项目5个，其中进行中3个、已完成2个。有1个项目的2个节点已逾期，需督促推进、形成闭环。2026年1月1日至11月25日，组织评审1项，参评项目12个，评出获奖项目5个。',
    );
  });

  it('compares activities with the previous period and the same period last year', () => {
    expect(sectionText(input(), 'activities')).toBe(
      '2026年1月1日至11月25日，共开展活动63场，参与1,250人次，其中活动43场、走访慰问20场，比上期增加12场（增长23.5%），比去年同期减少3场（下降4.5%）。',
    );
  });

  it('states pairing coverage, request rates and needs, money in 万元/亿元, articles by media level', () => {
    expect(sectionText(input(), 'pairings')).toBe('截至2026年11月25日，共有结对共建项目2个：“党派支部结对社区”应结对29个，已结对13个，覆盖率44.8%；“万企兴万村”已结对412个。');
    expect(sectionText(input(), 'requests')).toBe(
      '2026年1月1日至11月25日，共受理求助、咨询和建议100件，与上期持平，比去年同期增加100件；按时响应率95.0%，解决率90.0%，满意率98.0%。截至2026年11月25日，共发布社区需求和微心愿30个，已认领25个，其中已完成20个；待认领5个。',
    );
    expect(sectionText(input(), 'money')).toBe(
      '2026年1月1日至11月25日，开展慈善帮扶项目1个，新增认捐1,920万元，到账1,926.8万元；签约招商引资项目133个，比上期增加133个，比去年同期增加133个，合同金额480.4亿元；在谈和跟进中的招商线索5条；引进人才206人。',
    );
    expect(sectionText(input(), 'publicity')).toBe(
      '2026年1月1日至11月25日，各类媒体刊发宣传报道40篇，其中中央级媒体2篇、区县级媒体37篇、未定级1篇，比上期增加40篇，与去年同期持平。',
    );
  });

  it('says plainly when a section has nothing to report', () => {
    const empty = figures();
    empty.organisations = { total: 0, byType: [], members: { total: 0, organisations: 0, people: 0, byRole: [], byOrganisationType: [] } };
    empty.activities = { total: none, participants: none, byKind: [], byMonth: [] };
    empty.money = { receivedFen: none, pledgedFen: none, campaigns: 0, targetFen: 0 };
    empty.investment = { byStage: [], signed: none, contractFen: none, talents: none };
    empty.cases = { ...empty.cases, received: none, responseRate: noRate, solveRate: noRate, satisfactionRate: noRate };
    empty.needs = { total: 0, byState: [] };
    expect(sectionText(input(empty), 'organisations')).toBe('截至2026年11月25日，华新镇尚未登记统战相关组织。');
    expect(sectionText(input(empty), 'activities')).toBe('2026年1月1日至11月25日，未登记开展活动。');
    expect(sectionText(input(empty), 'money')).toBe('2026年1月1日至11月25日，暂无慈善帮扶和招商引资记录。');
    expect(sectionText(input(empty), 'requests')).toBe('2026年1月1日至11月25日，未受理求助、咨询和建议。');
  });

  it('dates stock figures by the day they were computed when that is before the period ends', () => {
    expect(sectionText({ ...input(), to: '2026-12-31', asOf: '2026-11-25' }, 'venues')).toMatch(/^截至2026年11月25日/);
  });

  it('names the period across years in full and titles the briefing', () => {
    expect(briefingTitle('青浦区', '2025-12-01', '2026-01-31')).toBe('青浦区统战工作简报（2025年12月1日至2026年1月31日）');
  });
});
