/**
 * Reddit: new layout (shreddit-post / shreddit-comment web components, attributes carry author,
 * time and permalink), old.reddit (.thing.link / .thing.comment with data-author), and the 2019
 * React layout (data-test-id="post-content"). Handles are usernames without "u/".
 */
import { newDraft } from '../draft';
import { textOf } from '../dom/text';
import { countIn, httpUrl } from '../dom/url';
import { pageMeta } from '../meta/page';
import type { Ctx, Draft, Extractor, Found } from '../types';
import { onPlatformUrl } from './descriptor';
import { REDDIT_POST_PATH, redditPlatform } from './reddit.descriptor';

function user(name: string | null | undefined, base: string): Draft['author'] {
  const h = name?.trim().replace(/^u\//, '') || null;
  const ok = h && h !== '[deleted]' ? h : null;
  return { name: ok, handle: ok, profileUrl: ok ? httpUrl(`/user/${ok}/`, base) : null, followers: null };
}

function shreddit(ctx: Ctx): Found[] {
  const base = ctx.url.href;
  const out: Found[] = [];
  const post = ctx.doc.querySelector('shreddit-post');
  let postUrl: string | null = null;
  if (post) {
    const d = newDraft('reddit');
    d.author = user(post.getAttribute('author'), base);
    d.title = post.getAttribute('post-title');
    d.url = postUrl = httpUrl(post.getAttribute('permalink'), base);
    d.postId = post.getAttribute('id')?.replace(/^t3_/, '') ?? null;
    d.publishedAt = post.getAttribute('created-timestamp');
    d.text = textOf(post.querySelector('[slot="text-body"]')) || (post.getAttribute('content-href') ?? '');
    d.metrics.likes = countIn(post.getAttribute('score'));
    d.metrics.replies = countIn(post.getAttribute('comment-count'));
    d.language = post.querySelector('[slot="text-body"] [lang]')?.getAttribute('lang') ?? null;
    out.push({ draft: d, el: post });
  }
  for (const c of Array.from(ctx.doc.querySelectorAll('shreddit-comment'))) {
    const d = newDraft('reddit', 'comment');
    d.author = user(c.getAttribute('author'), base);
    d.url = httpUrl(c.getAttribute('permalink'), base);
    d.postId = c.getAttribute('thingid')?.replace(/^t1_/, '') ?? null;
    d.publishedAt =
      c.querySelector('time[datetime]')?.getAttribute('datetime') ??
      c.querySelector('faceplate-timeago[ts]')?.getAttribute('ts') ??
      c.getAttribute('created');
    // The comment's own text only: replies are nested shreddit-comment elements.
    d.text = textOf(
      Array.from(c.querySelectorAll('[slot="comment"]')).find((s) => s.closest('shreddit-comment') === c),
    );
    d.metrics.likes = countIn(c.getAttribute('score'));
    const parent = c.parentElement?.closest('shreddit-comment');
    d.parentUrl = httpUrl(parent?.getAttribute('permalink'), base) ?? postUrl;
    out.push({ draft: d, el: c });
  }
  return out;
}

function oldReddit(ctx: Ctx): Found[] {
  const base = ctx.url.href;
  const out: Found[] = [];
  let postUrl: string | null = null;
  for (const t of Array.from(ctx.doc.querySelectorAll('.thing[data-author]'))) {
    const isPost = t.classList.contains('link');
    const d = newDraft('reddit', isPost ? 'post' : 'comment');
    d.author = user(t.getAttribute('data-author'), base);
    d.url = httpUrl(t.getAttribute('data-permalink'), base);
    d.postId =
      (t.getAttribute('data-fullname') ?? '').replace(/^t[13]_/, '') ||
      (isPost ? (ctx.url.pathname.match(REDDIT_POST_PATH)?.[1] ?? null) : null);
    const entry = Array.from(t.querySelectorAll('.entry')).find((e) => e.closest('.thing') === t);
    d.publishedAt =
      entry?.querySelector('time[datetime]')?.getAttribute('datetime') ?? t.getAttribute('data-timestamp');
    d.text = textOf(entry?.querySelector('.usertext-body .md, .md'));
    if (isPost) {
      d.title = textOf(t.querySelector('a.title'), { inline: true });
      postUrl = d.url;
    } else
      d.parentUrl =
        httpUrl(t.parentElement?.closest('.thing.comment')?.getAttribute('data-permalink'), base) ?? postUrl;
    d.metrics.likes = countIn(
      entry?.querySelector('.score.unvoted')?.getAttribute('title') ??
        entry?.querySelector('.score.unvoted')?.textContent,
    );
    out.push({ draft: d, el: t });
  }
  return out;
}

/** 2019 layout: one post-content block; author is the "u/name" link. */
function react2019(ctx: Ctx): Found[] {
  const box = ctx.doc.querySelector('[data-test-id="post-content"]');
  if (!box) return [];
  const d = newDraft('reddit');
  const root = box.parentElement ?? box;
  const a = Array.from(root.querySelectorAll('a[href^="/user/"]')).find((l) =>
    /^u\//.test(l.textContent?.trim() ?? ''),
  );
  d.author = user(a?.textContent, ctx.url.href);
  d.title = textOf(box.querySelector('h1, h2'), { inline: true }) || pageMeta(ctx.doc).ogTitle;
  d.text =
    textOf(box.querySelector('[data-click-id="text"]')) ||
    textOf(box.querySelector('.RichTextJSON-root, [data-test-id="post-content"] > div:last-child'));
  d.url = ctx.url.href;
  d.postId = ctx.url.pathname.match(REDDIT_POST_PATH)?.[1] ?? null;
  return [{ draft: d, el: box }];
}

export const reddit: Extractor = {
  id: 'reddit',
  matchesUrl: (u) => onPlatformUrl(redditPlatform, u),
  detect: () => true,
  extract(ctx) {
    const s = shreddit(ctx);
    if (s.length) return s;
    const o = oldReddit(ctx);
    return o.length ? o : react2019(ctx);
  },
};
