import { describe, expect, it } from 'vitest';
import { newPage, screenshot } from '../support/browser.ts';
import { clickWhenStill } from '../support/pages.ts';
import { previewPastedArticle, savePreviewedArticle } from '../support/articles.ts';
import { useBrowserSuite } from '../support/suite.ts';

const suite = useBrowserSuite();

/** A page with pinyin copied through a wrong encoding (hand-written; see core/src/articles/garble.ts). */
const page = [
  '中共某区委统一战线工作部',
  '工作动态',
  '華新鎮統(tǒng)戰(zhàn)工作綜述',
  '2026年05月28日 10:30 來源:青浦報',
  '華新鎮推動民族團結事業(yè)?!耙火^一站”即展覽館和服務站。',
  '活動為當?shù)剞r(nóng)副產品銷售提供了支持，參與企業共計 12 家。',
  '【編輯:王芳】',
  '關鍵詞:統戰 華新鎮',
].join('\n');

describe('garbled text in the publicity archive', () => {
  it('shows the repaired and the flagged paragraphs in the preview, on the saved article and in the list', async () => {
    const { context, page: tab } = await newPage(suite.browser);
    await previewPastedArticle(tab, suite.server.url, 'huaxin', page);
    expect(await tab.getByTestId('preview-title').textContent()).toBe('華新鎮統戰工作綜述');
    expect(await tab.getByTestId('preview-texts-garbled').textContent()).toBe('2 段有编码错乱的文字：已修复 1 处，待核对 1 处');
    const clean = (await tab.getByTestId('preview-texts-clean').textContent()) ?? '';
    expect(clean).toContain('華新鎮推動民族團結事業。“一館一站”即展覽館和服務站。');
    expect(clean).toContain('已修复：?!耙火^ → 。“一館');
    expect(clean).toContain('疑似乱码：?shù)');
    expect(clean).not.toContain('工作动态');
    expect(clean).not.toContain('關鍵詞');

    await savePreviewedArticle(tab);
    expect(await tab.getByTestId('article-texts-garbled').textContent()).toBe('2 段有编码错乱的文字：已修复 1 处，待核对 1 处');
    expect(await tab.locator('[data-garbled="true"]').count()).toBe(2);
    await screenshot(tab, 'articles-garbled-detail');

    await clickWhenStill(tab, 'nav-articles');
    await tab.getByTestId('article-table').waitFor({ timeout: 60_000 });
    await expect.poll(() => tab.locator('[data-testid^="article-garbled-"]').first().textContent()).toBe('乱码 2 段');
    await context.close();
  }, 240_000);
});
