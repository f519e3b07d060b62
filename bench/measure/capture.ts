/**
 * captureTimelineMs, captureBlogMs and the Readability (and defuddle) figures on clones of the same
 * DOMs, all in one page load each, so the ratio holds on a noisy machine. Timed in the page with
 * performance.now(): extract/ on the live document + saveCapture() into the page's real IndexedDB.
 */
import type { BenchApi, CaptureSamples } from '../page/entry';
import { benchPage, type BenchContext } from '../lib/context';
import { figure, median, type Figure } from '../lib/stats';

declare const __bench: BenchApi;

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
      runs: ctx.runs,
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
    `capture: blog floor (500 comments read raw with one querySelector per part, one IndexedDB write, nothing else) ${median(blog.floor).toFixed(2)} ms; Readability/floor = ${ratio(blog.floor, blog.readability)}× — the ceiling for any capture that keeps the comments`,
  );
  if (tl.defuddleError || blog.defuddleError)
    ctx.notes.push(`defuddle failed: ${tl.defuddleError ?? blog.defuddleError}`);
  const fiveTimes = (r: number[]) => ({ limit: Math.min(30, median(r) / 5), atMost: true });
  return [
    figure('captureTimelineMs', tl.capture, 'ms', fiveTimes(tl.readability), 'budget: ≤ 30 ms and ≤ Readability/5'),
    figure('captureBlogMs', blog.capture, 'ms', fiveTimes(blog.readability), 'budget: ≤ 30 ms and ≤ Readability/5'),
    figure('captureBlogFloorMs', blog.floor, 'ms', undefined, 'lower bound: read 500 comments raw + one write'),
    figure('readabilityTimelineMs', tl.readability, 'ms'),
    figure('readabilityBlogMs', blog.readability, 'ms'),
    figure('defuddleTimelineMs', tl.defuddle, 'ms'),
    figure('defuddleBlogMs', blog.defuddle, 'ms'),
  ];
}
