import { describe, expect, it } from 'vitest';
import { cleanArticle } from './clean.ts';
import { extractFigures } from './figures.ts';
import { parseArticle } from './parse.ts';

const page = (...lines: string[]) => lines.join('\n');
const now = new Date('2026-12-01T00:00:00Z');

describe('the headline of a page', () => {
  it.each([
    ['a site name and a section label', ['某县人民政府', '工作动态', '某镇召开统战工作会议', '发布时间：2024-03-15', '会议指出，要把统战工作做细做实，推动各项任务落地见效。']],
    ['a "body starts here" marker and a bare date-time line', ['正文开始', '某镇召开统战工作会议', '2024-03-15 10:00 |', '会议指出，要把统战工作做细做实，推动各项任务落地见效。']],
    ['a keyword line', ['统战工作、统战工作会议', '某镇召开统战工作会议', '某网3月15日电 会议指出，要把统战工作做细做实，推动各项任务落地见效。']],
  ])('is the line before the date/source line, past %s', (_what, lines) => {
    const article = parseArticle(page(...lines), { format: 'text', now });
    expect(article.title).toBe('某镇召开统战工作会议');
    expect(article.paragraphs[0]).toBe('某镇召开统战工作会议');
  });

  it('is the first of a headline and its subheading', () => {
    const article = parseArticle(page('商会搭起连心桥', '会员企业三年增加到86家', '作者：陈舟 来源：某日报', '商会成立三年来，始终把服务会员企业放在首位，办成了很多实事。'), { format: 'text', now });
    expect(article.title).toBe('商会搭起连心桥');
    expect(article.paragraphs.slice(0, 2)).toEqual(['商会搭起连心桥', '会员企业三年增加到86家']);
  });

  it('loses a date glued to its end, which dates the page', () => {
    const article = parseArticle(page('Q02', '某区统战工作基地挂牌 2018年07月16日', '本报讯 7月13日，某区统一战线工作基地正式挂牌，多家单位参加。'), { format: 'text', now });
    expect(article).toMatchObject({ title: '某区统战工作基地挂牌', publishedAt: '2018-07-16' });
    expect(article.paragraphs[0]).toBe('某区统战工作基地挂牌');
  });

  it('is missing when the page starts with the story or a byline', () => {
    expect(parseArticle(page('记者林安／台北报导', '一家协会日前举办活动，邀请多位嘉宾出席，现场气氛热烈。'), { format: 'text', now }).title).toBeNull();
    expect(parseArticle('会议指出，要把统战工作做细做实，推动各项任务落地见效，取得实效。', { format: 'text', now }).title).toBeNull();
  });
});

describe('the end of the story', () => {
  it('drops what follows the last end marker and keeps the marker', () => {
    const cleaned = cleanArticle(page('标题标题标题', '正文第一段，讲述统战工作的情况，内容比较充实。', '（完）', '关键词：统战 工作', '某镇举办活动', '联系我们'));
    expect(cleaned.paragraphs).toEqual(['标题标题标题', '正文第一段，讲述统战工作的情况，内容比较充实。', '（完）']);
    expect(cleaned.removed.boilerplateLines).toEqual(['关键词：统战 工作', '某镇举办活动', '联系我们']);
  });

  it('does not end at a source note that story text follows', () => {
    const lines = ['标题标题标题', '（资料图）', '正文第一段，讲述统战工作的情况，内容比较充实。', '正文第二段，继续讲述统战工作的情况，内容比较充实。'];
    expect(cleanArticle(page(...lines)).paragraphs).toEqual(lines);
  });

  it('drops the numbered clauses of a disclaimer', () => {
    const cleaned = cleanArticle(page('标题标题标题', '正文第一段，讲述统战工作的情况，内容比较充实。', '免责声明：', '1．本网站所载信息仅供参考。', '2．如有异议，请与本站联系。'));
    expect(cleaned.paragraphs).toEqual(['标题标题标题', '正文第一段，讲述统战工作的情况，内容比较充实。']);
  });
});

describe('figure labels where the noun is away from the number', () => {
  it.each([
    ['至此，全区各街镇均建成商会服务站，共计 11 家。', '11 家', '商会服务站'],
    ['会员企业由成立时的30家增加到86家', '86家', '会员企业'],
    ['会员企业由成立时的30家增加到86家', '30家', '会员企业'],
    ['共有会员企业120家，其中新增35家', '35家', '会员企业'],
    ['征集“金点子”8条', '8条', '金点子'],
    ['全镇22个村（社区）配备联络员', '22个', '村（社区）'],
    ['首批入驻商会12家', '12家', '商会'],
    ['3945家企業結對幫扶3527個村', '3945家', '企業'],
    ['由30余名统战对象组成', '30余名', '统战对象'],
  ])('in %s, %s counts %s', (text, raw, label) => {
    expect(extractFigures(text).find((figure) => figure.raw === raw)?.label).toBe(label);
  });
});
