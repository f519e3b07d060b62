import type { Page } from '@playwright/test';
import type { Browser } from './browser';
import type { FloorExtensions } from './floor-extensions';
import type { Figure } from './stats';

/** What every measurement gets: the browser with the e2e build, the loopback page server, run counts. */
export interface BenchContext {
  browser: Browser;
  /** The e2e build with the popup's floor page, and the empty extension (the background's floor). */
  extensions: FloorExtensions;
  /** Origin of the page server: /x-timeline.html, /blog-500.html, /blog-post.html, /blank.html, /bench.js. */
  origin: string;
  warmup: number;
  runs: number;
  /** Lines printed under the table (what was measured, oddities seen). */
  notes: string[];
}

export type Measurement = (ctx: BenchContext) => Promise<Figure[]>;

/** Opens a page of the page server with the bench bundle (globalThis.__bench) loaded. */
export async function benchPage(ctx: BenchContext, path: string): Promise<Page> {
  const page = await ctx.browser.context.newPage();
  await page.goto(`${ctx.origin}${path}`, { timeout: 120_000 });
  await page.addScriptTag({ url: `${ctx.origin}/bench.js` });
  return page;
}
