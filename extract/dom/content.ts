/**
 * The article body of a page no platform extractor knows: a readability-style scorer (paragraphs
 * vote for their ancestors, weighted by class names and link density), then the top candidate's
 * siblings that belong to it, then the end of the article cut off (related lists, newsletter
 * boxes, the next article of an infinite-scroll page). Single pass over the paragraphs; chosen by
 * `npm run bench:extract` against Readability on the shared corpus.
 */
import { endOfArticle } from './article-end';
import { inNoise, scoreArticle, type ArticleBody } from './article-score';
import { isBoilerplate } from './boilerplate';
import { textOf } from './text';

export { BOILERPLATE, isBoilerplate } from './boilerplate';
export { linkDensity, type ArticleBody } from './article-score';

/** Ad slot labels interleaved with paragraphs ("PUBLICIDAD", "Anzeige"): not text of the article. */
const AD_LABEL =
  /^\s*(publicidad|advertisement|advertentie|anzeige|werbung|publicité|pub|sponsored|gesponsord|ad)\s*$/i;
function isAdLabel(el: Element): boolean {
  // Leaves only: their text is one text node, cheap to read on every element of the walk.
  if (el.childElementCount > 0) return false;
  const t = el.textContent ?? '';
  return t.length < 20 && AD_LABEL.test(t);
}

/** Text of an article body without boilerplate, plus an extra skip (e.g. its comments). */
export function articleText(el: Element | null, skip?: (e: Element) => boolean): string {
  if (!el) return '';
  const end = endOfArticle(el);
  return textOf(el, {
    skip: (e) => isBoilerplate(e) || end.has(e) || isAdLabel(e) || (skip ? skip(e) : false),
  });
}

const HINTS =
  '[itemprop="articleBody"], .entry-content, .post-content, .post-body, .article-body, .article-content, .post__content, .story-body, .c-entry-content';

/** The element holding the main text, or null when the page has no paragraphs to speak of. */
export function mainContent(doc: Document, within?: Element | null): Element | null {
  return findArticle(doc, within)?.el ?? null;
}

/** The article body: hinted markup when it holds text, else the scorer's choice. */
export function findArticle(doc: Document, within?: Element | null): ArticleBody | null {
  const root: Element | null = within ?? doc.body ?? null;
  if (!root) return null;
  const scope = within ?? mainArticleScope(doc) ?? root;
  // A shop's review tab or a comment list can carry .entry-content too: those are not the article.
  const hinted = Array.from(scope.querySelectorAll(HINTS)).find(
    (h) =>
      (h.textContent ?? '').trim().length > 200 &&
      !inNoise(h, scope) &&
      !/review|comment/i.test(`${h.id} ${h.getAttribute('class') ?? ''}`),
  );
  if (hinted) return { el: hinted };
  return scoreArticle(scope) ?? { el: scope.querySelector('article, main, [role="main"]') ?? scope, fallback: true };
}

/**
 * Infinite-scroll news pages append whole next articles below the one the address names: when
 * several top-level <article>s carry a headline, the one whose headline is the page's title is
 * the scope.
 */
function mainArticleScope(doc: Document): Element | null {
  const arts = doc.querySelectorAll('article');
  if (arts.length < 2) return null;
  const heads: Element[] = [];
  for (let i = 0; i < arts.length && i < 50; i++) {
    const a = arts[i]!;
    if (a.parentElement?.closest('article')) continue;
    // A whole story: a headline and paragraphs (a hero block with only the headline is not one).
    if (!a.querySelector('h1, h2')) continue;
    const paras = Array.from(a.querySelectorAll('p')).filter((p) => (p.textContent ?? '').trim().length >= 40);
    if (paras.length >= 2) heads.push(a);
  }
  if (heads.length < 2) return null;
  const title = norm(
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ??
      doc.querySelector('title')?.textContent ??
      '',
  );
  if (title.length < 10) return heads[0]!;
  const hit = heads.find((a) => {
    const h = norm(a.querySelector('h1, h2')?.textContent ?? '');
    return h.length >= 10 && (title.includes(h) || h.includes(title));
  });
  return hit ?? null;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
