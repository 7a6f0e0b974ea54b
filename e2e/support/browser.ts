import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Where screenshots go: kept by CI as artefacts, ignored by git. */
export const artefactDir = path.resolve(import.meta.dirname, '../../test-results');

/** Debian's Chromium, with the flags this closed network needs. Nothing is downloaded. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * How long a page action may wait. The machines have two cores shared with the PostgreSQL tests
 * running beside the browser: pages take their time, and every assertion must still come true.
 */
export const pageTimeoutMs = 30_000;

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 860 }, ...options });
  context.setDefaultTimeout(pageTimeoutMs);
  return context;
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, options);
  return { context, page: await context.newPage() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artefactDir, { recursive: true });
  const file = path.join(artefactDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
