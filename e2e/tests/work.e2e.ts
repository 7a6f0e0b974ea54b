import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot } from '../support/browser.ts';
import { signIn, onFailure, clickWhenStill, clickOption } from '../support/pages.ts';
import { useBrowserSuite } from '../support/suite.ts';

/** The server's clock: a test moves it forward (overdue flags) instead of waiting. */
let now = new Date();
const clock = { now: () => now };
const dayMs = 86_400_000;

const suite = useBrowserSuite({ clock });

/** A calendar date in Beijing, `days` from the server's now. */
function shanghaiDate(days: number): string {
  return new Date(now.getTime() + days * dayMs + 8 * 3_600_000).toISOString().slice(0, 10);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A real 16×16 PNG (red and gold stripes), made here rather than read from a fixture file. */
function tinyPng(): Buffer {
  const size = 16;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Array.from({ length: size }, (_, y) => Buffer.from([0, ...Array.from({ length: size }, () => (y % 4 < 2 ? [200, 16, 46] : [255, 200, 0])).flat()]));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Type a date into an antd DatePicker (the test id sits on the input or around it). */
async function fillDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId).locator('xpath=self::input | .//input').first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

describe('work pages in a real browser', () => {
  it('creates a project with two milestones, completes one with evidence, and flags the other overdue once the clock passes its due date', async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'work-project-failed');
    await signIn(page, suite.server.url, 'qingpu');
    await clickWhenStill(page, 'nav-projects');
    await page.getByTestId('project-table').waitFor();

    await clickWhenStill(page, 'project-create');
    await page.getByTestId('project-form-title').fill('青浦区“同心圆”入户走访项目');
    await page.getByTestId('project-form-goal').fill('年内走访全部困难家庭，建立一户一档。');
    await clickWhenStill(page, 'project-form-milestone-add');
    await page.getByTestId('project-form-milestone-title-0').fill('制定走访方案');
    await fillDate(page, 'project-form-milestone-due-0', shanghaiDate(10));
    await clickWhenStill(page, 'project-form-milestone-add');
    await page.getByTestId('project-form-milestone-title-1').fill('完成首轮入户走访');
    await fillDate(page, 'project-form-milestone-due-1', shanghaiDate(3));
    await clickWhenStill(page, 'project-drawer-save');

    await page.getByTestId('project-page').waitFor();
    expect(await page.getByTestId('project-title').textContent()).toBe('青浦区“同心圆”入户走访项目');
    const planRow = page.locator('[data-testid="milestone-table"] tr', { hasText: '制定走访方案' });
    const visitRow = page.locator('[data-testid="milestone-table"] tr', { hasText: '完成首轮入户走访' });
    await visitRow.waitFor();
    expect(await page.locator('[data-testid^="milestone-overdue-"]').count()).toBe(0);

    // Start the project: only the next allowed state is offered.
    expect(await page.getByTestId('project-status-buttons').locator('button').count()).toBe(1);
    await clickWhenStill(page, 'project-move-active');
    await page.getByTestId('project-move-done').waitFor();
    await expect.poll(() => page.getByTestId('project-status').first().textContent(), { timeout: 15_000 }).toBe('进行中');

    // Complete the plan with evidence text and a file.
    await planRow.locator('[data-testid^="milestone-complete-"]').click();
    await page.getByTestId('milestone-evidence').fill('方案已经区统战部部务会审议通过。');
    await page.getByTestId('milestone-complete-modal').locator('input[type=file]').setInputFiles({ name: '方案审议.png', mimeType: 'image/png', buffer: tinyPng() });
    await clickWhenStill(page, 'milestone-complete-ok');
    await planRow.getByText('方案已经区统战部部务会审议通过。').waitFor();
    await planRow.getByText('方案审议.png').waitFor();
    expect(await planRow.locator('[data-testid^="milestone-unevidenced-"]').count()).toBe(0);

    // Five days later (server clock; the session has expired by then), the visit milestone due in three days is overdue.
    const projectUrl = page.url();
    now = new Date(now.getTime() + 5 * dayMs);
    await signIn(page, suite.server.url, 'qingpu');
    await page.goto(projectUrl);
    await visitRow.locator('[data-testid^="milestone-overdue-"]').waitFor();
    expect(await planRow.locator('[data-testid^="milestone-overdue-"]').count()).toBe(0);
    await page.getByTestId('project-overdue').waitFor();
    expect(await page.getByTestId('project-today').textContent()).toBe(shanghaiDate(0));
    await screenshot(page, 'work-project-overdue');

    // The list flags it too, and "overdue only" keeps it (in the URL).
    await clickWhenStill(page, 'nav-projects');
    await clickWhenStill(page, 'project-filter-overdue');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('overdue=true');
    await page.locator('[data-testid="project-table"] tr', { hasText: '青浦区“同心圆”入户走访项目' }).locator('[data-testid^="project-overdue-"]').waitFor();
    await context.close();
  }, 180_000);

  it('logs an activity with a photo and shows its thumbnail', async () => {
    const { context, page } = await newPage(suite.browser);
    await signIn(page, suite.server.url, 'qingpu');
    await clickWhenStill(page, 'nav-activities');
    await page.getByTestId('activity-table').waitFor();
    await clickWhenStill(page, 'activity-create');
    await page.getByTestId('activity-form-title').fill('重阳节走访慰问老党员');
    await page.getByTestId('activity-form-participants').locator('xpath=self::input | .//input').first().fill('12');
    await page.getByTestId('activity-form-summary').fill('走访慰问辖区 12 位老党员，送上节日问候。');
    await page.getByTestId('activity-drawer').locator('input[type=file]').setInputFiles({ name: '走访合影.png', mimeType: 'image/png', buffer: tinyPng() });
    await page.getByTestId('activity-drawer').locator('.ant-upload-list-item').first().waitFor();
    await clickWhenStill(page, 'activity-drawer-save');

    await page.getByTestId('activity-page').waitFor();
    expect(await page.getByTestId('activity-title').textContent()).toBe('重阳节走访慰问老党员');
    const thumb = page.getByTestId('activity-photos').locator('img').first();
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBe(16);
    await screenshot(page, 'work-activity-photo');
    await context.close();
  }, 180_000);

  it("opens the Lu'an pairing programme and sees its coverage, 13 of 29", async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'work-pairing-failed');
    await signIn(page, suite.server.url, 'anhui');
    await clickWhenStill(page, 'nav-pairings');
    const row = page.locator('[data-testid="programme-table"] tr', { hasText: '民主党派支部结对共建社区' });
    await row.waitFor();
    expect(await row.locator('[data-testid^="programme-coverage-"]').textContent()).toBe('13 / 29');
    await row.locator('[data-testid^="programme-link-"]').click();
    await page.getByTestId('programme-page').waitFor();
    expect(await page.getByTestId('programme-coverage').textContent()).toBe('13 / 29');
    expect(await page.getByTestId('tab-unpaired').textContent()).toContain('16');
    await page.getByTestId('pair-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('pair-table').locator('tbody tr.ant-table-row').count()).toBe(10);
    await screenshot(page, 'work-pairing-luan');

    // Pair one of the 16 unpaired branches with a community: coverage moves to 14 of 29.
    await clickWhenStill(page, 'tab-unpaired');
    await page.getByTestId('unpaired-table').locator('[data-testid^="pair-"]').first().click();
    await clickWhenStill(page, 'pair-partner');
    await page.keyboard.type('社区居民委员会');
    await clickOption(page, '社区居民委员会');
    await clickWhenStill(page, 'pair-save');
    await expect.poll(() => page.getByTestId('programme-coverage').textContent(), { timeout: 15_000 }).toBe('14 / 29');
    expect(await page.getByTestId('tab-unpaired').textContent()).toContain('15');
    await screenshot(page, 'work-pairing-paired');
    await context.close();
  }, 180_000);

  it('records a quarterly meeting with attendance and sees the quarter counted', async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'work-meeting-failed');
    await signIn(page, suite.server.url, 'zhaoxiang');
    await clickWhenStill(page, 'nav-liaison');
    await clickWhenStill(page, 'tab-meetings');
    await page.getByTestId('meetings-tab').waitFor();
    const quarter = Math.ceil(Number(shanghaiDate(0).slice(5, 7)) / 3);
    const before = Number((await page.getByTestId(`quarter-${quarter}`).locator('.ant-statistic-content-value').textContent()) ?? '0');
    await clickWhenStill(page, 'meeting-create');
    await page.getByTestId('activity-form-title').fill('本季度代表人士座谈会');
    await fillDate(page, 'activity-form-date', shanghaiDate(0));
    await clickWhenStill(page, 'activity-form-attendees');
    await clickOption(page);
    await page.keyboard.press('Escape');
    await page.getByTestId('activity-form-minutes').fill('听取代表对镇村建设的意见建议 5 条，会后逐条交办。');
    await clickWhenStill(page, 'activity-drawer-save');
    await page.getByTestId('meeting-table').getByText('本季度代表人士座谈会').waitFor();
    await expect
      .poll(async () => Number((await page.getByTestId(`quarter-${quarter}`).locator('.ant-statistic-content-value').textContent()) ?? '0'), { timeout: 15_000 })
      .toBe(before + 1);
    await page.getByTestId('meeting-table').getByText('本季度代表人士座谈会').click();
    await page.getByTestId('activity-page').getByText('听取代表对镇村建设的意见建议 5 条，会后逐条交办。').waitFor();
    await screenshot(page, 'work-liaison-meeting');
    await context.close();
  }, 180_000);

  it('logs a liaison contact and lists the reminders', async () => {
    const { context, page } = await newPage(suite.browser);
    onFailure(page, 'work-liaison-failed');
    await signIn(page, suite.server.url, 'zhaoxiang');
    await clickWhenStill(page, 'nav-liaison');
    await page.getByTestId('relationship-table').locator('tbody tr.ant-table-row').first().waitFor();
    await clickWhenStill(page, 'tab-reminders');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('tab=reminders');
    await page.getByTestId('reminder-table').waitFor();
    await clickWhenStill(page, 'tab-relationships');
    await page.getByTestId('relationship-table').locator('[data-testid^="relationship-link-"]').first().click();
    await page.getByTestId('relationship-page').waitFor();
    await page.getByTestId('contact-note').fill('电话谈心，了解村里秋收和用工情况。');
    await clickWhenStill(page, 'contact-submit');
    await page.getByTestId('contact-table').getByText('电话谈心，了解村里秋收和用工情况。').waitFor();
    await screenshot(page, 'work-liaison-contact');
    await context.close();
  }, 180_000);
});
