/**
 * Invented publicity reports for the demo: short, in the shape of the scraped originals (title,
 * date and source line, body), so the archive, its counts by medium level and search have
 * something to show. Facts follow shared/design/demo-facts.md; the wording is made up.
 */
export interface DemoArticle {
  /** Division path of names. */
  division: string;
  title: string;
  source: string;
  body: string[];
  /** Days before the seed date it was published. */
  daysAgo: number;
}

export const demoArticles: DemoArticle[] = [
  { division: '上海市/青浦区/华新镇', title: '华新镇商会之家成为企业温暖港湾', source: '人民网', daysAgo: 20, body: ['华新镇商会拥有会员企业154家，理事企业34家，先后获得8项荣誉。', '商会之家内含商会综合办公、成果展示和以商引商服务三大区域。'] },
  { division: '上海市/青浦区/华新镇', title: '“幸福·新e园”今年开展活动60余场', source: '解放日报', daysAgo: 45, body: ['“幸福·新e园”面向新就业群体，今年已开展各类活动60余场。', '华新镇统战干部定期走访园区企业，听取意见建议。'] },
  { division: '上海市/青浦区/华新镇', title: '华新镇召开新的社会阶层人士座谈会', source: '青浦报', daysAgo: 80, body: ['座谈会上，新联会会员围绕营商环境建言献策，共提出建议12条。'] },
  { division: '上海市/青浦区/赵巷镇', title: '赵巷镇40个村居实现联络员全覆盖', source: '新民晚报', daysAgo: 30, body: ['赵巷镇40个村居各有1名统战联络员，做到底数清、情况明。'] },
  { division: '上海市/青浦区/赵巷镇', title: '“同心巷聚”综合体与文化公园向市民开放', source: '青浦报', daysAgo: 95, body: ['“同心巷聚”综合体设有议事厅、展示区和文化公园，全年免费开放。'] },
  { division: '上海市/青浦区/徐泾镇', title: '徐泾镇商会“同心筑梦”捐资助学', source: '东方网', daysAgo: 60, body: ['徐泾镇商会会员企业向镇内3所学校捐赠图书和学习用品。'] },
  { division: '上海市/青浦区', title: '青浦区举办统战干部培训班', source: '中国新闻网', daysAgo: 15, body: ['青浦区委统战部和社会主义学院联合举办统战干部培训班，学员120人。', '与会人员现场调研了华新镇商会之家等统战特色阵地。'] },
  { division: '上海市/青浦区', title: '青浦区基层统战工作责任制现场会召开', source: '青浦报', daysAgo: 120, body: ['现场会总结推广基层统战工作责任制经验，11个街镇作交流发言。'] },
  { division: '上海市/金山区', title: '金山区两新组织达4077家', source: '金山报', daysAgo: 25, body: ['截至2021年底，金山区共有新经济组织和新社会组织4077家。'] },
  { division: '上海市/金山区', title: '金山区服务平台服务企业50家', source: '解放日报', daysAgo: 70, body: ['服务平台有成员单位18家、服务项目19个，已服务企业50家，提供法律咨询、政策解读等服务180次。'] },
  { division: '上海市/金山区', title: '金山区创新项目评审揭晓5个优胜项目', source: '文汇报', daysAgo: 140, body: ['来自各街镇的10余个创新项目参加360度评审，5个项目获评优胜。'] },
  { division: '上海市/金山区/枫泾镇', title: '枫泾镇打造统战品牌', source: '金山报', daysAgo: 50, body: ['枫泾镇依托古镇资源，打造一街镇一品牌。'] },
  { division: '安徽省/合肥市', title: '合肥引进台侨资项目133个', source: '安徽日报', daysAgo: 35, body: ['2018年以来，合肥市引进人才200余名，台侨资项目133个，合同投资额总计480.4亿元。', '全年举办网上对接会8场。'] },
  { division: '安徽省/合肥市', title: '合肥召开海外联谊视频会', source: '中国新闻网', daysAgo: 100, body: ['视频会连线海外侨团代表，共话合作发展。'] },
  { division: '安徽省/亳州市', title: '亳州412家民营企业结对帮扶412个村', source: '人民日报', daysAgo: 40, body: ['亳州市412家民营企业与412个村结对，实施乡村项目200余个，发放贷款3000万元。'] },
  { division: '安徽省/亳州市', title: '亳州签约农业招商项目80个', source: '安徽日报', daysAgo: 110, body: ['亳州市签约农业招商项目约80个，总投资240亿元。'] },
  { division: '安徽省/蚌埠市', title: '蚌埠民主党派与21个社区结对', source: '团结报', daysAgo: 55, body: ['各民主党派与21个社区结对，开展服务项目21个，每季度召开一次交流会。'] },
  { division: '安徽省/六安市', title: '六安29个党派支部中13个与社区结对', source: '安徽日报', daysAgo: 65, body: ['六安市29个党派支部已有13个与社区结对，年底前实现全覆盖。'] },
  { division: '安徽省/宿州市', title: '宿州同心展馆参观人次超2万', source: '安徽日报', daysAgo: 75, body: ['宿州市建成市县村三级服务站6个，同心展馆累计参观20000余人次。'] },
  { division: '四川省/自贡市/贡井区', title: '贡井区新联会成立航空产业园支部', source: '四川日报', daysAgo: 85, body: ['贡井区新联会在航空产业园成立会员支部，建成“同心汇智园”和5个主题实践基地。', '累计培训300余人次，捐款20万元以上。'] },
  { division: '四川省/自贡市/贡井区', title: '贡井区新联会制定8项制度', source: '自贡日报', daysAgo: 160, body: ['新联会制定议事、学习等8项制度，规范会员管理。'] },
  { division: '广东省/中山市/横栏镇', title: '横栏镇商会三年募集善款1920万元', source: '南方日报', daysAgo: 28, body: ['横栏镇商会联系78个组织、470余名会员，三年来募集善款1920万元以上，向结对县拨付帮扶资金34.6万元。'] },
  { division: '广东省/中山市/横栏镇', title: '横栏镇11个村居建成港澳同胞服务中心', source: '广州日报', daysAgo: 90, body: ['横栏镇11个村居均设港澳同胞服务中心，开展活动30余场，接待来访40人次，解决问题20余个。'] },
];

/** Tongling (铜陵): 40 stories published (demo-facts). Each a different theme, place and number. */
const tonglingThemes = ['微心愿认领', '志愿服务进社区', '创业项目路演', '金点子征集', '同心助学', '义诊进乡村', '法律咨询进企业', '民族团结联谊', '非遗文化展示', '科技下乡服务'];
const tonglingPlaces = ['铜官区', '义安区', '郊区', '枞阳县'];
const tonglingSources = ['安徽日报', '人民网', '铜陵日报', '中国新闻网', '新华网'];

export const tonglingStories: DemoArticle[] = Array.from({ length: 40 }, (_, i) => {
  const theme = tonglingThemes[i % tonglingThemes.length]!;
  const place = tonglingPlaces[Math.floor(i / tonglingThemes.length) % tonglingPlaces.length]!;
  return {
    division: '安徽省/铜陵市',
    title: `铜陵${place}开展“${theme}”活动（第${i + 1}期）`,
    source: tonglingSources[i % tonglingSources.length]!,
    daysAgo: 5 + i * 8,
    body: [
      `${place}统战部门组织${theme}活动，参与群众${30 + ((i * 17) % 90)}人次，收集心愿和金点子${3 + (i % 9)}条。`,
      `本期活动由${['第一', '第二', '第三', '第四'][i % 4]}志愿服务队承办，编号TL${String(i + 1).padStart(3, '0')}。`,
    ],
  };
});

/** The article text as a scraper would keep it: title, date and source line, paragraphs. */
export function articleText(article: DemoArticle, at: string): string {
  const date = new Date(Date.parse(at) - article.daysAgo * 86_400_000).toISOString().slice(0, 10);
  const [year, month, day] = date.split('-');
  return [article.title, `${year}年${month}月${day}日 来源：${article.source}`, ...article.body].join('\n\n');
}
