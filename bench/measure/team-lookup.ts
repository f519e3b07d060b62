/**
 * teamLookupMs: what asking the team backend adds to opening the popup. The e2e build's
 * popup.html?tabId=<tab> is opened as a page, and timed from its navigation start to the moment it
 * shows its answer: the review form with the captured text, or the existing case. Three ways, each
 * run on a post of its own (so no answer comes from a cache):
 * - none: no backend configured (the popup as it was);
 * - miss: the reference backend (its own process, loopback) configured, not holding the post;
 * - hit: the backend holding the post (made through its API), so the popup shows the team's case.
 * The opens without a backend go first, then miss and hit in turn with the backend configured
 * (through the background's own settings/save message; removed at the end). teamLookupMs is the
 * median of hit − the median of none (budget ≤ 50 ms), teamMissMs the same for miss.
 */
import type { Page } from '@playwright/test';
import { startBackend } from '../../test/e2e/backend';
import { tabIdOf } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { serve } from '../lib/server';
import { figure, median, type Figure } from '../lib/stats';

declare global {
  var __answeredAt: number | undefined;
}

type Way = 'none' | 'miss' | 'hit';
const WAYS: Way[] = ['none', 'miss', 'hit'];

/** A small blog post whose permalink is its own address (a post per run, so nothing is cached). */
function post(path: string, n: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outage ${n}</title>
<link rel="canonical" href="${path}"></head><body><article class="post"><h1>Outage ${n}</h1>
<p class="byline">By <span class="author">Marloes ${n}</span></p>
<p>Third week without internet at number ${n}, and nobody calls back.</p></article></body></html>`;
}

function stampWhenAnswered() {
  const check = () => {
    const text = document.querySelector('textarea[name=text]') as HTMLTextAreaElement | null;
    const dup = document.querySelector('[data-testid=duplicate]');
    if ((dup || text?.value) && globalThis.__answeredAt === undefined) globalThis.__answeredAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

async function send(page: Page, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ type, payload }) => {
      const chrome = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } };
        }
      ).chrome;
      const r = await chrome.runtime.sendMessage({ type, payload });
      if (!r?.ok) throw new Error(`${type}: ${r?.error}`);
      return r.value;
    },
    { type, payload },
  );
}

export async function measureTeamLookup(ctx: BenchContext): Promise<Figure[]> {
  const total = ctx.warmup + ctx.runs;
  const routes: Record<string, { type: string; body: string }> = {};
  for (const way of WAYS)
    for (let i = 0; i < total; i++) {
      const path = `/team-${way}-${i}.html`;
      routes[path] = { type: 'text/html; charset=utf-8', body: post(path, i) };
    }
  const pages = await serve(routes);
  const backend = await startBackend();
  const { context, extensionId, worker } = ctx.browser;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const agent = (await (
    await fetch(`${backend.url}/api/agents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${backend.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Bench agent' }),
    })
  ).json()) as { token: string };
  const settings = (on: boolean) =>
    send(options, 'settings/save', {
      settings: { agentName: 'Bench agent', backend: on ? 'http' : 'none', backendUrl: on ? backend.url : '' },
      credentials: { token: on ? agent.token : '' },
    });
  const times: Record<Way, number[]> = { none: [], miss: [], hit: [] };
  let shown = { miss: '', hit: '' };
  try {
    // Settings change rarely in real use (and a change starts work in the background): all the
    // opens without a backend first, then with it, a miss and a hit in turn.
    for (const phase of [['none'], ['miss', 'hit']] as Way[][]) {
      await settings(phase[0] !== 'none');
      for (let i = 0; i < total; i++)
        for (const way of phase) {
          const url = `${pages.origin}/team-${way}-${i}.html`;
          if (way === 'hit') await holdOnBackend(backend, url, i);
          const { at, answer } = await openPopup(ctx, worker, url);
          if (i >= ctx.warmup) times[way].push(at);
          if (way !== 'none') shown = { ...shown, [way]: answer };
        }
    }
  } finally {
    await settings(false).catch(() => {});
    await options.close();
    await backend.stop();
    await pages.close();
  }
  ctx.notes.push(
    `team lookup: popup open to its answer, median none ${median(times.none).toFixed(1)} ms, miss ${median(times.miss).toFixed(1)} ms (${shown.miss}), hit ${median(times.hit).toFixed(1)} ms (${shown.hit}); teamLookupMs = median hit − median none`,
  );
  // What the team adds: the difference of the medians (a paired difference swings with the
  // machine's load from one open to the next); the spread is that of the runs' own differences.
  const added = (key: string, way: Way, budget?: Figure['budget']): Figure => {
    const pairs = figure(
      key,
      times[way].map((x, i) => x - times.none[i]!),
      'ms',
      budget,
    );
    return { ...pairs, median: median(times[way]) - median(times.none) };
  };
  return [
    added('teamLookupMs', 'hit', { limit: 50, atMost: true }),
    added('teamMissMs', 'miss'),
    figure('popupOpenTeamHitMs', times.hit, 'ms'),
  ];
}

/** The team's case for the post at `url`, made as another agent would have (through the API). */
async function holdOnBackend(backend: { url: string; token: string }, url: string, i: number): Promise<void> {
  const mention = {
    platform: 'blog',
    kind: 'post',
    url,
    postId: null,
    author: { name: `Marloes ${i}`, handle: null, profileUrl: null, followers: null },
    text: `Third week without internet at number ${i}, and nobody calls back.`,
    title: `Outage ${i}`,
    publishedAt: null,
    language: 'en',
    parentUrl: null,
    metrics: { views: null, likes: null, reposts: null, replies: null },
    quoted: null,
    warnings: [],
    capturedAt: new Date().toISOString(),
  };
  const r = await fetch(`${backend.url}/api/cases`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${backend.token}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ mention, category: 'outage', severity: 'high', note: '', capturedBy: 'Colleague' }),
  });
  if (r.status !== 201) throw new Error(`the backend did not take the case: ${r.status}`);
}

async function openPopup(
  ctx: BenchContext,
  worker: BenchContext['browser']['worker'],
  url: string,
): Promise<{ at: number; answer: string }> {
  const tab = await ctx.browser.context.newPage();
  await tab.goto(url);
  const tabId = await tabIdOf(worker, tab.url());
  const popup = await ctx.browser.context.newPage();
  await popup.addInitScript(stampWhenAnswered);
  await popup.goto(`chrome-extension://${ctx.browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForFunction(() => globalThis.__answeredAt !== undefined, undefined, { timeout: 30_000, polling: 50 });
  const at = await popup.evaluate(() => globalThis.__answeredAt!);
  const answer = (await popup.locator('[data-testid=duplicate]').count()) ? 'the team’s case' : 'the form';
  await popup.close();
  await tab.close();
  return { at, answer };
}
