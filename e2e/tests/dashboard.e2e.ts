import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot } from '../support/browser.ts';
import { signIn, onFailure, clickWhenStill } from '../support/pages.ts';
import { useBrowserSuite } from '../support/suite.ts';

const suite = useBrowserSuite();

/** `1,234` → 1234: a figure as the card shows it. */
async function figureValue(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

/** Wait until the dashboard shows the figures of the period now in the URL (not the previous one's). */
async function waitForPeriod(page: Page, from: string): Promise<void> {
  await page.getByTestId('dashboard-periods').getByText(from, { exact: false }).waitFor();
  await page.getByTestId('dashboard-ready').waitFor();
}

describe('dashboard and briefings in a real browser', () => {
  it('changes the period, drills from a figure to the filtered list with the same count, and exports a briefing as .docx', async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'dashboard-failure');
    await signIn(page, suite.server.url, 'huaxin');
    await clickWhenStill(page, 'nav-dashboard');
    await page.getByTestId('dashboard-page').waitFor();
    await page.getByTestId('dashboard-ready').waitFor();
    await page.getByTestId('chart-activities').waitFor();
    await screenshot(page, 'dashboard-this-year');

    // Another period: the URL and every figure follow it.
    await clickWhenStill(page, 'dashboard-preset-thisQuarter');
    await page.waitForURL(/from=\d{4}-(01|04|07|10)-01/);
    const from = new URL(page.url()).searchParams.get('from')!;
    const to = new URL(page.url()).searchParams.get('to')!;
    await waitForPeriod(page, from);
    const activities = await figureValue(page, 'figure-activities');
    expect(activities).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-this-quarter');

    // The figure opens the activity list filtered to the same division and period, with the same count.
    await clickWhenStill(page, 'figure-activities');
    await page.getByTestId('activities-page').waitFor();
    const params = new URL(page.url()).searchParams;
    expect(params.get('from')).toBe(from);
    expect(params.get('to')).toBe(to);
    expect(params.get('divisionId')).toMatch(/^\d+$/);
    await page.locator('.ant-pagination-total-text').getByText(`共 ${activities} 条`).waitFor();
    await screenshot(page, 'dashboard-drill-activities');

    // Back on the dashboard: a briefing of the same division and period.
    await page.goBack();
    await waitForPeriod(page, from);
    await clickWhenStill(page, 'dashboard-briefing');
    await clickWhenStill(page, 'briefing-create-submit');
    await page.getByTestId('briefing-page').waitFor();
    const section = page.getByTestId('briefing-section-activities');
    await expect.poll(() => section.inputValue()).toContain(`共开展活动${activities}场`);
    await section.fill(`${await section.inputValue()}\n浏览器测试补充的一句话。`);
    await clickWhenStill(page, 'briefing-save');
    await page.getByTestId('briefing-revision').getByText('第2稿', { exact: false }).waitFor();
    await screenshot(page, 'briefing-edited');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-export-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/第2稿）\.docx$/);
    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain(`共开展活动${activities}场`);
    expect(xml).toContain('浏览器测试补充的一句话。');
    await context.close();
  }, 180_000);
  it('shows a district the towns below it, sorts them by a figure, and opens one town’s records from its cell', async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'dashboard-breakdown-failure');
    await signIn(page, suite.server.url, 'qingpu');
    await page.goto(`${suite.server.url}/dashboard`);
    await page.getByTestId('dashboard-ready').waitFor();
    const table = page.getByTestId('breakdown-table');
    await table.getByText('华新镇').waitFor();
    // Sort by activities, most first: 华新镇 (幸福·新e园's 60+ activities) heads the list.
    const header = table.locator('th').filter({ hasText: '活动' }).first();
    await header.click();
    await header.click();
    await expect.poll(async () => (await table.locator('tbody tr.ant-table-row').first().innerText()).split('\t')[0]).toContain('华新镇');
    await screenshot(page, 'dashboard-breakdown-sorted');

    const cell = table.locator('tbody tr.ant-table-row').first().locator('[data-testid^="breakdown-activities-"]');
    const count = Number((await cell.innerText()).replace(/[^\d]/g, ''));
    expect(count).toBeGreaterThan(0);
    await cell.click();
    await page.getByTestId('activities-page').waitFor();
    await page.locator('.ant-pagination-total-text').getByText(`共 ${count} 条`).waitFor();
    await context.close();
  }, 120_000);
});
