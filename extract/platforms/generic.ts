/**
 * Any page no platform extractor claims: metadata (JSON-LD, Open Graph, meta author, rel=author,
 * itemprop=author) and a readability-style body. Also the base the blog extractors build on.
 */
import { newDraft } from '../draft';
import { articleText, findArticle } from '../dom/content';
import { readByline, readPublished } from '../meta/byline';
import { pageMeta } from '../meta/page';
import { articleTitle } from '../meta/title';
import type { Ctx, Draft, Extractor, Found } from '../types';

export interface ArticleParts {
  /** Element of the whole post (for target/selection); defaults to the content element. */
  root?: Element | null;
  content?: Element | null;
  /** Subtrees of the content that are not the post (comments rendered inside it). */
  skip?: (el: Element) => boolean;
}

/** The article as a draft: the caller may overwrite fields its platform knows better. */
export function articleDraft(ctx: Ctx, platform: Draft['platform'], parts: ArticleParts = {}): Found {
  const { doc, url } = ctx;
  const pm = pageMeta(doc);
  const d = newDraft(platform);
  const found = parts.content !== undefined ? null : findArticle(doc);
  const content = parts.content !== undefined ? parts.content : (found?.el ?? null);
  const notArticle = found?.skip;
  const skip = notArticle || parts.skip ? (e: Element) => !!notArticle?.(e) || !!parts.skip?.(e) : undefined;
  const scope = parts.root ?? content?.closest('article') ?? null;
  // Where the article's byline and date are: its <article>, else the body's surroundings.
  const region = scope ?? content?.parentElement?.parentElement ?? null;
  const by = readByline(doc, region, url.href);
  d.author = { name: by.name, handle: null, profileUrl: by.profileUrl, followers: null };
  d.publishedAt = readPublished(doc, region, url.href, pm.lang);
  d.title = articleTitle(doc, pm, scope);
  d.text = articleText(content, skip);
  if (!d.text.trim() && pm.ld.body) d.text = pm.ld.body;
  if (!d.text.trim() && pm.description) {
    d.text = pm.description;
    d.warnings.push('article body not found — the mention holds the page summary');
  }
  d.url = pm.canonical && sameSite(pm.canonical, url) ? pm.canonical : url.href;
  d.language = content?.closest('[lang]')?.getAttribute('lang') ?? pm.lang ?? pm.ld.lang;
  return { draft: d, el: parts.root ?? content ?? doc.body ?? null };
}

/** A canonical URL on another site is a syndication pointer; keep the address the agent saw. */
function sameSite(href: string, url: URL): boolean {
  try {
    const c = new URL(href, url.href);
    const strip = (h: string) => h.replace(/^www\./, '');
    return strip(c.hostname) === strip(url.hostname);
  } catch {
    return false;
  }
}

export const generic: Extractor = {
  id: 'generic',
  matchesUrl: null,
  detect: () => true,
  extract: (ctx) => [articleDraft(ctx, 'web')],
};
