/**
 * `npm run screenshots`: PNGs of the popup (400×600), the side panel (400×900: the queue, an
 * open case, and a case's evidence image, small and full size) and the options page, in English and Dutch, into docs/screenshots/. The cases come
 * from fixture data seeded through the background (test/e2e/seed.ts), never by editing the DOM;
 * the popup reads real (fixture) X pages: a post, and a conversation (direct messages switched on). Chromium by default; `firefox` as the first argument
 * drives Firefox instead (`npm run build:e2e:firefox` first), into test-results/screenshots/.
 *
 *   npm run screenshots                              # Chromium, into docs/screenshots/
 *   npx tsx scripts/screenshots.ts firefox [out-dir] # Firefox
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPageServer } from '../test/e2e/page-server';
import { FirefoxDriver } from '../test/e2e/driver/firefox';
import { ChromiumDriver } from '../test/e2e/driver/chromium';
import type { BrowserDriver, E2EPage } from '../test/e2e/driver/types';
import { xStatusPage } from '../test/e2e/pages/generated';
import { seedRows, seedSettings, teamSettings, workbenchRows } from '../test/e2e/seed';

const engine = process.argv[2] === 'firefox' ? 'firefox' : 'chromium';
const out = resolve(process.argv[3] ?? (engine === 'chromium' ? 'docs/screenshots' : 'test-results/screenshots'));
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
  await new Promise((r) => setTimeout(r, 400));
  const file = join(out, `${engine === 'chromium' ? '' : 'firefox-'}${name}.png`);
  await page.screenshot(file);
  console.log(file);
}

const X_URL = 'https://x.com/jeroen_k/status/1790000000000000777';
const xPage = (lang: 'en' | 'nl') =>
  xStatusPage({
    handle: 'jeroen_k',
    name: 'Jeroen Kok',
    id: '1790000000000000777',
    text:
      lang === 'nl'
        ? 'Sinds vanochtend geen internet in heel Utrecht-Oost. Storing gemeld, maar niemand weet wanneer het opgelost is. Ik werk thuis en verlies elke dag geld.'
        : 'No internet in the whole of Utrecht-Oost since this morning. Outage reported, but nobody knows when it will be fixed. I work from home and lose money every day.',
    at: new Date(Date.now() - 40 * 60_000).toISOString(),
    metrics: '312 replies, 20 reposts, 150 likes, 48200 views',
  });

/** X's newer chat view, as saved in the extractor's fixtures; the toolbar reads the customer's last message. */
const DM_URL = 'https://x.com/i/chat/1461234567890123456-1598765432109876543';
const dmPage = readFileSync(resolve('test/fixtures/pages/x-dm/chat-conversation.html'), 'utf8');

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
      const pageUrl = `${pages.origin}/blog-post.html`;
      await seedSettings(driver, { ...teamSettings(lang), dmCapture: true });
      await seedRows(driver, workbenchRows(pageUrl, lang));

      const { tabId: xTab } = await driver.openTab(X_URL, xPage(lang));
      const popup = await driver.openExtensionPage(`popup.html?tabId=${xTab}`);
      await until(async () => (await popup.count('form.review')) === 1);
      await shoot(popup, `popup-${lang}`, 400, 600);
      await popup.click('label.chip:has(input[value=high])');
      await popup.click('button[type=submit]');
      await until(async () => (await popup.count('[data-testid=saved]')) === 1);
      await shoot(popup, `popup-saved-${lang}`, 400, 600);

      const { tabId: dmTab } = await driver.openTab(DM_URL, dmPage);
      const dm = await driver.openExtensionPage(`popup.html?tabId=${dmTab}`);
      await until(async () => (await dm.count('[data-testid=dm-capture]')) === 1);
      await shoot(dm, `popup-dm-${lang}`, 400, 600);

      const { tabId } = await driver.openTab(pageUrl);
      const panel = await driver.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
      await until(async () => (await panel.count('[data-testid=pinned] [data-testid=case-row]')) === 1);
      await panel.click('[data-testid=view-all]');
      await until(async () => (await panel.count('[data-testid=queue] [data-testid=case-row]')) > 5);
      await shoot(panel, `sidepanel-queue-${lang}`, 400, 900);
      await panel.click('[data-testid=pinned] .qrow-head');
      await until(async () => (await panel.count('[data-testid=case-detail]')) === 1);
      await shoot(panel, `sidepanel-case-${lang}`, 400, 900);
      await panel.click('[data-testid=pinned] .qrow-head');
      await panel.click('[data-testid=queue] li:has([data-state=queued]) .qrow-head');
      await until(async () => (await panel.count('[data-testid=case-detail] [data-testid=sync-reason]')) === 1);
      await shoot(panel, `sidepanel-case-sync-${lang}`, 400, 900);

      // Evidence: a post captured with its tab in front (the popup in a window of its own, as the
      // toolbar's sits over the page), its open case with the thumbnail, and the image full size.
      const shown = await driver.openTab(`${pages.origin}/blog-comments.html`);
      await shown.page.bringToFront();
      const review = await driver.pageOpenedBy(`popup.html?tabId=${shown.tabId}`, () =>
        driver.background(
          async (g, tabId) =>
            void (await g.__cc.browser.windows.create({
              url: g.__cc.browser.runtime.getURL(`/popup.html?tabId=${tabId}`),
              type: 'popup',
            })),
          shown.tabId,
        ),
      );
      await until(async () => (await review.count('form.review')) === 1);
      await review.click('input[name=category][value=service]');
      await review.click('input[name=severity][value=medium]');
      await review.click('button[type=submit]');
      await until(async () => (await review.count('[data-testid=saved]')) === 1);
      const evidencePanel = await driver.openExtensionPage(`sidepanel.html?tabId=${shown.tabId}`);
      await until(async () => (await evidencePanel.count('[data-testid=pinned] [data-testid=case-row]')) === 1);
      await evidencePanel.click('[data-testid=pinned] .qrow-head');
      const thumb = '[data-testid=case-detail] [data-testid=evidence-open] img';
      await until(async () => (await evidencePanel.count(thumb)) === 1);
      await shoot(evidencePanel, `sidepanel-evidence-${lang}`, 400, 900);
      await evidencePanel.click('[data-testid=evidence-open]');
      await shoot(evidencePanel, `sidepanel-evidence-full-${lang}`, 400, 900);

      const options = await driver.openExtensionPage('options.html');
      await until(async () => (await options.count('form.workbench')) === 1);
      await shoot(options, `options-${lang}`, 800, 2800);
    } finally {
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await pages.close();
}
