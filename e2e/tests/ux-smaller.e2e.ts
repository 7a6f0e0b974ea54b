import { describe, expect, it } from 'vitest';
import { newPage, screenshot } from '../support/browser.ts';
import { clickWhenStill, inputOf, onFailure, signIn } from '../support/pages.ts';
import { useBrowserSuite } from '../support/suite.ts';

/**
 * Issue 17, item 9 and the rest of item 8: the smaller things that stood in a new user's way. Each
 * test here failed before its fix.
 */
const suite = useBrowserSuite();
const patient = { timeout: 30_000 };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };

const divisionIdOf = async (name: string) => (await suite.server.handle.db.selectFrom('divisions').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

describe('destructive actions look destructive', () => {
  it('放弃认领 on a claimed wish is a danger button, and its confirmation’s OK is red too', async () => {
    const tongling = await divisionIdOf('铜陵市');
    const claimed = await suite.server.handle.db.selectFrom('needs').select('id').where('state', '=', 'claimed').where('division_id', '=', tongling).orderBy('id').executeTakeFirstOrThrow();
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'ux-release-danger-failed');
    await signIn(page, suite.server.url, 'anhui');
    await page.goto(`${suite.server.url}/needs/${claimed.id}`);
    const release = page.getByTestId('need-step-open');
    await release.waitFor();
    expect(await release.textContent()).toContain('放弃认领');
    expect(await release.getAttribute('class')).toContain('ant-btn-dangerous');
    await clickWhenStill(page, 'need-step-open');
    await page.getByTestId('need-step-ok').waitFor();
    expect(await page.getByTestId('need-step-ok').getAttribute('class')).toContain('ant-btn-dangerous');
    await screenshot(page, 'ux-release-danger');
    await context.close();
  });
});

describe('the access-denied page', () => {
  it('offers the way home and no "retry" for a record outside the user’s subtree', async () => {
    const tongling = await divisionIdOf('铜陵市');
    const foreign = await suite.server.handle.db.selectFrom('cases').select('id').where('division_id', '=', tongling).orderBy('id').executeTakeFirstOrThrow();
    const { context, page } = await newPage(suite.browser);
    await signIn(page, suite.server.url, 'huaxin');
    await page.goto(`${suite.server.url}/cases/${foreign.id}`);
    await page.getByTestId('load-refused').waitFor();
    expect(await page.getByTestId('load-retry').count()).toBe(0);
    expect(await page.getByText('重试').count()).toBe(0);
    await clickWhenStill(page, 'load-refused-home');
    await page.getByTestId('home-page').waitFor();
    await context.close();
  });
});

describe('the division picker', () => {
  it('finds a town by typing its name, though its district was never opened', async () => {
    const { context, page } = await newPage(suite.browser, { viewport: { width: 1440, height: 900 } });
    onFailure(page, 'ux-division-search-failed');
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/cases`);
    await clickWhenStill(page, 'case-filter-division');
    await page.keyboard.type('华新');
    const titles = page.locator('.ant-select-dropdown:visible .ant-select-tree-title');
    // The district was never opened, so the hit is named alone (with its parent once that is loaded).
    await expect.poll(async () => (await titles.allTextContents()).some((title) => title.endsWith('华新镇')), patient).toBe(true);
    await titles.filter({ hasText: '华新镇' }).first().click();
    await expect.poll(() => page.url(), patient).toContain(`divisionId=${await divisionIdOf('华新镇')}`);
    await context.close();
  });
});

describe('competition phases', () => {
  it('a phase whose dates passed shows 已结束, not 未开放', async () => {
    const row = await suite.server.handle.db.selectFrom('competitions').select('id').where('title', 'like', '% 年度金山区统战创新项目评审').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'ux-phase-ended-failed');
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/competitions/${row.id}`);
    await clickWhenStill(page, 'competition-tab-setup');
    await expect.poll(() => page.getByTestId('phase-state-entry').textContent(), patient).toBe('已结束');
    expect(await page.getByTestId('phase-state-review').textContent()).toBe('开放中');
    await context.close();
  });
});

describe('the portal’s village search (phone)', () => {
  it('Enter searches and neither submits the form nor marks later fields as missing', async () => {
    const { context, page } = await newPage(suite.browser, phone);
    onFailure(page, 'ux-portal-enter-failed');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.goto(`${suite.server.url}/portal`);
    const search = inputOf(page, 'portal-division-search');
    await search.waitFor();
    await search.fill('赵巷');
    await search.press('Enter');
    await page.locator('[data-testid^="portal-division-hit-"]').first().waitFor(patient);
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(posts).toEqual([]);
    // The hits are reachable by keyboard: Tab to the first, Enter picks it.
    const hit = page.locator('[data-testid^="portal-division-hit-"]').first();
    await hit.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('portal-division-current').waitFor();
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    await screenshot(page, 'ux-portal-enter');
    await context.close();
  });
});

describe('demo data stays alive', () => {
  it('the needs board of Tongling shows open wishes however long after 2026 the demo was loaded', async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'ux-needs-board-failed');
    await signIn(page, suite.server.url, 'anhui');
    await page.goto(`${suite.server.url}/needs`);
    await page.getByTestId('needs-page').waitFor();
    await expect.poll(() => page.locator('[data-testid^="need-link-"]').count(), patient).toBeGreaterThan(0);
    await context.close();
  });
});

describe('English pages', () => {
  it('show money in yuan, not 万元', async () => {
    const { context, page } = await newPage(suite.browser, { locale: 'en-US' });
    onFailure(page, 'ux-money-en-failed');
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/campaigns`);
    await clickWhenStill(page, 'language-en');
    await page.getByText('Charity', { exact: false }).first().waitFor();
    const received = page.locator('[data-testid^="campaign-received-"]');
    await received.first().waitFor();
    const texts = await received.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    const amounts = texts.filter((text) => text !== '—');
    expect(amounts.length).toBeGreaterThan(0);
    for (const text of amounts) expect(text).toMatch(/^[\d,.]+ (× 10k |× 100m )?yuan$/);
    await screenshot(page, 'ux-money-en');
    await context.close();
  });
});
