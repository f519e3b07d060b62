/**
 * The bench bundle (built by bench/lib/bundle.ts with esbuild): the real extract/ and storage/
 * code plus @mozilla/readability and defuddle, loaded into a page served on 127.0.0.1 so every
 * figure is taken in Chromium on a real DOM and real IndexedDB. Exposed as `globalThis.__bench`.
 */
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractCapture } from '../../extract/index';
import { measureRemembered, rememberElement } from '../../capture/view';
import { CaptureDb } from '../../storage/db';
import { saveCapture } from '../../storage/save-capture';
import { linkedCases } from '../../storage/linked-cases';
import { authorKeysFromUrl } from '../../domain/page-authors';
import type { Mention } from '../../domain/mention';
import { seedStore, type SeedPlan } from './seed';

const review = { category: 'outage', severity: 'high', owner: null, note: 'bench' } as const;

async function freshDb(name: string): Promise<CaptureDb> {
  await new CaptureDb(name).delete();
  const db = new CaptureDb(name);
  await db.open();
  return db;
}

/** Saves a capture as the extension does with a backend set up: case, mention (with its thread) and outbox entry in one transaction. */
async function save(db: CaptureDb, mention: Mention): Promise<void> {
  await saveCapture(db, { mention, review, agent: 'Bench', syncEnabled: true });
}

export interface CaptureSamples {
  capture: number[];
  /** The extraction part of each capture run (the rest is the save). */
  extract: number[];
  /** The part that measures the post's box for the evidence image (capture/view.ts). */
  view: number[];
  readability: number[];
  defuddle: number[] | null;
  defuddleError: string | null;
  /** The blog page only: the least any capture of its comments can cost here (see floorCapture). */
  floor: number[];
  /** Comments kept as the captured post's thread. */
  comments: number;
  /** Size of the thread as stored (JSON characters). */
  threadChars: number;
  sample: Mention | null;
}

/**
 * What the toolbar button does, extraction and save, timed in the page. mode 'one': the timeline,
 * scrolled so that one tweet is in the middle of the view; extractMention picks it. mode 'all':
 * the blog post; extractMention gives the post with every comment as its thread, saved as one case.
 */
async function capture(mode: 'one' | 'all', url: string, warmup: number, runs: number): Promise<CaptureSamples> {
  const db = await freshDb('bench-capture');
  const out: CaptureSamples = {
    capture: [],
    extract: [],
    view: [],
    readability: [],
    defuddle: [],
    defuddleError: null,
    floor: [],
    comments: 0,
    threadChars: 0,
    sample: null,
  };
  // On the blog page the floor runs in turns with the capture (which first, swapped each round),
  // so a burst of load on this shared machine weighs on both alike.
  for (let i = 0; i < warmup + runs; i++) {
    if (mode === 'all' && i % 2 === 1) {
      const ms = await floorCapture(db);
      if (i >= warmup) out.floor.push(ms);
    }
    const t0 = performance.now();
    // As capture/run-in-page.ts does: the mention, and the box of the element it was read from.
    let element: Element | null = null;
    const read = extractCapture(document, { url }, (el) => (element = el));
    const tx = performance.now();
    if (read.refused) throw new Error('the bench page was read as a private conversation');
    const m = read.mention;
    measureRemembered(rememberElement(element));
    const tv = performance.now();
    await save(db, m);
    const t1 = performance.now();
    if (i >= warmup) {
      out.capture.push(t1 - t0);
      out.extract.push(tx - t0);
      out.view.push(tv - tx);
    }
    out.comments = m.thread?.comments.length ?? 0;
    out.threadChars = m.thread ? JSON.stringify(m.thread).length : 0;
    out.sample = m;
    if (mode === 'all' && out.comments === 0)
      throw new Error('the blog capture kept no comments: the bench page or the extractor changed');
    if (mode === 'all' && i % 2 === 0) {
      const ms = await floorCapture(db);
      if (i >= warmup) out.floor.push(ms);
    }
  }
  // Readability (and defuddle) change the document they parse: each run gets a fresh clone, untimed.
  // Fewer runs: on the timeline one parse takes seconds, and its spread is small next to the ratio.
  const cmpWarmup = Math.min(warmup, 1);
  const cmpRuns = Math.min(runs, 5);
  for (let i = 0; i < cmpWarmup + cmpRuns; i++) {
    const clone = document.cloneNode(true) as Document;
    const t0 = performance.now();
    new Readability(clone).parse();
    const t1 = performance.now();
    if (i >= cmpWarmup) out.readability.push(t1 - t0);
  }
  try {
    for (let i = 0; i < cmpWarmup + cmpRuns; i++) {
      const clone = document.cloneNode(true) as Document;
      const t0 = performance.now();
      new Defuddle(clone, { url }).parse();
      const t1 = performance.now();
      if (i >= cmpWarmup) out.defuddle!.push(t1 - t0);
    }
  } catch (e) {
    out.defuddle = null;
    out.defuddleError = e instanceof Error ? e.message : String(e);
  }
  db.close();
  return out;
}

/**
 * A lower bound for captureBlogMs, its budget's floor: each comment's four parts read with one
 * querySelector each and raw textContent (no cleaning, no paragraph breaks, no profile or reply
 * link, no checks), the list stored as one JSON string — with the two rows every capture writes
 * beside it (its case and its outbox entry, one transaction: a capture is stored whole or not at
 * all) — through raw IndexedDB. Less than any honest capture of 500 comments can do.
 */
async function floorCapture(db: CaptureDb): Promise<number> {
  const t0 = performance.now();
  const comments = [];
  for (const c of document.querySelectorAll('li.comment')) {
    const link = c.querySelector<HTMLAnchorElement>('a[href*="#comment-"]');
    comments.push({
      id: c.id,
      url: link?.href ?? null,
      name: c.querySelector('.fn')?.textContent ?? null,
      at: c.querySelector('time')?.getAttribute('datetime') ?? null,
      text: c.querySelector('.comment-content')?.textContent ?? '',
    });
  }
  const row = {
    id: crypto.randomUUID(),
    caseId: crypto.randomUUID(),
    urlKey: 'floor',
    authorKey: null,
    threadKey: 'floor',
    capturedAt: new Date().toISOString(),
    threadJson: JSON.stringify(comments),
  };
  const at = row.capturedAt;
  const kase = {
    id: row.caseId,
    idempotencyKey: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
    status: 'new',
    syncState: 'queued',
  };
  const outbox = { caseId: row.caseId, state: 'pending', nextAttemptAt: Date.parse(at) };
  await new Promise<void>((ok, fail) => {
    const tx = db.backendDB().transaction(['mentions', 'cases', 'outbox'], 'readwrite');
    tx.objectStore('mentions').put(row);
    tx.objectStore('cases').put(kase);
    tx.objectStore('outbox').put(outbox);
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  return performance.now() - t0;
}

let linkedDb: CaptureDb | null = null;

/** Seeds the store, or reuses it when a run with the same seed version left it complete. */
async function seedLinked(
  plan: SeedPlan,
  version: string,
  reseed: boolean,
): Promise<{ mentions: number; cases: number; ms: number; reused: boolean }> {
  const t0 = performance.now();
  const mark = `${version}:${plan.mentions}:${plan.cases}`;
  if (!reseed && localStorage.getItem('seeded') === mark) {
    linkedDb = new CaptureDb('bench-linked');
    await linkedDb.open();
    const counts = { mentions: await linkedDb.mentions.count(), cases: await linkedDb.cases.count() };
    if (counts.mentions === plan.mentions && counts.cases === plan.cases)
      return { ...counts, ms: performance.now() - t0, reused: true };
    linkedDb.close();
  }
  localStorage.removeItem('seeded');
  linkedDb = await freshDb('bench-linked');
  const counts = await seedStore(linkedDb, plan);
  localStorage.setItem('seeded', mark);
  return { ...counts, ms: performance.now() - t0, reused: false };
}

/** Times linkedCases(db, url, authorKeysFromUrl(url)) exactly as the side panel calls it. */
async function queryLinked(
  urls: string[],
  warmup: number,
  runs: number,
): Promise<{ samples: number[]; perUrl: Record<string, { cases: number; ms: number[] }> }> {
  const db = linkedDb;
  if (!db) throw new Error('seedLinked first');
  const perUrl: Record<string, { cases: number; ms: number[] }> = {};
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    for (const url of urls) {
      const t0 = performance.now();
      const res = await linkedCases(db, url, authorKeysFromUrl(url));
      const t1 = performance.now();
      const row = (perUrl[url] ??= { cases: res.length, ms: [] });
      if (i >= warmup) {
        row.ms.push(t1 - t0);
        samples.push(t1 - t0);
      }
    }
  }
  return { samples, perUrl };
}

/** Scrolls the timeline so the tweet `index` sits in the middle of the viewport (the agent's view). */
function scrollToTweet(index: number): void {
  document.querySelectorAll('article[data-testid="tweet"]')[index]?.scrollIntoView({ block: 'center' });
}

const api = { capture, seedLinked, queryLinked, scrollToTweet };
export type BenchApi = typeof api;
(globalThis as unknown as { __bench: BenchApi }).__bench = api;
