/**
 * Any page no platform extractor claims: metadata (JSON-LD, Open Graph, meta author, rel=author,
 * itemprop=author, printed bylines and dates) and a readability-style body, then the page's
 * comments, answers and reviews as mentions of kind comment. A forum or Q&A thread is read as its
 * starter (the post) and the replies (comments). Also the base the blog extractors build on.
 */
import { newDraft } from '../draft';
import { readComments } from '../dom/comments';
import { commentItems, forumPosts, GENERIC_COMMENTS } from '../dom/comment-sections';
import { articleText, findArticle } from '../dom/content';
import { documentOrder } from '../dom/order';
import { bylineIn, readByline, readPublished } from '../meta/byline';
import { textDate } from '../meta/text-date';
import { pageMeta } from '../meta/page';
import { articleTitle } from '../meta/title';
import { lazyFound, type Ctx, type Draft, type Extractor, type Found } from '../types';

export interface ArticleParts {
  /** Element of the whole post (for target/selection); defaults to the content element. */
  root?: Element | null;
  content?: Element | null;
  /** Subtrees of the content that are not the post (comments rendered inside it). */
  skip?: (el: Element) => boolean;
  /** The content is only the page's main region (no article body was found in it). */
  fallback?: boolean;
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
  d.text = withoutBylineLine(articleText(content, skip), pm.lang);
  // Pages that render the story from JSON (no paragraphs in the markup) still publish its body.
  if ((!d.text.trim() || parts.fallback || found?.fallback) && pm.ld.body && pm.ld.body.length > 200)
    d.text = pm.ld.body;
  // A body of a few words ("Download for Mac · Embed · Copy") beside a real summary: the page's
  // content is not in its markup (an embed, a script), and its summary says more.
  const tiny = d.text.trim().length < 120 && (pm.description?.length ?? 0) > d.text.trim().length * 2;
  if ((!d.text.trim() || tiny) && pm.description) {
    d.text = pm.description;
    d.warnings.push('article body not found — the mention holds the page summary');
  }
  // A review's own page (one Review in its JSON-LD): the review's title and stars, not the page's.
  if (pm.ld.reviews === 1 && /\bReview\b/.test(pm.ld.type ?? '')) {
    d.title = pm.ld.headline ?? d.title;
    d.metrics.rating = pm.ld.rating;
    // The review is the post: its own words, not the company box beside it.
    if (pm.ld.body) d.text = pm.ld.body;
  }
  d.url = pm.canonical && sameSite(pm.canonical, url) ? pm.canonical : url.href;
  d.language = content?.closest('[lang]')?.getAttribute('lang') ?? pm.lang ?? pm.ld.lang;
  return { draft: d, el: parts.root ?? content ?? doc.body ?? null };
}

/**
 * The text starts with the story: a first line that is only the byline or the date ("Door Pieter
 * Visser · 29 januari 2019", "Publié le 3 mars 2021 par Marie Lefèvre") is the article's meta.
 */
function withoutBylineLine(text: string, lang: string | null): string {
  const m = /^\s*([^\n]{1,120})\n/.exec(text);
  if (!m) return text;
  const line = m[1]!.trim();
  const byline = bylineIn(line) !== null && line.split(/\s+/).length <= 12;
  const dateOnly = line.length <= 40 && textDate(line, lang) !== null && !/[.!?]$/.test(line);
  return byline || dateOnly ? text.slice(m[0].length) : text;
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

const textLen = (el: Element) => (el.textContent ?? '').length;

/** A forum or Q&A thread: the starter is the post, every reply or answer a comment under it. */
function thread(ctx: Ctx, posts: Element[]): Found[] | null {
  const starter = posts[0]!;
  const others = commentItems(ctx.doc, null).filter((el) => el !== starter && !el.contains(starter));
  const at = documentOrder(ctx.doc);
  const items = Array.from(new Set([...posts.slice(1), ...others])).sort((a, b) => at(a) - at(b));
  if (items.length === 0) return null;
  const page = articleDraft(ctx, 'web', { content: null });
  const postUrl = page.draft.url;
  const read = readComments(ctx.doc, ctx, GENERIC_COMMENTS, 'web', postUrl, [starter, ...items]);
  const first = read[0]!;
  const post = lazyFound(
    starter,
    postUrl,
    () => {
      const d: Draft = { ...first.draft, kind: 'post', warnings: [] };
      d.url = postUrl;
      d.parentUrl = null;
      d.title = page.draft.title;
      d.author = d.author.name ? d.author : page.draft.author;
      d.publishedAt = d.publishedAt ?? page.draft.publishedAt;
      d.language = d.language ?? page.draft.language;
      return d;
    },
    'post',
  );
  return [post, ...read.slice(1)];
}

function extractGeneric(ctx: Ctx): Found[] {
  const posts = forumPosts(ctx.doc);
  if (posts.length >= 2 || (posts.length === 1 && /Question|Forum/i.test(posts[0]!.getAttribute('itemtype') ?? ''))) {
    const t = thread(ctx, posts);
    if (t) return t;
  }
  const body = findArticle(ctx.doc);
  let content = body?.el ?? null;
  const size = content ? textLen(content) : 0;
  const all = commentItems(ctx.doc, null);
  const wraps = (el: Element) =>
    !!content && (el === content || el.contains(content) || (content.contains(el) && textLen(el) > size * 0.5));
  const wrapping = all.filter(wraps);
  const like = (a: Element, b: Element) =>
    a.tagName === b.tagName && a.getAttribute('class') === b.getAttribute('class');
  // The scorer picked one review of a list (a review site's company page): the page is the post
  // (its title and summary) and every review a comment. An item that merely wraps the article
  // (a blog post marked up as a Review) is the article, not a comment.
  const oneOfMany = wrapping.some((w) => all.some((o) => o !== w && !wrapping.includes(o) && like(o, w)));
  if (oneOfMany) content = null;
  const items = oneOfMany ? all : all.filter((el) => !wraps(el));
  const isItem = new Set(items);
  const post = articleDraft(ctx, 'web', {
    content,
    fallback: body?.fallback,
    skip: (e) => isItem.has(e) || !!body?.skip?.(e),
  });
  if (!items.length) return [post];
  return [post, ...readComments(ctx.doc, ctx, GENERIC_COMMENTS, 'web', post.draft.url, items)];
}

export const generic: Extractor = {
  id: 'generic',
  matchesUrl: null,
  detect: () => true,
  extract: extractGeneric,
};
