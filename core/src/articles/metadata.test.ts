import { describe, expect, it } from 'vitest';
import { readSample, samplesAvailable } from '../testing/samples.ts';
import { cleanArticle } from './clean.ts';
import { extractMetadata, matchMedium } from './metadata.ts';
import type { MediaEntry } from './media.ts';

const read = (name: string) => cleanArticle(readSample(name)).text;

describe.skipIf(!samplesAvailable())('extractMetadata on the traditional sample', () => {
  const metadata = extractMetadata(read('article-anhui-traditional-annotated.txt'), { now: new Date('2024-06-01T00:00:00Z') });

  it('reads title, date and time', () => {
    expect(metadata.title).toBe('奮力譜寫江淮大地統戰工作新篇章');
    expect(metadata.publishedAt).toBe('2022-07-27T11:04:00+08:00');
  });

  it('reads the source and places it among central media', () => {
    expect(metadata.source).toBe('《中國新聞》報');
    expect(metadata.medium).toBe('中国新闻社');
    expect(metadata.level).toBe('central');
  });

  it('reads the editor and no author (a photographer is not one)', () => {
    expect(metadata.editors).toEqual(['唐煒妮']);
    expect(metadata.authors).toEqual([]);
  });
});

describe.skipIf(!samplesAvailable())('extractMetadata on the simplified sample', () => {
  const text = read('article-qingpu-simplified.txt');

  it('reads title and the reporter of the dateline', () => {
    const metadata = extractMetadata(text, { now: new Date('2024-06-01T00:00:00Z') });
    expect(metadata.title).toBe('上海青浦:统战舞台广阔 展现作为担当');
    expect(metadata.authors).toEqual(['范宇斌']);
    expect(metadata.editors).toEqual([]);
  });

  it('infers the year of 5月28日电 from now, never in the future', () => {
    expect(extractMetadata(text, { now: new Date('2024-06-01T00:00:00Z') }).publishedAt).toBe('2024-05-28');
    expect(extractMetadata(text, { now: new Date('2024-03-01T00:00:00Z') }).publishedAt).toBe('2023-05-28');
  });

  it('names no source when the dateline names only a place', () => {
    const metadata = extractMetadata(text);
    expect(metadata.source).toBeNull();
    expect(metadata.level).toBeNull();
  });
});

describe('extractMetadata on hand-written cases', () => {
  const now = new Date('2024-06-01T00:00:00Z');

  it('infers a dateline year from other dates in the text', () => {
    const text = '标题一二\n\n中新网四川新闻 5月28日电 正文。2021年3月5日，会议召开。';
    const metadata = extractMetadata(text, { now });
    expect(metadata.publishedAt).toBe('2021-05-28');
    expect(metadata.source).toBe('中新网');
    expect(metadata.level).toBe('central');
  });

  it('moves the year on when the dateline is early in the year after the dates mentioned', () => {
    const text = '标题一二\n\n新华社北京1月3日电 2023年12月30日，某会议召开。';
    expect(extractMetadata(text, { now }).publishedAt).toBe('2024-01-03');
  });

  it('reads 来源 in parentheses and a plain ISO date', () => {
    const metadata = extractMetadata('区里开了会\n\n2022-07-27\n\n正文。(来源:金山报)', { now });
    expect(metadata).toMatchObject({ title: '区里开了会', publishedAt: '2022-07-27', source: '金山报', level: 'local' });
  });

  it('reads 来源： with a full-width colon and a municipal paper', () => {
    expect(extractMetadata('标题标题\n\n发布时间：2023/4/5 来源：解放日报\n\n正文。').level).toBe('municipal');
  });

  it('reads Chinese-numeral dates on their own line', () => {
    expect(extractMetadata('通知标题\n\n正文。\n\n二〇二二年七月二十七日').publishedAt).toBe('2022-07-27');
  });

  it('ignores a date inside a sentence of the story', () => {
    expect(extractMetadata('标题标题\n\n2023年3月1日，统战部召开了全体会议，部署全年工作，会议要求各单位认真落实。').publishedAt).toBeNull();
  });

  it('reads authors and editors in both scripts, not words after 记者 in running text', () => {
    const text = ['標題標題', '本報記者 王小明 通訊員 李四', '据记者了解，活动很成功。', '文/赵六', '責任編輯：陳七', '编辑：周八'].join('\n');
    const metadata = extractMetadata(text);
    expect(metadata.authors).toEqual(['王小明', '李四', '赵六']);
    expect(metadata.editors).toEqual(['陳七', '周八']);
  });

  it('reads minority names with a middle dot and strips 报道', () => {
    expect(extractMetadata('标题标题\n\n(记者 买买提·艾力 张三报道)').authors).toEqual(['买买提·艾力', '张三']);
  });

  it('uses the managed list it is given', () => {
    const media: MediaEntry[] = [{ name: '青浦报', aliases: ['青浦融媒'], level: 'local' }, { name: '人民日报', level: 'provincial' }];
    expect(extractMetadata('标题标题\n\n来源：青浦融媒', { media }).level).toBe('local');
    expect(extractMetadata('标题标题\n\n来源：人民日报', { media }).level).toBe('provincial');
  });

  it('has no title when the text starts with a sentence', () => {
    expect(extractMetadata('会议强调，要做好统战工作。\n\n第二段。').title).toBeNull();
  });
});

describe('matchMedium', () => {
  it.each([
    ['人民日报', 'central'], ['新华社', 'central'], ['中國新聞網', 'central'], ['光明日报', 'central'],
    ['安徽日報', 'provincial'], ['四川日报', 'provincial'], ['南方日报', 'provincial'], ['新华日报', 'provincial'],
    ['解放日报', 'municipal'], ['文匯報', 'municipal'], ['金山报', 'local'], ['青浦报', 'local'],
  ] as const)('places %s at %s level', (source, level) => {
    expect(matchMedium(source)?.level).toBe(level);
  });

  it('returns null for an unknown medium', () => {
    expect(matchMedium('某某生活网')).toBeNull();
  });
});
