/**
 * `npm run bench:extract` — accuracy of extract/ over the shared corpus and the project's own
 * fixtures, per field, side by side with @mozilla/readability and defuddle on the same pages:
 * (a) the corpus reference values (other projects' test expectations, not always true), (b) aeb's
 * ground-truth article bodies (text start, passages present, boilerplate absent), and (c) the
 * hand-checked values of test/fixtures/verified.json (fields, passages, boilerplate, comments).
 * Also counts crashes and times each tool. Corpus: $CORPUS_DIR, else ../shared/corpus.
 *
 * BENCH_TOOLS=ours skips the libraries; BENCH_EVERY=n measures every n-th page; BENCH_DEFUDDLE_EVERY=n
 * runs defuddle (1–5 s a page on linkedom) on every n-th page only, its column then counts those;
 * BENCH_ONLY=aeb (or corpus, fixtures) one group; BENCH_MISSES=<row> lists our misses of that row;
 * BENCH_DUMP=<file> writes our values per page. Progress goes to stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { parseHTML } from 'linkedom';
import { MentionSchema } from '../domain/mention';
import { extractAll, extractMention } from '../extract/index';
import { urlKey } from '../domain/url-key';
import { FIELDS, agree, allPresent, commentsFound, mostlyBody, nonepresent, type Output } from './bench-compare';
import { corpusDir, loadPages, type Group, type Page, type Verified } from './bench-pages';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = corpusDir(root);
if (!dir)
  console.log('bench:extract: corpus not found (set CORPUS_DIR or put it at ../shared/corpus) — own fixtures only.');
let pages = loadPages(root, dir);
const every = Math.max(1, Number(process.env.BENCH_EVERY ?? 1));
if (every > 1) pages = pages.filter((_, i) => i % every === 0);
if (process.env.BENCH_ONLY) pages = pages.filter((p) => p.group === process.env.BENCH_ONLY);
const verified = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'verified.json'), 'utf8')) as Verified;

type Tool = 'ours' | 'readability' | 'defuddle';
const TOOLS = (process.env.BENCH_TOOLS?.split(',') ?? ['ours', 'readability', 'defuddle']) as Tool[];
const ROWS = [
  'author',
  'handle',
  'published',
  'title',
  'language',
  'text start',
  'passages present',
  'boilerplate absent',
  'comments found',
] as const;
type Row = (typeof ROWS)[number];
type Table = 'reference' | 'baselines' | 'aeb' | 'verified';
/** [right, asked] per table, row and tool. */
const tally = new Map<string, [number, number]>();
const count = (t: Table, r: Row, tool: Tool, ok: boolean) => {
  const k = `${t}|${r}|${tool}`;
  const v = tally.get(k) ?? [0, 0];
  tally.set(k, [v[0] + (ok ? 1 : 0), v[1] + 1]);
};
const ms: Record<Tool, number> = { ours: 0, readability: 0, defuddle: 0 };
const crashes: string[] = [];
const misses: string[] = [];
const dump: Record<string, Output> = {};

function run(tool: Tool, html: string, url: string): Output {
  const { document } = parseHTML(html);
  const t0 = performance.now();
  try {
    if (tool === 'ours') {
      const m = MentionSchema.parse(extractMention(document, { url, now: new Date(0) }));
      const all = extractAll(document, { url, now: new Date(0) });
      return {
        author: m.author.name ?? m.author.handle,
        handle: m.author.handle,
        text: m.text,
        published: m.publishedAt,
        title: m.title,
        language: m.language,
        // A comment, answer or review counts when it comes out as its own mention: a comment, or
        // any mention of another address than the page's (a review site's reviews are posts).
        comments: all.filter((c) => c.kind === 'comment' || urlKey(c.url) !== urlKey(url)).map((c) => c.text),
      };
    }
    if (tool === 'readability') {
      const r = new Readability(document as unknown as Document).parse();
      return {
        author: r?.byline,
        text: r?.textContent,
        published: r?.publishedTime,
        title: r?.title,
        language: r?.lang,
      };
    }
    // defuddle logs every JSON-LD or URL it cannot parse; keep the table readable.
    const [err, log, warn] = [console.error, console.log, console.warn];
    console.error = console.log = console.warn = () => {};
    let d: ReturnType<Defuddle['parse']>;
    try {
      d = new Defuddle(document as unknown as Document, { url }).parse();
    } finally {
      [console.error, console.log, console.warn] = [err, log, warn];
    }
    // A whole document: linkedom gives a bare <body> fragment no body element, and so no text.
    const text = parseHTML(`<!DOCTYPE html><html><body>${d.content ?? ''}</body></html>`).document.body.textContent;
    return { author: d.author, text, published: d.published, title: d.title, language: d.language };
  } finally {
    ms[tool] += performance.now() - t0;
  }
}

const TEXT_FIELDS: Partial<Record<Row, (typeof FIELDS)[number]>> = {
  author: 'author',
  handle: 'handle',
  published: 'published',
  title: 'title',
  language: 'language',
  'text start': 'text',
};

function score(p: Page, tool: Tool, out: Output) {
  const miss = (t: Table, r: Row, ok: boolean, what: string) => {
    count(t, r, tool, ok);
    if (!ok && tool === 'ours' && process.env.BENCH_MISSES === r) misses.push(`${t} ${p.id}: ${what}`);
  };
  // Readability's test pages expect Readability's own output: kept apart, it agrees by construction.
  const refTable: Table = p.group === 'aeb' ? 'aeb' : p.id.startsWith('readability/') ? 'baselines' : 'reference';
  for (const [row, f] of Object.entries(TEXT_FIELDS) as [Row, (typeof FIELDS)[number]][]) {
    const ref = p.ref[f];
    if (ref != null && ref !== '')
      miss(
        refTable,
        row,
        agree(f, out[f], ref),
        `got ${JSON.stringify(String(out[f] ?? null).slice(0, 70))} ref ${JSON.stringify(ref.slice(0, 70))}`,
      );
  }
  if (p.passages)
    miss(
      refTable,
      'passages present',
      allPresent(out.text, p.passages),
      `missing one of ${JSON.stringify(p.passages)}`,
    );
  if (p.body)
    miss(
      refTable,
      'boilerplate absent',
      mostlyBody(out.text, p.body),
      `text ${JSON.stringify((out.text ?? '').slice(-120))}`,
    );
  if (p.comments)
    miss(
      refTable,
      'comments found',
      commentsFound(out, p.comments, tool === 'ours'),
      `want ${JSON.stringify(p.comments)}`,
    );
  const v = verified[p.id];
  if (!v) return;
  for (const [row, f] of Object.entries(TEXT_FIELDS) as [Row, (typeof FIELDS)[number]][]) {
    const c = v[f];
    if (c)
      miss(
        'verified',
        row,
        agree(f, out[f], c.value),
        `got ${JSON.stringify(String(out[f] ?? null).slice(0, 70))} want ${JSON.stringify(c.value)}`,
      );
  }
  if (v.passages)
    miss(
      'verified',
      'passages present',
      allPresent(out.text, v.passages.value),
      `missing one of ${JSON.stringify(v.passages.value)}`,
    );
  if (v.absent)
    miss(
      'verified',
      'boilerplate absent',
      nonepresent(out.text, v.absent.value),
      `holds one of ${JSON.stringify(v.absent.value)}`,
    );
  if (v.comments)
    miss(
      'verified',
      'comments found',
      commentsFound(out, v.comments.value, tool === 'ours'),
      `want ${JSON.stringify(v.comments.value)} got ${out.comments?.length ?? 0}`,
    );
}

const defuddleEvery = Math.max(1, Number(process.env.BENCH_DEFUDDLE_EVERY ?? 1));
for (const [i, p] of pages.entries()) {
  if (i % 50 === 0) process.stderr.write(`bench:extract ${i}/${pages.length}\n`);
  let html: string;
  try {
    html = readFileSync(p.path, 'utf8');
  } catch {
    continue;
  }
  for (const tool of TOOLS) {
    if (tool === 'defuddle' && i % defuddleEvery !== 0) continue;
    let out: Output = {};
    try {
      out = run(tool, html, p.url);
    } catch (e) {
      if (tool === 'ours') crashes.push(`${p.id}: ${e instanceof Error ? e.message : e}`);
    }
    if (tool === 'ours') dump[p.id] = { ...out, text: out.text?.slice(0, 300), comments: out.comments?.slice(0, 5) };
    score(p, tool, out);
  }
}

const groups = (g: Group) => pages.filter((p) => p.group === g).length;
console.log(
  `pages: ${pages.length} (corpus ${groups('corpus')}, aeb ${groups('aeb')}, own fixtures ${groups('fixtures')})${every > 1 ? `, every ${every}th` : ''}; tools: ${TOOLS.join(', ')}; crashes in ours: ${crashes.length}`,
);
const TITLES: Record<Table, string> = {
  reference:
    'corpus pages vs the reference of metascraper, defuddle, postlight and the X suites (their expectations; text start = their text’s first 32 letters and digits)',
  baselines:
    'mozilla/readability’s test pages vs its own regression baselines (Readability’s output, so it agrees with itself by construction)',
  aeb: 'aeb: 181 news/blog pages vs the ground-truth article body (passages: 2 sentences from its middle; boilerplate absent: ≥ 90 % of the text’s paragraphs are body)',
  verified:
    'hand-checked values (test/fixtures/verified.json: own fixtures and corpus pages); comments found: ours as comment mentions, the libraries anywhere in their text',
};
const pct = ([a, n]: [number, number]) => `${a}/${n} ${((100 * a) / n).toFixed(1)}%`;
for (const t of ['reference', 'baselines', 'aeb', 'verified'] as Table[]) {
  const rows = ROWS.filter((r) => tally.has(`${t}|${r}|${TOOLS[0]}`));
  if (!rows.length) continue;
  console.log(`\n${TITLES[t]}\n\n| field | ${TOOLS.join(' | ')} |\n|---|${TOOLS.map(() => '---').join('|')}|`);
  for (const r of rows)
    console.log(`| ${r} | ${TOOLS.map((tool) => pct(tally.get(`${t}|${r}|${tool}`) ?? [0, 0])).join(' | ')} |`);
}
console.log(`\ntime (extract only, linkedom): ${TOOLS.map((t) => `${t} ${ms[t].toFixed(0)} ms`).join(', ')}`);
for (const c of crashes) console.log(`CRASH ${c}`);
if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, JSON.stringify(dump, null, 1));
for (const m of misses) console.log(`miss ${m}`);
