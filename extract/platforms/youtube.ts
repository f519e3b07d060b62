/**
 * YouTube watch pages: the video (ytd-watch-metadata, or the older ytd-video-primary-info-renderer
 * and the page's schema.org microdata) and its comments. A comment is a ytd-comment-view-model
 * (ytd-comment-renderer before 2024); a reply is one inside ytd-comment-replies-renderer. Every
 * part of a comment has a stable id: #author-text (a link to /@handle), #content-text,
 * #published-time-text (or .published-time-text) whose link is the comment's permalink
 * `watch?v=<video>&lc=<comment id>` (a reply's id is "<parent id>.<own>"), #vote-count-middle.
 */
import { newDraft } from '../draft';
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { httpUrl, parseUrl } from '../dom/url';
import { pageMeta } from '../meta/page';
import { compactCount } from '../count-label';
import { shownTime } from '../time-label';
import { lazyFound, type Ctx, type Draft, type Extractor, type Found } from '../types';
import { onPlatformUrl } from './descriptor';
import { youtubePlatform, youtubeVideoId } from './youtube.descriptor';

const COMMENT = 'ytd-comment-view-model, ytd-comment-renderer';
const meta = (doc: Document, prop: string) =>
  doc.querySelector(`meta[itemprop="${prop}"]`)?.getAttribute('content')?.trim() || null;

/** The watch page's own address: `/watch?v=<id>` on the page's host, whatever else the URL held. */
function videoUrl(ctx: Ctx): string | null {
  const id = youtubeVideoId(ctx.url) ?? meta(ctx.doc, 'videoId');
  return id ? httpUrl(`/watch?v=${encodeURIComponent(id)}`, ctx.url.href) : null;
}

/** Handle from a /@handle link; a channel's name is the link's text unless that is the handle itself. */
function channelOf(link: Element | null | undefined, base: string) {
  const href = link?.getAttribute('href') ?? '';
  const handle = /^\/@([\w.-]+)/.exec(parseUrl(href, base)?.pathname ?? '')?.[1] ?? null;
  const shown = cleanLine(textOf(link, { inline: true }));
  const name = shown && shown !== `@${handle}` && !shown.startsWith('@') ? shown : null;
  return { name, handle: handle ?? (shown?.startsWith('@') ? shown.slice(1) : null), profileUrl: httpUrl(href, base) };
}

function video(ctx: Ctx): Draft {
  const { doc } = ctx;
  const base = ctx.url.href;
  const d = newDraft('youtube');
  const m = pageMeta(doc);
  d.url = videoUrl(ctx) ?? httpUrl(m.canonical, base);
  d.postId = youtubeVideoId(ctx.url) ?? meta(doc, 'videoId');
  const titleEl = doc.querySelector(
    'ytd-watch-metadata h1 yt-formatted-string, ytd-watch-metadata #title h1, h1.title yt-formatted-string, h1.title',
  );
  d.title = cleanLine(textOf(titleEl, { inline: true })) ?? meta(doc, 'name') ?? m.ogTitle;
  const owner = doc.querySelector('ytd-watch-metadata ytd-video-owner-renderer, ytd-video-owner-renderer');
  const author = channelOf(owner?.querySelector('#channel-name a, #text a, a[href^="/@"]'), base);
  // The microdata of the page names the channel even before the app renders.
  const itemAuthor = doc.querySelector('[itemprop="author"]');
  d.author = {
    name: author.name ?? itemAuthor?.querySelector('link[itemprop="name"]')?.getAttribute('content') ?? null,
    handle: author.handle,
    profileUrl:
      author.profileUrl ?? httpUrl(itemAuthor?.querySelector('link[itemprop="url"]')?.getAttribute('href'), base),
    followers: compactCount(textOf(owner?.querySelector('#owner-sub-count'), { inline: true }) || null),
  };
  const desc = doc.querySelector(
    'ytd-watch-metadata #description-inline-expander, #description yt-formatted-string.content, #description .content',
  );
  d.text = textOf(desc) || m.description || '';
  d.publishedAt = meta(doc, 'datePublished') ?? meta(doc, 'uploadDate');
  d.metrics.views =
    compactCount(meta(doc, 'interactionCount') ?? meta(doc, 'userInteractionCount')) ??
    compactCount(textOf(doc.querySelector('.view-count'), { inline: true }) || null);
  return d;
}

/** The comment's permalink link: the published-time link carrying `lc=`. */
function timeLink(el: Element): Element | null {
  return el.querySelector('#published-time-text a[href], .published-time-text a[href], a[href*="lc="]');
}

function comment(el: Element, ctx: Ctx, videoKey: string | null): Draft {
  const base = ctx.url.href;
  const d = newDraft('youtube', 'comment');
  const link = timeLink(el);
  d.url = httpUrl(link?.getAttribute('href'), base);
  const lc = d.url ? new URL(d.url).searchParams.get('lc') : null;
  d.postId = lc;
  const who = channelOf(el.querySelector('#author-text'), base);
  d.author = { ...who, followers: null };
  d.text = textOf(el.querySelector('#content-text'));
  const shown = shownTime(textOf(link, { inline: true }), ctx.now);
  d.publishedAt = shown.iso;
  if (shown.approximate)
    d.warnings.push(`publish time worked out from "${cleanLine(textOf(link, { inline: true }))}" as shown`);
  d.metrics.likes = compactCount(textOf(el.querySelector('#vote-count-middle'), { inline: true }) || null);
  // A reply's id is "<parent id>.<own id>": its parent is the comment of the first part.
  const parent = lc?.includes('.') ? lc.split('.')[0] : null;
  d.parentUrl = parent && videoKey ? `${videoKey}&lc=${encodeURIComponent(parent)}` : videoKey;
  if (!d.url) d.warnings.push('comment permalink not found');
  return d;
}

export const youtube: Extractor = {
  id: 'youtube',
  matchesUrl: (u) => onPlatformUrl(youtubePlatform, u),
  detect: () => true,
  extract(ctx) {
    const key = videoUrl(ctx);
    const found: Found[] = [{ draft: video(ctx), el: ctx.doc.querySelector('ytd-watch-metadata, #info-contents') }];
    for (const el of Array.from(ctx.doc.querySelectorAll(COMMENT))) {
      found.push(
        lazyFound(
          el,
          () => httpUrl(timeLink(el)?.getAttribute('href'), ctx.url.href),
          () => comment(el, ctx, key),
          'comment',
        ),
      );
    }
    return found;
  },
  primary(found, ctx) {
    // A comment's own permalink opens the watch page with that comment highlighted on top.
    const lc = ctx.url.searchParams.get('lc');
    return (lc && found.find((f) => f.key && new URL(f.key).searchParams.get('lc') === lc)) || found[0];
  },
};
