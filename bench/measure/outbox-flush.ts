/**
 * outboxFlushPerSec: cases per second the extension's outbox worker (sync/worker.ts, in the e2e
 * build's service worker) pushes to the reference backend (server/, its own process) on loopback.
 * As in test/e2e/sync-faults.spec.ts: the options page configures the backend, the backend is held
 * (requests wait) while N captures are saved through the background's 'capture/save' message, then
 * released; the time runs from the release until the Nth case is marked sent in IndexedDB.
 * The worker sends first-time creates 8–25 to a request (the contract's optional batch endpoint,
 * docs/backend-contract.md); the note gives the number of requests the backend answered.
 */
import type { Page } from '@playwright/test';
import { startBackend } from '../../test/e2e/backend';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/stats';

const PER_RUN = 500;

/** Saves captures [from, to) through the background's own message, 10 at a time. */
async function capture(page: Page, from: number, to: number): Promise<void> {
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
          url: `https://x.com/bench_author${i % 37}/status/${2_000_000 + i}`,
          postId: String(2_000_000 + i),
          author: { name: `Author ${i % 37}`, handle: `bench_author${i % 37}`, profileUrl: null, followers: null },
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
        const r = await chrome.runtime.sendMessage({
          type: 'capture/save',
          payload: { mention, review: { category: 'outage', severity: 'high', owner: null, note: `note ${i}` } },
        });
        if (!r?.ok) throw new Error(`capture ${i} failed: ${r?.error}`);
      };
      for (let i = from; i < to; i += 10)
        await Promise.all(Array.from({ length: Math.min(10, to - i) }, (_, k) => one(i + k)));
    },
    { from, to },
  );
}

/** Polls the syncState index every 10 ms until `target` cases are sent; resolves when they are. */
function waitSent(page: Page, target: number): Promise<void> {
  return page.evaluate(
    (target) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('complaint-capture');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const deadline = Date.now() + 60_000;
          const poll = () => {
            const req = db.transaction('cases').objectStore('cases').index('syncState').count('sent');
            req.onsuccess = () => {
              if (req.result >= target) {
                db.close();
                resolve();
              } else if (Date.now() > deadline) {
                db.close();
                reject(new Error(`only ${req.result}/${target} sent after 60 s`));
              } else setTimeout(poll, 10);
            };
          };
          poll();
        };
      }),
    target,
  );
}

export async function measureOutboxFlush(ctx: BenchContext): Promise<Figure[]> {
  const backend = await startBackend();
  const page = await ctx.browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${ctx.browser.extensionId}/options.html`);
    await page.fill('input[name=agentName]', 'Bench');
    await page.selectOption('select[name=backend]', 'http');
    await page.fill('input[name=backendUrl]', backend.url);
    await page.fill('input[name=token]', backend.token);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('options-message').filter({ hasText: 'Saved.' }).waitFor();
    const samples: number[] = [];
    // Fewer runs than the DOM figures: each one saves and sends PER_RUN cases.
    const runs = Math.max(2, Math.ceil(ctx.runs / 3));
    let sent = 0;
    for (let i = 0; i < 1 + runs; i++) {
      await backend.setFaults({ paused: true });
      await capture(page, sent, sent + PER_RUN);
      const t0 = performance.now();
      await backend.setFaults({ paused: false });
      await waitSent(page, sent + PER_RUN);
      const seconds = (performance.now() - t0) / 1000;
      sent += PER_RUN;
      if (i >= 1) samples.push(PER_RUN / seconds);
    }
    const stats = await backend.stats();
    // Creates go many to a request (POST /api/cases/batch); the request count shows how many.
    ctx.notes.push(
      `outbox: ${runs} runs of ${PER_RUN} queued cases after one warm-up run; backend stored ${stats.cases}/${sent} in ${stats.faults.requests} requests`,
    );
    return [figure('outboxFlushPerSec', samples, 'cases/s', { limit: 200, atMost: false })];
  } finally {
    await page.close();
    await backend.stop();
  }
}
