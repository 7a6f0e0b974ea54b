import { formatFen } from '@tongxin/core/money';
import { describe, expect, it } from 'vitest';
import { newContext, newPage, screenshot } from '../support/browser.ts';
import { signIn, onFailure, choose, inputOf, pick, clickWhenStill } from '../support/pages.ts';
import { useBrowserSuite } from '../support/suite.ts';

const suite = useBrowserSuite();

/** A shared two-core machine: give pages and polls room; every assertion must still come true. */
const patient = { timeout: 30_000 };

/** Scores each rater gives: [innovation (≤40), effect (≤60)] per entry code. */
const sheets: Record<string, Record<string, [number, number]>> = {
  'jinshan.expert1': { J1: [35, 50], J2: [30, 40] },
  'jinshan.rep1': { J1: [30, 45], J2: [38, 55] },
};
// Experts 0.6, representatives 0.4: J1 = 0.6 × 85 + 0.4 × 75 = 81.00; J2 = 0.6 × 70 + 0.4 × 93 = 79.20.

async function scoreAll(username: string, competitionId: number): Promise<void> {
  const { context, page } = await newPage(suite.browser, { locale: 'zh-CN' });
  onFailure(page, `judging-rater-${username}-failed`);
  await signIn(page, suite.server.url, username);
  await page.goto(`${suite.server.url}/competitions/${competitionId}/review`);
  await page.getByTestId('review-page').waitFor();
  expect(await page.getByTestId('review-progress').textContent()).toBe('0 / 2');
  const seen: string[] = [];
  for (let i = 0; i < 2; i++) {
    const title = page.getByTestId('score-entry-title');
    await expect.poll(async () => ((await title.isVisible()) ? ((await title.textContent()) ?? '') : ''), patient).toMatch(/^J[12] /);
    const code = ((await title.textContent()) ?? '').split(' ')[0]!;
    expect(seen).not.toContain(code);
    seen.push(code);
    const [innovation, effect] = sheets[username]![code]!;
    await inputOf(page, 'score-innovation').fill(String(innovation));
    await inputOf(page, 'score-effect').fill(String(effect));
    if (i === 0) await screenshot(page, `judging-score-${username}`);
    await clickWhenStill(page, 'score-save-next');
    await expect.poll(() => page.getByTestId('review-progress').textContent(), patient).toBe(`${i + 1} / 2`);
  }
  await page.getByTestId('review-all-done').waitFor();
  await context.close();
}

describe('judging in a real browser', () => {
  it('staff set up a competition with two rater groups, two raters score, staff publish, and the signed-out public page shows the weighted ranking', async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'judging-staff-failed');
    await signIn(page, suite.server.url, 'jinshan');
    await clickWhenStill(page, 'nav-competitions');
    await page.getByTestId('competition-table').waitFor();

    // Set up: two groups (experts 0.6, representatives 0.4) from the four proposed.
    await clickWhenStill(page, 'competition-create');
    await page.getByTestId('competition-form-title').fill('金山区同心创新项目评审（浏览器测试）');
    await clickWhenStill(page, 'competition-form-group-remove-3');
    await clickWhenStill(page, 'competition-form-group-remove-0');
    expect(await inputOf(page, 'competition-form-group-name-0').inputValue()).toBe('专家学者');
    expect(await inputOf(page, 'competition-form-group-name-1').inputValue()).toBe('组织代表');
    await inputOf(page, 'competition-form-group-weight-0').fill('0.6');
    await inputOf(page, 'competition-form-group-weight-1').fill('0.4');
    await clickWhenStill(page, 'competition-drawer-save');
    await page.getByTestId('competition-page').waitFor();
    await expect.poll(() => page.getByTestId('competition-title').textContent(), patient).toBe('金山区同心创新项目评审（浏览器测试）');
    const competitionId = Number(/\/competitions\/(\d+)/.exec(page.url())?.[1]);
    expect(competitionId).toBeGreaterThan(0);
    expect(await page.getByTestId('competition-groups').textContent()).toBe('专家学者 × 0.6组织代表 × 0.4');

    // Two entries.
    await clickWhenStill(page, 'competition-tab-entries');
    for (const [code, title] of [
      ['J1', '枫泾镇“同心共富”农创项目'],
      ['J2', '石化街道“老伙伴”互助计划'],
    ] as const) {
      await clickWhenStill(page, 'entry-add');
      await page.getByTestId('entry-form-title').fill(title);
      await page.getByTestId('entry-form-code').fill(code);
      await clickWhenStill(page, 'entry-form-save');
      await page.getByTestId('entry-table').getByText(title).waitFor();
    }

    // One rater per group, then everyone to every entry.
    await clickWhenStill(page, 'competition-tab-raters');
    for (const [username, group] of [
      ['jinshan.expert1', '专家学者'],
      ['jinshan.rep1', '组织代表'],
    ] as const) {
      await clickWhenStill(page, 'rater-add');
      await pick(page, 'rater-form-user', username, username);
      await choose(page, 'rater-form-group', group);
      await clickWhenStill(page, 'rater-form-save');
      await page.getByTestId('rater-table').getByText(username).waitFor();
    }
    await clickWhenStill(page, 'assign-rule');
    await clickWhenStill(page, 'assign-rule-save');
    await expect.poll(() => page.getByTestId('rater-progress-jinshan.expert1').textContent(), patient).toContain('0 / 2');
    expect(await page.getByTestId('rater-progress-jinshan.rep1').textContent()).toContain('0 / 2');

    // Open the review phase by hand.
    await clickWhenStill(page, 'competition-tab-setup');
    await clickWhenStill(page, 'phase-open-review');
    await expect.poll(() => page.getByTestId('phase-state-review').textContent(), patient).toBe('开放中');
    await screenshot(page, 'judging-setup');

    // Two raters of different groups score, each in their own browser.
    await scoreAll('jinshan.expert1', competitionId);
    await scoreAll('jinshan.rep1', competitionId);

    // Staff see the progress and the weighted breakdown, close the review, draft and publish.
    await page.reload();
    await clickWhenStill(page, 'competition-tab-raters');
    await expect.poll(() => page.getByTestId('rater-progress-jinshan.expert1').textContent(), patient).toContain('2 / 2');
    await clickWhenStill(page, 'competition-tab-setup');
    await clickWhenStill(page, 'phase-close-review');
    await expect.poll(() => page.getByTestId('phase-state-review').textContent(), patient).toBe('已结束');
    await clickWhenStill(page, 'competition-tab-results');
    await expect.poll(() => page.getByTestId('result-J1-total').textContent(), patient).toBe('81.00');
    expect(await page.getByTestId('result-J2-total').textContent()).toBe('79.20');
    expect(await page.getByTestId('result-J1-group-experts').textContent()).toBe('85.00 (1)');
    expect(await page.getByTestId('result-J2-group-reps').textContent()).toBe('93.00 (1)');
    expect(await page.getByTestId('result-J1-rank').textContent()).toBe('1');
    expect(await page.getByTestId('result-J2-rank').textContent()).toBe('2');
    await clickWhenStill(page, 'decision-draft');
    await expect.poll(() => page.getByTestId('decision-status').textContent(), patient).toBe('草稿');
    await screenshot(page, 'judging-results');
    await clickWhenStill(page, 'decision-publish');
    await clickWhenStill(page, 'decision-publish-ok');
    await expect.poll(() => page.getByTestId('decision-status').textContent(), patient).toBe('已公布');
    await context.close();

    // Signed out: the public page, phone-sized.
    const publicContext = await newContext(suite.browser, { locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
    const phone = await publicContext.newPage();
    onFailure(phone, 'judging-public-failed');
    await phone.goto(`${suite.server.url}/public/competitions/${competitionId}`);
    await phone.getByTestId('public-ranking').waitFor();
    expect(await phone.getByTestId('public-competition-title').textContent()).toBe('金山区同心创新项目评审（浏览器测试）');
    expect(await phone.getByTestId('public-total-J1').textContent()).toBe('81.00');
    expect(await phone.getByTestId('public-total-J2').textContent()).toBe('79.20');
    expect(await phone.getByTestId('public-rank-J1').textContent()).toContain('一等奖');
    expect(await phone.getByTestId('public-rank-J2').textContent()).toContain('二等奖');
    expect(await phone.getByTestId('public-awards').textContent()).toContain('枫泾镇“同心共富”农创项目');
    await screenshot(phone, 'judging-public-result');
    await publicContext.close();
  }, 420_000);

  it('money and assessment pages show the demo figures: Henglan 1,926.8万元 received with 23.2万元 overdue, Hefei 480.4亿元 signed, Huangshan bases with their stars', async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'judging-money-failed');
    await signIn(page, suite.server.url, 'henglan');
    await clickWhenStill(page, 'nav-campaigns');
    await page.getByTestId('campaign-table').getByText('横栏镇慈善帮扶（2022—2024）').click();
    await page.getByTestId('campaign-page').waitFor();
    await expect.poll(() => page.getByTestId('campaign-stat-received').textContent(), patient).toBe('1,926.8万元');
    expect(await page.getByTestId('campaign-stat-pledged').textContent()).toBe('1,950万元');
    expect(await page.getByTestId('campaign-stat-overdue').textContent()).toBe('23.2万元');
    await screenshot(page, 'judging-campaign');
    await context.close();

    const anhui = await newPage(suite.browser);
    onFailure(anhui.page, 'judging-leads-failed');
    await signIn(anhui.page, suite.server.url, 'anhui');
    const hefei = await suite.server.handle.db.selectFrom('divisions').select('id').where('name', '=', '合肥市').executeTakeFirstOrThrow();
    // A signed lead: its contract amount is in the form too, and must come back unchanged (not sent).
    await anhui.page.goto(`${suite.server.url}/leads?divisionId=${hefei.id}&stage=signed`);
    await expect.poll(() => anhui.page.getByTestId('lead-figure-contract').textContent(), patient).toBe('480.4亿元');
    await anhui.page.getByTestId('lead-table').locator('[data-testid^="lead-link-"]').first().click();
    await anhui.page.getByTestId('lead-history').waitFor();
    await screenshot(anhui.page, 'judging-lead');
    await anhui.context.close();

    const huangshan = await newPage(suite.browser);
    onFailure(huangshan.page, 'judging-assessments-failed');
    await signIn(huangshan.page, suite.server.url, 'huangshan');
    await huangshan.page.goto(`${suite.server.url}/assessments?status=final`);
    const links = huangshan.page.getByTestId('assessment-table').locator('[data-testid^="assessment-link-"]');
    await expect.poll(() => links.count(), patient).toBe(12);
    await links.first().click();
    await huangshan.page.getByTestId('assessment-page').waitFor();
    expect(Number(await huangshan.page.getByTestId('assessment-stars').getAttribute('data-stars'))).toBeGreaterThanOrEqual(3);
    await screenshot(huangshan.page, 'judging-assessment');
    await huangshan.context.close();
  }, 240_000);
  it('staff void a receipt with a reason and the received figure drops by exactly its amount; a Hefei lead gets a new sector, and only that field is sent', async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'judging-void-receipt-failed');
    await signIn(page, suite.server.url, 'henglan');
    const campaign = await suite.server.handle.db.selectFrom('campaigns').select('id').where('title', '=', '横栏镇慈善帮扶（2022—2024）').executeTakeFirstOrThrow();
    await clickWhenStill(page, 'nav-campaigns');
    await clickWhenStill(page, `campaign-link-${campaign.id}`);
    await page.getByTestId('campaign-page').waitFor();
    const received = page.getByTestId('campaign-stat-received');
    await received.waitFor();
    const receivedFen = Number(await received.getAttribute('data-fen'));
    expect(await received.textContent()).toBe(formatFen(receivedFen));

    // The first receipt that can still be voided: its exact amount (fen) as the page shows it.
    await clickWhenStill(page, 'campaign-tab-receipts');
    const voidButton = page.getByTestId('receipt-table').locator('[data-testid^="receipt-void-"]').first();
    await voidButton.waitFor();
    const receiptId = Number(((await voidButton.getAttribute('data-testid')) ?? '').replace('receipt-void-', ''));
    expect(receiptId).toBeGreaterThan(0);
    const amountFen = Number(await page.getByTestId(`receipt-amount-${receiptId}`).getAttribute('data-fen'));
    expect(amountFen).toBeGreaterThan(0);
    expect(await page.getByTestId(`receipt-amount-${receiptId}`).textContent()).toBe(formatFen(amountFen));

    await clickWhenStill(page, `receipt-void-${receiptId}`);
    await page.getByTestId('receipt-void-reason').fill('重复录入（浏览器测试）');
    await clickWhenStill(page, 'receipt-void-ok');
    await page.getByTestId(`receipt-voided-${receiptId}`).waitFor(patient);
    await page.getByTestId('receipt-void-ok').waitFor({ state: 'hidden', ...patient });
    await expect.poll(() => received.textContent(), patient).toBe(formatFen(receivedFen - amountFen));
    // Still listed (marked, struck through), with its amount.
    expect(await page.getByTestId(`receipt-amount-${receiptId}`).textContent()).toBe(formatFen(amountFen));
    expect(await page.getByTestId(`receipt-void-${receiptId}`).count()).toBe(0);
    await screenshot(page, 'judging-receipt-voided');
    await context.close();

    const anhui = await newPage(suite.browser);
    onFailure(anhui.page, 'judging-lead-edit-failed');
    await signIn(anhui.page, suite.server.url, 'anhui');
    const hefei = await suite.server.handle.db.selectFrom('divisions').select('id').where('name', '=', '合肥市').executeTakeFirstOrThrow();
    // A signed lead: its contract amount is in the form too, and must come back unchanged (not sent).
    await anhui.page.goto(`${suite.server.url}/leads?divisionId=${hefei.id}&stage=signed`);
    const link = anhui.page.getByTestId('lead-table').locator('[data-testid^="lead-link-"]').first();
    await link.waitFor(patient);
    const linkId = (await link.getAttribute('data-testid'))!;
    await clickWhenStill(anhui.page, linkId);
    await anhui.page.getByTestId('lead-history').waitFor();
    const sector = '新能源（浏览器测试）';
    expect(await anhui.page.getByTestId('lead-sector').textContent()).not.toBe(sector);
    const contract = await anhui.page.getByTestId('lead-contract').textContent();
    expect(contract).toMatch(/元$/);
    await clickWhenStill(anhui.page, 'lead-edit');
    await expect.poll(() => inputOf(anhui.page, 'lead-form-firm').inputValue(), patient).not.toBe('');
    expect(await inputOf(anhui.page, 'lead-form-contract').inputValue()).not.toBe('');
    await inputOf(anhui.page, 'lead-form-sector').fill(sector);
    const patch = anhui.page.waitForRequest((request) => request.method() === 'PATCH' && /\/api\/leads\/\d+$/.test(new URL(request.url()).pathname));
    await clickWhenStill(anhui.page, 'lead-drawer-save');
    const sent = (await patch).postDataJSON() as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(['sector', 'version']);
    expect(sent.sector).toBe(sector);
    await expect.poll(() => anhui.page.getByTestId('lead-sector').textContent(), patient).toBe(sector);
    await anhui.page.getByTestId('lead-drawer-save').waitFor({ state: 'hidden', ...patient });
    expect(await anhui.page.getByTestId('lead-contract').textContent()).toBe(contract);
    await screenshot(anhui.page, 'judging-lead-edited');
    await anhui.context.close();
  }, 240_000);
});
