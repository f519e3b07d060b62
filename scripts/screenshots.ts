/**
 * `npm run screenshots`: PNGs of the popup (400×600), the side panel (400×900: the queue, and an
 * open case) and the options page, in English and Dutch, into docs/screenshots/. The cases come
 * from fixture data seeded through the background (test/e2e/seed.ts), never by editing the DOM;
 * the popup reads a real (fixture) X page. Needs `npm run build:e2e` first (the npm script runs it).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { extensionIdOf, launchBrowser, openTab, tabIdOf } from '../test/e2e/fixtures';
import { startPageServer } from '../test/e2e/page-server';
import { xStatusPage } from '../test/e2e/pages/generated';
import { seedRows, seedSettings, TEAM_SETTINGS, workbenchRows } from '../test/e2e/seed';

const out = resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(out, { recursive: true });

const X_URL = 'https://x.com/jeroen_k/status/1790000000000000777';
const xPage = xStatusPage({
  handle: 'jeroen_k',
  name: 'Jeroen Kok',
  id: '1790000000000000777',
  text: 'Sinds vanochtend geen internet in heel Utrecht-Oost. Storing gemeld, maar niemand weet wanneer het opgelost is. Ik werk thuis en verlies elke dag geld.',
  at: new Date(Date.now() - 40 * 60_000).toISOString(),
  metrics: '312 replies, 20 reposts, 150 likes, 48200 views',
});

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(300);
  const path = join(out, `${name}.png`);
  await page.screenshot({ path, fullPage });
  console.log(path);
}

const pages = await startPageServer(resolve('test/e2e/pages'));
try {
  for (const [lang, locale] of [
    ['en', 'en-US'],
    ['nl', 'nl'],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'cc-shots-'));
    const context = await launchBrowser(dir, locale);
    try {
      await context.route(X_URL, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: xPage }));
      const id = await extensionIdOf(context);
      const pageUrl = `${pages.origin}/blog-post.html`;
      await seedSettings(context, TEAM_SETTINGS);
      await seedRows(context, workbenchRows(pageUrl));

      const x = await context.newPage();
      await x.goto(X_URL);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${await tabIdOf(context, X_URL)}`);
      await popup.waitForSelector('form.review');
      await shoot(popup, `popup-${lang}`);
      await popup.locator('label.chip.sev-high').click();
      await popup.locator('button[type=submit]').click();
      await popup.waitForSelector('[data-testid=saved]');
      await shoot(popup, `popup-saved-${lang}`);

      const { tabId } = await openTab(context, pageUrl);
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 400, height: 900 });
      await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tabId}`);
      await panel.getByTestId('view-all').click();
      await panel.waitForSelector('[data-testid=queue] [data-testid=case-row]');
      await shoot(panel, `sidepanel-queue-${lang}`);
      await panel.getByTestId('pinned').locator('.qrow-head').click();
      await panel.waitForSelector('[data-testid=case-detail]');
      await shoot(panel, `sidepanel-case-${lang}`);
      await panel.getByTestId('pinned').locator('.qrow-head').click();
      await panel.locator('[data-testid=queue] .qrow-head').nth(1).click();
      await panel.waitForSelector('[data-testid=case-detail]');
      await shoot(panel, `sidepanel-case-sync-${lang}`);

      const options = await context.newPage();
      await options.setViewportSize({ width: 800, height: 900 });
      await options.goto(`chrome-extension://${id}/options.html`);
      await options.waitForSelector('form');
      await shoot(options, `options-${lang}`, true);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await pages.close();
}
