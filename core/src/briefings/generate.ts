import type { DashboardFigures } from '../dashboard.ts';
import { breakdown, chineseDate, chinesePeriod, comparison, count, label, money, percent, type CountOf } from './phrases.ts';

/**
 * What a briefing is written from: the dashboard's figures of one division subtree for one period
 * (stock figures as of the day they were computed, flow figures within the period).
 */
export interface BriefingFigures {
  divisionName: string;
  /** Inclusive Shanghai dates, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** The Shanghai date the stock figures were judged on (the dashboard's `today`). */
  asOf: string;
  figures: DashboardFigures;
}

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

const sumOf = (items: readonly CountOf[], keys: readonly string[]) => items.filter((i) => keys.includes(i.key)).reduce((n, i) => n + i.count, 0);

function organisations(b: BriefingFigures, asOf: string): string {
  const o = b.figures.organisations;
  if (o.total === 0) return `${asOf}，${b.divisionName}尚未登记统战相关组织。`;
  let text = `${asOf}，${b.divisionName}共有各类组织${count(o.total)}个${among(breakdown(o.byType, '个', 'organisationTypes'))}。`;
  const m = o.members;
  if (m.total > 0) {
    // Member firms and member people are counted apart, never added up into one "会员N个".
    const kinds = [m.organisations > 0 ? `会员单位${count(m.organisations)}个` : '', m.people > 0 ? `个人会员${count(m.people)}名` : ''].filter(Boolean);
    text += `各组织现有${kinds.join('、')}`;
    const council = sumOf(m.byRole, ['council']);
    const leaders = sumOf(m.byRole, ['president', 'vice_president', 'secretary_general']);
    if (council > 0) text += `；理事${count(council)}个`;
    if (leaders > 0) text += `${council > 0 ? '，' : '；'}会长、副会长和秘书长${count(leaders)}个`;
    text += '。';
  }
  return text;
}

function venues(b: BriefingFigures, asOf: string): string {
  const v = b.figures.venues;
  if (v.total === 0) return `${asOf}，尚未登记统战阵地。`;
  const stars = v.byStars
    .filter((s) => s.count > 0 && s.key !== 'none')
    .sort((x, y) => Number(y.key) - Number(x.key))
    .map((s) => `${'一二三四五'[Number(s.key) - 1] ?? s.key}星级${count(s.count)}个`)
    .join('、');
  let text = `${asOf}，共建成统战阵地${count(v.total)}个${among(breakdown(v.byLevel, '个', 'venueLevels'))}。`;
  if (stars) text += `经星级评定，${stars}。`;
  return text;
}

function projects(b: BriefingFigures, asOf: string, period: string): string {
  const p = b.figures.projects;
  let text: string;
  if (p.total === 0) text = `${asOf}，项目清单暂无项目。`;
  else {
    text = `${asOf}，项目清单共有项目${count(p.total)}个${among(breakdown(p.byStatus, '个', 'projectStatuses'))}。`;
    text +=
      p.overdueMilestones > 0
        ? `有${count(p.overdueProjects)}个项目的${count(p.overdueMilestones)}个节点已逾期，需督促推进、形成闭环。`
        : '各项目节点均按期推进，无逾期节点。';
  }
  const c = b.figures.competitions;
  if (c.total > 0) {
    text += `${period}，组织评审${count(c.total)}项，参评项目${count(c.entries)}个`;
    text += c.awarded > 0 ? `，评出获奖项目${count(c.awarded)}个。` : '。';
  }
  return text;
}

function activities(b: BriefingFigures, period: string): string {
  const a = b.figures.activities;
  if (a.total.current === 0) return `${period}，未登记开展活动${comparison(a.total, '场')}。`;
  let text = `${period}，共开展活动${count(a.total.current)}场`;
  if (a.participants.current > 0) text += `，参与${count(a.participants.current)}人次`;
  text += `${among(breakdown(a.byKind, '场', 'activityKinds'))}${comparison(a.total, '场')}。`;
  return text;
}

function pairings(b: BriefingFigures, asOf: string): string {
  const programmes = b.figures.pairings.programmes;
  if (programmes.length === 0) return `${asOf}，尚未设立结对共建项目。`;
  const parts = programmes.map((p) =>
    p.shouldBePaired > 0
      ? `“${p.title}”应结对${count(p.shouldBePaired)}个，已结对${count(p.paired)}个，覆盖率${percent(p.paired / p.shouldBePaired)}`
      : `“${p.title}”已结对${count(p.paired)}个`,
  );
  return `${asOf}，共有结对共建项目${count(programmes.length)}个：${parts.join('；')}。`;
}

function requests(b: BriefingFigures, period: string, asOf: string): string {
  const c = b.figures.cases;
  let text: string;
  if (c.received.current > 0) {
    const rates = [
      c.responseRate.current !== null ? `按时响应率${percent(c.responseRate.current)}` : '',
      c.solveRate.current !== null ? `解决率${percent(c.solveRate.current)}` : '',
      c.satisfactionRate.current !== null ? `满意率${percent(c.satisfactionRate.current)}` : '',
    ].filter(Boolean);
    text = `${period}，共受理求助、咨询和建议${count(c.received.current)}件${comparison(c.received, '件')}`;
    text += rates.length ? `；${rates.join('，')}。` : '。';
  } else {
    text = `${period}，未受理求助、咨询和建议${comparison(c.received, '件')}。`;
  }
  const n = b.figures.needs;
  if (n.total > 0) {
    const claimed = sumOf(n.byState, ['claimed', 'fulfilled', 'confirmed']);
    const fulfilled = sumOf(n.byState, ['fulfilled', 'confirmed']);
    const open = sumOf(n.byState, ['open']);
    text += `${asOf}，共发布社区需求和微心愿${count(n.total)}个，已认领${count(claimed)}个，其中已完成${count(fulfilled)}个`;
    text += open > 0 ? `；待认领${count(open)}个。` : '。';
  }
  return text;
}

function moneyText(b: BriefingFigures, period: string): string {
  const m = b.figures.money;
  const i = b.figures.investment;
  const parts: string[] = [];
  if (m.campaigns > 0 || m.receivedFen.current > 0 || m.pledgedFen.current > 0) {
    parts.push(`开展慈善帮扶项目${count(m.campaigns)}个，新增认捐${money(m.pledgedFen.current)}，到账${money(m.receivedFen.current)}`);
  }
  if (i.signed.current > 0) parts.push(`签约招商引资项目${count(i.signed.current)}个${comparison(i.signed, '个')}，合同金额${money(i.contractFen.current)}`);
  const following = sumOf(i.byStage, ['lead', 'talks']);
  if (following > 0) parts.push(`在谈和跟进中的招商线索${count(following)}条`);
  if (i.talents.current > 0) parts.push(`引进人才${count(i.talents.current)}人`);
  if (parts.length === 0) return `${period}，暂无慈善帮扶和招商引资记录。`;
  return `${period}，${parts.join('；')}。`;
}

function publicity(b: BriefingFigures, period: string): string {
  const p = b.figures.publicity;
  if (p.articles.current === 0) return `${period}，未收录宣传报道${comparison(p.articles, '篇')}。`;
  const levels = p.byLevel
    .filter((item) => item.count > 0)
    .map((item) => `${label(item.key, 'publicity.levels')}${item.key === 'unknown' ? '' : '媒体'}${count(item.count)}篇`)
    .join('、');
  return `${period}，各类媒体刊发宣传报道${count(p.articles.current)}篇${among(levels)}${comparison(p.articles, '篇')}。`;
}

/**
 * The draft text of a briefing: one section per heading, each sentence stating figures in the
 * style of the published reports. Pure: the same figures always give the same text.
 *
 * @example
 * draftBriefing({ divisionName: '华新镇', from: '2026-01-01', to: '2026-11-25', asOf: '2026-11-25', figures })[0].text
 * // "截至2026年11月25日，华新镇共有各类组织157个，其中企业154个…各组织现有会员单位154个；理事34个。"
 */
export function draftBriefing(input: BriefingFigures): BriefingSection[] {
  // Stock figures are as of the day they were computed, which may be before the period's end.
  const asOf = `截至${chineseDate(input.asOf < input.to ? input.asOf : input.to)}`;
  const period = chinesePeriod(input.from, input.to);
  const texts: Record<BriefingSectionKey, string> = {
    organisations: organisations(input, asOf),
    venues: venues(input, asOf),
    projects: projects(input, asOf, period),
    activities: activities(input, period),
    pairings: pairings(input, asOf),
    requests: requests(input, period, asOf),
    money: moneyText(input, period),
    publicity: publicity(input, period),
  };
  return briefingSectionKeys.map((key) => ({ key, heading: briefingHeadings[key], text: texts[key] }));
}

/** The document title: `华新镇统战工作简报（2026年1月1日至11月25日）`. */
export function briefingTitle(divisionName: string, from: string, to: string): string {
  return `${divisionName}统战工作简报（${chinesePeriod(from, to)}）`;
}
