/**
 * markerScanMsPer100Posts: the on-page case markers' (markers/run-in-page.ts) main-thread cost
 * per 100 posts scanned, in the e2e build. The generated WordPress post (1 post + 500 comments) is
 * open in a tab and 100 of its comments have a case (saved through 'capture/save'). Each run reloads
 * the tab, then injects /markers.js as the background does for a site with markers on, and reads
 * Chromium's own main-thread busy time of the tab (DevTools Performance.getMetrics TaskDuration)
 * over the 2 s after the injection — the scan, the batched lookup's answer and the 100 markers —
 * minus the same span measured just before on the idle page. Divided by 5.01 (501 posts).
 */
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { BenchContext } from '../lib/context';
import { tabIdOf } from '../lib/browser';
import { figure, type Figure } from '../lib/stats';
import { BLOG_URL } from './capture';

const POSTS = 501;
const MARKED = 100;
const SPAN_MS = 2000;

async function seedCases(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    for (let n = 0; n < 500; n += 5) {
      const mention = { platform: 'blog', kind: 'comment', url: '${BLOG_URL}#comment-' + (1000 + n), postId: null, author: { name: 'Reader ' + n, handle: null, profileUrl: null, followers: null }, text: 'Comment ' + n, title: null, publishedAt: null, language: 'en', parentUrl: '${BLOG_URL}', metrics: { views: null, likes: null, reposts: null, replies: null }, quoted: null, warnings: [], capturedAt: new Date().toISOString() };
      const r = await chrome.runtime.sendMessage({ type: 'capture/save', payload: { mention, review: { category: 'outage', severity: 'high', owner: null, note: '' } } });
      if (!r.ok) throw new Error(r.error);
    }
  })()`);
}

export async function measureMarkers(ctx: BenchContext): Promise<Figure[]> {
  if (!existsSync('markers/run-in-page.ts')) {
    ctx.notes.push(
      'markers: not in this tree (markers/ comes with the workflow branch) — markerScanMsPer100Posts is null',
    );
    return [figure('markerScanMsPer100Posts', null, 'ms')];
  }
  const { context, extensionId, worker } = ctx.browser;
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/options.html`);
  await seedCases(ext);
  await ext.close();
  const tab = await context.newPage();
  await tab.goto(`${ctx.origin}/blog-500.html`);
  const tabId = await tabIdOf(worker, tab.url());
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const busy = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const samples: number[] = [];
  let markers = 0;
  const runs = Math.max(3, Math.ceil(ctx.runs / 2));
  for (let i = 0; i < 1 + runs; i++) {
    await tab.reload();
    await tab.waitForTimeout(500);
    const a = await busy();
    await tab.waitForTimeout(SPAN_MS);
    const b = await busy();
    await worker.evaluate(
      `chrome.scripting.executeScript({ target: { tabId: ${tabId} }, files: ['/markers.js'] }).then(() => true)`,
    );
    await tab.waitForTimeout(SPAN_MS);
    const c = await busy();
    markers = await tab.locator('[data-cc-marker]').count();
    if (i >= 1) samples.push((c - b - (b - a)) / (POSTS / 100));
  }
  await cdp.detach();
  await tab.close();
  ctx.notes.push(
    `markers: ${markers}/${MARKED} markers shown on the 501-post page after each injection; ${runs} runs after one warm-up`,
  );
  return [figure('markerScanMsPer100Posts', samples, 'ms')];
}
