/**
 * Screenshots of the popup (400×600), the side panel (400×900, also with a case's evidence image
 * opened full size) and the options page in English and Dutch, in one browser, for looking at
 * before a view is called done:
 *
 *   npx tsx scripts/screenshots.ts firefox [out-dir]   # or chromium; needs npm run build:e2e first
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPageServer } from '../test/e2e/page-server';
import { FirefoxDriver } from '../test/e2e/driver/firefox';
import { ChromiumDriver } from '../test/e2e/driver/chromium';
import type { BrowserDriver, E2EPage } from '../test/e2e/driver/types';

const engine = process.argv[2] === 'chromium' ? 'chromium' : 'firefox';
const out = resolve(process.argv[3] ?? 'test-results/screenshots');
mkdirSync(out, { recursive: true });

async function until(read: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await read()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the page never got there');
}

async function shoot(page: E2EPage, name: string, width: number, height: number): Promise<void> {
  await page.setViewport(width, height);
  await new Promise((r) => setTimeout(r, 300));
  await page.screenshot(join(out, `${engine}-${name}.png`));
  console.log(join(out, `${engine}-${name}.png`));
}

const pages = await startPageServer(resolve('test/e2e/pages'));
try {
  for (const [lang, locale] of [
    ['en', 'en-US'],
    ['nl', 'nl'],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), `cc-shots-${engine}-`));
    const driver: BrowserDriver =
      engine === 'firefox'
        ? await FirefoxDriver.start(dir, locale, pages.origin)
        : await ChromiumDriver.start(dir, locale);
    try {
      const { page, tabId } = await driver.openTab(`${pages.origin}/blog-comments.html`);
      // The popup in a window of its own, as the toolbar's sits over the page: the captured tab
      // stays in front, so the capture keeps its evidence image.
      await page.bringToFront();
      const popup = await driver.pageOpenedBy(`popup.html?tabId=${tabId}`, () =>
        driver.background(
          async (g, tabId) =>
            void (await g.__cc.browser.windows.create({
              url: g.__cc.browser.runtime.getURL(`/popup.html?tabId=${tabId}`),
              type: 'popup',
            })),
          tabId,
        ),
      );
      await until(async () => (await popup.value('textarea[name=text]')) !== null);
      await shoot(popup, `popup-${lang}`, 400, 600);
      await popup.click('button[type=submit]');
      await until(async () => (await popup.count('[data-testid=saved]')) === 1);
      await shoot(popup, `popup-saved-${lang}`, 400, 600);
      const panel = await driver.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
      await until(async () => (await panel.count('[data-testid=linked] [data-testid=case]')) === 1);
      await until(async () => (await panel.count('[data-testid=evidence-open] img')) === 1);
      await shoot(panel, `sidepanel-${lang}`, 400, 900);
      await panel.click('[data-testid=evidence-open]');
      await shoot(panel, `sidepanel-evidence-${lang}`, 400, 900);
      const options = await driver.openExtensionPage('options.html');
      await until(async () => (await options.count('input[name=evidence]')) === 1);
      await shoot(options, `options-${lang}`, 800, 1100);
    } finally {
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await pages.close();
}
