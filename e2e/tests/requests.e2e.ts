import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, newPage, screenshot } from '../support/browser.ts';
import { signIn, onFailure, clickWhenStill, clickOption } from '../support/pages.ts';
import { useBrowserSuite } from '../support/suite.ts';

const suite = useBrowserSuite();

/** Solve the portal's arithmetic check as a person would: read the question, type the answer. */
async function solveCheck(page: Page): Promise<void> {
  const question = page.getByTestId('portal-challenge-question');
  await expect.poll(() => question.textContent(), { timeout: 15_000 }).toMatch(/=/);
  const match = /(\d+)\s*([+-])\s*(\d+)/.exec((await question.textContent()) ?? '');
  if (!match) throw new Error(`unexpected check: ${await question.textContent()}`);
  const answer = match[2] === '+' ? Number(match[1]) + Number(match[3]) : Number(match[1]) - Number(match[3]);
  await page.getByTestId('portal-challenge-answer').locator('xpath=self::input | .//input').first().fill(String(answer));
}

/** Open a case's step dialog, fill what the step needs, confirm, and wait for the new state. */
async function takeStep(page: Page, to: string, fill?: () => Promise<void>): Promise<void> {
  await clickWhenStill(page, `case-step-${to}`);
  await page.getByTestId('case-step-ok').waitFor();
  await fill?.();
  await clickWhenStill(page, 'case-step-ok');
  await page.getByTestId('case-step-ok').waitFor({ state: 'hidden' });
}

const stateOf = (page: Page) => page.getByTestId('case-detail-page').getByTestId('case-state').first().getAttribute('data-state');

describe('requests in a real browser', () => {
  it('a resident submits a help request on the portal signed out, staff dispatch it, the unit replies, staff follow up, and the portal shows the status and reply without staff notes', async () => {
    const title = '方夏村路灯不亮';
    const replyText = '已联系镇市政所，方夏村主路路灯已全部修复。';
    const staffNote = '内部备注：该路段去年已报修两次';
    const dispatchNote = '请赵巷镇三日内处理';

    // 1. The resident, not signed in, on a phone-sized screen.
    const resident = await newContext(suite.browser, { locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const portal = await resident.newPage();
    onFailure(portal, 'requests-portal-failed');
    await portal.goto(`${suite.server.url}/portal`);
    await portal.getByTestId('portal-title').waitFor();
    await portal.locator('label', { has: portal.getByTestId('portal-category-help') }).click();
    await portal.getByTestId('portal-division-search').locator('input').fill('方夏村');
    await portal.getByTestId('portal-division-search').locator('input').press('Enter');
    await portal.locator('[data-testid^="portal-division-hit-"]', { hasText: '方夏村' }).first().click();
    await portal.getByTestId('portal-division-current').waitFor();
    expect(await portal.getByTestId('portal-division-current').textContent()).toContain('方夏村');
    await portal.getByTestId('portal-title').fill(title);
    await portal.getByTestId('portal-content').fill('村东主路十多盏路灯一周没亮，晚上老人出行不便。');
    await portal.getByTestId('portal-name').fill('陈阿姨');
    await portal.getByTestId('portal-phone').fill('13900004321');
    await solveCheck(portal);
    await screenshot(portal, 'requests-portal-form');
    // A double click sends one request (the button is busy after the first, and both carry one key).
    await portal.getByTestId('portal-submit').dblclick();
    const ticketNo = ((await portal.getByTestId('portal-ticket').textContent()) ?? '').trim();
    expect(ticketNo).toMatch(/^TX\d{6}-[0-9A-Z]{8}$/);
    await screenshot(portal, 'requests-portal-ticket');
    const rows = await suite.server.handle.db.selectFrom('cases').select(['ticket_no', 'state', 'channel']).where('title', '=', title).execute();
    expect(rows).toEqual([{ ticket_no: ticketNo, state: 'received', channel: 'portal' }]);

    // 2. District staff find it in the list (filter kept in the URL) and dispatch it to 赵巷镇's office.
    const { context: staffContext, page: staff } = await newPage(suite.browser);
    onFailure(staff, 'requests-staff-failed');
    await signIn(staff, suite.server.url, 'qingpu');
    await clickWhenStill(staff, 'nav-cases');
    await staff.getByTestId('case-table').waitFor();
    await staff.getByTestId('case-filter-q').locator('input').fill(ticketNo);
    await staff.getByTestId('case-filter-q').locator('input').press('Enter');
    await expect.poll(() => staff.url(), { timeout: 15_000 }).toContain(`q=${ticketNo}`);
    const row = staff.locator('[data-testid="case-table"] tr', { hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain('139****4321');
    await row.locator('[data-testid^="case-link-"]').click();
    await staff.getByTestId('case-detail-page').waitFor();
    const caseUrl = staff.url();
    expect(await stateOf(staff)).toBe('received');
    await staff.getByTestId('case-note-input').fill(staffNote);
    await clickWhenStill(staff, 'case-note-add');
    await staff.getByTestId('case-history').getByText(staffNote).waitFor();
    await takeStep(staff, 'dispatched', async () => {
      await clickWhenStill(staff, 'case-step-unit');
      await staff.keyboard.type('赵巷镇');
      await clickOption(staff, '赵巷镇 · ');
      await staff.getByTestId('case-step-note').fill(dispatchNote);
    });
    await expect.poll(() => stateOf(staff), { timeout: 15_000 }).toBe('dispatched');
    expect(await staff.getByTestId('case-lead-unit').textContent()).toBe('赵巷镇');
    await screenshot(staff, 'requests-staff-dispatched');

    // 3. The unit's user sees it waiting in the inbox, signs, works, calls the person and replies.
    const { context: unitContext, page: unit } = await newPage(suite.browser);
    onFailure(unit, 'requests-unit-failed');
    await signIn(unit, suite.server.url, 'zhaoxiang');
    await expect.poll(async () => Number(await unit.getByTestId('inbox-badge').getAttribute('data-count')), { timeout: 15_000 }).toBeGreaterThan(0);
    await clickWhenStill(unit, 'inbox-badge');
    await unit.getByTestId('inbox-page').waitFor();
    await clickWhenStill(unit, 'inbox-tab-to_accept');
    await unit.getByTestId('inbox-list').getByText(title).click();
    await unit.getByTestId('case-detail-page').waitFor();
    await takeStep(unit, 'accepted');
    await expect.poll(() => stateOf(unit), { timeout: 15_000 }).toBe('accepted');
    await takeStep(unit, 'in_progress');
    await expect.poll(() => stateOf(unit), { timeout: 15_000 }).toBe('in_progress');
    await clickWhenStill(unit, 'case-contact');
    await unit.getByTestId('case-history').getByText('联系群众').waitFor();
    await takeStep(unit, 'replied', async () => {
      await unit.getByTestId('case-step-reply').fill(replyText);
    });
    await expect.poll(() => stateOf(unit), { timeout: 15_000 }).toBe('replied');
    await screenshot(unit, 'requests-unit-replied');
    await unitContext.close();

    // 4. Staff call back (回访): satisfied, solved; then close.
    await staff.goto(caseUrl);
    await staff.getByTestId('case-detail-page').waitFor();
    await expect.poll(() => stateOf(staff), { timeout: 15_000 }).toBe('replied');
    await staff.getByTestId('case-reply').getByText(replyText).waitFor();
    await takeStep(staff, 'followed_up', async () => {
      await staff.getByTestId('case-step-satisfaction').getByText('满意', { exact: true }).click();
      await staff.getByTestId('case-step-solved').getByText('已解决', { exact: true }).click();
    });
    await expect.poll(() => stateOf(staff), { timeout: 15_000 }).toBe('followed_up');
    await takeStep(staff, 'closed');
    await expect.poll(() => stateOf(staff), { timeout: 15_000 }).toBe('closed');
    await screenshot(staff, 'requests-staff-closed');
    await staffContext.close();

    // 5. The resident tracks the ticket: the new status and the reply, but no staff notes.
    await portal.goto(`${suite.server.url}/portal/track?ticket=${encodeURIComponent(ticketNo)}`);
    await portal.getByTestId('portal-track-phone').fill('4321');
    await clickWhenStill(portal, 'portal-track-submit');
    await portal.getByTestId('portal-track-result').waitFor();
    expect(await portal.getByTestId('portal-track-status').getAttribute('data-status')).toBe('closed');
    expect(await portal.getByTestId('portal-track-reply').textContent()).toBe(replyText);
    const shown = (await portal.getByTestId('portal-track-result').textContent()) ?? '';
    expect(shown).toContain('赵巷镇');
    expect(shown).not.toContain(staffNote);
    expect(shown).not.toContain(dispatchNote);
    expect(shown).not.toContain('赵立新'); // the handler's name stays inside
    expect(shown).not.toContain('13900004321');
    await screenshot(portal, 'requests-portal-track');

    // Wrong digits get the same answer as an unknown ticket.
    await portal.getByTestId('portal-track-phone').fill('0000');
    await clickWhenStill(portal, 'portal-track-submit');
    await portal.getByTestId('portal-track-error').waitFor();
    await resident.close();
  }, 420_000);

  it('a wish submitted on the portal waits for review, is published, claimed for a chamber, fulfilled and confirmed; the portal follows it', async () => {
    const title = '为独居老人送一台助听器';
    const resident = await newContext(suite.browser, { locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const portal = await resident.newPage();
    onFailure(portal, 'requests-wish-portal-failed');
    await portal.goto(`${suite.server.url}/portal`);
    await portal.getByTestId('portal-title').waitFor();
    await portal.getByTestId('portal-division-search').locator('input').fill('华新镇');
    await portal.getByTestId('portal-division-search').locator('input').press('Enter');
    await portal.locator('[data-testid^="portal-division-hit-"]', { hasText: '华新镇' }).first().click();
    await portal.getByTestId('portal-title').fill(title);
    await portal.getByTestId('portal-content').fill('老人听力下降，打电话听不清，希望有人帮忙配一台助听器。');
    await portal.getByTestId('portal-phone').fill('13900005678');
    await solveCheck(portal);
    await clickWhenStill(portal, 'portal-submit');
    const ticketNo = ((await portal.getByTestId('portal-ticket').textContent()) ?? '').trim();
    const track = async () => {
      await portal.goto(`${suite.server.url}/portal/track?ticket=${encodeURIComponent(ticketNo)}`);
      await portal.getByTestId('portal-track-phone').fill('5678');
      await clickWhenStill(portal, 'portal-track-submit');
      await portal.getByTestId('portal-track-result').waitFor();
      return portal.getByTestId('portal-track-status').getAttribute('data-status');
    };
    expect(await track()).toBe('awaiting_review');

    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'requests-wish-staff-failed');
    await signIn(page, suite.server.url, 'huaxin');
    await page.goto(`${suite.server.url}/needs?view=all&q=${encodeURIComponent(title)}`);
    await page.locator('[data-testid="need-table"] [data-testid^="need-link-"]', { hasText: title }).click();
    await page.getByTestId('need-detail-page').waitFor();
    const needState = () => page.getByTestId('need-detail-page').getByTestId('need-state').first().getAttribute('data-state');
    await clickWhenStill(page, 'need-publish');
    await page.getByTestId('need-step-claimed').waitFor();
    await clickWhenStill(page, 'need-step-claimed');
    await clickWhenStill(page, 'need-step-organisation');
    await page.keyboard.type('华新镇商会');
    await clickOption(page, '华新镇商会');
    await clickWhenStill(page, 'need-step-ok');
    await expect.poll(needState, { timeout: 30_000 }).toBe('claimed');
    expect(await page.getByTestId('need-claimant').textContent()).toBe('华新镇商会');
    await clickWhenStill(page, 'need-step-fulfilled');
    await clickWhenStill(page, 'need-step-ok');
    await expect.poll(needState, { timeout: 30_000 }).toBe('fulfilled');
    await clickWhenStill(page, 'need-step-confirmed');
    await clickWhenStill(page, 'need-step-ok');
    await expect.poll(needState, { timeout: 30_000 }).toBe('confirmed');
    await screenshot(page, 'requests-wish-confirmed');
    await context.close();

    expect(await track()).toBe('closed');
    const shown = (await portal.getByTestId('portal-track-steps').textContent()) ?? '';
    expect(shown).toContain('华新镇商会');
    expect(shown).not.toContain('许华'); // the staff member's name stays inside
    await screenshot(portal, 'requests-wish-track');
    await resident.close();
  }, 420_000);

  it('a wish that needs a government unit: submitted signed out, staff route it to dispatch (转为派单办理), the unit replies, staff follow up, and the same ticket shows it on the portal', async () => {
    const title = '方夏村桥头护栏松动';
    const replyText = '镇建管所已加固方夏村桥头护栏。';
    const routeNote = '内部：需镇建管所处理，非组织认领';
    const resident = await newContext(suite.browser, { locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const portal = await resident.newPage();
    onFailure(portal, 'requests-routed-portal-failed');
    await portal.goto(`${suite.server.url}/portal`);
    await portal.getByTestId('portal-title').waitFor();
    await portal.getByTestId('portal-division-search').locator('input').fill('方夏村');
    await portal.getByTestId('portal-division-search').locator('input').press('Enter');
    await portal.locator('[data-testid^="portal-division-hit-"]', { hasText: '方夏村' }).first().click();
    await portal.getByTestId('portal-title').fill(title);
    await portal.getByTestId('portal-content').fill('桥头护栏有两根松动，孩子上学经过很危险，希望尽快修好。');
    await portal.getByTestId('portal-phone').fill('13900002468');
    await solveCheck(portal);
    await clickWhenStill(portal, 'portal-submit');
    const ticketNo = ((await portal.getByTestId('portal-ticket').textContent()) ?? '').trim();
    expect(ticketNo).toMatch(/^TX\d{6}-[0-9A-Z]{8}$/);
    const track = async () => {
      await portal.goto(`${suite.server.url}/portal/track?ticket=${encodeURIComponent(ticketNo)}`);
      await portal.getByTestId('portal-track-phone').fill('2468');
      await clickWhenStill(portal, 'portal-track-submit');
      await portal.getByTestId('portal-track-result').waitFor();
      return portal.getByTestId('portal-track-status').getAttribute('data-status');
    };
    expect(await track()).toBe('awaiting_review');

    // Staff open the wish and route it to dispatch; the page moves to the new case.
    const { context: staffContext, page: staff } = await newPage(suite.browser);
    onFailure(staff, 'requests-routed-staff-failed');
    await signIn(staff, suite.server.url, 'qingpu');
    await staff.goto(`${suite.server.url}/needs?view=all&q=${encodeURIComponent(title)}`);
    await staff.locator('[data-testid="need-table"] [data-testid^="need-link-"]', { hasText: title }).click();
    await staff.getByTestId('need-detail-page').waitFor();
    await clickWhenStill(staff, 'need-route-to-case');
    await staff.getByTestId('need-route-note').fill(routeNote);
    await clickWhenStill(staff, 'need-route-ok');
    await staff.getByTestId('case-detail-page').waitFor();
    await expect.poll(() => staff.url(), { timeout: 15_000 }).toMatch(/\/cases\/\d+$/);
    const caseUrl = staff.url();
    expect(await stateOf(staff)).toBe('received');
    expect(await suite.server.handle.db.selectFrom('needs').select('state').where('ticket_no', '=', ticketNo).execute()).toEqual([{ state: 'withdrawn' }]);
    expect(await track()).toBe('received');
    await takeStep(staff, 'dispatched', async () => {
      await clickWhenStill(staff, 'case-step-unit');
      await staff.keyboard.type('赵巷镇');
      await clickOption(staff, '赵巷镇 · ');
    });
    await expect.poll(() => stateOf(staff), { timeout: 15_000 }).toBe('dispatched');
    await screenshot(staff, 'requests-routed-dispatched');

    // The unit signs, works and replies.
    const { context: unitContext, page: unit } = await newPage(suite.browser);
    onFailure(unit, 'requests-routed-unit-failed');
    await signIn(unit, suite.server.url, 'zhaoxiang');
    await unit.goto(caseUrl);
    await unit.getByTestId('case-detail-page').waitFor();
    await takeStep(unit, 'accepted');
    await expect.poll(() => stateOf(unit), { timeout: 15_000 }).toBe('accepted');
    await takeStep(unit, 'in_progress');
    await expect.poll(() => stateOf(unit), { timeout: 15_000 }).toBe('in_progress');
    await takeStep(unit, 'replied', async () => {
      await unit.getByTestId('case-step-reply').fill(replyText);
    });
    await expect.poll(() => stateOf(unit), { timeout: 15_000 }).toBe('replied');
    await unitContext.close();
    expect(await track()).toBe('replied');

    // Staff call back (回访).
    await staff.goto(caseUrl);
    await staff.getByTestId('case-detail-page').waitFor();
    await expect.poll(() => stateOf(staff), { timeout: 15_000 }).toBe('replied');
    await takeStep(staff, 'followed_up', async () => {
      await staff.getByTestId('case-step-satisfaction').getByText('满意', { exact: true }).click();
      await staff.getByTestId('case-step-solved').getByText('已解决', { exact: true }).click();
    });
    await expect.poll(() => stateOf(staff), { timeout: 15_000 }).toBe('followed_up');
    await staffContext.close();

    // The resident's ticket now shows the case: routed, handled by 赵巷镇, the final reply; no staff note.
    expect(await track()).toBe('replied');
    expect(await portal.getByTestId('portal-track-reply').textContent()).toBe(replyText);
    const shown = (await portal.getByTestId('portal-track-result').textContent()) ?? '';
    expect(shown).toContain('转为派单办理');
    expect(shown).toContain('赵巷镇');
    expect(shown).not.toContain(routeNote);
    expect(shown).not.toContain('13900002468');
    await screenshot(portal, 'requests-routed-track');
    await resident.close();
  }, 420_000);
});
