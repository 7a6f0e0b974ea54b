/**
 * Names and dates of the demo work data (shared/design/demo-facts.md). Everything is derived from
 * an index, never from randomness, so two seeds on the same day are identical.
 */

/**
 * A date `days` after `date` (negative: before).
 *
 * @example
 * addDays('2026-11-25', -30) // "2026-10-26"
 */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The n-th of `count` dates spread evenly from `from` to `to` (inclusive).
 *
 * @example
 * spreadBetween(0, 4, '2026-01-01', '2026-01-31') // "2026-01-01"
 */
export function spreadBetween(n: number, count: number, from: string, to: string): string {
  const span = Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
  return addDays(from, Math.floor((n * (span + 1)) / Math.max(1, count)));
}

/** What goes on at 幸福·新e园 (Huaxin's community venue), cycled over its 60+ activities of the year. */
export const xinEActivities: Array<{ kind: string; title: string; summary: string }> = [
  { kind: 'volunteer_service', title: '邻里志愿服务日', summary: '志愿者为社区老人理发、测血压、维修小家电。' },
  { kind: 'study_session', title: '同心学堂·政策学习会', summary: '学习统一战线最新政策精神，交流学习体会。' },
  { kind: 'event', title: '亲子手工坊', summary: '组织社区亲子家庭开展非遗手工体验。' },
  { kind: 'training', title: '新就业形态劳动者技能培训', summary: '为快递、外卖骑手开展安全与技能培训。' },
  { kind: 'seminar', title: '商会会员企业座谈会', summary: '听取会员企业经营困难和诉求，现场交办。' },
  { kind: 'talk', title: '新阶层人士谈心交流', summary: '与新的社会阶层人士代表一对一谈心。' },
  { kind: 'visit', title: '困难群众走访慰问', summary: '走访慰问辖区困难家庭，送去慰问品。' },
  { kind: 'event', title: '“同心e站”便民服务集市', summary: '法律咨询、医疗义诊、政策解读等便民摊位。' },
];

/** 金山区两新组织统战服务平台: its 19 service projects (平台 18 家成员单位). */
export const jinshanServiceProjects = [
  '法律咨询进企业', '政策解读直通车', '项目申报辅导', '知识产权护航', '青年人才沙龙', '两新组织党建指导', '企业用工服务',
  '金融服务进园区', '税务咨询驿站', '新媒体从业人员联谊', '创业指导服务', '公益创投', '志愿服务联盟', '商贸流通对接',
  '科技创新服务', '社会组织孵化', '公共文化进企业', '心理健康关爱', '营商环境监督',
];

/** Qingpu's town projects: where, what, who is responsible, and how far each has got. */
export const qingpuProjects: Array<{
  town: string;
  title: string;
  goal: string;
  organisation: string | null;
  status: 'planned' | 'active' | 'done' | 'reviewed';
  /** Milestones: title, due date in days from today, state. */
  milestones: Array<[string, number, 'open' | 'evidenced' | 'unevidenced']>;
}> = [
  {
    town: '上海市/青浦区/华新镇',
    title: '商会“同心惠企”服务行动',
    goal: '走访全部 154 家会员企业，梳理问题清单并逐项办结',
    organisation: '华新镇商会',
    status: 'active',
    milestones: [['走访会员企业', -60, 'evidenced'], ['召开政策宣讲会', -20, 'open'], ['形成助企问题清单', 25, 'open']],
  },
  {
    town: '上海市/青浦区/华新镇',
    title: '“幸福·新e园”阵地提升',
    goal: '完善阵地功能，全年开展活动 60 场以上',
    organisation: '华新镇商会',
    status: 'active',
    milestones: [['活动室改造', -45, 'unevidenced'], ['志愿服务排班上墙', -5, 'open'], ['年度活动总结', 35, 'open']],
  },
  {
    town: '上海市/青浦区/华新镇',
    title: '新联会青年人才联谊计划',
    goal: '吸纳青年新阶层人士参加联谊活动',
    organisation: null,
    status: 'planned',
    milestones: [['确定联谊对象名单', 20, 'open'], ['首次联谊活动', 50, 'open']],
  },
  {
    town: '上海市/青浦区/赵巷镇',
    title: '“同心巷聚”村居联络员全覆盖',
    goal: '40 个村居每村一名联络员，季度座谈一次',
    organisation: null,
    status: 'done',
    milestones: [['选聘联络员', -200, 'evidenced'], ['联络员培训', -150, 'evidenced'], ['首次季度座谈', -120, 'evidenced']],
  },
  {
    town: '上海市/青浦区/赵巷镇',
    title: '同心文化公园宣传阵地建设',
    goal: '建成统战文化宣传长廊',
    organisation: null,
    status: 'reviewed',
    milestones: [['方案设计', -300, 'evidenced'], ['施工建设', -220, 'evidenced']],
  },
  {
    town: '上海市/青浦区/徐泾镇',
    title: '“同心筑梦”助学捐赠',
    goal: '商会会员企业向镇内学校捐赠学习用品和奖学金',
    organisation: '徐泾镇商会',
    status: 'active',
    milestones: [['捐赠签约', -90, 'evidenced'], ['物资发放', -3, 'open'], ['受助学生回访', 40, 'open']],
  },
  {
    town: '上海市/青浦区',
    title: '“一街镇一品牌”培育',
    goal: '各街镇统战品牌年内形成特色案例',
    organisation: null,
    status: 'active',
    milestones: [['各街镇申报品牌', -30, 'unevidenced'], ['品牌评审', -8, 'open'], ['案例汇编', 45, 'open']],
  },
];

/** Villages of Bozhou (万企兴万村): 52 × 8 = 416 ≥ 412 names from place words × a village word. */
export const bozhouVillageWords = [
  '李庄', '王楼', '张集', '刘寨', '陈庙', '杨湖', '赵桥', '孙圩', '周店', '吴营', '郑岗', '徐洼', '朱庄',
  '胡楼', '高集', '林寨', '何庙', '马湖', '罗桥', '梁圩', '宋店', '郭营', '唐岗', '韩洼', '冯庄', '曹楼',
  '彭集', '曾寨', '肖庙', '田湖', '董桥', '袁圩', '潘店', '蒋营', '蔡岗', '余洼', '杜庄', '叶楼', '程集',
  '魏寨', '苏庙', '吕湖', '丁桥', '沈圩', '任店', '姚营', '卢岗', '姜洼', '崔庄', '钟楼', '谭集', '陆寨',
];
export const bozhouVillageSuffixes = ['村', '东村', '西村', '南村', '北村', '前村', '后村', '新村'];

/** Rural projects of Bozhou's paired enterprises (200+). */
export const bozhouRuralProjectKinds = ['中药材种植基地', '特色农产品加工', '乡村电商服务站', '光伏扶贫电站', '乡村道路硬化', '村集体养殖场'];

/** Notes of Zhaoxiang cadres' contacts with their villages' liaison officers. */
export const contactNotes = ['了解村民诉求', '交流村居治理经验', '听取对镇里工作的意见建议', '走访慰问', '商议季度座谈议题', '协调解决实际困难'];
