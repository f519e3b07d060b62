/**
 * Instagram post pages (/p/<code>/, /reel/<code>/). Class names are generated, so the anchors
 * are links and times: every comment has a `time[datetime]` inside its permalink
 * `/p/<code>/c/<comment id>/` (a reply's adds `/r/<reply id>/`), its author is the link to
 * `/<user>/` beside it, and the caption is the entry whose time is not a comment's (linked to the
 * post itself, or not linked at all in the older layout). The caption is an h1 in the current
 * layout and a plain span under the author's h2 in the older one; the page's JSON-LD and
 * og:description stand in when the post is not rendered.
 */
import { newDraft } from '../draft';
import { textDate } from '../meta/text-date';
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { httpUrl, parseUrl } from '../dom/url';
import { pageMeta } from '../meta/page';
import { compactCount } from '../count-label';
import { get, ldObjects, str } from '../json-in-page';
import type { Ctx, Draft, Extractor, Found } from '../types';
import { onPlatformHost, onPlatformUrl } from './descriptor';
import { INSTAGRAM_POST_PATH, instagramPlatform } from './instagram.descriptor';

const PROFILE = /^\/([\w.]{1,30})\/?$/;

/** The path a link points at on Instagram itself (a link elsewhere has none). */
function pathOf(a: Element | null, base: string): string | null {
  const u = parseUrl(a?.getAttribute('href'), base);
  return u && onPlatformHost(instagramPlatform, u.hostname) ? u.pathname : null;
}

/** The user a link points at, when it is a profile link (`/name/`). */
function profileOf(a: Element, base = 'https://www.instagram.com/'): string | null {
  const m = PROFILE.exec(pathOf(a, base) ?? '');
  return m && !['p', 'reel', 'explore', 'accounts'].includes(m[1]!) ? m[1]! : null;
}

/** The entry a time belongs to: its list item, else the nearest ancestor holding a profile link. */
function entryOf(time: Element): Element {
  const li = time.closest('li');
  if (li) return li;
  let el: Element = time;
  for (let i = 0; i < 8 && el.parentElement; i++) {
    el = el.parentElement;
    if (Array.from(el.querySelectorAll('a[href]')).some((a) => profileOf(a) && textOf(a, { inline: true }).trim()))
      return el;
  }
  return el;
}

/** The author of an entry: its first profile link that shows a name (avatars show only a picture). */
function authorLink(entry: Element): Element | null {
  return (
    Array.from(entry.querySelectorAll('h2 a[href], h3 a[href], a[href]')).find(
      (a) => profileOf(a) && textOf(a, { inline: true }).trim(),
    ) ?? null
  );
}

function entryText(entry: Element, author: Element | null, timeLink: Element | null): string {
  const caption = entry.querySelector('h1');
  if (caption) return textOf(caption);
  return textOf(entry, {
    skip: (el) =>
      el.tagName === 'H2' ||
      el.tagName === 'H3' ||
      el.tagName === 'TIME' ||
      el === timeLink ||
      el === author ||
      // The "Verified" badge and the "1 like · Reply" line are not what the person wrote.
      el.getAttribute('title') === 'Verified' ||
      el.getAttribute('role') === 'button' ||
      // Replies are entries of their own.
      el.tagName === 'UL' ||
      el.tagName === 'LI',
  }).trim();
}

interface Entry {
  el: Element;
  time: Element;
  link: Element | null;
  comment: RegExpExecArray | null;
}

function entries(ctx: Ctx, code: string): Entry[] {
  const out: Entry[] = [];
  for (const time of Array.from(ctx.doc.querySelectorAll('main time[datetime], article time[datetime]'))) {
    const link = time.closest('a[href]');
    const m = INSTAGRAM_POST_PATH.exec(pathOf(link, ctx.url.href) ?? '');
    if (link && (!m || m[1] !== code)) continue; // a time of another post (suggestions below the post)
    out.push({ el: entryOf(time), time, link, comment: m?.[2] ? m : null });
  }
  return out;
}

function draftOf(e: Entry, ctx: Ctx, postUrl: string): Draft {
  const base = ctx.url.href;
  const d = newDraft('instagram', e.comment ? 'comment' : 'post');
  const author = authorLink(e.el);
  const handle = author ? profileOf(author) : null;
  d.author = { name: null, handle, profileUrl: handle ? httpUrl(`/${handle}/`, base) : null, followers: null };
  d.text = entryText(e.el, author, e.link);
  d.publishedAt = e.time.getAttribute('datetime');
  if (e.comment) {
    d.url = httpUrl(e.link?.getAttribute('href'), base);
    d.postId = e.comment[3] ?? e.comment[2] ?? null;
    // A reply (/c/<id>/r/<reply>/) answers its comment; a comment answers the post.
    d.parentUrl = e.comment[3] ? httpUrl(`/p/${e.comment[1]}/c/${e.comment[2]}/`, base) : postUrl;
    const likes = Array.from(e.el.querySelectorAll('button, [role="button"]'))
      .filter((b) => b.closest('li') === e.el || e.el.tagName !== 'LI')
      .map((b) => b.textContent ?? '')
      .find((t) => /\d+\s+(like|likes|vind-ik-leuk)/i.test(t));
    d.metrics.likes = likes ? compactCount(likes) : null;
  }
  return d;
}

/** The post as the page's JSON-LD and head describe it (logged-out and not-yet-rendered pages). */
function fromHead(ctx: Ctx, postUrl: string, code: string): Draft {
  const d = newDraft('instagram');
  d.url = postUrl;
  d.postId = code;
  const ld = ldObjects(ctx.doc).find((x) => /ImageObject|VideoObject|SocialMediaPosting/.test(x.type))?.o;
  const m = pageMeta(ctx.doc);
  const alt = str(get(ld, 'author', 'alternateName'));
  // og:description of a logged-out post: "990K likes, 8,873 comments - handle on May 24, 2021: "caption". "
  const said = / - ([\w.]+) on ([^:"“]{6,40}): [“"]/.exec(m.description ?? '');
  const handle = alt?.replace(/^@/, '') ?? /\(@([\w.]+)\)/.exec(m.ogTitle ?? '')?.[1] ?? said?.[1] ?? null;
  d.author = {
    // "Name on Instagram: …" (posts), "Name (@handle) • Instagram reel" (reels).
    name: cleanLine(/^(.*?)(?: \(@[\w.]+\))? (?:on|op|•) Instagram/.exec(m.ogTitle ?? '')?.[1] ?? null),
    handle,
    profileUrl: handle ? httpUrl(`/${handle}/`, ctx.url.href) : null,
    followers: null,
  };
  d.text =
    str(get(ld, 'caption')) ??
    str(get(ld, 'articleBody')) ??
    /: [“"](.*)[”"]\.?\s*$/s.exec(m.description ?? '')?.[1] ??
    '';
  // The day only: the head prints no time.
  const day = said ? textDate(said[2]) : null;
  d.publishedAt = str(get(ld, 'uploadDate')) ?? str(get(ld, 'datePublished')) ?? (day ? `${day}T00:00:00.000Z` : null);
  // og:description starts "1,204 likes, 3 comments - user on …" when JSON-LD has no counts.
  const counts = /^([\d.,]+[KkMm]?) likes?, ([\d.,]+[KkMm]?) comments?/.exec(m.description ?? '');
  d.metrics.replies = compactCount(str(get(ld, 'commentCount')) ?? counts?.[2]);
  const likes = get(ld, 'interactionStatistic');
  d.metrics.likes = compactCount(
    str(get(Array.isArray(likes) ? likes[0] : likes, 'userInteractionCount')) ?? counts?.[1],
  );
  return d;
}

export const instagram: Extractor = {
  id: 'instagram',
  matchesUrl: (u) => onPlatformUrl(instagramPlatform, u),
  detect: ({ url }) => INSTAGRAM_POST_PATH.test(url.pathname),
  extract(ctx) {
    const m = INSTAGRAM_POST_PATH.exec(ctx.url.pathname);
    if (!m) return [];
    const code = m[1]!;
    const postUrl = httpUrl(`/p/${code}/`, ctx.url.href)!;
    const head = fromHead(ctx, postUrl, code);
    const all = entries(ctx, code);
    const captionEntry = all.find((e) => !e.comment);
    let post: Found = { draft: head, el: ctx.doc.querySelector('article, main') };
    if (captionEntry) {
      const d = draftOf(captionEntry, ctx, postUrl);
      d.url = postUrl;
      d.postId = code;
      // What only the head knows: the counts, and the author's name in og:title.
      d.author = { ...d.author, name: head.author.name, handle: d.author.handle ?? head.author.handle };
      d.metrics = head.metrics;
      const likedBy = ctx.doc.querySelector(`a[href$="/${code}/liked_by/"]`);
      if (likedBy) d.metrics.likes = compactCount(textOf(likedBy, { inline: true }));
      if (!d.text) d.text = head.text;
      post = { draft: d, el: captionEntry.el.closest('article') ?? captionEntry.el };
    }
    return [post, ...all.filter((e) => e.comment).map((e) => ({ draft: draftOf(e, ctx, postUrl), el: e.el }))];
  },
};
