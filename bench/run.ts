/**
 * `npm run bench`: builds what it needs, runs each measurement after a warm-up, prints a table of
 * median and spread against the budgets; `npm run bench -- --json` prints one JSON object. Three
 * budgets are ratios to a floor measured in the same run (the machine is shared: absolute times
 * move with its load, ratios to the same work done least far less). A missed budget is printed as
 * "missed" but the exit code stays 0: this is a report, not a test.
 *
 * Flags: --json, --quick (fewer runs), --no-build (reuse .output and .output-e2e),
 * --only=capture,linked,outbox,sizes,popup,background,markers,team,server,sidepanel, --reseed (seed
 * the cached stores again: the linked-cases store and the side panel's 30,000 cases). See bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { launch } from './lib/browser';
import { benchBundle } from './lib/bundle';
import type { BenchContext, Measurement } from './lib/context';
import { serve } from './lib/server';
import { writeFloorExtensions } from './lib/floor-extensions';
import { figure, limitOf, ratioOf, table, verdict, type Figure } from './lib/stats';
import { measureBackgroundStart } from './measure/background-start';
import { measureCapture } from './measure/capture';
import { measureLinkedCases } from './measure/linked-cases';
import { measureMarkers } from './measure/markers';
import { measureOutboxFlush } from './measure/outbox-flush';
import { measurePopupRender } from './measure/popup-render';
import { measureServer } from './measure/server';
import { measureSizes } from './measure/sizes';
import { measureSidepanelFilter } from './measure/sidepanel-filter';
import { measureTeamLookup } from './measure/team-lookup';
import { blogPost } from './pages/blog-500';
import { xTimeline } from './pages/x-timeline';
import { BLOG_URL } from './measure/capture';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

/** Each measurement and the keys it reports (so a failed one still prints its rows as null). */
const MEASUREMENTS: [string, Measurement, string[]][] = [
  [
    'capture',
    measureCapture,
    [
      'captureTimelineMs',
      'captureBlogMs',
      'captureBlogFloorMs',
      'readabilityTimelineMs',
      'readabilityBlogMs',
      'defuddleTimelineMs',
      'defuddleBlogMs',
    ],
  ],
  ['linked', measureLinkedCases, ['linkedCasesQueryMs']],
  ['outbox', measureOutboxFlush, ['outboxFlushPerSec']],
  ['sizes', measureSizes, ['popupJsGzipBytes', 'sidepanelJsGzipBytes', 'backgroundJsGzipBytes']],
  ['popup', measurePopupRender, ['popupFirstRenderMs', 'popupFloorMs']],
  ['background', measureBackgroundStart, ['backgroundColdStartMs', 'backgroundColdStartFloorMs']],
  ['markers', measureMarkers, ['markerScanMsPer100Posts']],
  ['team', measureTeamLookup, ['teamLookupMs', 'teamMissMs', 'popupOpenTeamHitMs']],
  ['server', measureServer, ['serverCreatesPerSec', 'serverP95Ms']],
  ['sidepanel', measureSidepanelFilter, ['sidepanelFilterMs']],
];

function run(cmd: string, argv: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, argv, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const chromium = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
  }).stdout?.trim();
  return `${cpus().length} × ${model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; Node ${process.version}; ${chromium || 'chromium'}`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const wanted = MEASUREMENTS.filter(([name]) => !only || only.includes(name));
  if (!args.includes('--no-build')) {
    log('building the Chrome extension (wxt build) and the e2e build (E2E_BUILD=1 wxt build)…');
    run('npx', ['wxt', 'build']);
    run('npx', ['wxt', 'build'], { E2E_BUILD: '1' });
  }
  log('bundling extract/ + storage/ + readability + defuddle for the pages…');
  const html = 'text/html; charset=utf-8';
  const server = await serve({
    '/x-timeline.html': { type: html, body: xTimeline(1000) },
    '/blog-500.html': { type: html, body: blogPost(BLOG_URL, 500) },
    '/blog-post.html': { type: html, body: readFileSync('test/e2e/pages/blog-post.html') },
    '/blank.html': {
      type: html,
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>',
    },
    '/bench.js': { type: 'text/javascript', body: await benchBundle() },
  });
  const extensions = writeFloorExtensions();
  const browser = await launch(extensions.product);
  const ctx: BenchContext = {
    browser,
    extensions,
    origin: server.origin,
    warmup: quick ? 1 : 3,
    runs: quick ? 3 : 10,
    notes: [],
  };
  const figures: Figure[] = [];
  try {
    for (const [name, measure, keys] of wanted) {
      log(`measuring ${name}…`);
      const t0 = performance.now();
      try {
        figures.push(...(await measure(ctx)));
      } catch (e) {
        ctx.notes.push(`${name}: FAILED — ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        figures.push(
          ...keys.map((k) => figure(k, null, k.endsWith('Bytes') ? 'bytes' : k.endsWith('PerSec') ? 'cases/s' : 'ms')),
        );
      }
      log(`${name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await browser.close();
    await server.close();
    extensions.remove();
  }
  const total = (performance.now() - started) / 1000;
  if (json) {
    const out: Record<string, unknown> = {};
    for (const f of figures)
      out[f.key] = f.median === null ? null : Number(f.median.toFixed(f.unit === 'bytes' ? 0 : 2));
    out.spread = Object.fromEntries(
      figures
        .filter((f) => f.median !== null)
        .map((f) => [f.key, [Number(f.min!.toFixed(2)), Number(f.max!.toFixed(2))]]),
    );
    const two = (v: number | null) => (v === null ? null : Number(v.toFixed(2)));
    out.budgets = Object.fromEntries(
      figures
        .filter((f) => f.budget)
        .map((f) => [
          f.key,
          {
            ...f.budget,
            limit: two(limitOf(f, figures)),
            ...('floorKey' in f.budget! ? { ratio: two(ratioOf(f, figures)) } : {}),
            result: verdict(f, figures),
          },
        ]),
    );
    out.runs = { warmup: ctx.warmup, timed: ctx.runs };
    out.machine = machine();
    out.notes = ctx.notes;
    out.seconds = Number(total.toFixed(1));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const missed = figures.filter((f) => verdict(f, figures) === 'missed');
  console.log(table(figures));
  console.log('');
  console.log(
    'Budgets: popup first render ≤ 1.25 × popupFloorMs; blog capture ≤ 3 × captureBlogFloorMs; background cold start ≤ 2 × backgroundColdStartFloorMs (each floor taken in the same run, in turns with its figure); timeline capture ≤ 30 ms; linked cases ≤ 5 ms; outbox ≥ 200 cases/s; popup JS ≤ 25 KiB gzip; side panel filter ≤ 16 ms. The limit column is the budget in this run’s units.',
  );
  console.log(
    `Runs: ${ctx.warmup} warm-up + ${ctx.runs} timed per figure (outbox: fewer, see notes). Spread = min–max of the timed runs.`,
  );
  for (const n of ctx.notes) console.log(`- ${n}`);
  console.log(`Machine: ${machine()}. Took ${total.toFixed(0)} s.`);
  console.log(missed.length ? `Missed: ${missed.map((f) => f.key).join(', ')}` : 'All budgets met.');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
