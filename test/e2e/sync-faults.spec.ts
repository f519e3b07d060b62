import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, serviceWorker } from './fixtures';
import { runsIn } from './driver';
import { startBackend, type Backend } from './backend';

// Every capture reaches the backend exactly once, through 5xx, lost answers, 429 bursts,
// a stopped service worker and a browser restart.
const CAPTURES = 1000;

let backend: Backend;
test.beforeAll(async () => {
  backend = await startBackend([
    '--fail-rate',
    '0.3',
    '--drop-after-store-rate',
    '0.1',
    '--burst-429',
    'every=100,count=5,retryAfter=1',
    '--seed',
    '42',
  ]);
});
test.afterAll(async () => backend?.stop());

const mentionUrl = (i: number) => `https://x.com/e2e_author${i % 37}/status/${1_000_000 + i}`;

/** Saves captures [from, to) through the background's own 'capture/save' message, 10 at a time. */
async function capture(page: Page, from: number, to: number) {
  await page.evaluate(
    async ({ from, to }) => {
      const chrome = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } };
        }
      ).chrome;
      const one = async (i: number) => {
        const mention = {
          platform: 'x',
          kind: 'post',
          url: `https://x.com/e2e_author${i % 37}/status/${1_000_000 + i}`,
          postId: String(1_000_000 + i),
          author: { name: `Author ${i % 37}`, handle: `e2e_author${i % 37}`, profileUrl: null, followers: null },
          text: `Complaint number ${i}: still no internet.`,
          title: null,
          publishedAt: null,
          language: 'en',
          parentUrl: null,
          metrics: { views: null, likes: null, reposts: null, replies: null },
          quoted: null,
          warnings: [],
          capturedAt: new Date().toISOString(),
        };
        for (let attempt = 0; ; attempt++) {
          // A message sent while the worker is being stopped can go unanswered; the save is atomic, so retry.
          const r = await chrome.runtime
            .sendMessage({
              type: 'capture/save',
              payload: { mention, review: { category: 'outage', severity: 'high', owner: null, note: `note ${i}` } },
            })
            .catch((e: Error) => ({ ok: false, error: e.message }));
          if (r?.ok) return;
          if (attempt > 5) throw new Error(`capture ${i} failed: ${r?.error}`);
          await new Promise((res) => setTimeout(res, 200));
        }
      };
      for (let i = from; i < to; i += 10)
        await Promise.all(Array.from({ length: Math.min(10, to - i) }, (_, k) => one(i + k)));
    },
    { from, to },
  );
}

/** Sync states of all cases, read from the extension's IndexedDB by an extension page. */
async function syncStates(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('complaint-capture');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('cases').objectStore('cases').getAll();
          req.onsuccess = () => {
            const counts: Record<string, number> = {};
            for (const c of req.result as { syncState: string }[]) counts[c.syncState] = (counts[c.syncState] ?? 0) + 1;
            open.result.close();
            resolve(counts);
          };
        };
      }),
  );
}

/** Stops every service worker of the browser, as Chrome does to an idle worker (DevTools protocol). */
async function stopServiceWorker(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test(
  '1,000 captures reach the backend exactly once through faults, a stopped worker and a restart',
  runsIn('chromium'),
  async ({ context, extensionId, restart }) => {
    test.setTimeout(240_000);
    const started = Date.now();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.fill('input[name=agentName]', 'E2E Agent');
    await options.selectOption('select[name=backend]', 'http');
    await options.fill('input[name=backendUrl]', backend.url);
    await options.fill('input[name=token]', backend.token);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.getByTestId('options-message')).toHaveText('Saved.');
    // The token is never shown back, only its last four characters.
    await expect(options.locator('input[name=token]')).toHaveValue('');
    await expect(options.locator('input[name=token]')).toHaveAttribute(
      'placeholder',
      new RegExp(`••••${backend.token.slice(-4)}`),
    );

    const t0 = Date.now();
    await capture(options, 0, 400);
    await stopServiceWorker(context, options);
    await capture(options, 400, CAPTURES);
    // Close the browser while the outbox is still draining, and reopen it on the same profile.
    const captureSeconds = (Date.now() - t0) / 1000;
    const before = await backend.stats();
    const reopened = await restart();
    const t1 = Date.now();
    await serviceWorker(reopened);
    const page = await reopened.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);

    const progress: string[] = [];
    await expect
      .poll(
        async () => {
          const n = (await syncStates(page)).sent ?? 0;
          progress.push(`${Math.round((Date.now() - t1) / 1000)}s:${n}`);
          return n;
        },
        { timeout: 160_000, intervals: [2000] },
      )
      .toBe(CAPTURES);
    if (process.env.SYNC_PROGRESS) console.log(progress.join(' '));
    const flushSeconds = (Date.now() - t1) / 1000;
    const states = await syncStates(page);
    const stats = await backend.stats(true);
    const stored = new Set(stats.urls);
    const lost = Array.from({ length: CAPTURES }, (_, i) => mentionUrl(i).replace('https://', '')).filter(
      (u) => !stored.has(u),
    ).length;
    const duplicates = stats.cases - stats.distinctUrls;
    console.log(
      `sync fault test: captured=${CAPTURES} stored=${stats.cases} duplicates=${duplicates} lost=${lost} ` +
        `(extension: ${JSON.stringify(states)}; stored before restart=${before.cases}; ` +
        `faults: 5xx=${stats.faults.fail5xx} dropped-after-store=${stats.faults.droppedAfterStore} 429=${stats.faults.throttled429} requests=${stats.faults.requests}; ` +
        `replayed creates=${stats.creates.replayed}; ` +
        `captures took ${captureSeconds.toFixed(1)} s, the rest synced ${flushSeconds.toFixed(1)} s after the restart, ${((Date.now() - started) / 1000).toFixed(1)} s in all)`,
    );
    expect(stats.cases).toBe(CAPTURES);
    expect(duplicates).toBe(0);
    expect(lost).toBe(0);
    expect(states).toEqual({ sent: CAPTURES });
    await expect(page.getByTestId('sync-counts')).toHaveText('All cases are synced.');
    const badge = await (
      await serviceWorker(reopened)
    ).evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
      ).chrome.action.getBadgeText({}),
    );
    expect(badge).toBe('');
  },
);

/** Fills and saves the options form for the reference backend. */
async function configure(page: Page, url: string, token: string) {
  await page.fill('input[name=agentName]', 'E2E Agent');
  await page.selectOption('select[name=backend]', 'http');
  await page.fill('input[name=backendUrl]', url);
  await page.fill('input[name=token]', token);
}

test(
  'a refused token stops sync with the backend message; after fixing it, retry sends every case',
  runsIn('chromium'),
  async ({ context, extensionId }) => {
    const clean = await startBackend();
    try {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await configure(page, clean.url, 'wrong-token');
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByTestId('options-message')).toHaveText(
        'Connection failed: The case backend refused it (HTTP 401): “Missing or wrong bearer token”',
      );
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByTestId('options-message')).toHaveText('Saved.');

      await capture(page, 0, 20);
      await expect.poll(async () => (await syncStates(page)).failed ?? 0).toBe(20);
      await expect(page.getByTestId('sync-counts')).toHaveText('Waiting to sync: 20. Need attention: 20.');

      await page.fill('input[name=token]', clean.token);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByTestId('options-message')).toHaveText(`Connected to ${new URL(clean.url).host}.`);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByTestId('options-message')).toHaveText('Saved.');
      await page.getByRole('button', { name: 'Retry failed cases' }).click();
      await expect(page.getByTestId('options-message')).toHaveText('Cases queued again: 20');
      await expect.poll(async () => (await syncStates(page)).sent ?? 0).toBe(20);
      expect((await clean.stats()).cases).toBe(20);

      // The backend's status and owner come back into the extension.
      const remoteId = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const open = indexedDB.open('complaint-capture');
            open.onsuccess = () => {
              const req = open.result.transaction('cases').objectStore('cases').getAll();
              req.onsuccess = () => resolve((req.result as { backend: { id: string } }[])[0]!.backend.id);
            };
          }),
      );
      const patched = await fetch(`${clean.url}/api/cases/${remoteId}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${clean.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 'open', owner: 'Joost', by: 'helpdesk' }),
      });
      expect(patched.status).toBe(200);
      const changed = await page.evaluate(async () => {
        const chrome = (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: { changed: number } }> } };
          }
        ).chrome;
        return (await chrome.runtime.sendMessage({ type: 'sync/refresh', payload: {} })).value.changed;
      });
      expect(changed).toBe(2);
    } finally {
      await clean.stop();
    }
  },
);

test('flush rate to the reference backend on loopback', runsIn('chromium'), async ({ context, extensionId }) => {
  const clean = await startBackend();
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await configure(page, clean.url, clean.token);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('options-message')).toHaveText('Saved.');
    // Hold the backend while the outbox fills, then time the flush alone.
    await clean.setFaults({ paused: true });
    await capture(page, 0, CAPTURES);
    const t0 = Date.now();
    await clean.setFaults({ paused: false });
    await expect.poll(() => sentCount(page), { timeout: 60_000, intervals: [100] }).toBe(CAPTURES);
    const seconds = (Date.now() - t0) / 1000;
    console.log(
      `sync flush: ${CAPTURES} queued cases sent in ${seconds.toFixed(2)} s = ${Math.round(CAPTURES / seconds)} cases/s (Chromium, loopback, no faults)`,
    );
    expect((await clean.stats()).cases).toBe(CAPTURES);
  } finally {
    await clean.stop();
  }
});

/** Cases marked sent, counted through the syncState index (cheap enough to poll every 100 ms). */
function sentCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('complaint-capture');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('cases').objectStore('cases').index('syncState').count('sent');
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
  );
}
