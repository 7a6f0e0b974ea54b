import type { ArticleDetail } from '@tongxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';

let t: TestApp;
let huaxinStaff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  huaxinStaff = await t.signIn('huaxin.staff');
});
afterAll(async () => t.close());

/**
 * A traditional page with pinyin, copied through a wrong encoding: after 業(yè) the bytes of
 * 。“一館 were read one off (?!耙火^), and after 當(dāng) the character 地 was lost (?shù)剞r).
 */
const garbledPage = [
  '分享到:',
  '華新鎮統(tǒng)戰(zhàn)工作綜述',
  '2026年05月28日 10:30 來源:青浦報',
  '華新鎮推動民族團結事業(yè)?!耙火^一站”即展覽館和服務站。',
  '活動為當?shù)剞r(nóng)副產品銷售提供了支持。',
  '今年以來，全鎮建成同心驛站12個。',
  '【編輯:王芳】',
].join('\n');

async function ingest(text: string): Promise<ArticleDetail> {
  const response = await huaxinStaff.post('/api/articles', { text });
  if (response.statusCode !== 201) throw new Error(`ingest failed: ${response.statusCode} ${response.body}`);
  return response.json() as ArticleDetail;
}

describe('garbled text in articles', () => {
  it('201: repairs the known pattern, flags the rest, stores both with the article and lists the count', async () => {
    const article = await ingest(garbledPage);
    const paragraphs = article.cleanText.split('\n\n');
    expect(article.title).toBe('華新鎮統戰工作綜述');
    expect(paragraphs).toContain('華新鎮推動民族團結事業。“一館一站”即展覽館和服務站。');
    expect(paragraphs).toContain('活動為當?shù)剞r副產品銷售提供了支持。');
    expect(article.garbled).toEqual([
      { paragraph: paragraphs.indexOf('華新鎮推動民族團結事業。“一館一站”即展覽館和服務站。'), text: '?!耙火^', repair: '。“一館' },
      { paragraph: paragraphs.indexOf('活動為當?shù)剞r副產品銷售提供了支持。'), text: '?shù)', repair: null },
    ]);
    expect(article.garbledParagraphs).toBe(2);

    const again = (await huaxinStaff.get(`/api/articles/${article.id}`)).json() as ArticleDetail;
    expect(again.garbled).toEqual(article.garbled);
    const listed = (await huaxinStaff.get('/api/articles?pageSize=100')).json().items as ArticleDetail[];
    expect(listed.find((item) => item.id === article.id)?.garbledParagraphs).toBe(2);
  });

  it('201: an article without garbling has none', async () => {
    const article = await ingest(['華新鎮商會召開年會', '2026-06-01 來源：青浦報', '商會現有會員企業154家，今年開展活動60餘場。'].join('\n'));
    expect(article.garbled).toEqual([]);
    expect(article.garbledParagraphs).toBe(0);
  });
});
