/**
 * backgroundColdStartMs and its floor backgroundColdStartFloorMs, in one browser, taken in turns.
 *
 * backgroundColdStartMs: the e2e build's service worker is stopped (DevTools ServiceWorker.stopWorker,
 * what Chrome does to an idle worker after 30 s), then a page of the extension sends it one protocol
 * message; the time runs from the sendMessage call (which starts the stopped worker) to its answer.
 * It holds the worker's start, the evaluation of background.js, the start-up work its listeners
 * begin, and the answer. The message is `retention/get`: routed and schema-checked like every other,
 * but its own work is one storage read, so the figure is the worker's start-up and not a handler's.
 *
 * backgroundColdStartFloorMs: the same steps for an extension whose worker does nothing but answer
 * (bench/lib/floor-extensions.ts), so the same process start, IPC and message dispatch.
 *
 * Both run in a Chromium driven over its own DevTools pipe (bench/lib/cdp-pipe.ts): under Playwright
 * every starting worker would wait, paused, for Playwright to attach to it.
 */
import type { BenchContext } from '../lib/context';
import { EMPTY_PAGE, FLOOR_PAGE } from '../lib/floor-extensions';
import { launchPipe, waitEvent, type PipeBrowser } from '../lib/cdp-pipe';
import { figure, median, type Figure } from '../lib/stats';

/** The message the product's worker is woken with (see the header). */
const MESSAGE = { type: 'retention/get', payload: {} };
/** Time for a stopped worker's process-side teardown to settle before the next start. */
const SETTLE_MS = 250;

interface Worker {
  name: 'product' | 'empty';
  scriptUrl: string;
  session: string;
}

type Version = { versionId: string; scriptURL: string; runningStatus: string; status: string };

/** Opens `url` as a page target, attaches to it, and waits until its document is loaded. */
async function openPage(browser: PipeBrowser, url: string): Promise<string> {
  const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url });
  const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  for (let i = 0; i < 300; i++) {
    const ready = await browser
      .evaluate<boolean>(sessionId, `location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`)
      .catch(() => false);
    if (ready) return sessionId;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`${url} did not load`);
}

/** Service worker targets by URL, as Chromium announces them (discovery does not attach to them). */
async function workerUrls(browser: PipeBrowser): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const { targetInfos } = await browser.send<{ targetInfos: { type: string; url: string }[] }>('Target.getTargets');
    const urls = targetInfos.filter((t) => t.type === 'service_worker').map((t) => t.url);
    if (urls.some((u) => u.endsWith('/background.js')) && urls.some((u) => u.endsWith('/worker.js'))) return urls;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error('the extensions’ service workers did not appear');
}

export async function measureBackgroundStart(ctx: BenchContext): Promise<Figure[]> {
  const browser = await launchPipe([ctx.extensions.product, ctx.extensions.empty]);
  try {
    const urls = await workerUrls(browser);
    const productUrl = urls.find((u) => u.endsWith('/background.js'))!;
    const emptyUrl = urls.find((u) => u.endsWith('/worker.js'))!;
    // Node's URL gives no origin for chrome-extension: URLs; the worker's script sits at the root.
    const origin = (u: string) => u.slice(0, u.lastIndexOf('/'));
    const workers: Worker[] = [
      {
        name: 'product',
        scriptUrl: productUrl,
        session: await openPage(browser, `${origin(productUrl)}/${FLOOR_PAGE}`),
      },
      { name: 'empty', scriptUrl: emptyUrl, session: await openPage(browser, `${origin(emptyUrl)}/${EMPTY_PAGE}`) },
    ];
    const versions = new Map<string, Version>();
    browser.on('ServiceWorker.workerVersionUpdated', (p) => {
      for (const v of p.versions as Version[]) versions.set(v.scriptURL, v);
    });
    await browser.send('ServiceWorker.enable', {}, workers[0]!.session);
    // The versions are reported by events that may come after enable's answer; a worker stopped
    // before it is activated (its first start installs it) would not answer at all.
    const activated = () => workers.every((w) => versions.get(w.scriptUrl)?.status === 'activated');
    for (let i = 0; i < 400 && !activated(); i++) await new Promise((ok) => setTimeout(ok, 25));
    if (!activated()) throw new Error('the service workers were not activated within 10 s');

    /** Stops the worker and waits until it is stopped and stays so (an alarm may wake it again). */
    const stop = async (w: Worker) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const v = versions.get(w.scriptUrl);
        if (!v) throw new Error(`no service worker version seen for ${w.scriptUrl}`);
        if (v.runningStatus !== 'stopped') {
          const stopped = waitEvent(browser, 'ServiceWorker.workerVersionUpdated', (p) =>
            (p.versions as Version[]).some((x) => x.scriptURL === w.scriptUrl && x.runningStatus === 'stopped'),
          );
          await browser.send('ServiceWorker.stopWorker', { versionId: v.versionId }, workers[0]!.session);
          await stopped;
        }
        await new Promise((ok) => setTimeout(ok, SETTLE_MS));
        if (versions.get(w.scriptUrl)?.runningStatus === 'stopped') return;
      }
      throw new Error(`the ${w.name} worker kept being woken`);
    };
    let retried = 0;
    const coldStart = async (w: Worker, again = true): Promise<number> => {
      await stop(w);
      const message = w.name === 'product' ? MESSAGE : { type: 'ping' };
      // Under heavy load a start can fail ("Receiving end does not exist"): one more try, counted.
      return browser
        .evaluate<number>(
          w.session,
          `(async () => {
          const t0 = performance.now();
          const reply = await chrome.runtime.sendMessage(${JSON.stringify(message)});
          const ms = performance.now() - t0;
          if (!reply || reply.ok !== true) throw new Error('no answer: ' + JSON.stringify(reply));
          return ms;
        })()`,
        )
        .catch((e: unknown) => {
          if (!again) throw e;
          retried++;
          return coldStart(w, false);
        });
    };

    const samples = { product: [] as number[], empty: [] as number[] };
    for (let i = 0; i < ctx.warmup + ctx.runs; i++) {
      // In turns, the order swapped each round, so both see the same machine.
      const order = i % 2 ? [workers[1]!, workers[0]!] : [workers[0]!, workers[1]!];
      for (const w of order) {
        const ms = await coldStart(w);
        if (i >= ctx.warmup) samples[w.name].push(ms);
      }
    }
    ctx.notes.push(
      `background: stopped worker woken by ${MESSAGE.type} from an extension page; floor = a worker that only answers; ${ctx.runs} starts each, in turns; product/floor = ${(median(samples.product) / median(samples.empty)).toFixed(2)}×${retried ? `; ${retried} start(s) failed once and were taken again` : ''}`,
    );
    return [
      figure('backgroundColdStartMs', samples.product, 'ms', { factor: 2, floorKey: 'backgroundColdStartFloorMs' }),
      figure('backgroundColdStartFloorMs', samples.empty, 'ms'),
    ];
  } finally {
    await browser.close();
  }
}
