import type { BrandField, VenueLevel, VenueType } from '@tongxin/core';
import { demoOrganisationNames, jinshanPlatformMembers } from './registry-orgs.data.ts';

/*
 * Venues, brands and resources of the demo (see shared/design/demo-facts.md). Place names and the
 * counts are the published facts; venue names beyond the published ones, addresses, hotlines and
 * brand names are invented (hotlines are made-up landline numbers, never mobiles).
 */

export interface DemoBrand {
  division: string;
  name: string;
  field: BrandField | null;
  description: string;
}

export const demoBrands: DemoBrand[] = [
  { division: '上海市/青浦区/华新镇', name: '幸福华新·同心荟', field: null, description: '华新镇统战工作品牌：商会之家与幸福·新e园两个阵地。' },
  { division: '上海市/青浦区/赵巷镇', name: '同心巷聚', field: null, description: '赵巷镇统战工作品牌：40 个村居各有联络员，综合体与文化公园为阵地。' },
  { division: '上海市/金山区/枫泾镇', name: '枫泾·同心古镇', field: null, description: '枫泾镇统战工作品牌。' },
  { division: '上海市/金山区/金山卫镇', name: '卫城同心', field: null, description: '金山卫镇统战工作品牌。' },
  { division: '上海市/金山区/吕巷镇', name: '吕巷·同心果园', field: null, description: '吕巷镇统战工作品牌。' },
  { division: '上海市/金山区', name: '两新同心·金山服务', field: 'new_social_strata', description: '两新组织统战服务平台：18 家成员单位、19 个服务项目。' },
  { division: '广东省/中山市/横栏镇', name: '横栏港澳同胞之家', field: 'hk_macao_taiwan', description: '11 个村居各设港澳同胞服务中心。' },
];

export interface DemoVenue {
  division: string;
  name: string;
  type: VenueType;
  level: VenueLevel;
  stars?: number;
  address?: string;
  hotline?: string;
  hours?: string;
  owner?: string;
  brand?: string;
  isPublic: boolean;
  description?: string;
}

const weekdays = '周一至周五 9:00-17:00';
const everyday = '每天 9:00-17:00';

const henglanVillages = ['横东村', '横西村', '三沙村', '四沙村', '五沙村', '六沙村', '贴边村', '新茂村', '新丰村', '裕祥村', '宝裕村'];

/** 横栏镇: one service centre for Hong Kong and Macao compatriots in each of the 11 villages. */
const henglanCentres: DemoVenue[] = henglanVillages.map((village, i) => ({
  division: `广东省/中山市/横栏镇/${village}`,
  name: `${village}港澳同胞服务中心`,
  type: 'service_centre',
  level: 'town',
  address: `广东省中山市横栏镇${village}村委会一楼`,
  hotline: `0760-8770${String(1101 + i).padStart(4, '0')}`,
  hours: weekdays,
  brand: '横栏港澳同胞之家',
  isPublic: true,
  description: '为港澳同胞及其眷属提供政策咨询、证件办理指引和联谊服务。',
}));

/** 宿州: six service stations at city, county and village level (village stations sit at the lowest level, town). */
const suzhouStations: DemoVenue[] = [
  ['宿州市同心服务站', 'municipal'],
  ['宿州市新的社会阶层人士服务站', 'municipal'],
  ['埇桥区同心服务站', 'district'],
  ['砀山县同心服务站', 'district'],
  ['埇桥区桃园村同心服务站', 'town'],
  ['砀山县良梨村同心服务站', 'town'],
].map(([name, level], i) => ({
  division: '安徽省/宿州市',
  name: name!,
  type: 'service_station' as const,
  level: level as VenueLevel,
  hotline: `0557-3021${String(100 + i)}`,
  hours: weekdays,
  isPublic: true,
}));

/** 宣城: four practice bases, three in villages whose collective income passed 50万元. */
const xuanchengBases: DemoVenue[] = ['泾县同心实践创新基地', '宁国市同心实践创新基地', '绩溪县同心实践创新基地', '广德市同心实践创新基地'].map((name, i) => ({
  division: '安徽省/宣城市',
  name,
  type: 'practice_base',
  level: 'municipal',
  isPublic: false,
  description: i < 3 ? '所在村村集体经济收入超过 50 万元。' : '乡村振兴统战实践基地。',
}));

/** 安庆: twelve education bases — 2 national, 4 provincial, 6 municipal. */
const anqingLevels: VenueLevel[] = ['national', 'national', 'provincial', 'provincial', 'provincial', 'provincial', 'municipal', 'municipal', 'municipal', 'municipal', 'municipal', 'municipal'];
const anqingBases: DemoVenue[] = ['陈独秀故居', '邓稼先故居', '赵朴初故居', '黄梅戏艺术中心', '独秀园', '桐城文庙', '六尺巷', '天柱山统战教育基地', '严凤英纪念馆', '安庆民主党派历史陈列馆', '岳西同心教育基地', '潜山统战历史展馆'].map(
  (name, i) => ({ division: '安徽省/安庆市', name, type: 'education_base', level: anqingLevels[i]!, hours: '周二至周日 9:00-16:30', isPublic: true, hotline: `0556-5500${String(201 + i)}` }),
);

/** 黄山: bases in all seven districts and counties — 4 provincial, 2 municipal, 6 county-level. */
const huangshanBases: DemoVenue[] = (
  [
    ['屯溪区', '屯溪老街同心实践基地', 'provincial'],
    ['屯溪区', '屯溪区新阶层人士实践基地', 'district'],
    ['黄山区', '太平湖同心实践基地', 'provincial'],
    ['黄山区', '黄山区民宿业统战实践基地', 'district'],
    ['徽州区', '呈坎同心实践基地', 'municipal'],
    ['徽州区', '徽州区非公经济实践基地', 'district'],
    ['歙县', '歙县徽墨歙砚实践基地', 'provincial'],
    ['歙县', '歙县茶产业统战实践基地', 'district'],
    ['休宁县', '休宁县状元文化实践基地', 'municipal'],
    ['休宁县', '休宁县同心乡村振兴基地', 'district'],
    ['黟县', '西递宏村同心实践基地', 'provincial'],
    ['祁门县', '祁门红茶同心实践基地', 'district'],
  ] as const
).map(([district, name, level]) => ({ division: `安徽省/黄山市/${district}`, name, type: 'practice_base', level, isPublic: false }));

/** 贡井区: "1 + 5" — 同心汇智园 and five themed practice bases. */
const gongjingBases: DemoVenue[] = [
  { division: '四川省/自贡市/贡井区', name: '同心汇智园', type: 'practice_base', level: 'district', stars: 5, owner: demoOrganisationNames.gongjingAssociation, hotline: '0813-3301100', address: '四川省自贡市贡井区筱溪街道', hours: weekdays, isPublic: true, description: '新的社会阶层人士实践创新基地的总基地，已培训 300 余人次。' },
  ...['航空产业园', '盐文化', '乡村振兴', '网络人士', '公益服务'].map((theme) => ({
    division: '四川省/自贡市/贡井区',
    name: `${theme}实践基地`,
    type: 'practice_base' as const,
    level: 'district' as const,
    ...(theme === '航空产业园' ? { owner: demoOrganisationNames.gongjingBranch } : {}),
    isPublic: false,
  })),
];

/** 马鞍山: eighteen service platforms. */
const maanshanPlatforms: DemoVenue[] = [
  '马鞍山市新的社会阶层人士服务平台', '马鞍山市民营经济人士服务平台', '马鞍山市港澳台侨服务平台', '马鞍山市党外知识分子服务平台',
  '花山区同心服务平台', '雨山区同心服务平台', '博望区同心服务平台', '当涂县同心服务平台', '含山县同心服务平台', '和县同心服务平台',
  '马鞍山经开区同心服务平台', '慈湖高新区同心服务平台', '郑蒲港新区同心服务平台', '采石街道同心服务平台',
  '江心乡同心服务平台', '向山镇同心服务平台', '濮塘镇同心服务平台', '银塘镇同心服务平台',
].map((name, i) => ({
  division: '安徽省/马鞍山市',
  name,
  type: 'service_centre' as const,
  level: (i < 4 ? 'municipal' : i < 13 ? 'district' : 'town') as VenueLevel,
  hotline: `0555-2301${String(300 + i)}`,
  hours: weekdays,
  isPublic: true,
}));

export const demoVenues: DemoVenue[] = [
  { division: '上海市/青浦区/华新镇', name: '商会之家', type: 'chamber_home', level: 'town', stars: 4, owner: demoOrganisationNames.huaxinChamber, brand: '幸福华新·同心荟', address: '上海市青浦区华新镇华志路 1688 号', hotline: '021-59790101', hours: weekdays, isPublic: true, description: '华新镇商会 154 家会员企业的活动阵地。' },
  { division: '上海市/青浦区/华新镇', name: '幸福·新e园', type: 'practice_base', level: 'town', stars: 5, brand: '幸福华新·同心荟', address: '上海市青浦区华新镇新风路 88 号', hotline: '021-59790102', hours: everyday, isPublic: true, description: '新的社会阶层人士实践阵地，今年已开展活动 60 余场。' },
  { division: '上海市/青浦区/赵巷镇', name: '同心巷聚', type: 'complex', level: 'town', stars: 5, brand: '同心巷聚', address: '上海市青浦区赵巷镇业辉路 666 号', hotline: '021-59750301', hours: everyday, isPublic: true, description: '赵巷镇统战综合体，40 个村居联络员的议事和活动场所。' },
  { division: '上海市/青浦区/赵巷镇', name: '同心巷聚文化公园', type: 'culture_park', level: 'town', brand: '同心巷聚', address: '上海市青浦区赵巷镇业辉路 668 号', hours: '每天 6:00-21:00', isPublic: true },
  { division: '上海市/金山区', name: '金山区两新组织统战服务平台', type: 'service_centre', level: 'district', stars: 4, owner: demoOrganisationNames.jinshanPlatform, brand: '两新同心·金山服务', address: '上海市金山区卫零路 485 号', hotline: '021-57920485', hours: weekdays, isPublic: true, description: '18 家成员单位、19 个服务项目，3 家机构入驻。' },
  ...henglanCentres,
  ...suzhouStations,
  ...xuanchengBases,
  ...anqingBases,
  ...huangshanBases,
  ...gongjingBases,
  ...maanshanPlatforms,
];

/** The 19 service projects of the Jinshan platform: what its member units offer, as resources. */
export const jinshanProjects: Array<{ name: string; organisation: string; services: string[] }> = [
  ['法律体检进企业', 0, ['legal_advice']],
  ['劳动用工法律咨询', 12, ['legal_advice']],
  ['惠企政策解读会', 6, ['policy_interpretation']],
  ['税收政策辅导', 7, ['policy_interpretation']],
  ['财务规范化辅导', 1, ['training']],
  ['科技项目申报辅导', 16, ['project_application']],
  ['知识产权申报辅导', 4, ['project_application', 'legal_advice']],
  ['人才政策对接', 5, ['employment', 'policy_interpretation']],
  ['青年企业家成长营', 2, ['training']],
  ['新媒体运营培训', 3, ['training']],
  ['社会组织孵化指导', 8, ['project_application']],
  ['个体工商户帮扶', 9, ['funds', 'policy_interpretation']],
  ['民营企业融资对接', 13, ['funds']],
  ['创业指导服务', 11, ['employment']],
  ['私营企业合规讲堂', 10, ['legal_advice', 'training']],
  ['志愿服务进园区', 15, ['volunteers']],
  ['公共文化服务配送', 14, ['training']],
  ['商贸流通对接', 17, ['policy_interpretation']],
  ['职工心理关爱', 8, ['psychological']],
].map(([name, member, services]) => ({ name: name as string, organisation: jinshanPlatformMembers[member as number]!, services: services as string[] }));
