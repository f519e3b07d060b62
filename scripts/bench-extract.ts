/**
 * `npm run bench:extract` — accuracy of extract/ over the shared corpus and the project's own
 * fixtures, per field, against (a) the corpus reference values (other projects' test
 * expectations, not always true) and (b) our hand-verified values in test/fixtures/verified.json;
 * next to what @mozilla/readability and defuddle give on the same pages. Also counts crashes and
 * times each tool. Corpus: $CORPUS_DIR, else ../shared/corpus from the repo root (or above).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { parseHTML } from 'linkedom';
import { MentionSchema } from '../domain/mention';
import { extractMention } from '../extract/index';
import { FIELDS, agree, type Field, type Values } from './bench-compare';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
function corpusDir(): string | null {
  if (process.env.CORPUS_DIR)
    return existsSync(join(process.env.CORPUS_DIR, 'index.json')) ? process.env.CORPUS_DIR : null;
  for (let d = root, i = 0; i < 4; i++, d = dirname(d))
    if (existsSync(join(d, 'shared', 'corpus', 'index.json'))) return join(d, 'shared', 'corpus');
  return null;
}

interface Entry {
  file: string;
  url: string | null;
  platform: string;
  expected: Record<string, unknown> | null;
}
type Verified = Record<string, Partial<Record<Field, { value: string | null; reason: string }>>>;
interface Page {
  id: string;
  path: string;
  url: string;
  ref: Values;
}

const dir = corpusDir();
const pages: Page[] = [];
if (!dir) {
  console.log(
    'bench:extract: corpus not found (set CORPUS_DIR or put it at ../shared/corpus) — measuring own fixtures only.',
  );
} else {
  for (const e of JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Entry[]) {
    const x = e.expected ?? {};
    pages.push({
      // In the browser the extractor always has the page's address; saved X pages without one were x.com pages.
      id: e.file,
      path: join(dir, e.file),
      url: e.url ?? (e.platform === 'x' ? 'https://x.com/home' : 'http://fakehost/test/page.html'),
      ref: {
        author: x.author as string,
        handle: x.handle as string,
        text: x.textStartsWith as string,
        published: x.published as string,
        title: x.title as string,
        language: x.lang as string,
      },
    });
  }
}
const own = join(root, 'test', 'fixtures', 'pages');
for (const p of existsSync(own) ? (await import('node:fs')).readdirSync(own) : []) {
  if (!(await import('node:fs')).statSync(join(own, p)).isDirectory()) continue;
  for (const f of (await import('node:fs')).readdirSync(join(own, p)).filter((n) => n.endsWith('.html'))) {
    if (!existsSync(join(own, p, f.replace(/\.html$/, '.request.json')))) continue;
    const req = JSON.parse(readFileSync(join(own, p, f.replace(/\.html$/, '.request.json')), 'utf8')) as {
      url: string;
    };
    pages.push({ id: `fixtures/${p}/${f}`, path: join(own, p, f), url: req.url, ref: {} });
  }
}
// BENCH_EVERY=n measures every n-th page only (defuddle needs 1–5 s a page on linkedom).
const every = Math.max(1, Number(process.env.BENCH_EVERY ?? 1));
if (every > 1) pages.splice(0, pages.length, ...pages.filter((_, i) => i % every === 0));
const verified = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'verified.json'), 'utf8')) as Verified;

type Tool = 'ours' | 'readability' | 'defuddle';
// BENCH_TOOLS=ours skips the libraries (quick runs while fixing the extractor).
const TOOLS = (process.env.BENCH_TOOLS?.split(',') ?? ['ours', 'readability', 'defuddle']) as Tool[];
const score = Object.fromEntries(
  TOOLS.map((t) => [t, Object.fromEntries(FIELDS.map((f) => [f, { ref: 0, ver: 0 }]))]),
) as Record<Tool, Record<Field, { ref: number; ver: number }>>;
const totals = Object.fromEntries(FIELDS.map((f) => [f, { ref: 0, ver: 0 }])) as Record<
  Field,
  { ref: number; ver: number }
>;
const ms: Record<Tool, number> = { ours: 0, readability: 0, defuddle: 0 };
const crashes: string[] = [];
/** BENCH_DUMP=<file>: our values per page, to review when adding verified values. */
const dump: Record<string, { ours: Values; ref: Values }> = {};
const misses: string[] = [];

function run(tool: Tool, html: string, url: string): Values {
  const { document } = parseHTML(html);
  const t0 = performance.now();
  try {
    if (tool === 'ours') {
      const m = MentionSchema.parse(extractMention(document, { url, now: new Date(0) }));
      return {
        author: m.author.name ?? m.author.handle,
        handle: m.author.handle,
        text: m.text,
        published: m.publishedAt,
        title: m.title,
        language: m.language,
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
    const quiet = console.error;
    const quietLog = console.log;
    console.error = () => {};
    console.log = () => {};
    let d: ReturnType<Defuddle['parse']>;
    try {
      d = new Defuddle(document as unknown as Document, { url }).parse();
    } finally {
      console.error = quiet;
      console.log = quietLog;
    }
    const text = parseHTML(`<body>${d.content ?? ''}</body>`).document.body.textContent;
    return { author: d.author, text, published: d.published, title: d.title, language: d.language };
  } finally {
    ms[tool] += performance.now() - t0;
  }
}

for (const p of pages) {
  let html = '';
  try {
    html = readFileSync(p.path, 'utf8');
  } catch {
    continue;
  }
  const ver = verified[p.id] ?? {};
  for (const tool of TOOLS) {
    let v: Values = {};
    try {
      v = run(tool, html, p.url);
      if (tool === 'ours') dump[p.id] = { ours: { ...v, text: v.text?.slice(0, 200) }, ref: p.ref };
    } catch (e) {
      if (tool === 'ours') crashes.push(`${p.id}: ${e instanceof Error ? e.message : e}`);
    }
    for (const f of FIELDS) {
      const ref = p.ref[f];
      if (ref != null && ref !== '') {
        if (tool === 'ours') totals[f].ref++;
        if (agree(f, v[f], ref)) score[tool][f].ref++;
        else if (tool === 'ours' && process.env.BENCH_REF_MISSES === f)
          misses.push(
            `${p.id} ${f}: got ${JSON.stringify(String(v[f] ?? null).slice(0, 70))} ref ${JSON.stringify(ref.slice(0, 70))}`,
          );
      }
      const vv = ver[f];
      if (vv) {
        if (tool === 'ours') totals[f].ver++;
        if (agree(f, v[f], vv.value)) score[tool][f].ver++;
        else if (tool === 'ours')
          misses.push(
            `${p.id} ${f}: got ${JSON.stringify(String(v[f] ?? null).slice(0, 60))} want ${JSON.stringify(vv.value)}`,
          );
      }
    }
  }
}

const pct = (a: number, n: number) => (n ? `${a}/${n} ${((100 * a) / n).toFixed(1)}%` : '—');
console.log(
  `pages: ${pages.length}${every > 1 ? ` (every ${every}th)` : ''} (corpus ${dir ?? 'missing'}), tools: ${TOOLS.join(', ')}, crashes in ours: ${crashes.length}`,
);
console.log('| field | vs reference: ours | readability | defuddle | vs verified: ours | readability | defuddle |');
console.log('|---|---|---|---|---|---|---|');
let vOk = 0,
  vN = 0;
for (const f of FIELDS) {
  const s = (t: Tool, k: 'ref' | 'ver') => (TOOLS.includes(t) ? pct(score[t][f][k], totals[f][k]) : 'skipped');
  console.log(
    `| ${f} | ${s('ours', 'ref')} | ${s('readability', 'ref')} | ${s('defuddle', 'ref')} | ${s('ours', 'ver')} | ${s('readability', 'ver')} | ${s('defuddle', 'ver')} |`,
  );
  vOk += score.ours[f].ver;
  vN += totals[f].ver;
}
console.log(`verified fields right (ours): ${pct(vOk, vN)}`);
console.log(
  `time (extract only, linkedom): ours ${ms.ours.toFixed(0)} ms, readability ${ms.readability.toFixed(0)} ms, defuddle ${ms.defuddle.toFixed(0)} ms`,
);
for (const c of crashes) console.log(`CRASH ${c}`);
if (process.env.BENCH_DUMP)
  (await import('node:fs')).writeFileSync(process.env.BENCH_DUMP, JSON.stringify(dump, null, 1));
if (process.env.BENCH_VERBOSE || process.env.BENCH_REF_MISSES) for (const m of misses) console.log(`miss ${m}`);
