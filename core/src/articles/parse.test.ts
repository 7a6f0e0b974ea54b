import { describe, expect, it } from 'vitest';
import { readSample, samplesAvailable } from '../testing/samples.ts';
import { parseArticle } from './parse.ts';

const anhui = readSample('article-anhui-traditional-annotated.txt');

describe('parseArticle', () => {
  it.skipIf(!samplesAvailable())('combines cleaning, metadata and figures for a text article', () => {
    const article = parseArticle(anhui, { format: 'text', now: new Date('2024-06-01T00:00:00Z') });
    expect(article.original).toBe(anhui);
    expect(article).toMatchObject({
      title: '奮力譜寫江淮大地統戰工作新篇章',
      publishedAt: '2022-07-27T11:04:00+08:00',
      source: '《中國新聞》報',
      level: 'central',
      editors: ['唐煒妮'],
    });
    expect(article.text.split('\n\n')).toEqual(article.paragraphs);
    expect(article.figures.length).toBeGreaterThan(20);
    expect(article.removed.pinyin).toBeGreaterThan(250);
  });

  it.skipIf(!samplesAvailable())('parses the same article given as HTML to the same result', () => {
    const html = `<html><head><title>x</title></head><body>${anhui
      .split('\n')
      .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n')}</body></html>`;
    const fromHtml = parseArticle(html, { format: 'html', now: new Date('2024-06-01T00:00:00Z') });
    const fromText = parseArticle(anhui, { format: 'text', now: new Date('2024-06-01T00:00:00Z') });
    expect(fromHtml.paragraphs).toEqual(fromText.paragraphs);
    expect(fromHtml.title).toBe(fromText.title);
  });

  it('detects HTML by itself when no format is given', () => {
    const article = parseArticle('<h1>區委統戰部召開會議</h1><p>2023-04-05 來源：金山報</p><p>分享到：</p><p>會員企業154家。</p>');
    expect(article).toMatchObject({ title: '區委統戰部召開會議', publishedAt: '2023-04-05', level: 'local' });
    expect(article.paragraphs).not.toContain('分享到：');
    expect(article.figures[0]).toMatchObject({ value: 154, label: '會員企業' });
  });
});
