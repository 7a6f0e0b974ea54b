import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSample, samplesAvailable } from '../../core/src/testing/samples.ts';
import { newPage, screenshot } from '../support/browser.ts';
import { signIn, clickWhenStill } from '../support/pages.ts';
import { previewPastedArticle, savePreviewedArticle } from '../support/articles.ts';
import { useBrowserSuite } from '../support/suite.ts';

// A real scraped report (traditional script, pinyin after many characters, site chrome), read as input only.
const sample = readSample('article-anhui-traditional-annotated.txt');

const suite = useBrowserSuite();

/** The header's search input (antd may put the test id on the input or on its wrapper). */
const headerSearch = (page: Page) => page.locator('input[data-testid="header-search"], [data-testid="header-search"] input').first();

describe('publicity archive and search in a real browser', () => {
  it('finds a record from the header with a two-character word and opens it', async () => {
    const { context, page } = await newPage(suite.browser);
    await signIn(page, suite.server.url, 'huaxin');
    const box = headerSearch(page);
    await box.fill('商会');
    await box.press('Enter');
    await page.getByTestId('search-results').waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('q')).toBe('商会');
    // Grouped by kind: the town's chamber among the organisations, the match marked.
    const organisations = page.getByTestId('search-group-organisation');
    await expect.poll(() => organisations.textContent()).toContain('华新镇商会');
    expect(await organisations.locator('mark').first().textContent()).toBe('商会');
    await screenshot(page, 'publicity-search-results');
    await organisations.getByTestId('search-hit-link').filter({ hasText: '华新镇商会' }).first().click();
    await expect.poll(() => page.getByTestId('organisation-detail-name').textContent(), { timeout: 60_000 }).toContain('商会');
    await screenshot(page, 'publicity-search-opened');
    await context.close();
  }, 180_000);

  it.skipIf(!samplesAvailable())('pastes a scraped article, previews the repaired text and metadata, saves it and finds it in the archive', async () => {
    const { context, page } = await newPage(suite.browser);
    await previewPastedArticle(page, suite.server.url, 'huaxin', sample);
    expect(await page.getByTestId('preview-title').textContent()).toBe('奮力譜寫江淮大地統戰工作新篇章');
    expect(await page.getByTestId('preview-date').textContent()).toBe('2022-07-27 11:04');
    const clean = (await page.getByTestId('preview-texts-clean').textContent()) ?? '';
    expect(clean).toContain('匯聚統戰力量');
    expect(clean).not.toMatch(/\((?:tǒng|zhàn)\)/);
    expect(clean).not.toContain('分享到');
    // The sample's two garbled places: one undone (。“一館), one flagged for a person to check.
    expect(clean).toContain('推進民族團結事業。“一館”即');
    expect(await page.getByTestId('preview-texts-garbled').textContent()).toBe('2 段有编码错乱的文字：已修复 1 处，待核对 1 处');
    await screenshot(page, 'publicity-article-preview');

    await savePreviewedArticle(page);
    expect(await page.getByTestId('article-title').textContent()).toBe('奮力譜寫江淮大地統戰工作新篇章');
    // What cleaning removed is shown beside the text.
    await page.getByRole('tab', { name: /清理内容/ }).click();
    await expect.poll(() => page.getByTestId('article-texts-removed').textContent()).toMatch(/删除了 \d+ 处拼音注音/);
    await screenshot(page, 'publicity-article-saved');

    // In the archive, and found by the header search in simplified script.
    await clickWhenStill(page, 'nav-articles');
    const filter = page.locator('input[data-testid="article-filter-q"], [data-testid="article-filter-q"] input').first();
    await filter.fill('江淮');
    await filter.press('Enter');
    await expect.poll(() => page.getByTestId('article-table').textContent()).toContain('奮力譜寫江淮大地統戰工作新篇章');
    await headerSearch(page).fill('江淮大地');
    await headerSearch(page).press('Enter');
    await page.getByTestId('search-group-article').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('search-group-article').textContent()).toContain('奮力譜寫江淮大地統戰工作新篇章');
    await screenshot(page, 'publicity-archive-search');
    await context.close();
  }, 240_000);
});
