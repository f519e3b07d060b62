/**
 * popupFirstRenderMs and its floor popupFloorMs, opened in turns in the same browser.
 *
 * popupFirstRenderMs: the e2e build's popup.html?tabId=<tab> opened as a page, from its navigation
 * start (performance.timeOrigin) to the moment textarea[name=text] holds the captured text. That span
 * holds the popup's HTML and JS load, the capture/open message (one scripting.executeScript of
 * capture.js into the tab, extraction in the page, validation and language detection in the
 * background, the duplicate lookup), and Preact's render. A MutationObserver added before any page
 * script runs stamps performance.now() when the text appears in the DOM (before the paint that follows).
 *
 * popupFloorMs: bench-floor.html of the same extension (bench/lib/floor-extensions.ts), whose one
 * module script writes a textarea holding a line of text, opened and stamped the same way. It is
 * what opening any extension page that shows a text costs here: navigation, process, document, one
 * script. Budget: popupFirstRenderMs ≤ 1.25 × popupFloorMs.
 *
 * Note: opening the popup as a new page hides the captured tab, which the real popup does not; an
 * injection into a tab just hidden that way took ~10 ms longer than into a visible one (load ~5).
 */
import type { BrowserContext } from '@playwright/test';
import type { BenchContext } from '../lib/context';
import { tabIdOf } from '../lib/browser';
import { FLOOR_PAGE } from '../lib/floor-extensions';
import { figure, median, type Figure } from '../lib/stats';

declare global {
  var __shownAt: number | undefined;
}

function stampWhenShown() {
  const check = () => {
    const t = document.querySelector('textarea[name=text]') as HTMLTextAreaElement | null;
    if (t && t.value && globalThis.__shownAt === undefined) globalThis.__shownAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

/** Opens `url` in a new page, returns the stamp and the text shown, and closes it. */
async function openOnce(context: BrowserContext, url: string): Promise<{ at: number; text: string }> {
  const page = await context.newPage();
  await page.addInitScript(stampWhenShown);
  await page.goto(url);
  await page.waitForFunction(() => globalThis.__shownAt !== undefined, undefined, { timeout: 30_000, polling: 50 });
  const at = await page.evaluate(() => globalThis.__shownAt!);
  const text = await page.locator('textarea[name=text]').inputValue();
  await page.close();
  return { at, text };
}

export async function measurePopupRender(ctx: BenchContext): Promise<Figure[]> {
  const { context, extensionId, worker } = ctx.browser;
  // The e2e build may inject into 127.0.0.1 only, so the tab is the e2e fixture post, not an x.com page.
  const tab = await context.newPage();
  await tab.goto(`${ctx.origin}/blog-post.html`, { timeout: 120_000 });
  const tabId = await tabIdOf(worker, tab.url());
  const popupUrl = `chrome-extension://${extensionId}/popup.html?tabId=${tabId}`;
  const floorUrl = `chrome-extension://${extensionId}/${FLOOR_PAGE}`;
  const popup: number[] = [];
  const floor: number[] = [];
  let text = '';
  // Twice the usual runs: one open takes a fraction of a second, and its spread on this shared
  // machine is wide (a median of 20 in turns is much steadier than of 10).
  const runs = ctx.runs * 2;
  for (let i = 0; i < ctx.warmup + runs; i++) {
    // In turns, the order swapped each round, so both see the same machine.
    const order = i % 2 ? (['floor', 'popup'] as const) : (['popup', 'floor'] as const);
    for (const which of order) {
      const r = await openOnce(context, which === 'popup' ? popupUrl : floorUrl);
      if (which === 'popup') text = r.text;
      if (i >= ctx.warmup) (which === 'popup' ? popup : floor).push(r.at);
    }
  }
  await tab.close();
  ctx.notes.push(
    `popup: the tab shows test/e2e/pages/blog-post.html; the form showed "${text.slice(0, 40)}…"; popup/floor = ${(median(popup) / median(floor)).toFixed(2)}× over ${runs} opens each, in turns`,
  );
  return [
    figure('popupFirstRenderMs', popup, 'ms', { factor: 1.25, floorKey: 'popupFloorMs' }),
    figure('popupFloorMs', floor, 'ms'),
  ];
}
