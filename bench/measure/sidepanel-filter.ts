/**
 * sidepanelFilterMs: one keystroke of search in the real side panel (the e2e build's
 * sidepanel.html, "All" view) over 30,000 cases, from the input event to the list updated: the
 * counts show the new result and the first rows of the list hold the new cases (a MutationObserver
 * stamps performance.now() at that DOM change, before the paint that follows). In between: the
 * search-index read (storage/queue.ts), the combination with the ordered ids (domain/queue.ts), the
 * read of the rows in view and Preact's render of the virtual list.
 *
 * Six keystrokes an agent types (the first searching letter pair over all 30,000, "u" → "ut", and
 * the second letter of a surname or place after a word: "marloes j" → "marloes ja", …); before each
 * timed one the shorter query is typed and left to settle. The figure is the median over all
 * keystrokes' timed runs. Before each, a write to the database (as the background makes all day)
 * makes the panel drop the words and rows it had read: the timed keystroke reads its word from the
 * index, never from the panel's memory.
 *
 * The 30,000 cases are written through the background's own database code (the e2e build exposes
 * it), in a profile kept under node_modules/.cache/complaint-capture-bench/ and reused while the
 * plan below is unchanged (`--reseed` writes it again): seeding takes a minute or two.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { newCase } from '../../domain/case-records';
import type { Category, Severity } from '../../domain/case';
import type { Mention } from '../../domain/mention';
import { toStoredMention } from '../../domain/stored-mention';
import { CHROMIUM_PATH, chromiumArgs } from '../../test/e2e/chromium';
import { E2E_EXTENSION_DIR } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { figure, median, type Figure } from '../lib/stats';

const CASES = 30_000;
/** Bump when the plan or the stored rows change: the cached store is then seeded again. */
const SEED_VERSION = 1;
const PROFILE = resolve('node_modules/.cache/complaint-capture-bench/sidepanel-profile');
/**
 * The keystrokes timed: each adds the letter that changes what is listed (a one-letter word is not
 * searched, so the second letter of a surname or a place is the one that narrows the list).
 */
const KEYSTROKES: [string, string][] = [
  ['u', 'ut'],
  ['marloes j', 'marloes ja'],
  ['piet b', 'piet ba'],
  ['storing z', 'storing zw'],
  ['factuur s', 'factuur sm'],
  ['eva v', 'eva vi'],
];

const FIRST = ['Marloes', 'Anouk', 'Piet', 'Fatima', 'Bram', 'Lotte', 'Daan', 'Eva', 'Sem', 'Kees', 'Joost', 'Sanne'];
const LAST = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos'];
const PLACES = ['Utrecht', 'Amsterdam', 'Rotterdam', 'Den Haag', 'Eindhoven', 'Groningen', 'Zwolle', 'Arnhem'];
const TEXTS = [
  'Al drie dagen een storing in {p}, geen internet en geen tv.',
  'Mijn factuur is dubbel afgeschreven en niemand belt terug.',
  'Pakket met de nieuwe modem komt maar niet aan in {p}.',
  'Wifi valt elke avond weg sinds de monteur is geweest.',
  'Contract verlengd zonder bericht, opzeggen lukt niet.',
];
const CATEGORIES: Category[] = ['outage', 'billing', 'delivery', 'outage', 'contract'];
const SEVERITIES: Severity[] = ['low', 'medium', 'medium', 'high', 'critical'];

/** Case i of the plan: one mention each, varied authors, places, words, severities and ages. */
function row(i: number) {
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const handle = `${name.toLowerCase().replace(/\s+/g, '')}${i}`;
  const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
  const mention: Mention = {
    platform: i % 3 ? 'x' : 'blog',
    kind: 'post',
    url: `https://x.com/${handle}/status/${1700000000000000000 + i}`,
    postId: String(1700000000000000000 + i),
    author: { name, handle, profileUrl: null, followers: i % 7 === 0 ? 10_000 + i : null },
    text: TEXTS[i % TEXTS.length]!.replace('{p}', PLACES[i % PLACES.length]!),
    title: null,
    publishedAt: at,
    language: 'nl',
    parentUrl: null,
    metrics: { views: null, likes: null, reposts: null, replies: null },
    quoted: null,
    warnings: [],
    capturedAt: at,
  };
  const id = `c${i}`;
  const kase = newCase({
    id,
    mentionId: `m${i}`,
    mention,
    review: { category: CATEGORIES[i % 5]!, severity: SEVERITIES[i % 5]!, owner: i % 4 ? null : 'Joost', note: '' },
    agent: 'Bench',
    at,
    syncEnabled: false,
  });
  return { kase, mention: toStoredMention(mention, `m${i}`, id) };
}

export async function measureSidepanelFilter(ctx: BenchContext): Promise<Figure[]> {
  if (process.argv.includes('--reseed')) rmSync(PROFILE, { recursive: true, force: true });
  mkdirSync(PROFILE, { recursive: true });
  const context = await chromium.launchPersistentContext(PROFILE, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'en-US',
    viewport: { width: 400, height: 900 },
    args: chromiumArgs(E2E_EXTENSION_DIR, 'en-US'),
  });
  try {
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const seeded = await worker.evaluate(
      async () =>
        (
          (await (
            globalThis as unknown as {
              chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
            }
          ).chrome.storage.local.get('benchQueueSeed')) as { benchQueueSeed?: number }
        ).benchQueueSeed ?? 0,
    );
    let how = 'reused the seeded store of an earlier run';
    if (seeded !== SEED_VERSION) {
      const t0 = performance.now();
      const CHUNK = 2000;
      for (let from = 0; from < CASES; from += CHUNK) {
        const rows = Array.from({ length: Math.min(CHUNK, CASES - from) }, (_, k) => row(from + k));
        await worker.evaluate(async (rows) => {
          const g = globalThis as unknown as {
            __cc: {
              db: {
                transaction(...a: unknown[]): Promise<void>;
                cases: { bulkPut(r: unknown[]): Promise<unknown> };
                mentions: { bulkPut(r: unknown[]): Promise<unknown> };
              };
            };
          };
          const db = g.__cc.db;
          await db.transaction('rw', db.cases, db.mentions, async () => {
            await db.mentions.bulkPut(rows.map((r) => r.mention));
            await db.cases.bulkPut(rows.map((r) => r.kase));
          });
        }, rows);
      }
      await worker.evaluate(
        (v) =>
          (
            globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
          ).chrome.storage.local.set({ benchQueueSeed: v }),
        SEED_VERSION,
      );
      how = `seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    }

    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    await panel.getByTestId('view-all').click();
    await panel.waitForFunction(
      (n) => document.querySelector('[data-testid=count-all]')?.textContent?.replace(/\D/g, '') === String(n),
      CASES,
      { timeout: 120_000 },
    );
    const search = panel.locator('input[name=search]');
    /** What the list shows: the count and the first rows' ids (no row still loading). */
    const state = () =>
      panel.evaluate(() => {
        const rows = [...document.querySelectorAll('[data-testid=queue] [data-testid=case-row]')];
        return `${document.querySelector('[data-testid=count-all]')?.textContent}|${rows
          .slice(0, 5)
          .map((r) => r.getAttribute('data-case-id'))
          .join(',')}|${document.querySelectorAll('[data-testid=queue] .qrow.loading').length}`;
      });
    const settle = async (q: string) => {
      await search.fill(q);
      let last = '';
      for (let i = 0; i < 40; i++) {
        await panel.waitForTimeout(100);
        const now = await state();
        if (now === last && now.endsWith('|0')) return now;
        last = now;
      }
      return last;
    };

    let touched = 0;
    const touch = () =>
      worker.evaluate(
        (n) =>
          (
            globalThis as unknown as { __cc: { db: { cases: { update(k: string, c: object): Promise<number> } } } }
          ).__cc.db.cases.update('c0', { updatedAt: new Date(Date.UTC(2026, 10, 1) + n).toISOString() }),
        ++touched,
      );
    const samples: number[] = [];
    const per: string[] = [];
    for (const [from, to] of KEYSTROKES) {
      await settle(from);
      const target = await settle(to);
      const times: number[] = [];
      for (let i = 0; i < ctx.warmup + ctx.runs; i++) {
        // A write in between, as the background makes all day: the panel forgets the words and
        // rows it had read, so the timed keystroke reads its word from the index, not from memory.
        await touch();
        await settle(from);
        const ms = await panel.evaluate(
          ({ to, target }) =>
            new Promise<number>((resolve, reject) => {
              const input = document.querySelector('input[name=search]') as HTMLInputElement;
              const read = () => {
                const rows = [...document.querySelectorAll('[data-testid=queue] [data-testid=case-row]')];
                return `${document.querySelector('[data-testid=count-all]')?.textContent}|${rows
                  .slice(0, 5)
                  .map((r) => r.getAttribute('data-case-id'))
                  .join(',')}|${document.querySelectorAll('[data-testid=queue] .qrow.loading').length}`;
              };
              const t0 = performance.now();
              const watch = new MutationObserver(() => {
                if (read() !== target) return;
                watch.disconnect();
                resolve(performance.now() - t0);
              });
              watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
              setTimeout(() => reject(new Error(`the list never showed "${to}": ${read()} ≠ ${target}`)), 10_000);
              input.value = to;
              input.dispatchEvent(new Event('input', { bubbles: true }));
            }),
          { to, target },
        );
        if (i >= ctx.warmup) times.push(ms);
      }
      samples.push(...times);
      per.push(`"${from}" → "${to}" (${target.split('|')[0]} cases): ${median(times).toFixed(2)} ms`);
    }
    ctx.notes.push(
      `side panel filter: ${CASES.toLocaleString('en')} cases (${how}); per keystroke (median): ${per.join('; ')}`,
    );
    return [figure('sidepanelFilterMs', samples, 'ms', { limit: 16, atMost: true }, 'median over the six keystrokes')];
  } finally {
    await context.close();
  }
}
