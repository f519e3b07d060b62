/**
 * Facebook posts (/<page>/posts/<id>, permalink.php?story_fbid=…, videos, group permalinks) and
 * their comments. Class names are generated; the stable hooks are Facebook's own rendering roles
 * (data-ad-rendering-role="profile_name" and "story_message", data-ad-comet-preview="message"),
 * ARIA (each comment and reply is a role=article), and links: a comment's time links to the post
 * with `comment_id=` (a reply's adds `reply_comment_id=`), its author's name links to their
 * profile. Every link carries tracking parameters, which are dropped (facebook.descriptor.ts).
 */
import { newDraft } from '../draft';
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { parseUrl } from '../dom/url';
import { compactCount } from '../count-label';
import { shownTime } from '../time-label';
import { lazyFound, type Ctx, type Draft, type Extractor, type Found } from '../types';
import { onPlatformUrl } from './descriptor';
import { facebookPlatform } from './facebook.descriptor';

const MESSAGE =
  '[data-ad-rendering-role="story_message"], [data-ad-comet-preview="message"], [data-ad-preview="message"]';

/** A Facebook link without its tracking: only the parameters that name a post or comment stay. */
function cleanUrl(href: string | null | undefined, base: string): string | null {
  const u = parseUrl(href, base);
  if (!u) return null;
  const keep = facebookPlatform.keptParams ?? [];
  // forEach, not an iterator: in a Firefox content script a URL's iterators are not iterable (Xray).
  const drop: string[] = [];
  u.searchParams.forEach((_, k) => {
    if (!keep.includes(k)) drop.push(k);
  });
  for (const k of drop) u.searchParams.delete(k);
  u.hash = '';
  return u.href;
}

/** A profile's address: its path, and for profile.php its id (comment links add the comment's ids). */
function profileUrl(href: string | null | undefined, base: string): string | null {
  const u = parseUrl(href, base);
  if (!u) return null;
  const id = u.pathname === '/profile.php' ? u.searchParams.get('id') : null;
  u.search = id ? `?id=${encodeURIComponent(id)}` : '';
  u.hash = '';
  return u.href;
}

/** A profile link's handle: the username in the path, or a numeric profile.php id. */
function handleOf(href: string | null | undefined, base: string): string | null {
  const u = parseUrl(href, base);
  if (!u) return null;
  if (u.pathname === '/profile.php') return u.searchParams.get('id');
  const key = facebookPlatform.authorKeysOf?.(u, 'facebook.com')[0];
  return key ? (u.pathname.split('/').filter(Boolean)[0] ?? null) : null;
}

function isPostLink(href: string, base: string): boolean {
  const u = parseUrl(href, base);
  return !!u && !u.searchParams.has('comment_id') && facebookPlatform.postIdOf(u) !== null;
}

/**
 * The time link of a comment: the one whose address names a post plus the comment. Its author's
 * links carry comment_id too, but without them they name a profile, not a post.
 */
function commentLink(el: Element, base: string): Element | null {
  for (const a of Array.from(el.querySelectorAll('a[href*="comment_id="]'))) {
    if (a.closest('[role="article"]') !== el) continue;
    const u = parseUrl(a.getAttribute('href'), base);
    if (!u) continue;
    u.searchParams.delete('comment_id');
    u.searchParams.delete('reply_comment_id');
    if (facebookPlatform.postIdOf(u) !== null) return a;
  }
  return null;
}

function authorOf(el: Element, base: string, skip: Element | null) {
  const link =
    el.querySelector('[data-ad-rendering-role="profile_name"] a[href]') ??
    Array.from(el.querySelectorAll('a[href]')).find(
      (a) => a !== skip && a.closest('[role="article"]') === el && textOf(a, { inline: true }).trim(),
    );
  const href = link?.getAttribute('href');
  return {
    name: cleanLine(textOf(link, { inline: true })),
    handle: handleOf(href, base),
    profileUrl: profileUrl(href, base),
    followers: null,
  };
}

/**
 * "All reactions: 1.2K", "86 comments", "12 shares" in the post's footer. Read as textContent: the
 * "All reactions:" label is aria-hidden, its count a sibling.
 */
function postCounts(post: Element, d: Draft): void {
  for (const el of Array.from(post.querySelectorAll('span'))) {
    if (el.closest('[role="article"]') !== post && el.closest('[role="article"]')) continue;
    const label = (el.textContent ?? '').trim();
    if (label.length > 60) continue;
    if (d.metrics.replies === null && /^\d[\d.,]*\s*[km]?\s+(comments?|reacties|opmerkingen)$/i.test(label))
      d.metrics.replies = compactCount(label);
    else if (d.metrics.reposts === null && /^\d[\d.,]*\s*[km]?\s+(shares?|keer gedeeld)$/i.test(label))
      d.metrics.reposts = compactCount(label);
    else if (d.metrics.likes === null && /^(all reactions|alle reacties):?$/i.test(label))
      d.metrics.likes = compactCount((el.parentElement?.textContent ?? '').slice(label.length));
  }
}

function post(el: Element, ctx: Ctx): Draft {
  const base = ctx.url.href;
  const d = newDraft('facebook');
  const own = (a: Element) => !a.closest('[role="article"]') || a.closest('[role="article"]') === el;
  const time = Array.from(el.querySelectorAll('a[href]')).find(
    (a) => own(a) && isPostLink(a.getAttribute('href') ?? '', base),
  );
  d.url = cleanUrl(time?.getAttribute('href'), base) ?? (isPostLink(base, base) ? cleanUrl(base, base) : null);
  d.postId = d.url ? facebookPlatform.postIdOf(new URL(d.url)) : null;
  d.author = authorOf(el, base, time ?? null);
  d.text = textOf(el.querySelector(MESSAGE));
  const label = time?.getAttribute('aria-label') ?? textOf(time, { inline: true });
  const shown = shownTime(label, ctx.now);
  d.publishedAt = shown.iso;
  if (shown.approximate) d.warnings.push(`publish time worked out from "${cleanLine(label)}" as shown`);
  postCounts(el, d);
  if (!d.url) d.warnings.push('post permalink not found');
  return d;
}

function comment(el: Element, ctx: Ctx, postUrl: string | null): Draft {
  const base = ctx.url.href;
  const d = newDraft('facebook', 'comment');
  const link = commentLink(el, base);
  d.url = cleanUrl(link?.getAttribute('href'), base);
  const u = d.url ? new URL(d.url) : null;
  d.postId = u ? facebookPlatform.postIdOf(u) : null;
  d.author = authorOf(el, base, link);
  d.text = Array.from(el.querySelectorAll('div[dir="auto"]'))
    .filter((t) => t.closest('[role="article"]') === el && !t.querySelector('div[dir="auto"]'))
    .map((t) => textOf(t))
    .join('\n');
  const shown = shownTime(textOf(link, { inline: true }), ctx.now);
  d.publishedAt = shown.iso;
  if (shown.approximate)
    d.warnings.push(`publish time worked out from "${cleanLine(textOf(link, { inline: true }))}" as shown`);
  // A reply answers its comment (the same address without reply_comment_id); a comment the post.
  if (u?.searchParams.has('reply_comment_id')) {
    const parent = new URL(u);
    parent.searchParams.delete('reply_comment_id');
    d.parentUrl = parent.href;
  } else d.parentUrl = postUrl;
  if (!d.url) d.warnings.push('comment permalink not found');
  return d;
}

/** The post's own element: an article holding a story message, else the page's main column. */
function postElements(ctx: Ctx): Element[] {
  const withMessage = Array.from(ctx.doc.querySelectorAll('[role="article"], [aria-posinset]')).filter(
    (a) => a.querySelector(MESSAGE) && !commentLink(a, ctx.url.href),
  );
  const top = withMessage.filter((a) => !withMessage.some((b) => b !== a && b.contains(a)));
  if (top.length) return top;
  const main = ctx.doc.querySelector('[role="main"]');
  return main?.querySelector(MESSAGE) ? [main] : [];
}

export const facebook: Extractor = {
  id: 'facebook',
  matchesUrl: (u) => onPlatformUrl(facebookPlatform, u),
  detect: () => true,
  extract(ctx) {
    const found: Found[] = [];
    for (const el of postElements(ctx)) {
      const p = post(el, ctx);
      found.push({ draft: p, el });
      for (const c of Array.from(el.querySelectorAll('[role="article"]')).filter((a) => commentLink(a, ctx.url.href)))
        found.push(lazyFound(c, null, () => comment(c, ctx, p.url), 'comment'));
    }
    return found;
  },
  primary(found, ctx) {
    // A comment's own address (comment_id=…) opens the post with that comment in view.
    const id = ctx.url.searchParams.get('reply_comment_id') ?? ctx.url.searchParams.get('comment_id');
    return (id && found.find((f) => f.draft.postId === id)) || found[0];
  },
};
