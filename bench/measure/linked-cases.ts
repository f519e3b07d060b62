/**
 * linkedCasesQueryMs: the side panel's linkedCases(db, url, authorKeysFromUrl(url)) over a store of
 * 100,000 mentions and 30,000 cases in Chromium's IndexedDB (a page of its own origin; the same
 * engine as the extension's pages). Four pages with matches: a stored tweet (post + author), a
 * company post with replies (thread), a customer's profile (author) and a blog post with 100
 * commented cases (thread). The figure is the median over all four pages' timed runs.
 *
 * Seeding takes about a minute on a busy 2-core machine, so the seeded store is kept in a profile
 * under node_modules/.cache/complaint-capture-bench/ and reused while seed.ts's plan is unchanged
 * (`--reseed` starts over). Its pages are answered by Playwright on a fixed origin, so the store
 * is found again on the next run.
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchApi } from '../page/entry';
import { SEED_VERSION, seedUrls } from '../page/seed';
import type { BenchContext } from '../lib/context';
import { figure, median, type Figure } from '../lib/stats';

declare const __bench: BenchApi;

export const SEED = { mentions: 100_000, cases: 30_000 };
const ORIGIN = 'http://linked-cases.bench';
const PROFILE = resolve('node_modules/.cache/complaint-capture-bench/linked-profile');

export async function measureLinkedCases(ctx: BenchContext): Promise<Figure[]> {
  mkdirSync(PROFILE, { recursive: true });
  const context = await chromium.launchPersistentContext(PROFILE, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const bundle = await (await fetch(`${ctx.origin}/bench.js`)).text();
    await context.route(`${ORIGIN}/**`, (route) =>
      route.request().url().endsWith('/bench.js')
        ? route.fulfill({ contentType: 'text/javascript', body: bundle })
        : route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>',
          }),
    );
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    await page.addScriptTag({ url: `${ORIGIN}/bench.js` });
    const reseed = process.argv.includes('--reseed');
    const seeded = await page.evaluate(({ plan, version, reseed }) => __bench.seedLinked(plan, version, reseed), {
      plan: SEED,
      version: SEED_VERSION,
      reseed,
    });
    const urls = [seedUrls.tweet(12_345), seedUrls.companyPost(7), seedUrls.profile(42), seedUrls.blogPost(17)];
    const res = await page.evaluate(({ urls, warmup, runs }) => __bench.queryLinked(urls, warmup, runs), {
      urls,
      warmup: ctx.warmup,
      runs: ctx.runs,
    });
    const per = Object.entries(res.perUrl).map(
      ([u, r]) => `${u.replace(/^https:\/\//, '')}: ${r.cases} cases, ${median(r.ms).toFixed(2)} ms`,
    );
    const how = seeded.reused
      ? 'reused the seeded store of an earlier run'
      : `seeded in ${(seeded.ms / 1000).toFixed(1)} s`;
    ctx.notes.push(
      `linked cases: ${seeded.mentions} mentions / ${seeded.cases} cases (${how}); per page (median): ${per.join('; ')}`,
    );
    return [figure('linkedCasesQueryMs', res.samples, 'ms', { limit: 5, atMost: true }, 'median over the four pages')];
  } finally {
    await context.close();
  }
}
