import { describe, expect, it } from 'vitest';
import { readSample, samplesAvailable } from '../testing/samples.ts';
import { cleanArticle, removePinyinAnnotations } from './clean.ts';

const anhui = readSample('article-anhui-traditional-annotated.txt');
const qingpu = readSample('article-qingpu-simplified.txt');

// The acceptance check of the brief: a Han character followed by a parenthesised marked syllable.
const leftoverPinyin = /[\u4e00-\u9fff][(（][a-zü]+[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/i;
// Pieces of site chrome that appear in the samples; none may survive as (part of) a paragraph.
const chrome = [
  '分享到', '大字體', '小字體', '發表評論', '文明上網', '不代表中新社', '未經授權', 'Copyright', 'All Rights Reserved',
  '您的位置', '本文来自网络', '转载请注明', '为您推荐', '联系我们', '18079759494', '在线咨询', '邮箱', '工作时间',
  '返回顶部', 'baixiuhui1',
];

describe.skipIf(!samplesAvailable())('cleanArticle on the traditional sample with pinyin annotations', () => {
  const cleaned = cleanArticle(anhui);

  it('leaves no pinyin annotation after a Han character', () => {
    expect(cleaned.text).not.toMatch(leftoverPinyin);
  });

  it('counts every single-syllable annotation that follows a Han character', () => {
    // …and the one after a garbled run's ASCII tail (當?shù)剞r(nóng), see garble.ts).
    const independentCount = anhui.match(/\p{Script=Han}[\x40-\x7e]?[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/gu)?.length ?? 0;
    expect(independentCount).toBeGreaterThan(250);
    expect(cleaned.removed.pinyin).toBe(independentCount);
  });

  it('gives the exact clean text of paragraphs, ordinary parentheses kept', () => {
    expect(cleaned.paragraphs).toContain(
      '滁州市構建大統戰工作格局,推動市縣鄉三級黨委成立統戰工作領導小組。目前,市本級和8個縣(市、區)、111個鄉(鎮、街道)黨委全部成立了統戰工作領導小組,市縣兩級均制定了統戰工作領導小組成員單位工作職責。增強基層機構力量,市縣兩級同步推動設立統戰事務服務中心建設,目前,市縣兩級統戰事務服務中心實現全覆蓋,增設統戰工作機構9個,增加事業編制33名。加強干部隊伍建設,市本級及8個縣(市、區)9名黨委統戰部部長全部由同級黨委常委擔任。',
    );
    expect(cleaned.paragraphs).toContain('蚌埠市創新社區統戰工作方法途徑,積極探索“黨派+社區”模式,推動民主黨派和21個社區結對共建,助力社區發展。');
    expect(cleaned.paragraphs).toContain('匯聚統戰力量 助力“雙招雙引”');
  });

  it('keeps ordinary parentheses', () => {
    for (const kept of ['黨組(黨委)', '數百家(個)', '工作站(服務中心)', '村(社區)', '縣(市、區)']) expect(cleaned.text).toContain(kept);
  });

  it('starts with the title once, then the dateline, and ends with the editor', () => {
    expect(cleaned.paragraphs.slice(0, 3)).toEqual([
      '奮力譜寫江淮大地統戰工作新篇章',
      '2022年07月27日 11:04 來源:《中國新聞》報',
      '圖為黃山迎客松。成展鵬 攝',
    ]);
    expect(cleaned.paragraphs.at(-1)).toBe('【編輯:唐煒妮】');
    expect(cleaned.paragraphs.at(-2)).toBe('本版文字均由中共安徽省委統戰部提供');
  });

  it('drops the site chrome and says what it dropped', () => {
    for (const piece of chrome) expect(cleaned.text).not.toContain(piece);
    expect(cleaned.removed.boilerplateLines).toEqual(
      expect.arrayContaining(['分享到:', '大字體', '小字體', '評論', '頂部', 'Copyright ©1999-2024 chinanews.com. All Rights Reserved']),
    );
  });

  it('keeps every section heading as its own paragraph', () => {
    for (const city of ['合肥市', '淮北市', '亳州市', '宿州市', '蚌埠市', '阜陽市', '淮南市', '滁州市', '六安市', '蕪湖市', '馬鞍山市', '宣城市', '銅陵市', '池州市', '安慶市', '黃山市']) {
      expect(cleaned.paragraphs).toContain(city);
    }
  });

  it('separates paragraphs with blank lines', () => {
    expect(cleaned.text.split('\n\n')).toEqual(cleaned.paragraphs);
  });
});

describe.skipIf(!samplesAvailable())('cleanArticle on the simplified sample', () => {
  const cleaned = cleanArticle(qingpu);

  it('keeps the title, the dateline paragraph and the byline parentheses', () => {
    expect(cleaned.paragraphs[0]).toBe('上海青浦:统战舞台广阔 展现作为担当');
    expect(cleaned.paragraphs[1]).toBe(
      '上海5月28日电(记者 范宇斌)基层统战工作作为党建工作中不可或缺的一部分,是基层治理和基层党建的重要组成。在青浦区,基层统战工作服务高质量发展,积极探索和开展举措,落地生根,取得实效。',
    );
  });

  it('drops the truncated teaser that repeats the first paragraph', () => {
    expect(cleaned.paragraphs.filter((p) => p.startsWith('上海5月28日电'))).toHaveLength(1);
    expect(cleaned.text).not.toContain('在…');
  });

  it('ends with the last paragraph of the story', () => {
    expect(cleaned.paragraphs.at(-1)).toMatch(/^据了解,青浦区鼓励基层探索创新.*品牌矩阵效应。$/);
  });

  it('drops the site chrome', () => {
    for (const piece of chrome) expect(cleaned.text).not.toContain(piece);
    expect(cleaned.removed.pinyin).toBe(0);
  });

  it('keeps numbers written with spaces as they are', () => {
    expect(cleaned.text).toContain('累计开展活动 60 余场');
  });
});

describe('removePinyinAnnotations', () => {
  const strip = (text: string) => removePinyinAnnotations(text).text;

  it.each([
    ['統(tǒng)戰(zhàn)工作', '統戰工作'],
    ['統戰(tǒng zhàn)工作', '統戰工作'],
    ['統戰(tǒngzhàn)工作', '統戰工作'],
    ['绿(lǜ)色', '绿色'],
    ['旅(lǚ)游', '旅游'],
    ['绿(lv4)色', '绿色'],
    ['驴(lv2)', '驴'],
    ['女(nü3)', '女'],
    ['统(tong3)战(zhan4)', '统战'],
    ['統（tǒng）戰（zhàn）', '統戰'],
    ['統(tǒng）戰', '統戰'],
    ['西安(xī\'ān)', '西安'],
    ['縣(市、區(qū))', '縣(市、區)'],
    ['𠀋(lǚ)', '𠀋'],
  ])('removes the annotation in %s', (input, expected) => {
    expect(strip(input)).toBe(expected);
  });

  it.each([
    '上海5月28日电(记者 范宇斌)基层',
    '8个县(市、区)',
    '自(2022)年',
    '工作会议召开。(完)',
    '(資料圖 貢井區委統戰部 供圖)',
    '新闻(来源:金山报)',
    '咖啡(café)',
    '统战(ok)',
    '同心(tongxin)',
    '"統"(tǒng)',
    'abc(tǒng)',
    '2022(zhàn)',
    '展区(A1)',
    '型号(n1)',
    '統(tǒng zhàn)',
  ])('keeps %s as it is', (input) => {
    expect(strip(input)).toBe(input);
  });

  it('counts what it removed', () => {
    expect(removePinyinAnnotations('統(tǒng)戰(zhàn)(2022)').count).toBe(2);
  });
});

describe('cleanArticle on hand-written chrome', () => {
  it.each([
    '【字体：大 中 小】', '字号：大 中 小', '【打印】【关闭】', '打印本页 关闭窗口', '返回顶部', 'Return to top', 'TOP',
    '当前位置：首页 > 新闻中心 > 正文', '首页 > 工作动态', '版权所有：中共某某区委统战部', '沪ICP备12345678号-1',
    '地址：上海市青浦区公园路100号 邮编：201700', '联系电话：021-12345678', 'E-mail: office@example.cn',
    '扫一扫在手机打开当前页', '上一篇：某某工作会议召开', '浏览次数：1234', '分享至：微信 微博 QQ空间', 'www.example.gov.cn',
  ])('drops %s', (line) => {
    const cleaned = cleanArticle(`标题在这里\n\n${line}\n\n正文第一段，讲述统战工作。`);
    expect(cleaned.paragraphs).toEqual(['标题在这里', '正文第一段，讲述统战工作。']);
    expect(cleaned.removed.boilerplateLines).toEqual([line]);
  });

  it.each([
    '会议强调，要做好统战工作，保护知识产权和版权，落实责任。',
    '活动地址设在青浦区华新镇商会之家，欢迎各界人士参加，共同推动发展。',
    '(来源:金山报)',
    '责任编辑：张三',
    '打印机',
  ])('keeps %s', (line) => {
    expect(cleanArticle(`标题\n\n${line}`).paragraphs).toContain(line);
  });

  it('drops a list of related stories but not the story after it', () => {
    const cleaned = cleanArticle('标题\n\n正文。\n\n相关新闻\n\n某区召开统战工作会议\n\n某镇商会成立\n\n这是一段很长的正文，讲述了统战工作的具体情况，有很多句子，一共超过四十个字，不是标题而是正文。');
    expect(cleaned.paragraphs).toEqual(['标题', '正文。', '这是一段很长的正文，讲述了统战工作的具体情况，有很多句子，一共超过四十个字，不是标题而是正文。']);
  });

  it('collapses a line repeated right after itself', () => {
    expect(cleanArticle('图为迎客松。\n图为迎客松。\n正文。').paragraphs).toEqual(['图为迎客松。', '正文。']);
  });
});
