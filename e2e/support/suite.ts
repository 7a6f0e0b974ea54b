import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../server/src/http/context.ts';
import { launchBrowser } from './browser.ts';
import { startServer, type E2eServer } from './server.ts';

export interface BrowserSuite {
  server: E2eServer;
  browser: Browser;
}

/**
 * Starts the app and Chromium once for a test file and closes both after it. The returned object
 * is filled in by `beforeAll`, so read `suite.server` / `suite.browser` inside tests only.
 */
export function useBrowserSuite(options: { clock?: Clock } = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startServer(options);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
