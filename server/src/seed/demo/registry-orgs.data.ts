/**
 * Word lists for the invented organisations and people of the demo registry (see
 * shared/design/demo-facts.md). Every firm, association member and person is made up; names are
 * built from these lists by index, so the demo is the same on every run.
 */

/** Names other seeders may look up (venues, campaigns, pairings link to these organisations). */
export const demoOrganisationNames = {
  huaxinChamber: '华新镇商会',
  xujingChamber: '徐泾镇商会',
  jinshanPlatform: '金山区两新组织统战服务平台',
  henglanCommittee: '横栏镇商会委员会',
  gongjingAssociation: '贡井区新的社会阶层人士联谊会',
  gongjingBranch: '贡井区新联会航空产业园分会',
} as const;

/** 22 × 7 = 154: exactly one name per member enterprise of the Huaxin chamber. */
export const huaxinWords = [
  '恒通', '宏达', '金源', '瑞丰', '华腾', '永信', '嘉诚', '鑫盛', '广裕', '联合', '东升',
  '天成', '博远', '正泰', '合力', '新锐', '汇丰', '同创', '信达', '凯旋', '明晟', '润泽',
];
export const huaxinIndustries = ['机械', '电子', '物流', '包装', '精密模具', '五金', '新材料'];

export const xujingWords = ['虹桥', '徐盈', '蟠龙', '明珠', '前明', '金云', '光联', '龙阳', '诸光', '西虹', '华徐', '盈港'];
export const xujingIndustries = ['建设', '会展服务'];

/** Short town names for the Jinshan 两新组织: the prefix of each generated name. */
export const jinshanWords = [
  '恒远', '启明', '海湾', '滨海', '金石', '枫林', '朱雀', '新港', '卫城', '山阳', '廊桥', '漕河', '亭苑', '张泾',
  '石化', '吕巷', '乐业', '同心', '远航', '和美', '兴业', '晨曦', '沪南', '浦江', '锦程', '蓝天', '青禾', '晓星',
  '嘉禾', '云帆', '泰和', '宏图', '立信', '众诚', '德隆', '安和', '宁远', '长风', '清源', '致远',
];
/** 新经济组织 (firms) and 新社会组织 (social organisations) alike count as 两新组织. */
export const jinshanKinds = [
  '科技有限公司', '贸易有限公司', '实业有限公司', '信息技术有限公司', '设计工作室',
  '行业协会', '社会工作服务社', '文化促进会', '律师事务所', '会计师事务所',
];

export const jinshanPlatformMembers = [
  '金山区律师协会', '金山区会计学会', '金山区青年企业家协会', '金山区新媒体从业人员联谊会', '金山区知识产权服务中心',
  '金山区人才服务中心', '金山区企业服务中心', '金山区税务咨询服务站', '金山区社会组织服务中心', '金山区个体劳动者协会',
  '金山区私营企业协会', '金山区创业指导服务站', '金山区法律援助中心', '金山区金融服务工作站', '金山区公共文化服务中心',
  '金山区志愿服务指导中心', '金山区科技创新服务中心', '金山区商贸流通协会',
];

/** 26 × 3 = 78: the organisations linked to Henglan's chamber committee (横栏 is a lighting town). */
export const henglanWords = [
  '华艺', '明辉', '光宇', '星耀', '永明', '欧灯', '雅光', '恒辉', '银河', '金辉', '朗晴', '美澜', '新丰',
  '裕祥', '宝裕', '三沙', '贴边', '横东', '晶彩', '丽光', '艺辉', '臻光', '汇明', '启辉', '远景', '亮点',
];
export const henglanIndustries = ['灯饰有限公司', '照明电器有限公司', '五金制品有限公司'];

/** 亳州: 52 × 8 = 416 ≥ 412 private enterprises (later paired with 412 villages). */
export const bozhouWords = [
  '华佗', '药都', '涡河', '谯城', '蒙城', '利辛', '古井', '曹操', '花戏', '庄周', '芍花', '北关', '汤陵',
  '道德', '嵇康', '陈抟', '淝河', '茨淮', '西淝', '双沟', '楚村', '马店', '板桥', '丹城', '义门', '高炉',
  '龙山', '店集', '新兴', '曹市', '城父', '十八里', '牛集', '十河', '五马', '魏岗', '观堂', '大杨', '张店',
  '沙土', '古城', '芦庙', '淝南', '阚疃', '展沟', '孙集', '江集', '汝集', '旧城', '永兴', '纪王', '望疃',
];
export const bozhouIndustries = ['中药材有限公司', '农业科技有限公司', '食品有限公司', '酒业有限公司', '商贸有限公司', '建材有限公司', '物流有限公司', '农产品加工有限公司'];

/** The democratic parties (民主党派) whose branches appear in Bengbu and Lu'an. */
export const democraticParties = ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社'];

export const bengbuCommunities = [
  '朝阳', '淮河', '东风', '红旗', '胜利', '青年', '延安', '解放', '南山', '涂山', '天桥', '华光', '宏业', '张公山',
  '大庆', '治淮', '纬四', '凤阳路', '工农', '长征', '龙华',
];

export const luanCommunities = [
  '鼓楼', '东市', '西市', '三里桥', '清水河', '梅山', '望城', '城北', '小华山', '平桥', '佛子岭', '南湖', '新安',
  '江店', '椿树', '万佛湖', '汤池', '城南', '丁集', '先生店', '三元', '城关', '白大', '五显', '漫水河', '诸佛庵',
  '古碑', '梅园', '叶集',
];

/** Invented people: surname × given name gives every person in one run a distinct name. */
export const surnames = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
];
export const givenNames = [
  '建华', '志强', '秀英', '海燕', '国平', '丽娟', '文博', '晓东', '春梅', '明辉', '雪芳', '立新', '嘉怡', '宏伟', '玉兰',
  '子涵', '俊杰', '慧敏', '德明', '静怡', '振宇', '思远', '晓燕', '伟民', '桂芳',
];

/**
 * The n-th invented name (distinct for n < surnames × given names = 1,000).
 *
 * @example
 * personName(0) // "王建华"
 */
export function personName(n: number): string {
  return `${surnames[n % surnames.length]}${givenNames[Math.floor(n / surnames.length) % givenNames.length]}`;
}

/**
 * A phone in the reserved demo range 1390000xxxx (no real subscriber), by number.
 *
 * @example
 * demoPhone(7) // "13900000007"
 */
export function demoPhone(n: number): string {
  return `1390000${String(n).padStart(4, '0')}`;
}

/**
 * A deterministic date between two years, from an index (no randomness: the demo must not change).
 *
 * @example
 * spreadDate(3, 2005, 2020) // "2010-04-06"
 */
export function spreadDate(n: number, fromYear: number, toYear: number): string {
  const year = fromYear + (n * 7) % (toYear - fromYear + 1);
  const month = 1 + (n * 5) % 12;
  const day = 1 + (n * 11) % 28;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
