import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newContext, newPage, screenshot } from '../support/browser.ts';
import { signIn, choose, clickWhenStill, pick } from '../support/pages.ts';
import { useBrowserSuite } from '../support/suite.ts';

const suite = useBrowserSuite();

/** An organisation import file: Chinese headers, one row per organisation. */
async function organisationFile(rows: Array<[division: string, name: string, type: string]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('组织');
  sheet.addRow(['所属区划', '名称', '类型', '联系电话']);
  for (const row of rows) sheet.addRow([...row, '021-59790000']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('registry in a real browser', () => {
  it('shows the Huaxin chamber by role, creates an organisation and adds a member', async () => {
    const { context, page } = await newPage(suite.browser);
    await signIn(page, suite.server.url, 'huaxin');

    // The chamber's members are counted from membership rows: 154 firms, 34 of them council.
    await clickWhenStill(page, 'nav-organisations');
    await page.getByTestId('organisation-filter-q').locator('input').fill('华新镇商会');
    await page.getByTestId('organisation-filter-q').locator('input').press('Enter');
    await page.getByTestId('organisation-table').getByRole('link', { name: '华新镇商会', exact: true }).click();
    await expect.poll(() => page.getByTestId('organisation-stat-memberOrganisations').textContent()).toContain('154');
    expect(await page.getByTestId('member-organisations-role-council').textContent()).toContain('34');
    expect(await page.getByTestId('member-table-organisation').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'registry-huaxin-chamber');

    // A new organisation, in the user's own town by default.
    await clickWhenStill(page, 'nav-organisations');
    await clickWhenStill(page, 'organisation-create');
    await page.getByTestId('organisation-form-name').fill('华新镇青年创业者联谊会');
    await choose(page, 'organisation-form-type', '新联会');
    await page.getByTestId('organisation-form-phone').fill('021 5979 8888');
    await clickWhenStill(page, 'organisation-drawer-save');
    await expect.poll(() => page.getByTestId('organisation-detail-name').textContent()).toBe('华新镇青年创业者联谊会');
    expect(await page.getByTestId('organisation-stat-memberOrganisations').textContent()).toContain('0');

    // Edited in the same drawer: saving it untouched says so and writes nothing; a new name is saved with the version.
    await clickWhenStill(page, 'organisation-detail-edit');
    await expect.poll(() => page.getByTestId('organisation-form-name').inputValue()).toBe('华新镇青年创业者联谊会');
    await clickWhenStill(page, 'organisation-drawer-save');
    await page.locator('.ant-message').getByText('没有修改').waitFor();
    await clickWhenStill(page, 'organisation-detail-edit');
    await page.getByTestId('organisation-form-name').fill('华新镇青年企业家联谊会');
    await clickWhenStill(page, 'organisation-drawer-save');
    await expect.poll(() => page.getByTestId('organisation-detail-name').textContent()).toBe('华新镇青年企业家联谊会');

    // Add a member firm as a council member.
    await clickWhenStill(page, 'member-add-organisation');
    await pick(page, 'membership-member', '东升机械有限公司', '上海华新东升机械有限公司');
    await choose(page, 'membership-role', '理事');
    await clickWhenStill(page, 'membership-save');
    const members = page.getByTestId('member-table-organisation');
    await members.getByText('上海华新东升机械有限公司').waitFor();
    expect(await members.textContent()).toContain('理事');
    await expect.poll(() => page.getByTestId('organisation-stat-memberOrganisations').textContent()).toContain('1');
    expect(await page.getByTestId('member-organisations-role-council').textContent()).toContain('1');
    await screenshot(page, 'registry-new-organisation-member');
    await context.close();
  }, 120_000);

  it('imports organisations from Excel: a row with an error blocks the import until the file is fixed', async () => {
    const { context, page } = await newPage(suite.browser);
    await signIn(page, suite.server.url, 'huaxin');
    await clickWhenStill(page, 'nav-organisations');
    await clickWhenStill(page, 'import-open-organisation');
    const wizard = page.getByTestId('import-wizard-body');
    const upload = (buffer: Buffer, name: string) => wizard.locator('input[type=file]').setInputFiles({ name, mimeType: xlsxType, buffer });

    await upload(await organisationFile([['华新镇', '华新镇导入测试甲公司', '企业'], ['华新镇', '华新镇导入测试乙协会', '不存在的类型']]), '组织-有错.xlsx');
    await page.getByTestId('import-blocked').waitFor();
    expect(await page.getByTestId('import-count-error').textContent()).toContain('1');
    expect(await page.getByTestId('import-count-ok').textContent()).toContain('1');
    const problems = page.getByTestId('import-problems');
    const problemRow = problems.locator('tbody tr', { hasText: '不是可选的组织类型' });
    await problemRow.waitFor();
    expect(await problemRow.textContent()).toContain('3'); // Excel row 3: the header is row 1
    expect(await problemRow.textContent()).toContain('类型');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'registry-import-error');

    // Nothing was written: the good row is not in the list yet.
    const before = await page.evaluate(async () => (await (await fetch('/api/organisations?q=导入测试')).json()) as { total: number });
    expect(before.total).toBe(0);

    // Fix the file, upload it again, confirm.
    await clickWhenStill(page, 'import-again');
    await upload(await organisationFile([['华新镇', '华新镇导入测试甲公司', '企业'], ['华新镇', '华新镇导入测试乙协会', '新联会']]), '组织-已改正.xlsx');
    const confirm = page.getByTestId('import-confirm');
    await confirm.waitFor();
    await expect.poll(() => confirm.isDisabled()).toBe(false);
    await confirm.click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain('2');
    await screenshot(page, 'registry-import-done');
    await clickWhenStill(page, 'import-close');
    // The closing dialog hands focus back to its button: wait for it to be gone before typing elsewhere.
    await wizard.waitFor({ state: 'hidden' });
    await page.waitForTimeout(500);

    await page.getByTestId('organisation-filter-q').locator('input').fill('导入测试');
    await page.getByTestId('organisation-filter-q').locator('input').press('Enter');
    const table = page.getByTestId('organisation-table');
    await table.getByText('华新镇导入测试乙协会').waitFor();
    await table.getByText('华新镇导入测试甲公司').waitFor();
    // Phones are masked in the list, and in the export of the filtered list.
    expect(await table.textContent()).toContain('****');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-organisation').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.readFile(await download.path());
    const cells = exported.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain('华新镇导入测试甲公司');
    expect(cells.some((cell) => cell.includes('****'))).toBe(true);
    expect(cells.some((cell) => cell.includes('59790000'))).toBe(false);
    await context.close();
  }, 120_000);

  it('opens the public service guide signed out on a phone and finds the 11 centres of Henglan', async () => {
    const context = await newContext(suite.browser, { locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/guide`);
    await page.getByTestId('guide-page').waitFor();
    const area = page.getByTestId('guide-area');
    for (const name of ['广东省', '中山市', '横栏镇']) {
      await area.locator('[data-testid^="guide-area-"]', { hasText: name }).first().click();
      await expect.poll(() => page.getByTestId('guide-area-current').textContent()).toBe(name);
    }
    await expect.poll(() => page.getByTestId('guide-total').textContent()).toContain('11');
    const cards = page.getByTestId('guide-card');
    await expect.poll(() => cards.count()).toBe(11);
    expect(await cards.filter({ hasText: '港澳同胞服务中心' }).count()).toBe(11);
    // Each hotline can be dialled from the phone.
    const hotline = page.getByTestId('guide-card-hotline').first();
    expect(await hotline.getAttribute('href')).toMatch(/^tel:0760/);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'registry-guide-henglan-mobile');

    // Searching narrows the list; the area and text are in the URL.
    await page.getByTestId('guide-search').locator('input').fill('横东村');
    await page.getByTestId('guide-search').locator('input').press('Enter');
    await expect.poll(() => cards.count()).toBe(1);
    expect(page.url()).toContain('q=');
    // Signed out the whole time: the API does not know this browser.
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
    await context.close();
  });
});
