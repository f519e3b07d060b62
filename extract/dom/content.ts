/**
 * Readability-style main-text finder, kept small and single-pass so it fits the 30 ms budget:
 * paragraphs vote for their parent (and half for the grandparent); the best-scored container wins.
 */
import { textOf } from './text';

/** Parts of an article that are not the article: comments, share bars, reply forms. */
export const BOILERPLATE =
  /(^|[\s_-])(comments?|commentlist|respond|reply-?form|comment-?form|share|sharing|sharedaddy|social|related|jp-relatedposts|sidebar|widget|newsletter|subscribe|signup|subscription|advert|ads?|promo|breadcrumbs?|byline|post-?meta|entry-?meta|entry-?footer|post-?footer|tags|author-?bio|author-?box|nav|navigation|pagination|footnotes-?nav|cookie|disqus|popup|modal)([\s_-]|$)/i;
const NON_CONTENT_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'HEADER', 'H1', 'FIGCAPTION']);

export function isBoilerplate(el: Element): boolean {
  if (NON_CONTENT_TAGS.has(el.tagName.toUpperCase())) return true;
  const idc = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
  if (idc.length > 2 && idc.length < 400 && BOILERPLATE.test(idc)) return true;
  const role = el.getAttribute('role');
  return role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner';
}

/** Text of an article body without boilerplate, plus an extra skip (e.g. its comments). */
export function articleText(el: Element | null, skip?: (e: Element) => boolean): string {
  return textOf(el, { skip: (e) => isBoilerplate(e) || (skip ? skip(e) : false) });
}

const HINTS =
  '[itemprop="articleBody"], .entry-content, .post-content, .post-body, .article-body, .article-content, .post__content, .story-body, .c-entry-content';

/** The element holding the main text, or null when the page has no paragraphs to speak of. */
export function mainContent(doc: Document, within?: Element | null): Element | null {
  const root: ParentNode = within ?? doc.body ?? doc;
  const hinted = root.querySelector(HINTS);
  if (hinted && (hinted.textContent ?? '').trim().length > 200) return hinted;
  const scores = new Map<Element, number>();
  const ps = root.querySelectorAll('p, pre, blockquote, td, li');
  const n = Math.min(ps.length, 5000);
  for (let i = 0; i < n; i++) {
    const p = ps[i]!;
    const tag = p.tagName.toUpperCase();
    const len = (p.textContent ?? '').trim().length;
    if (len < 25 || (tag === 'LI' && len < 80) || (tag === 'TD' && len < 80)) continue;
    const s = 1 + Math.min(len / 100, 3) + ((p.textContent ?? '').split(',').length - 1) * 0.5;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + s);
    const gp = parent.parentElement;
    if (gp) scores.set(gp, (scores.get(gp) ?? 0) + s / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    // Containers that are navigation or comment threads do not hold the article.
    let penal = s;
    for (let a: Element | null = el; a && a !== root; a = a.parentElement)
      if (isBoilerplate(a)) {
        penal = s * 0.2;
        break;
      }
    if (penal > bestScore) {
      bestScore = penal;
      best = el;
    }
  }
  // No paragraphs (text straight in divs): the page's article or main region, else the body.
  return best ?? hinted ?? root.querySelector('article, main, [role="main"]') ?? within ?? doc.body ?? null;
}
