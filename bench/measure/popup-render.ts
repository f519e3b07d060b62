/**
 * popupFirstRenderMs: the e2e build's popup.html?tabId=<tab> opened as a page, from its navigation
 * start (performance.timeOrigin) to the moment textarea[name=text] holds the captured text. That span
 * holds the popup's HTML and JS load, the capture/open message (one scripting.executeScript of
 * capture.js into the tab, extraction in the page, validation and language detection in the
 * background, the duplicate lookup), and Preact's render. A MutationObserver added before any popup
 * script runs stamps performance.now() when the text appears in the DOM (before the paint that follows).
 *
 * Note: opening the popup as a new page hides the captured tab, which the real popup does not; an
 * injection into a tab just hidden that way took ~10 ms longer than into a visible one (load ~5).
 */
import type { BenchContext } from '../lib/context';
import { tabIdOf } from '../lib/browser';
import { figure, type Figure } from '../lib/stats';

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

async function renderTimes(ctx: BenchContext, path: string): Promise<{ samples: number[]; text: string }> {
  const { context, extensionId, worker } = ctx.browser;
  const tab = await context.newPage();
  await tab.goto(`${ctx.origin}${path}`, { timeout: 120_000 });
  const tabId = await tabIdOf(worker, tab.url());
  const samples: number[] = [];
  let text = '';
  for (let i = 0; i < ctx.warmup + ctx.runs; i++) {
    const popup = await context.newPage();
    await popup.addInitScript(stampWhenShown);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForFunction(() => globalThis.__shownAt !== undefined, undefined, { timeout: 30_000, polling: 50 });
    const at = await popup.evaluate(() => globalThis.__shownAt!);
    text = await popup.locator('textarea[name=text]').inputValue();
    if (i >= ctx.warmup) samples.push(at);
    await popup.close();
  }
  await tab.close();
  return { samples, text };
}

export async function measurePopupRender(ctx: BenchContext): Promise<Figure[]> {
  // The e2e build may inject into 127.0.0.1 only, so the tab is the e2e fixture post, not an x.com page.
  const blog = await renderTimes(ctx, '/blog-post.html');
  ctx.notes.push(`popup: the tab shows test/e2e/pages/blog-post.html; the form showed "${blog.text.slice(0, 40)}…"`);
  return [figure('popupFirstRenderMs', blog.samples, 'ms', { limit: 50, atMost: true })];
}
