/**
 * Screenshots of the popup (400×600) and the side panel (400×900) in English and Dutch, in one
 * browser, for looking at before a view is called done:
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
      const { tabId } = await driver.openTab(`${pages.origin}/blog-comments.html`);
      const popup = await driver.openExtensionPage(`popup.html?tabId=${tabId}`);
      await until(async () => (await popup.value('textarea[name=text]')) !== null);
      await shoot(popup, `popup-${lang}`, 400, 600);
      await popup.click('button[type=submit]');
      await until(async () => (await popup.count('[data-testid=saved]')) === 1);
      await shoot(popup, `popup-saved-${lang}`, 400, 600);
      const panel = await driver.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
      await until(async () => (await panel.count('[data-testid=linked] [data-testid=case]')) === 1);
      await shoot(panel, `sidepanel-${lang}`, 400, 900);
    } finally {
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await pages.close();
}
