/**
 * Threads (threads.net / threads.com): class names are generated, so only stable hooks are used:
 * each post is a div[data-pressable-container], its author the /@handle link, its permalink the
 * /@handle/post/<code> link around a <time>; the display name of the thread's author comes from og:title
 * "Name (@handle) on Threads", which also stands in for a post that is not rendered.
 */
import { newDraft } from '../draft';
import { textOf } from '../dom/text';
import { countIn, httpUrl } from '../dom/url';
import { pageMeta } from '../meta/page';
import type { Ctx, Extractor, Found } from '../types';
import { onPlatformUrl } from './descriptor';
import { THREADS_POST_PATH as POST, threadsPlatform } from './threads.descriptor';

function post(el: Element, ctx: Ctx): Found {
  const d = newDraft('threads');
  const time = el.querySelector('time[datetime]');
  const link = time?.closest('a[href]') ?? el.querySelector('a[href*="/post/"]');
  const href = link?.getAttribute('href') ?? '';
  d.url = httpUrl(href, ctx.url.href);
  d.postId = href.match(POST)?.[2] ?? null;
  d.publishedAt = time?.getAttribute('datetime') ?? null;
  const handle =
    href.match(POST)?.[1] ?? el.querySelector('a[href^="/@"]')?.getAttribute('href')?.slice(2).split('/')[0] ?? null;
  d.author = { name: null, handle, profileUrl: handle ? httpUrl(`/@${handle}`, ctx.url.href) : null, followers: null };
  // Body: the span[dir=auto] blocks that are not inside a link (names, handles, times are links).
  const parts = Array.from(el.querySelectorAll('span[dir="auto"]')).filter(
    (s) => !s.closest('a') && !s.parentElement?.closest('span[dir="auto"]') && !s.closest('[role="button"]'),
  );
  d.text = parts.map((s) => textOf(s)).join('\n');
  d.language = parts[0]?.closest('[lang]')?.getAttribute('lang') ?? null;
  const like = el.querySelector('svg[aria-label="Like"]')?.closest('[role="button"]');
  d.metrics.likes = like ? countIn(like.textContent) : null;
  return { draft: d, el };
}

export const threads: Extractor = {
  id: 'threads',
  matchesUrl: (u) => onPlatformUrl(threadsPlatform, u),
  detect: () => true,
  extract(ctx) {
    const els = Array.from(ctx.doc.querySelectorAll('div[data-pressable-container="true"]'));
    const found = els
      .filter((e) => !e.parentElement?.closest('div[data-pressable-container="true"]'))
      .map((e) => post(e, ctx))
      .filter((f) => f.draft.url);
    const id = ctx.url.pathname.match(POST)?.[2];
    // A post shows its author's handle only; the page's title names the thread's author
    // ("Kim (@kim.reist) on Threads"), so their posts get that display name.
    const titled = /^(.*?)\s*\(@([\w.]+)\)/.exec(pageMeta(ctx.doc).ogTitle ?? pageMeta(ctx.doc).title ?? '');
    if (titled?.[1]) for (const f of found) if (f.draft.author.handle === titled[2]) f.draft.author.name = titled[1];
    const i = id ? found.findIndex((f) => f.draft.postId === id) : -1;
    if (i >= 0)
      found.forEach((f, j) => {
        if (j > i) {
          f.draft.kind = 'comment';
          f.draft.parentUrl = found[i]!.draft.url;
        }
      });
    if (found.length) return found;
    const meta = pageMeta(ctx.doc);
    const t = meta.ogTitle?.match(/^(.*?)\s*\(@([^)]+)\)/);
    if (!t) return [];
    const d = newDraft('threads');
    d.author = {
      name: t[1] ?? null,
      handle: t[2] ?? null,
      profileUrl: httpUrl(`/@${t[2]}`, ctx.url.href),
      followers: null,
    };
    d.url = ctx.url.href;
    d.postId = id ?? null;
    d.text = id ? (meta.description ?? '') : '';
    d.warnings.push('post not rendered on the page — read from the page summary');
    return [{ draft: d, el: null }];
  },
  primary(found, ctx) {
    const id = ctx.url.pathname.match(POST)?.[2];
    return (id && found.find((f) => f.draft.postId === id)) || found[0];
  },
};
