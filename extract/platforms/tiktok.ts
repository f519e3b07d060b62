/**
 * TikTok video pages (/@<user>/video/<id>). The video's facts come from the page's own hydration
 * data (script#__UNIVERSAL_DATA_FOR_REHYDRATION__: exact time, counts, followers), else from the
 * data-e2e hooks (browse-video-desc, browse-username, like-count …). Comments are read by their
 * data-e2e hooks only: comment-level-1 / -2 (text of a comment / a reply), comment-username-1 / -2
 * (its author's /@handle link), comment-time-1 / -2, comment-like-count. The page gives a comment
 * no id or link, so its permalink is the video's with `#comment-<n>` (tiktok.descriptor.ts).
 */
import { newDraft } from '../draft';
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { httpUrl } from '../dom/url';
import { compactCount } from '../count-label';
import { get, jsonScripts, str } from '../json-in-page';
import { shownTime } from '../time-label';
import type { Ctx, Draft, Extractor, Found } from '../types';
import { onPlatformUrl } from './descriptor';
import { TIKTOK_VIDEO_PATH, tiktokPlatform } from './tiktok.descriptor';

const e2e = (el: ParentNode, id: string) => el.querySelector(`[data-e2e="${id}"]`);

/** A stable number for a comment that has no id: FNV-1a of its author and words. */
function commentNumber(handle: string | null, text: string): string {
  let h = 0x811c9dc5;
  const s = `${handle ?? ''}\n${text.replace(/\s+/g, ' ').trim()}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return String(h);
}

/** The video as TikTok's hydration data has it, if the page carries it. */
function itemStruct(ctx: Ctx): Record<string, unknown> | null {
  for (const data of jsonScripts(ctx.doc, 'script#__UNIVERSAL_DATA_FOR_REHYDRATION__, script#SIGI_STATE', 2)) {
    const item =
      get(data, '__DEFAULT_SCOPE__', 'webapp.video-detail', 'itemInfo', 'itemStruct') ??
      Object.values((get(data, 'ItemModule') as Record<string, unknown> | undefined) ?? {})[0];
    if (item && typeof item === 'object') return item as Record<string, unknown>;
  }
  return null;
}

function video(ctx: Ctx, videoUrl: string, id: string, pathUser: string): Draft {
  const d = newDraft('tiktok');
  const item = itemStruct(ctx);
  d.url = videoUrl;
  d.postId = id;
  const handle = str(get(item, 'author', 'uniqueId')) ?? cleanLine(textOf(e2e(ctx.doc, 'browse-username'))) ?? pathUser;
  const nick =
    str(get(item, 'author', 'nickname')) ??
    cleanLine(textOf(e2e(ctx.doc, 'browser-nickname')?.querySelector('span'), { inline: true }));
  d.author = {
    name: nick,
    handle: handle.replace(/^@/, ''),
    profileUrl: httpUrl(`/@${handle.replace(/^@/, '')}`, ctx.url.href),
    followers: compactCount(str(get(item, 'authorStats', 'followerCount'))),
  };
  d.text = str(get(item, 'desc')) ?? textOf(e2e(ctx.doc, 'browse-video-desc') ?? e2e(ctx.doc, 'video-desc'));
  const created = Number(str(get(item, 'createTime')));
  if (created > 0) d.publishedAt = new Date(created * 1000).toISOString();
  else {
    // "Name · 3d ago" or "Name · 2024-11-20" beside the author's name.
    const line = textOf(e2e(ctx.doc, 'browser-nickname'), { inline: true }).split('·').pop() ?? '';
    const shown = shownTime(line, ctx.now);
    d.publishedAt = shown.iso;
    if (shown.approximate) d.warnings.push(`publish time worked out from "${cleanLine(line)}" as shown`);
  }
  const count = (key: string, hook: string) =>
    compactCount(str(get(item, 'stats', key)) ?? (textOf(e2e(ctx.doc, hook), { inline: true }) || null));
  d.metrics = {
    views: count('playCount', 'video-views'),
    likes: count('diggCount', 'like-count'),
    reposts: count('shareCount', 'share-count'),
    replies: count('commentCount', 'comment-count'),
  };
  return d;
}

/**
 * The comment (or reply) element around a comment text: the widest ancestor that holds no other
 * comment's text, so its author, time and like count are inside it but no reply is.
 */
function itemOf(text: Element): Element {
  let el: Element = text;
  for (let i = 0; i < 10 && el.parentElement; i++) {
    const up = el.parentElement;
    const texts = up.querySelectorAll('[data-e2e="comment-level-1"], [data-e2e="comment-level-2"]');
    if (texts.length > 1 || (texts.length === 1 && texts[0] !== text)) break;
    el = up;
  }
  return el;
}

function comment(text: Element, level: string, ctx: Ctx, videoUrl: string): Draft {
  const item = itemOf(text);
  const d = newDraft('tiktok', 'comment');
  const link = e2e(item, `comment-username-${level}`)?.querySelector('a[href]') ?? null;
  const handle = /\/@([\w.-]+)/.exec(link?.getAttribute('href') ?? '')?.[1] ?? null;
  d.author = {
    name: cleanLine(textOf(link, { inline: true })),
    handle,
    profileUrl: handle ? httpUrl(`/@${handle}`, ctx.url.href) : null,
    followers: null,
  };
  d.text = textOf(text);
  const n = commentNumber(handle, d.text);
  d.url = `${videoUrl}#comment-${n}`;
  d.postId = `comment-${n}`;
  const label = textOf(e2e(item, `comment-time-${level}`), { inline: true });
  const shown = shownTime(label, ctx.now);
  d.publishedAt = shown.iso;
  if (shown.approximate) d.warnings.push(`publish time worked out from "${cleanLine(label)}" as shown`);
  d.metrics.likes = compactCount(textOf(e2e(item, 'comment-like-count'), { inline: true }) || null);
  d.parentUrl = videoUrl;
  if (level === '2') {
    // A reply sits in its comment's thread: the first comment text of the enclosing thread.
    let thread: Element | null = item.parentElement;
    while (thread && !e2e(thread, 'comment-level-1')) thread = thread.parentElement;
    const parentText = thread ? e2e(thread, 'comment-level-1') : null;
    if (parentText) d.parentUrl = comment(parentText, '1', ctx, videoUrl).url;
  }
  return d;
}

export const tiktok: Extractor = {
  id: 'tiktok',
  matchesUrl: (u) => onPlatformUrl(tiktokPlatform, u),
  detect: ({ url }) => TIKTOK_VIDEO_PATH.test(url.pathname),
  extract(ctx) {
    const m = TIKTOK_VIDEO_PATH.exec(ctx.url.pathname);
    if (!m) return [];
    const videoUrl = httpUrl(`/@${m[1]}/video/${m[2]}`, ctx.url.href)!;
    const found: Found[] = [
      { draft: video(ctx, videoUrl, m[2]!, m[1]!), el: e2e(ctx.doc, 'browse-video-desc')?.closest('div') ?? null },
    ];
    for (const text of Array.from(
      ctx.doc.querySelectorAll('[data-e2e="comment-level-1"], [data-e2e="comment-level-2"]'),
    )) {
      const level = text.getAttribute('data-e2e')!.slice(-1);
      found.push({ draft: comment(text, level, ctx, videoUrl), el: itemOf(text) });
    }
    return found;
  },
};
