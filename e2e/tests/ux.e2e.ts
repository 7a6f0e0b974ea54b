import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot } from '../support/browser.ts';
import { clickWhenStill, inputOf, onFailure, signIn } from '../support/pages.ts';
import { useBrowserSuite } from '../support/suite.ts';

/**
 * Issue 17: office pages a new staff member gets right the first time. Each test here failed
 * before its fix: a form that replaced what was typed, a follow-up form that answered for the
 * caller, a contact clock met by a reply, a blind review whose public page named the applicants.
 */
const suite = useBrowserSuite();

const patient = { timeout: 30_000 };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/** This year's demo competition: blind review open, jinshan.expert1 among its raters. */
async function currentCompetition(): Promise<{ id: number; applicants: string[] }> {
  const row = await suite.server.handle.db.selectFrom('competitions').select('id').where('title', 'like', '% 年度金山区统战创新项目评审').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const applicants = await suite.server.handle.db
    .selectFrom('competition_entries')
    .innerJoin('organisations', 'organisations.id', 'competition_entries.organisation_id')
    .select('organisations.name')
    .where('competition_entries.competition_id', '=', row.id)
    .execute();
  return { id: row.id, applicants: applicants.map((a) => a.name) };
}

const errorsOf = (page: Page) => page.locator('.ant-form-item-explain-error').allTextContents();

describe('forms keep what the user typed', () => {
  it('a score of 35 in a 0–30 field is refused with the field’s message, stays as typed, and nothing is saved', async () => {
    const { id } = await currentCompetition();
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'ux-score-range-failed');
    await signIn(page, suite.server.url, 'jinshan.expert1');
    await page.goto(`${suite.server.url}/competitions/${id}/review`);
    await page.getByTestId('score-sheet').waitFor();
    const progress = await page.getByTestId('review-progress').textContent();
    const saves: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().includes('/review/entries/')) saves.push(request.url());
    });
    await inputOf(page, 'score-innovation').fill('35');
    await inputOf(page, 'score-effect').fill('30');
    await inputOf(page, 'score-model').fill('20');
    await inputOf(page, 'score-recommend').fill('1');
    await clickWhenStill(page, 'score-save');
    await expect.poll(() => errorsOf(page), patient).toEqual(['不能大于 30']);
    expect(await inputOf(page, 'score-innovation').inputValue()).toBe('35');
    expect(saves).toEqual([]);
    expect(await page.getByTestId('review-progress').textContent()).toBe(progress);
    await screenshot(page, 'ux-score-refused');
    await context.close();
  });
});

describe('follow-up calls are not pre-filled', () => {
  it('the 回访 form opens with no answer chosen and refuses to save without both; a replied case without a logged contact does not show the contact clock as met', async () => {
    const replied = await suite.server.handle.db
      .selectFrom('cases')
      .select('id')
      .where('state', '=', 'replied')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('case_events').select('case_events.id').whereRef('case_events.case_id', '=', 'cases.id').where('case_events.action', '=', 'contacted'))))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'ux-follow-up-failed');
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/cases/${replied.id}`);
    await page.getByTestId('case-detail-page').waitFor();
    const contact = page.getByTestId('case-clock-contact');
    await contact.waitFor();
    expect(await contact.textContent()).toMatch(/^联系时限: 未记录联系 · 结束 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await page.getByTestId('case-clock-reply').textContent()).toMatch(/^答复时限: (按时|超时完成) · 完成 .+ · 截止 .+$/);

    await clickWhenStill(page, 'case-step-followed_up');
    await page.getByTestId('case-step-ok').waitFor();
    expect(await page.getByTestId('case-step-satisfaction').locator('input:checked').count()).toBe(0);
    expect(await page.getByTestId('case-step-solved').locator('input:checked').count()).toBe(0);
    await clickWhenStill(page, 'case-step-ok');
    await expect.poll(() => errorsOf(page), patient).toHaveLength(2);
    expect(await page.getByTestId('case-step-ok').isVisible()).toBe(true);
    const state = await suite.server.handle.db.selectFrom('cases').select('state').where('id', '=', replied.id).executeTakeFirstOrThrow();
    expect(state.state).toBe('replied');
    await context.close();
  });
});

describe('blind review', () => {
  it('a rater of the blind review opens the public vote page on a phone and it names no applicant', async () => {
    const { id, applicants } = await currentCompetition();
    expect(applicants.length).toBeGreaterThan(0);
    // The public vote of this year's round opens while the review is still blind.
    await suite.server.handle.db.updateTable('competition_phases').set({ opened_at: new Date().toISOString() }).where('competition_id', '=', id).where('kind', '=', 'public_vote').execute();
    const { context, page } = await newPage(suite.browser, phone);
    onFailure(page, 'ux-blind-public-failed');
    await signIn(page, suite.server.url, 'jinshan.expert1');
    await page.goto(`${suite.server.url}/public/competitions/${id}`);
    await page.getByTestId('public-vote').waitFor();
    const text = (await page.getByTestId('public-vote').textContent()) ?? '';
    expect(await page.locator('[data-testid^="vote-entry-"]').count()).toBeGreaterThan(0);
    expect(applicants.length).toBeGreaterThan(0);
    for (const name of applicants) expect(text).not.toContain(name);
    await screenshot(page, 'ux-blind-public-phone');
    await context.close();
  });
});

describe('drill-down at the default view', () => {
  it('with "all divisions" a figure opens its list with the same count, and the period it applies is shown and can be cleared', async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'ux-drill-all-failed');
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/dashboard`);
    await page.getByTestId('dashboard-ready').waitFor();
    expect(new URL(page.url()).searchParams.get('divisionId')).toBe(null);
    const text = await page.getByTestId('figure-cases').locator('.ant-statistic-content-value').innerText();
    const cases = Number(text.replace(/[^\d]/g, ''));
    expect(cases).toBeGreaterThan(0);
    await clickWhenStill(page, 'figure-cases');
    await page.getByTestId('cases-page').waitFor();
    const params = new URL(page.url()).searchParams;
    expect(params.get('divisionId')).toBe(null);
    expect(params.get('from')).toMatch(/^\d{4}-\d\d-\d\d$/);
    await page.locator('.ant-pagination-total-text').getByText(`共 ${cases} 条`).waitFor();
    // The period is not a control of the cases filter bar: it is a chip that says so and clears.
    const chip = page.getByTestId('applied-filter-period');
    expect(await chip.textContent()).toMatch(/^受理时间 \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d/);
    await screenshot(page, 'ux-drill-all-cases');
    await chip.locator('.ant-tag-close-icon').click();
    await expect.poll(() => chip.count(), patient).toBe(0);
    expect([new URL(page.url()).searchParams.get('from'), new URL(page.url()).searchParams.get('to')]).toEqual([null, null]);
    await context.close();
  });
});

describe('closed-loop view', () => {
  it('is a paged table of every project with the stages as columns, problem projects first; "on track" lists the rest', async () => {
    const { context, page } = await newPage(suite.browser, { viewport: { width: 1440, height: 900 } });
    onFailure(page, 'ux-closed-loop-failed');
    await signIn(page, suite.server.url, 'admin');
    await page.goto(`${suite.server.url}/projects/closed-loop`);
    const table = page.getByTestId('closed-loop-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const projects = await suite.server.handle.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).where('archived_at', 'is', null).executeTakeFirstOrThrow();
    expect(Number(projects.n)).toBeGreaterThan(20);
    await page.locator('.ant-pagination-total-text').getByText(`共 ${Number(projects.n)} 条`).waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers.filter((h) => ['计划中', '进行中', '已完成', '已验收'].includes(h.trim()))).toEqual(['计划中', '进行中', '已完成', '已验收']);
    // The first page starts with the projects that have an overdue or unevidenced milestone.
    const firstOverdue = await table.locator('tbody tr.ant-table-row').first().locator('.ant-tag-red, .ant-tag-orange').count();
    expect(firstOverdue).toBeGreaterThan(0);
    await screenshot(page, 'ux-closed-loop');
    await page.getByTestId('closed-loop-problem').getByText('正常').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('problem'), patient).toBe('false');
    await expect.poll(async () => table.locator('tbody tr.ant-table-row').count(), patient).toBeGreaterThan(0);
    await expect.poll(async () => table.locator('tbody .ant-tag-red, tbody .ant-tag-orange').count(), patient).toBe(0);
    await context.close();
  });
});

describe('words in the audit log', () => {
  it('shows actions and system actors as words in English and Chinese, never as raw keys', async () => {
    const at = new Date().toISOString();
    const entries = [
      { action: 'portal.submit', actor: 'portal', entity: 'case' },
      { action: 'need.expire', actor: 'system', entity: 'need' },
      { action: 'case.dispatch', actor: 'system', entity: 'case' },
    ];
    for (const e of entries) {
      await suite.server.handle.db.insertInto('audit_log').values({ at, actor_id: null, actor_name: e.actor, action: e.action, entity: e.entity, entity_id: '1', division_id: null, ip: null, request_id: null, detail: null }).execute();
    }
    for (const [locale, expected] of [
      ['en', ['Request submitted on the portal', 'Public portal', 'Need expired', 'System', 'Request · Dispatch']],
      ['zh-CN', ['群众在线提交诉求', '群众门户', '需求到期', '系统', '诉求 · 派单']],
    ] as const) {
      // The page speaks the user's remembered language.
      await suite.server.handle.db.updateTable('users').set({ locale }).where('username', '=', 'admin').execute();
      const { context, page } = await newPage(suite.browser, { locale, viewport: { width: 1440, height: 900 } });
      onFailure(page, `ux-audit-${locale}-failed`);
      await signIn(page, suite.server.url, 'admin');
      await page.goto(`${suite.server.url}/audit`);
      const table = page.getByTestId('audit-table');
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      const text = (await table.locator('tbody').innerText()).replace(/\s+/g, ' ');
      for (const words of expected) expect(text, locale).toContain(words);
      for (const raw of ['portal.submit', 'need.expire', 'case.dispatch']) expect(text, locale).not.toContain(raw);
      await context.close();
    }
  });
});
