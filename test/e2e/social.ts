import { localInput } from './workflow';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openTab } from './fixtures';

const closed = new WeakSet<BrowserContext>();

/**
 * Serves a saved page (test/fixtures/pages/<file>) at a social site's real address through
 * Playwright's router, and refuses every other request to the outside world: nothing goes to the
 * network. `body` transforms the page first (a variant of the same markup).
 */
export async function serveSite(
  context: BrowserContext,
  url: string,
  file: string,
  body: (html: string) => string = (h) => h,
): Promise<void> {
  const html = body(readFileSync(resolve('test/fixtures/pages', file), 'utf8'));
  // Once per browser: routes registered later win, so a second catch-all would hide earlier pages.
  if (!closed.has(context)) {
    closed.add(context);
    await context.route(
      (u) => u.protocol === 'https:',
      (route) => route.abort(),
    );
  }
  await context.route(
    (u) => u.href === url,
    (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** Opens the served page in a tab of its own and returns it with the tab id the popup is told. */
export async function openSite(
  context: BrowserContext,
  url: string,
  file: string,
  body?: (html: string) => string,
): Promise<{ page: Page; tabId: number }> {
  await serveSite(context, url, file, body);
  return openTab(context, url);
}

/** Asserts the review form's fields the channels read (only those given). */
export async function expectReview(
  review: Page,
  want: Partial<Record<'platform' | 'authorName' | 'authorHandle' | 'url' | 'publishedAt', string>> & {
    text?: string | RegExp;
  },
): Promise<void> {
  // The review names the platform as the agent reads it ("YouTube · Comment").
  if (want.platform) await expect(review.getByTestId('platform')).toHaveText(new RegExp(`^${want.platform} · `, 'i'));
  if (want.text) await expect(review.locator('textarea[name=text]')).toHaveValue(want.text);
  for (const f of ['authorName', 'authorHandle', 'url'] as const)
    if (want[f] !== undefined) await expect(review.locator(`input[name=${f}]`)).toHaveValue(want[f]);
  // The time as the agent reads it: local, to the minute (the stored instant keeps its seconds).
  if (want.publishedAt)
    await expect(review.locator('input[name=publishedAt]')).toHaveValue(localInput(want.publishedAt));
}
