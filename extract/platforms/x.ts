/**
 * X (x.com, twitter.com): tweets are article[data-testid="tweet"]. A quoted tweet sits inside the
 * quoting article in a div[role="link"] with its own User-Name; a repost's "… reposted" line is
 * data-testid="socialContext", which is never read, so the author is always the original one.
 */
import { newDraft } from '../draft';
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { countIn, httpUrl } from '../dom/url';
import { pageMeta } from '../meta/page';
import { lazyFound, type Ctx, type Extractor, type Found } from '../types';
import { nearestViewportMiddle } from './viewport';
import { onPlatformUrl } from './descriptor';
import { xPlatform, xStatusId } from './x.descriptor';
import { inPrivateConversation, PRIVATE_CONTAINERS } from '../private-conversation';

/** The quoted-tweet box of an article, if any: a role=link block holding its own User-Name. */
function quoteBox(article: Element): Element | null {
  for (const el of Array.from(article.querySelectorAll('div[role="link"]'))) {
    if (el.querySelector('[data-testid="User-Name"]')) return el;
  }
  return null;
}

function outside(box: Element | null) {
  return (el: Element) => !box || !box.contains(el);
}

function authorFrom(userName: Element | null | undefined, base: string) {
  if (!userName) return { name: null, handle: null, profileUrl: null, followers: null };
  const spans = Array.from(userName.querySelectorAll('span'));
  // The handle comes after the name; a display name may itself look like "@jason".
  const handleSpan = spans.reverse().find((s) => /^@\S+$/.test((s.textContent ?? '').trim()));
  const handle = handleSpan?.textContent?.trim() ?? null;
  const firstLink = userName.querySelector('a[href]');
  // The name is the first line of User-Name; emoji in names are images with alt text.
  const nameBox = userName.querySelector('div[dir="ltr"], a[href]') ?? userName;
  const name = cleanLine(textOf(nameBox, { inline: true }));
  const h =
    handle?.replace(/^@/, '') ?? firstLink?.getAttribute('href')?.match(/^\/([A-Za-z0-9_]{1,15})$/)?.[1] ?? null;
  const isHandle = !!handleSpan && nameBox.contains(handleSpan);
  return { name: isHandle ? null : name, handle: h, profileUrl: h ? httpUrl(`/${h}`, base) : null, followers: null };
}

function metricsOf(article: Element, box: Element | null) {
  const keep = outside(box);
  const group = Array.from(article.querySelectorAll('[role="group"][aria-label]')).find(keep);
  const label = group?.getAttribute('aria-label') ?? '';
  const fromGroup = (word: RegExp) => {
    const m = label.match(new RegExp(`([\\d.,]+)\\s+${word.source}`, 'i'));
    return m ? countIn(m[1]) : null;
  };
  const btn = (id: string) => {
    const b = Array.from(article.querySelectorAll(`[data-testid="${id}"]`)).find(keep);
    return b ? countIn(b.getAttribute('aria-label')) : null;
  };
  const views = Array.from(article.querySelectorAll('a[href$="/analytics"]')).find(keep);
  return {
    replies: fromGroup(/repl/) ?? btn('reply'),
    reposts: fromGroup(/(?:reposts?|retweets?)/) ?? btn('retweet') ?? btn('unretweet'),
    likes: fromGroup(/likes?/) ?? btn('like') ?? btn('unlike'),
    views: fromGroup(/views?/) ?? (views ? countIn(views.getAttribute('aria-label')) : null),
  };
}

function tweet(article: Element, ctx: Ctx): Found {
  const base = ctx.url.href;
  const d = newDraft('x');
  const box = quoteBox(article);
  const keep = outside(box);
  const userName = Array.from(article.querySelectorAll('[data-testid="User-Name"]')).find(keep);
  d.author = authorFrom(userName, base);
  const textEl = Array.from(article.querySelectorAll('[data-testid="tweetText"]')).find(keep);
  d.text = textOf(textEl, { inline: true });
  d.language = textEl?.getAttribute('lang') ?? null;
  d.publishedAt = Array.from(article.querySelectorAll('time[datetime]')).find(keep)?.getAttribute('datetime') ?? null;
  d.url = permalink(article, ctx, box);
  d.postId = d.url ? xStatusId(d.url) : null;
  d.metrics = metricsOf(article, box);
  if (box) {
    const qLink =
      box
        .querySelector('a[href*="/status/"]')
        ?.getAttribute('href')
        ?.replace(/\/(photo|video)\/.*$/, '') ?? null;
    d.quoted = {
      url: qLink ? httpUrl(qLink, base) : null,
      author: authorFrom(box.querySelector('[data-testid="User-Name"]'), base),
      text: textOf(box.querySelector('[data-testid="tweetText"]'), { inline: true }),
    };
  }
  if (!d.url) d.warnings.push('tweet permalink not found');
  return { draft: d, el: article };
}

/** Logged-out or head-only pages: "Name (@handle) on X" and og:description hold the tweet. */
function fromMeta(ctx: Ctx): Found[] {
  const meta = pageMeta(ctx.doc);
  const id = xStatusId(ctx.url.pathname);
  const t = meta.ogTitle ?? meta.title ?? '';
  const m = t.match(/^(.*?)\s*\(@([A-Za-z0-9_]{1,15})\)/) ?? t.match(/^(.*?) on (?:X|Twitter)\b/);
  if (!m && !meta.description) return [];
  const d = newDraft('x');
  d.author = {
    name: m?.[1] ?? null,
    handle: m?.[2] ?? ctx.url.pathname.split('/')[1] ?? null,
    profileUrl: null,
    followers: null,
  };
  if (d.author.handle) d.author.profileUrl = httpUrl(`/${d.author.handle}`, ctx.url.href);
  d.url = ctx.url.href;
  d.postId = id ?? null;
  d.text = id ? (meta.description ?? '') : '';
  d.warnings.push('tweet not rendered on the page — read from the page summary');
  return [{ draft: d, el: null }];
}

/** The tweet's own permalink: the status link around its time (a quoted tweet's has none). */
function permalink(article: Element, ctx: Ctx, box = quoteBox(article)): string | null {
  const time = Array.from(article.querySelectorAll('time[datetime]')).find(outside(box));
  const link =
    time?.closest('a[href]') ?? Array.from(article.querySelectorAll('a[href*="/status/"]')).find(outside(box));
  const href = link?.getAttribute('href')?.replace(/\/(photo|video|analytics)\/?.*$/, '') ?? null;
  return href && xStatusId(href) ? httpUrl(href, ctx.url.href) : null;
}

export const x: Extractor = {
  id: 'x',
  matchesUrl: (u) => onPlatformUrl(xPlatform, u),
  detect: () => true,
  extract(ctx) {
    const articles = Array.from(ctx.doc.querySelectorAll('article[data-testid="tweet"], article[role="article"]'));
    // Outermost articles only: a quoted tweet is not a tweet of the timeline. A tweet shared in
    // the message drawer is part of a private conversation, never read from here (asked per tweet
    // only when the page shows a conversation: a timeline holds thousands of tweets).
    const drawer = ctx.doc.querySelector(PRIVATE_CONTAINERS) !== null;
    const top = articles.filter((a) => !a.parentElement?.closest('article') && !(drawer && inPrivateConversation(a)));
    if (top.length === 0) return fromMeta(ctx);
    const id = xStatusId(ctx.url.pathname);
    const found: Found[] = top.map((a, j) =>
      lazyFound(
        a,
        () => permalink(a, ctx),
        () => {
          const d = tweet(a, ctx).draft;
          // On a status page the tweets above the focal one are its ancestors, those below reply to it.
          const focal = id ? found.findIndex((f) => f.key && xStatusId(f.key) === id) : -1;
          if (focal >= 0) d.parentUrl = j <= focal ? (found[j - 1]?.key ?? null) : (found[focal]?.key ?? null);
          return d;
        },
        'post',
      ),
    );
    return found;
  },
  primary(found, ctx) {
    const id = xStatusId(ctx.url.pathname);
    if (id) return found.find((f) => f.key && xStatusId(f.key) === id) ?? found.find((f) => f.el === null);
    return nearestViewportMiddle(found);
  },
};
