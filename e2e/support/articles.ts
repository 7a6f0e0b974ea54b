import type { Page } from 'playwright-core';
import { clickWhenStill, signIn } from './pages.ts';

/** Signs in as `username`, opens the publicity archive's import, pastes `text` and waits for the preview. */
export async function previewPastedArticle(page: Page, serverUrl: string, username: string, text: string): Promise<void> {
  await signIn(page, serverUrl, username);
  await clickWhenStill(page, 'nav-articles');
  await page.getByTestId('article-table').waitFor({ timeout: 60_000 });
  await clickWhenStill(page, 'article-import');
  await page.getByTestId('article-paste').fill(text);
  await clickWhenStill(page, 'article-preview');
  await page.getByTestId('article-preview-result').waitFor({ timeout: 20_000 });
}

/** Saves the previewed article and waits for its detail page. */
export async function savePreviewedArticle(page: Page): Promise<void> {
  await clickWhenStill(page, 'article-save');
  await page.getByTestId('article-detail').waitFor({ timeout: 60_000 });
}
