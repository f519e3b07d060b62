import type { Page } from '@playwright/test';
import { test, expect, serviceWorker, openTab } from './fixtures';
import { runsIn } from './driver';

/** Scrolls the page through `frames` animation frames and returns frame-time statistics (ms). */
async function scrollFrames(page: Page, frames = 150) {
  // Hidden tabs get no animation frames: measure with the page in front.
  await page.bringToFront();
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.evaluate(async (frames) => {
    let longTasks = 0;
    const obs = new PerformanceObserver((l) => (longTasks += l.getEntries().length));
    obs.observe({ type: 'longtask' });
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < frames; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
      window.scrollBy(0, 120);
    }
    obs.disconnect();
    times.sort((a, b) => a - b);
    return { p95: times[Math.floor(times.length * 0.95)]!, max: times[times.length - 1]!, longTasks };
  }, frames);
}

// Optional markers on posts that have a case, switched on per site; scrolling stays smooth.
test(
  'markers show case status on a long thread, follow new comments, open the case, with scroll frame times measured',
  runsIn('chromium'),
  async ({ context, pages, openExtensionPage }) => {
    test.setTimeout(180_000);
    const pageUrl = `${pages.origin}/long-thread.html`;
    const { page, tabId } = await openTab(context, pageUrl);
    const sw = await serviceWorker(context);

    // 300 of the 1,500 comments have a case (saved through the background, as captures are).
    const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.evaluate(async (pageUrl) => {
      const chrome = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } };
        }
      ).chrome;
      for (let n = 5; n <= 1500; n += 5) {
        const mention = {
          platform: 'blog',
          kind: 'comment',
          url: `${pageUrl}#comment-${n}`,
          postId: null,
          author: { name: `Klant ${n % 97}`, handle: null, profileUrl: null, followers: null },
          text: `Reactie ${n}`,
          title: null,
          publishedAt: null,
          language: 'nl',
          parentUrl: pageUrl,
          metrics: { views: null, likes: null, reposts: null, replies: null },
          quoted: null,
          warnings: [],
          capturedAt: new Date().toISOString(),
        };
        const r = await chrome.runtime.sendMessage({
          type: 'capture/save',
          payload: { mention, review: { category: 'outage', severity: 'high', owner: null, note: '' } },
        });
        if (!r.ok) throw new Error(r.error);
      }
    }, pageUrl);

    await scrollFrames(page, 60); // warm-up: first layout and raster of the long page
    const before = await scrollFrames(page);
    expect(await page.locator('[data-cc-marker]').count()).toBe(0); // off by default

    // Markers live in the side panel's menu, off the queue.
    await panel.locator('details.menu > summary').click();
    await panel.getByTestId('markers-toggle').click();
    await expect(panel.getByTestId('markers-toggle')).toContainText('Hide case markers');
    await expect(page.locator('[data-cc-marker]')).toHaveCount(300);
    const after = await scrollFrames(page);
    console.log(
      `scroll frame times, 1,500 comments: without markers p95 ${before.p95.toFixed(1)} ms, max ${before.max.toFixed(1)} ms, long tasks ${before.longTasks}; with 300 markers p95 ${after.p95.toFixed(1)} ms, max ${after.max.toFixed(1)} ms, long tasks ${after.longTasks}`,
    );
    // The frame times are printed, not asserted: CI's two cores are shared, and speed budgets belong
    // to `npm run bench` (markerScanMsPer100Posts). What this test holds is that markers do their work.

    // Comments loaded later (infinite scroll) get markers too.
    await panel.evaluate(async (pageUrl) => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome;
      const mention = {
        platform: 'blog',
        kind: 'comment',
        url: `${pageUrl}#comment-1502`,
        postId: null,
        author: { name: 'Laat', handle: null, profileUrl: null, followers: null },
        text: 'Reactie 1502',
        title: null,
        publishedAt: null,
        language: 'nl',
        parentUrl: pageUrl,
        metrics: { views: null, likes: null, reposts: null, replies: null },
        quoted: null,
        warnings: [],
        capturedAt: new Date().toISOString(),
      };
      await chrome.runtime.sendMessage({
        type: 'capture/save',
        payload: { mention, review: { category: 'outage', severity: 'high', owner: null, note: '' } },
      });
    }, pageUrl);
    await page.evaluate(() => (window as unknown as { addMore(n: number): void }).addMore(5));
    await expect(page.locator('[data-cc-marker]')).toHaveCount(301);

    // Clicking a marker shows its case in the side panel.
    await page.locator('#comment-10 [data-cc-marker]').click();
    await expect
      .poll(
        () =>
          sw.evaluate(async () =>
            JSON.stringify(
              await (
                globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<unknown> } } } }
              ).chrome.storage.session.get('focusCase'),
            ),
          ),
        { timeout: 20_000 },
      )
      .toContain('caseId');
    await panel.bringToFront();
    await expect(panel.getByTestId('focus').getByTestId('mention-text')).toHaveText('Reactie 10', { timeout: 20_000 });
    await expect(panel.getByTestId('focus').getByTestId('status')).toHaveText('New');
  },
);
