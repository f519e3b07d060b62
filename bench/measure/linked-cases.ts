/**
 * linkedCasesQueryMs: the side panel's linkedCases(db, url, authorKeysFromUrl(url)) over a store of
 * 100,000 mentions and 30,000 cases in Chromium's IndexedDB (a loopback page; same engine as the
 * extension's pages). Four pages with matches: a stored tweet (post + author), a company post with
 * replies (thread), a customer's profile (author) and a blog post with comments (thread).
 */
import type { BenchApi } from '../page/entry';
import { seedUrls } from '../page/seed';
import { benchPage, type BenchContext } from '../lib/context';
import { figure, median, type Figure } from '../lib/stats';

declare const __bench: BenchApi;

export const SEED = { mentions: 100_000, cases: 30_000 };

export async function measureLinkedCases(ctx: BenchContext): Promise<Figure[]> {
  const page = await benchPage(ctx, '/blank.html');
  try {
    const seeded = await page.evaluate((plan) => __bench.seedLinked(plan), SEED);
    const urls = [seedUrls.tweet(12_345), seedUrls.companyPost(7), seedUrls.profile(42), seedUrls.blogPost(17)];
    const res = await page.evaluate(({ urls, warmup, runs }) => __bench.queryLinked(urls, warmup, runs), { urls, warmup: ctx.warmup, runs: ctx.runs });
    const per = Object.entries(res.perUrl).map(([u, r]) => `${u.replace(/^https:\/\//, '')}: ${r.cases} cases, ${median(r.ms).toFixed(2)} ms`);
    ctx.notes.push(`linked cases: seeded ${seeded.mentions} mentions / ${seeded.cases} cases in ${(seeded.ms / 1000).toFixed(1)} s; per page (median): ${per.join('; ')}`);
    return [figure('linkedCasesQueryMs', res.samples, 'ms', { limit: 5, atMost: true }, 'median over the four pages')];
  } finally {
    await page.close();
  }
}
