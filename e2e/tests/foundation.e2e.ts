import { describe, expect, it } from 'vitest';
import { newPage, screenshot } from '../support/browser.ts';
import { clickWhenStill } from '../support/pages.ts';
import { useBrowserSuite } from '../support/suite.ts';

const suite = useBrowserSuite();

describe('foundation in a real browser', () => {
  it('signs in, switches language (remembered), opens the division tree within scope, and signs out', async () => {
    const { context, page } = await newPage(suite.browser);
    await page.goto(`${suite.server.url}/`);
    // This server holds the demo data set, so the sign-in page offers its account.
    expect(await page.getByTestId('sign-in-demo-hint').textContent()).toContain('admin');

    // Wrong password first: a clear message, no navigation.
    await page.getByTestId('sign-in-username').fill('qingpu');
    await page.getByTestId('sign-in-password').fill('not-the-password-1');
    await clickWhenStill(page, 'sign-in-submit');
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('用户名或密码错误');

    await page.getByTestId('sign-in-password').fill('Tongxin2026');
    await clickWhenStill(page, 'sign-in-submit');
    await page.getByTestId('home-page').waitFor();
    expect(await page.getByTestId('header-division').textContent()).toContain('青浦区');

    // Traditional script, remembered across a reload.
    await clickWhenStill(page, 'language-zh-TW');
    await expect.poll(() => page.getByTestId('nav-divisions').textContent()).toBe('行政區劃');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-divisions').textContent()).toBe('行政區劃');

    // The tree starts at the user's district: 青浦区 and its towns, never 金山区.
    await clickWhenStill(page, 'nav-divisions');
    const tree = page.getByTestId('division-tree');
    await tree.getByText('青浦区').first().waitFor();
    await tree.getByText('赵巷镇').first().waitFor();
    expect(await tree.getByText('金山区').count()).toBe(0);
    await tree.getByText('赵巷镇').first().click();
    await page.getByTestId('division-detail').getByText('上海市').first().waitFor();
    await screenshot(page, 'foundation-division-tree-zh-TW');

    // English, then sign out: back on the sign-in page, and the API no longer answers.
    await clickWhenStill(page, 'language-en');
    await expect.poll(() => page.getByTestId('nav-divisions').textContent()).toBe('Divisions');
    await clickWhenStill(page, 'sign-out');
    await page.getByTestId('sign-in-submit').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await context.close();
  });

  it('refuses the district user the users page of another district through the API, not only the UI', async () => {
    const { context, page } = await newPage(suite.browser);
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByTestId('sign-in-username').fill('huaxin');
    await page.getByTestId('sign-in-password').fill('Tongxin2026');
    await clickWhenStill(page, 'sign-in-submit');
    await page.getByTestId('home-page').waitFor();
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(status).toBe(403);
    await screenshot(page, 'foundation-town-home');
    await context.close();
  });
});
