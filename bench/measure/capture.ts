/**
 * captureTimelineMs, captureBlogMs, its floor captureBlogFloorMs, and the Readability (and defuddle)
 * figures on clones of the same DOMs, all in one page load each, so the ratios hold on a noisy
 * machine. Timed in the page with performance.now(): extract/ on the live document + saveCapture()
 * into the page's real IndexedDB. Budgets: the timeline ≤ 30 ms; the blog ≤ 3 × its floor, the
 * least any capture that keeps the 500 comments can cost (bench/page/entry.ts, floorCapture).
 */
import type { BenchApi, CaptureSamples } from '../page/entry';
import { benchPage, type BenchContext } from '../lib/context';
import { figure, median, type Figure } from '../lib/stats';

declare const __bench: BenchApi;

/**
 * A capture takes milliseconds, so it runs three times as often as the other figures: on a busy
 * shared machine the median of 30 is much steadier than of 10 (Readability and defuddle keep 5).
 */
const CAPTURE_RUNS_FACTOR = 3;

/** The addresses the pages pretend to have (extract/ picks its extractor by URL). */
export const TIMELINE_URL = 'https://x.com/home';
export const BLOG_URL = 'https://marloes.blog.example/2026/11/three-weeks-without-internet/';

async function run(ctx: BenchContext, path: string, mode: 'one' | 'all', url: string): Promise<CaptureSamples> {
  const page = await benchPage(ctx, path);
  try {
    // The agent looks at tweet 500 of 1,000: the toolbar capture takes the one in the viewport's middle.
    if (mode === 'one') await page.evaluate(() => __bench.scrollToTweet(500));
    return await page.evaluate(({ mode, url, warmup, runs }) => __bench.capture(mode, url, warmup, runs), {
      mode,
      url,
      warmup: ctx.warmup,
      runs: ctx.runs * CAPTURE_RUNS_FACTOR,
    });
  } finally {
    await page.close();
  }
}

export async function measureCapture(ctx: BenchContext): Promise<Figure[]> {
  const tl = await run(ctx, '/x-timeline.html', 'one', TIMELINE_URL);
  const blog = await run(ctx, '/blog-500.html', 'all', BLOG_URL);
  const ratio = (a: number[], b: number[]) => {
    const r = median(b) / median(a);
    return r >= 10 ? r.toFixed(0) : r.toFixed(2);
  };
  ctx.notes.push(
    `capture: timeline → 1 mention (${tl.sample?.platform} @${tl.sample?.author.handle}, ${tl.sample?.url}); extract ${median(tl.extract).toFixed(2)} ms of it, the post's box for the evidence image ${median(tl.view).toFixed(3)} ms; Readability/capture = ${ratio(tl.capture, tl.readability)}×`,
    `capture: blog → the post with ${blog.comments} comments as its thread (${(blog.threadChars / 1000).toFixed(0)} k characters), saved as one case; extract ${median(blog.extract).toFixed(2)} ms of it, the post's box ${median(blog.view).toFixed(3)} ms; Readability/capture = ${ratio(blog.capture, blog.readability)}×`,
  );
  ctx.notes.push(
    `capture: blog floor (500 comments read raw with one querySelector per part, stored as one JSON string beside a case and an outbox row, one raw IndexedDB transaction, nothing else) ${median(blog.floor).toFixed(2)} ms, in turns with the capture; capture/floor = ${(median(blog.capture) / median(blog.floor)).toFixed(2)}×`,
  );
  if (tl.defuddleError || blog.defuddleError)
    ctx.notes.push(`defuddle failed: ${tl.defuddleError ?? blog.defuddleError}`);
  return [
    figure('captureTimelineMs', tl.capture, 'ms', { limit: 30, atMost: true }),
    figure('captureBlogMs', blog.capture, 'ms', { factor: 3, floorKey: 'captureBlogFloorMs' }),
    figure('captureBlogFloorMs', blog.floor, 'ms'),
    figure('readabilityTimelineMs', tl.readability, 'ms'),
    figure('readabilityBlogMs', blog.readability, 'ms'),
    figure('defuddleTimelineMs', tl.defuddle, 'ms'),
    figure('defuddleBlogMs', blog.defuddle, 'ms'),
  ];
}
