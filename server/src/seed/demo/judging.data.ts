import type { Role } from '@tongxin/core';

/**
 * Facts and invented details for the judging and money demo (shared/design/demo-facts.md):
 * Jinshan's innovation-project competition, Huangshan's base assessment, Henglan's charity,
 * Xujing's 同心筑梦, Gongjing's donations, Hefei's and Bozhou's investment. People are invented.
 */

/**
 * A number in [0, 1) from an integer, the same on every run (Knuth's multiplicative hash), so the
 * demo's scores and amounts never change between starts.
 *
 * @example
 * unit(7) // 0.3819…
 */
export function unit(n: number): number {
  return (Math.imul(n + 1, 2654435761) >>> 0) / 2 ** 32;
}

/**
 * Split a total in fen into parts proportional to `weights`, each rounded down to `step` fen, the
 * last taking the remainder, so the parts add up to the total exactly.
 *
 * @example
 * splitExact(1000, [1, 1, 1], 100) // [300, 300, 400]
 */
export function splitExact(totalFen: number, weights: number[], step: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.slice(0, -1).map((w) => Math.floor((totalFen * w) / sum / step) * step);
  const rest = totalFen - parts.reduce((a, b) => a + b, 0);
  if (rest <= 0) throw new Error('splitExact: the last part would not be positive');
  return [...parts, rest];
}

/** Add days to a `YYYY-MM-DD` date. */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Raters of Jinshan's competitions and Huangshan's assessors (password: the demo password). */
export const judgingUsers: Array<{ username: string; displayName: string; division: string; roles: Role[] }> = [
  { username: 'jinshan.assessor1', displayName: '沈建国', division: '上海市/金山区', roles: ['reviewer'] },
  { username: 'jinshan.assessor2', displayName: '陆敏华', division: '上海市/金山区', roles: ['reviewer'] },
  { username: 'jinshan.assessor3', displayName: '朱晓东', division: '上海市/金山区', roles: ['reviewer'] },
  { username: 'jinshan.expert1', displayName: '顾文清', division: '上海市/金山区', roles: ['reviewer'] },
  { username: 'jinshan.expert2', displayName: '钱立言', division: '上海市/金山区', roles: ['reviewer'] },
  { username: 'jinshan.expert3', displayName: '蒋慧琳', division: '上海市/金山区', roles: ['reviewer'] },
  { username: 'jinshan.rep1', displayName: '徐志强', division: '上海市/金山区/石化街道', roles: ['reviewer'] },
  { username: 'jinshan.rep2', displayName: '金秀芳', division: '上海市/金山区/朱泾镇', roles: ['reviewer'] },
  { username: 'jinshan.rep3', displayName: '张海平', division: '上海市/金山区/枫泾镇', roles: ['reviewer'] },
  { username: 'huangshan', displayName: '黄山青', division: '安徽省/黄山市', roles: ['division_admin', 'staff'] },
  { username: 'huangshan.assessor', displayName: '汪徽林', division: '安徽省/黄山市', roles: ['reviewer'] },
];

/** 360°: organisation assessors, experts and scholars, organisation representatives, members and public. */
export const competitionSettings = {
  groups: [
    { id: 'assessors', name: '组织考评', weight: 0.4 },
    { id: 'experts', name: '专家学者', weight: 0.3 },
    { id: 'reps', name: '组织代表', weight: 0.2 },
    { id: 'public', name: '成员及群众', weight: 0.1 },
  ],
  dimensions: [
    { id: 'innovation', name: '创新性', maxScore: 30, weight: 1, independent: false },
    { id: 'effect', name: '实效性', maxScore: 40, weight: 1, independent: false },
    { id: 'model', name: '示范性', maxScore: 30, weight: 1, independent: false },
    { id: 'recommend', name: '推荐参加市级评选', maxScore: 1, weight: 1, independent: true },
  ],
  aggregate: 'mean' as const,
  minReviews: 5,
  tieBreakGroupIds: ['experts', 'assessors'],
  precision: 2,
  awards: [
    { awardId: 'first', name: '一等奖', fromRank: 1, toRank: 1 },
    { awardId: 'second', name: '二等奖', fromRank: 2, toRank: 3 },
    { awardId: 'excellence', name: '优秀奖', fromRank: 4, toRank: 5 },
  ],
};

/** The 2025 entries, one per town of Jinshan (the district's own entry is a platform project). */
export const entries2025: Array<{ town: string; title: string; summary: string }> = [
  { town: '石化街道', title: '“石化同心”新阶层人士服务站', summary: '在社区和园区设立服务站，组织新阶层人士参与社区治理。' },
  { town: '朱泾镇', title: '“同心议事厅”两新组织协商项目', summary: '每月一次议事，两新组织代表与镇职能部门面对面协商。' },
  { town: '枫泾镇', title: '枫泾·同心古镇统战文化传承', summary: '依托古镇资源开展统战文化展陈和研学。' },
  { town: '张堰镇', title: '“南社同心”文化品牌建设', summary: '挖掘南社文化，打造统战文化品牌。' },
  { town: '亭林镇', title: '两新组织党建带统建项目', summary: '以党建带统建，覆盖镇域两新组织。' },
  { town: '吕巷镇', title: '吕巷·同心果园助农增收', summary: '组织企业家结对果农，拓宽销售渠道。' },
  { town: '廊下镇', title: '“同心田园”乡村振兴项目', summary: '新阶层人士参与田园综合体建设。' },
  { town: '金山卫镇', title: '卫城同心·红色教育基地共建', summary: '与抗战遗址纪念馆共建红色教育课程。' },
  { town: '漕泾镇', title: '化工区企业同心服务项目', summary: '为化工区企业提供政策解读和法律服务。' },
  { town: '山阳镇', title: '“海湾同心”新阶层实践项目', summary: '组织网络人士开展海湾旅游推介。' },
  { town: '金山工业区', title: '“同心驿站”企业服务项目', summary: '在园区设立驿站，一站式服务企业。' },
];

export const entries2026: Array<{ town: string; title: string }> = [
  { town: '枫泾镇', title: '古镇同心志愿服务联盟' },
  { town: '吕巷镇', title: '同心果园直播助农' },
  { town: '金山卫镇', title: '卫城新阶层人士联谊会阵地提升' },
  { town: '亭林镇', title: '两新组织人才驿站' },
  { town: '朱泾镇', title: '同心议事厅数字化' },
  { town: '漕泾镇', title: '化工区安全生产同心宣讲' },
];

/** Huangshan's yearly checklist for practice bases (实践创新基地). */
export const huangshanChecklist = {
  title: '黄山市统一战线实践创新基地年度考核细则',
  criteria: [
    { id: 'building', name: '阵地建设', maxPoints: 25, deduction: false },
    { id: 'rules', name: '制度规范', maxPoints: 20, deduction: false },
    { id: 'activities', name: '活动开展', maxPoints: 30, deduction: false },
    { id: 'impact', name: '作用发挥', maxPoints: 25, deduction: false },
    { id: 'incident', name: '安全责任事故（扣分）', maxPoints: 10, deduction: true },
  ],
  starThresholds: [
    { stars: 3, minTotal: 70 },
    { stars: 4, minTotal: 80 },
    { stars: 5, minTotal: 90 },
  ],
};

/** Talent intake fields of Hefei (双招双引). */
export const talentFields = ['集成电路', '新能源汽车', '人工智能', '生物医药', '新材料', '现代农业'];

/** Sectors of Hefei's Taiwan- and overseas-Chinese-funded projects, and Bozhou's agricultural ones. */
export const hefeiSectors = ['集成电路', '新型显示', '新能源汽车零部件', '智能家电', '生物医药', '精密制造', '现代服务业'];
export const bozhouSectors = ['中药材种植加工', '农产品加工', '高标准农田', '畜禽养殖', '冷链物流', '特色种植', '农业科技'];
/** Invented firm-name words (no real company is meant). */
export const hefeiFirmWords = ['宝岛', '日月潭', '阿里山', '新竹园', '台中港', '嘉南', '澎湖湾', '玉山', '淡水', '垦丁', '兰阳', '花莲', '南洋', '侨兴', '华侨城', '星洲', '槟城', '椰风', '海峡', '两岸'];
