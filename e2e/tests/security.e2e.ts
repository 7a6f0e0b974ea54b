import { describe, expect, it } from 'vitest';
import { newPage, screenshot } from '../support/browser.ts';
import { clickWhenStill } from '../support/pages.ts';
import { useBrowserSuite } from '../support/suite.ts';

const suite = useBrowserSuite();

const markup = '<img src=x onerror=alert(1)>';

describe('stored text is shown as text', () => {
  it('a venue named with HTML renders as the literal text in the list and the detail page; no script runs', async () => {
    const { context, page } = await newPage(suite.browser);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });

    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByTestId('sign-in-username').fill('huaxin');
    await page.getByTestId('sign-in-password').fill('Tongxin2026');
    await clickWhenStill(page, 'sign-in-submit');
    await page.getByTestId('home-page').waitFor({ timeout: 60_000 });

    // Stored through the API as any client could, with the page's own session and CSRF token.
    const me = await (await page.request.get(`${suite.server.url}/api/auth/me`)).json();
    const created = await page.request.post(`${suite.server.url}/api/venues`, {
      headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
      data: { divisionId: me.divisionId, name: markup, type: 'chamber_home', level: 'town' },
    });
    const venue = await created.json();
    expect(created.status(), JSON.stringify(venue)).toBe(201);

    await page.goto(`${suite.server.url}/venues?q=${encodeURIComponent('onerror')}`);
    await page.getByTestId('venue-table').waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      await screenshot(page, 'security-venues-not-shown');
      throw error;
    });
    await expect.poll(() => page.getByTestId(`venue-link-${venue.id}`).textContent(), { timeout: 60_000 }).toBe(markup);
    await page.goto(`${suite.server.url}/venues/${venue.id}`);
    await expect.poll(() => page.getByTestId('venue-detail-name').textContent(), { timeout: 60_000 }).toBe(markup);

    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // The UI works under the server's Content Security Policy: the browser reported no blocked resource.
    expect(cspViolations).toEqual([]);
    await screenshot(page, 'security-stored-markup');
    await context.close();
  }, 300_000);
});
