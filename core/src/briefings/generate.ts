import type { BriefingInput } from './input.ts';
import { breakdown, chineseDate, chinesePeriod, comparison, count, label, money, percent } from './phrases.ts';

/** The sections every briefing has, in this order. */
export const briefingSectionKeys = ['organisations', 'venues', 'projects', 'activities', 'pairings', 'requests', 'money', 'publicity'] as const;
export type BriefingSectionKey = (typeof briefingSectionKeys)[number];

/** Section headings as a Chinese report numbers them (the document is Chinese whatever the UI language). */
export const briefingHeadings: Record<BriefingSectionKey, string> = {
  organisations: '一、组织建设',
  venues: '二、阵地建设',
  projects: '三、项目推进',
  activities: '四、活动开展',
  pairings: '五、结对共建',
  requests: '六、诉求办理',
  money: '七、资金与招商',
  publicity: '八、宣传报道',
};

export interface BriefingSection {
  key: BriefingSectionKey;
  heading: string;
  text: string;
}

/** `其中…` after a total, or nothing when the breakdown is empty. */
function among(parts: string): string {
  return parts ? `，其中${parts}` : '';
}

function organisations(f: BriefingInput, asOf: string): string {
  const o = f.organisations;
  if (o.total === 0) return `${asOf}，${f.divisionName}尚未登记统战相关组织。`;
  let text = `${asOf}，${f.divisionName}共有各类组织${count(o.total)}个${among(breakdown(o.byType, '个', 'organisationTypes'))}。`;
  if (o.memberOrganisations > 0) {
    text += `各组织拥有会员企业${count(o.memberOrganisations)}家`;
    if (o.councilOrganisations > 0) text += `，其中理事企业${count(o.councilOrganisations)}家`;
    text += o.memberPeople > 0 ? `；个人会员${count(o.memberPeople)}人。` : '。';
  } else if (o.memberPeople > 0) {
    text += `各组织拥有个人会员${count(o.memberPeople)}人。`;
  }
  return text;
}

function venues(f: BriefingInput, asOf: string): string {
  const v = f.venues;
  if (v.total === 0) return `${asOf}，尚未登记统战阵地。`;
  const stars = v.byStars
    .filter((s) => s.count > 0)
    .sort((a, b) => Number(b.key) - Number(a.key))
    .map((s) => `${'一二三四五'[Number(s.key) - 1] ?? s.key}星级${count(s.count)}个`)
    .join('、');
  let text = `${asOf}，共建成统战阵地${count(v.total)}个${among(breakdown(v.byLevel, '个', 'venueLevels'))}。`;
  if (stars) text += `经星级评定，${stars}。`;
  if (v.publicCount > 0) text += `其中${count(v.publicCount)}个阵地在服务指南中向社会公开。`;
  return text;
}

function projects(f: BriefingInput, asOf: string): string {
  const p = f.projects;
  if (p.total === 0) return `${asOf}，项目清单暂无项目。`;
  let text = `${asOf}，项目清单共有项目${count(p.total)}个${among(breakdown(p.byStatus, '个', 'projectStatuses'))}。`;
  text +=
    p.overdueMilestones > 0
      ? `有${count(p.overdueProjects)}个项目的${count(p.overdueMilestones)}个节点已逾期，需督促推进、形成闭环。`
      : '各项目节点均按期推进，无逾期节点。';
  return text;
}

function activities(f: BriefingInput, period: string): string {
  const a = f.activities;
  if (a.total.current === 0) return `${period}，未登记开展活动${comparison(a.total, '场')}。`;
  let text = `${period}，共开展活动${count(a.total.current)}场`;
  if (a.participants > 0) text += `，参与${count(a.participants)}人次`;
  text += `${among(breakdown(a.byKind, '场', 'activityKinds'))}${comparison(a.total, '场')}。`;
  return text;
}

function pairings(f: BriefingInput, asOf: string): string {
  const programmes = f.pairings.programmes;
  if (programmes.length === 0) return `${asOf}，尚未设立结对共建项目。`;
  const parts = programmes.map((p) =>
    p.target && p.target > 0
      ? `“${p.name}”应结对${count(p.target)}个，已结对${count(p.paired)}个，覆盖率${percent(p.paired / p.target)}`
      : `“${p.name}”已结对${count(p.paired)}对`,
  );
  return `${asOf}，共有结对共建项目${count(programmes.length)}个：${parts.join('；')}。`;
}

function requests(f: BriefingInput, period: string): string {
  const r = f.requests;
  const parts: string[] = [];
  if (r.casesReceived.current > 0) {
    const rates = [
      r.responseRate !== null ? `按时响应率${percent(r.responseRate)}` : '',
      r.solveRate !== null ? `解决率${percent(r.solveRate)}` : '',
      r.satisfactionRate !== null ? `满意率${percent(r.satisfactionRate)}` : '',
    ].filter(Boolean);
    let text = `${period}，共受理求助、咨询和建议${count(r.casesReceived.current)}件${comparison(r.casesReceived, '件')}`;
    if (rates.length) text += `；${rates.join('，')}`;
    text += r.overdueCases > 0 ? `；超时未办结${count(r.overdueCases)}件，已列入督办。` : '；无超时未办结件。';
    parts.push(text);
  } else {
    parts.push(`${period}，未受理求助、咨询和建议${comparison(r.casesReceived, '件')}。`);
  }
  if (r.needsPosted > 0) {
    parts.push(`发布社区需求和微心愿${count(r.needsPosted)}个，已认领${count(r.needsClaimed)}个，已完成${count(r.needsFulfilled)}个。`);
  }
  return parts.join('');
}

function moneyText(f: BriefingInput, period: string): string {
  const m = f.money;
  const parts: string[] = [];
  if (m.campaigns > 0) parts.push(`开展慈善帮扶项目${count(m.campaigns)}个，认捐${money(m.pledgedFen)}，已到账${money(m.receivedFen)}`);
  if (m.leads > 0) {
    let text = `跟进招商引资项目${count(m.leads)}个`;
    if (m.signedLeads > 0) text += `，其中签约${count(m.signedLeads)}个，合同金额${money(m.contractFen)}`;
    parts.push(text);
  }
  if (m.talents > 0) parts.push(`引进人才${count(m.talents)}人`);
  if (parts.length === 0) return `${period}，暂无慈善帮扶和招商引资记录。`;
  return `${period}，${parts.join('；')}。`;
}

function publicity(f: BriefingInput, period: string): string {
  const p = f.publicity;
  if (p.total.current === 0) return `${period}，未收录宣传报道${comparison(p.total, '篇')}。`;
  const levels = p.byLevel
    .filter((item) => item.count > 0)
    .map((item) => `${label(item.key, 'publicity.levels')}媒体${count(item.count)}篇`)
    .join('、');
  return `${period}，各类媒体刊发宣传报道${count(p.total.current)}篇${among(levels)}${comparison(p.total, '篇')}。`;
}

/**
 * The draft text of a briefing: one section per heading, each sentence stating figures in the
 * style of the published reports. Pure: the same figures always give the same text.
 *
 * @example
 * draftBriefing(figures).find((s) => s.key === 'organisations')!.text
 * // "截至2026年11月25日，华新镇共有各类组织3个，其中商会1个…各组织拥有会员企业154家，其中理事企业34家。"
 */
export function draftBriefing(figures: BriefingInput): BriefingSection[] {
  const asOf = `截至${chineseDate(figures.to)}`;
  const period = chinesePeriod(figures.from, figures.to);
  const texts: Record<BriefingSectionKey, string> = {
    organisations: organisations(figures, asOf),
    venues: venues(figures, asOf),
    projects: projects(figures, asOf),
    activities: activities(figures, period),
    pairings: pairings(figures, asOf),
    requests: requests(figures, period),
    money: moneyText(figures, period),
    publicity: publicity(figures, period),
  };
  return briefingSectionKeys.map((key) => ({ key, heading: briefingHeadings[key], text: texts[key] }));
}

/** The document title: `华新镇统战工作简报（2026年1月1日至11月25日）`. */
export function briefingTitle(divisionName: string, from: string, to: string): string {
  return `${divisionName}统战工作简报（${chinesePeriod(from, to)}）`;
}
