import type { Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { screenshot } from './browser.ts';

/** Every demo user's password (README). */
export const demoPassword = 'Tongxin2026';

/** Sign in through the form as a person would, and wait for the home page. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(demoPassword);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('home-page').waitFor();
}

/**
 * When the running test fails: a screenshot of this page, and the API calls it saw fail (status,
 * method, path, the error's code and message), so a CI log says what the server answered.
 */
export function onFailure(page: Page, name: string): void {
  const refused: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/') || response.status() < 400) return;
    if (url.pathname === '/api/auth/me' && response.status() === 401) return; // every signed-out page load asks
    void response
      .text()
      .catch(() => '')
      .then((body) => refused.push(`${response.status()} ${response.request().method()} ${url.pathname}${url.search} ${body.slice(0, 300)}`));
  });
  page.on('pageerror', (error) => refused.push(`page error: ${error.message}`));
  onTestFailed(async () => {
    await screenshot(page, name).catch(() => undefined);
    if (refused.length) console.log(`${name}: API calls that failed on this page:\n  ${refused.join('\n  ')}`);
  });
}

/**
 * Wait until nothing on the page is moving. A dialog zooms in, a drawer slides in, a dropdown slides
 * down; on a loaded machine Playwright's stability check (two equal frames) can pass mid-animation,
 * and a click then lands beside its target and does nothing. Spinners, which never end, are left out.
 */
export async function untilStill(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** Click a button in a dialog or drawer once it has stopped moving. */
export async function clickWhenStill(page: Page, testId: string): Promise<void> {
  const target = page.getByTestId(testId);
  await target.waitFor();
  await untilStill(page);
  await target.click();
}

/** The input behind a test id (antd puts the id on the input or on a wrapper). */
export function inputOf(page: Page, testId: string) {
  return page.getByTestId(testId).locator('xpath=self::input | .//input').first();
}

/** In the open antd Select dropdown, click the first option (with this text, when given) once the dropdown is still. */
export async function clickOption(page: Page, text?: string): Promise<void> {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option', text === undefined ? {} : { hasText: text });
  await options.first().waitFor();
  await untilStill(page);
  await options.first().click();
}

/** Open an antd Select and pick the option with this text. */
export async function choose(page: Page, testId: string, option: string): Promise<void> {
  await clickWhenStill(page, testId);
  await clickOption(page, option);
}

/** Type into a server-searched picker and take the one option the server answers with. */
export async function pick(page: Page, testId: string, typed: string, expected: string): Promise<void> {
  await clickWhenStill(page, testId);
  await page.keyboard.type(typed);
  // Wait for the server's answer before picking, so the list does not move under the click.
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect.poll(() => options.allTextContents(), { timeout: 30_000 }).toEqual([expect.stringContaining(expected)]);
  await untilStill(page);
  await options.first().click();
}
