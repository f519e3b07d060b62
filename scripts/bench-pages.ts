/**
 * The pages bench:extract measures and what is expected of each: the shared corpus (its index's
 * reference values; aeb's ground-truth article bodies) and the project's fixture pages, plus the
 * hand-checked values of test/fixtures/verified.json.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Field, Values } from './bench-compare';

export type Group = 'corpus' | 'aeb' | 'fixtures';

export interface Page {
  id: string;
  path: string;
  url: string;
  group: Group;
  /** Reference values of the corpus (other projects' expectations; text = the text's start). */
  ref: Values;
  /** Sentences of the ground-truth body that must be in the text (aeb). */
  passages?: string[];
  /** The whole ground-truth body (aeb): what is not in it is boilerplate. */
  body?: string;
  /** First words of comments the page's reference lists (defuddle's comment fixtures). */
  comments?: string[];
}

interface Check<T> {
  value: T;
  reason: string;
}
/** test/fixtures/verified.json: per page, fields checked by hand, each with the reason. */
export type VerifiedEntry = Partial<Record<Field, Check<string | null>>> & {
  /** Passages the article text must hold. */
  passages?: Check<string[]>;
  /** Boilerplate (next article, related list, newsletter box, comment) the article text must not hold. */
  absent?: Check<string[]>;
  /** First words of comments that must each come out as a mention of kind comment. */
  comments?: Check<string[]>;
};
export type Verified = Record<string, VerifiedEntry>;

interface Entry {
  file: string;
  url: string | null;
  platform: string;
  expected: Record<string, unknown> | null;
}

export function corpusDir(root: string): string | null {
  if (process.env.CORPUS_DIR)
    return existsSync(join(process.env.CORPUS_DIR, 'index.json')) ? process.env.CORPUS_DIR : null;
  for (let d = root, i = 0; i < 4; i++, d = dirname(d))
    if (existsSync(join(d, 'shared', 'corpus', 'index.json'))) return join(d, 'shared', 'corpus');
  return null;
}

export function loadPages(root: string, dir: string | null): Page[] {
  const pages: Page[] = [];
  if (dir) {
    for (const e of JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Entry[]) {
      const x = e.expected ?? {};
      const comments = Array.isArray(x.comments)
        ? (x.comments as { textStartsWith?: string }[]).map((c) => c.textStartsWith ?? '').filter(Boolean)
        : undefined;
      pages.push({
        id: e.file,
        path: join(dir, e.file),
        // In the browser the extractor always has the page's address; saved X pages without one were x.com pages.
        url: e.url ?? (e.platform === 'x' ? 'https://x.com/home' : 'http://fakehost/test/page.html'),
        group: e.file.startsWith('aeb/') ? 'aeb' : 'corpus',
        ref: {
          author: x.author as string,
          handle: x.handle as string,
          text: x.textStartsWith as string,
          published: x.published as string,
          title: x.title as string,
          language: x.lang as string,
        },
        passages: Array.isArray(x.textContains) ? (x.textContains as string[]) : undefined,
        body: typeof x.text === 'string' ? x.text : undefined,
        comments: comments?.length ? comments : undefined,
      });
    }
  }
  const own = join(root, 'test', 'fixtures', 'pages');
  for (const p of existsSync(own) ? readdirSync(own) : []) {
    if (!statSync(join(own, p)).isDirectory()) continue;
    for (const f of readdirSync(join(own, p)).filter((n) => n.endsWith('.html'))) {
      const reqPath = join(own, p, f.replace(/\.html$/, '.request.json'));
      if (!existsSync(reqPath)) continue;
      const req = JSON.parse(readFileSync(reqPath, 'utf8')) as { url: string };
      pages.push({ id: `fixtures/${p}/${f}`, path: join(own, p, f), url: req.url, group: 'fixtures', ref: {} });
    }
  }
  return pages;
}
