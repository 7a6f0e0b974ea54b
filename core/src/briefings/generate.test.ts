import { describe, expect, it } from 'vitest';
import { parseFen } from '../money.ts';
import { briefingSectionKeys, briefingTitle, draftBriefing } from './generate.ts';
import type { BriefingInput } from './input.ts';

/** Hand-made figures in the shape of the published facts (Huaxin's chamber, Lu'an's branches, Hefei's leads). */
function figures(): BriefingInput {
  return {
    divisionName: '华新镇',
    from: '2026-01-01',
    to: '2026-11-25',
    organisations: {
      total: 157,
      byType: [
        { key: 'enterprise', count: 154 },
        { key: 'chamber', count: 1 },
        { key: 'community', count: 2 },
        { key: 'other', count: 0 },
      ],
      memberOrganisations: 154,
      councilOrganisations: 34,
      memberPeople: 0,
    },
    venues: { total: 2, byLevel: [{ key: 'town', count: 2 }], byStars: [{ key: '4', count: 1 }, { key: '5', count: 1 }], publicCount: 1 },
    projects: { total: 5, byStatus: [{ key: 'active', count: 3 }, { key: 'done', count: 2 }], overdueProjects: 1, overdueMilestones: 2 },
    activities: { total: { current: 63, previous: 51, yearAgo: 66 }, participants: 1250, byKind: [{ key: 'visit', count: 20 }, { key: 'event', count: 43 }] },
    pairings: { programmes: [{ name: '党派支部结对社区', paired: 13, target: 29 }, { name: '万企兴万村', paired: 412, target: null }] },
    requests: {
      needsPosted: 30,
      needsClaimed: 25,
      needsFulfilled: 20,
      casesReceived: { current: 100, previous: 100, yearAgo: null },
      responseRate: 0.95,
      solveRate: 0.9,
      satisfactionRate: 0.98,
      overdueCases: 2,
    },
    money: { campaigns: 1, pledgedFen: parseFen('1920万'), receivedFen: parseFen('1926.8万'), leads: 133, signedLeads: 133, contractFen: parseFen('480.4亿'), talents: 206 },
    publicity: { total: { current: 40, previous: 0 }, byLevel: [{ key: 'central', count: 2 }, { key: 'local', count: 38 }] },
  };
}

const sectionText = (input: BriefingInput, key: string) => draftBriefing(input).find((s) => s.key === key)!.text;

describe('draftBriefing', () => {
  it('writes the eight headed sections in order', () => {
    const sections = draftBriefing(figures());
    expect(sections.map((s) => s.key)).toEqual([...briefingSectionKeys]);
    expect(sections.map((s) => s.heading)).toEqual(['一、组织建设', '二、阵地建设', '三、项目推进', '四、活动开展', '五、结对共建', '六、诉求办理', '七、资金与招商', '八、宣传报道']);
  });

  it('states member and council firms in the seeds’ style', () => {
    const text = sectionText(figures(), 'organisations');
    expect(text).toBe('截至2026年11月25日，华新镇共有各类组织157个，其中企业154个、社区/村居2个、商会1个。各组织拥有会员企业154家，其中理事企业34家。');
  });

  it('states venues by level and stars, projects by status with overdue milestones', () => {
    expect(sectionText(figures(), 'venues')).toBe('截至2026年11月25日，共建成统战阵地2个，其中街镇级2个。经星级评定，五星级1个、四星级1个。其中1个阵地在服务指南中向社会公开。');
    expect(sectionText(figures(), 'projects')).toContain('项目清单共有项目5个，其中进行中3个、已完成2个。有1个项目的2个节点已逾期');
  });

  it('compares activities with the previous period and the same period last year', () => {
    expect(sectionText(figures(), 'activities')).toBe(
      '2026年1月1日至11月25日，共开展活动63场，参与1,250人次，其中活动43场、走访慰问20场，比上期增加12场（增长23.5%），比去年同期减少3场（下降4.5%）。',
    );
  });

  it('states pairing coverage, request rates and money in 万元/亿元', () => {
    expect(sectionText(figures(), 'pairings')).toBe('截至2026年11月25日，共有结对共建项目2个：“党派支部结对社区”应结对29个，已结对13个，覆盖率44.8%；“万企兴万村”已结对412对。');
    const requests = sectionText(figures(), 'requests');
    expect(requests).toContain('共受理求助、咨询和建议100件，与上期持平；按时响应率95.0%，解决率90.0%，满意率98.0%；超时未办结2件');
    expect(requests).toContain('发布社区需求和微心愿30个，已认领25个，已完成20个。');
    expect(sectionText(figures(), 'money')).toBe(
      '2026年1月1日至11月25日，开展慈善帮扶项目1个，认捐1,920万元，已到账1,926.8万元；跟进招商引资项目133个，其中签约133个，合同金额480.4亿元；引进人才206人。',
    );
    expect(sectionText(figures(), 'publicity')).toBe('2026年1月1日至11月25日，各类媒体刊发宣传报道40篇，其中中央级媒体2篇、区县级媒体38篇，比上期增加40篇。');
  });

  it('says plainly when a section has nothing to report', () => {
    const empty = figures();
    empty.organisations = { total: 0, byType: [], memberOrganisations: 0, councilOrganisations: 0, memberPeople: 0 };
    empty.activities = { total: { current: 0 }, participants: 0, byKind: [] };
    empty.money = { campaigns: 0, pledgedFen: 0, receivedFen: 0, leads: 0, signedLeads: 0, contractFen: 0, talents: 0 };
    expect(sectionText(empty, 'organisations')).toBe('截至2026年11月25日，华新镇尚未登记统战相关组织。');
    expect(sectionText(empty, 'activities')).toBe('2026年1月1日至11月25日，未登记开展活动。');
    expect(sectionText(empty, 'money')).toBe('2026年1月1日至11月25日，暂无慈善帮扶和招商引资记录。');
  });

  it('names the period across years in full and titles the briefing', () => {
    expect(briefingTitle('青浦区', '2025-12-01', '2026-01-31')).toBe('青浦区统战工作简报（2025年12月1日至2026年1月31日）');
  });
});
