/**
 * Bluesky (bsky.app): the web app marks posts with data-testid postThreadItem-by-<handle> (thread)
 * and feedItem-by-<handle> (feeds); text is data-testid="postText". Before the app renders (or in a
 * saved page), the server's summary (og:title "Name (@handle)", description, Posted At) is used.
 */
import { newDraft } from '../draft';
import { textOf } from '../dom/text';
import { countIn, httpUrl } from '../dom/url';
import { pageMeta } from '../meta/page';
import type { Ctx, Extractor, Found } from '../types';
import { BLUESKY_POST_PATH as POST, blueskyPlatform } from './bluesky.descriptor';
import { onPlatformUrl } from './descriptor';

const ITEM = '[data-testid^="postThreadItem-by-"], [data-testid^="feedItem-by-"]';

/** First match that belongs to this item, not to a reply nested inside it. */
function own(el: Element, sel: string): Element | null {
  return Array.from(el.querySelectorAll(sel)).find((e) => e.closest(ITEM) === el) ?? null;
}

function item(el: Element, ctx: Ctx): Found {
  const d = newDraft('bluesky');
  const handle = el.getAttribute('data-testid')?.replace(/^(postThreadItem|feedItem)-by-/, '') ?? null;
  d.author.handle = handle;
  d.author.profileUrl = handle ? httpUrl(`/profile/${handle}`, ctx.url.href) : null;
  // The display name: the profile link's aria-label (not the avatar's), else its first text line.
  for (const a of Array.from(el.querySelectorAll(`a[href="/profile/${handle}"]`)).filter(
    (x) => x.closest(ITEM) === el,
  )) {
    const label = a.getAttribute('aria-label');
    const raw =
      label && !/avatar$|^view profile$/i.test(label)
        ? label
        : textOf(a.querySelector('div[dir="auto"]') ?? a, { inline: true });
    // Names and handles come wrapped in bidi embedding marks (U+202A … U+202C).
    const t = raw.replace(/[\u202A-\u202E\u2066-\u2069\u00A0]/g, ' ').trim();
    if (t && !t.startsWith('@') && t !== handle) {
      d.author.name = t;
      break;
    }
  }
  // Feed and reply posts mark their text postText; the expanded post of a thread only data-word-wrap.
  const textEl =
    own(el, '[data-testid="postText"]') ??
    Array.from(el.querySelectorAll('div[data-word-wrap]')).find((e) => e.closest(ITEM) === el && !e.closest('a'));
  d.text = textOf(textEl);
  d.language = textEl?.closest('[lang]')?.getAttribute('lang') ?? null;
  const link = Array.from(el.querySelectorAll('a[href*="/post/"]')).find(
    (a) => a.closest(ITEM) === el && /^\/profile\/[^/]+\/post\/[a-z0-9]+$/i.test(a.getAttribute('href') ?? ''),
  );
  const href = link?.getAttribute('href') ?? null;
  d.url = httpUrl(href, ctx.url.href);
  d.postId = href?.match(POST)?.[2] ?? null;
  if (!d.url && el.getAttribute('data-testid')?.startsWith('postThreadItem') && POST.test(ctx.url.pathname)) {
    d.url = ctx.url.href;
    d.postId = ctx.url.pathname.match(POST)![2]!;
  }
  const when =
    link?.getAttribute('data-tooltip') ??
    link?.getAttribute('aria-label') ??
    el.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  d.publishedAt = when ? when.replace(/ at /, ' ') : null;
  d.metrics.replies = countIn(
    own(el, '[data-testid="replyBtn"]')?.getAttribute('aria-label') ?? own(el, '[data-testid="replyBtn"]')?.textContent,
  );
  d.metrics.reposts = countIn(
    (own(el, '[data-testid="repostCount-expanded"]') ?? own(el, '[data-testid="repostCount"]'))?.textContent,
  );
  d.metrics.likes = countIn(
    (own(el, '[data-testid="likeCount-expanded"]') ?? own(el, '[data-testid="likeCount"]'))?.textContent,
  );
  // The expanded post shows its time as text only: the server summary in <head> has the instant.
  if (!d.publishedAt && d.postId && d.postId === ctx.url.pathname.match(POST)?.[2])
    d.publishedAt = fromSummary(ctx)[0]?.draft.publishedAt ?? null;
  return { draft: d, el };
}

function fromSummary(ctx: Ctx): Found[] {
  const meta = pageMeta(ctx.doc);
  const m = POST.exec(ctx.url.pathname);
  const t = meta.ogTitle?.match(/^(.*?)\s*\(@([^)]+)\)/);
  if (!t && !meta.description) return [];
  const d = newDraft('bluesky');
  d.author = { name: t?.[1] ?? null, handle: t?.[2] ?? m?.[1] ?? null, profileUrl: null, followers: null };
  if (d.author.handle) d.author.profileUrl = httpUrl(`/profile/${d.author.handle}`, ctx.url.href);
  d.url = httpUrl(meta.canonical, ctx.url.href) ?? ctx.url.href;
  d.postId = m?.[2] ?? null;
  d.text = m ? (meta.description ?? '') : '';
  // The server writes the time as twitter:data1 next to twitter:label1 "Posted At".
  const labels = Array.from(ctx.doc.querySelectorAll('meta[name^="twitter:label"], meta[property^="twitter:label"]'));
  const posted = labels.find((l) => /posted/i.test(l.getAttribute('content') ?? ''));
  const key = (posted?.getAttribute('name') ?? posted?.getAttribute('property'))?.replace('label', 'data');
  d.publishedAt =
    (key && ctx.doc.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content')) ||
    ctx.doc.getElementById('bsky_post_indexedat')?.textContent ||
    null;
  if (!m) d.warnings.push('this is a profile page, not a post');
  return [{ draft: d, el: null }];
}

export const bluesky: Extractor = {
  id: 'bluesky',
  matchesUrl: (u) => onPlatformUrl(blueskyPlatform, u),
  detect: () => true,
  extract(ctx) {
    const items = Array.from(ctx.doc.querySelectorAll(ITEM));
    const found = items.map((el) => item(el, ctx));
    const focal = found.findIndex((f) => f.draft.url && f.draft.postId === ctx.url.pathname.match(POST)?.[2]);
    if (focal >= 0)
      found.forEach((f, j) => {
        f.draft.parentUrl = j <= focal ? (found[j - 1]?.draft.url ?? null) : found[focal]!.draft.url;
      });
    return found.length ? found : fromSummary(ctx);
  },
  primary(found, ctx) {
    const id = ctx.url.pathname.match(POST)?.[2];
    return (id && found.find((f) => f.draft.postId === id)) || found[0];
  },
};
