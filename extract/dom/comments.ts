/**
 * Blog comment threads (WordPress, Blogger, and look-alikes): each comment becomes its own
 * mention with author, text, time, permalink and parentUrl (the comment it answers, else the post).
 */
import { newDraft } from '../draft';
import { MAX_URL_CHARS } from '../../domain/field-rules';
import { lazyFound, type CommentFields, type Ctx, type Draft, type Found } from '../types';
import { textOf } from './text';
import { httpUrl, linkUrl, toIso } from './url';
import { readRating } from '../meta/rating';
import { textDate } from '../meta/text-date';

export interface CommentSpec {
  item: string;
  author: string;
  profile: string;
  time: string;
  text: string;
  link: string;
  /** Parts of a comment that are not its text (author line, reply button, nested replies). */
  notText: string;
  /** Where a review shows its stars (review lists only). */
  rating?: string;
}

/** WordPress core markup and the older "commentlist" themes. */
export const WORDPRESS_COMMENTS: CommentSpec = {
  item: 'li.comment[id^="comment-"], li[id^="comment-"], div.comment[id^="comment-"], article.comment[id^="comment-"]',
  // Older themes print "<strong>Name</strong> on <a>date</a> said:" or a bare <cite>Name</cite>;
  // schema.org UserComments themes name the writer as itemprop=creator.
  author:
    '.comment-author .fn, cite.fn, .fn, [itemprop="creator"] [itemprop="name"], [itemprop="creator"], .comment-author strong, .comment-author b, .comment-author, cite',
  profile: '.comment-author a.url, a.url',
  // Without a time element the comment's own permalink usually prints its date ("May 26, 2016").
  time: 'time[datetime], abbr[title], .comment-metadata a, .comment-meta a, .commentmetadata a, [itemprop="commentTime"], [itemprop="dateCreated"], a[href*="#comment-"]',
  text: '.comment-content, .comment-body > .entry-content, .entry-content, .comment-text, [itemprop="commentText"]',
  link: 'a[href*="#comment-"]',
  notText:
    '.comment-meta, .comment-metadata, .commentmetadata, .comment-author, .vcard, .reply, .comment-util, .comment-reply-link, .children, ul.children',
};

/** Blogger's threaded comments (li.comment#c123) and the classic dl#comments-block. */
export const BLOGGER_COMMENTS: CommentSpec = {
  item: 'li.comment[id^="c"], .comment-thread li.comment',
  author: 'cite.user, .comment-header .user',
  profile: 'cite.user a',
  time: '.datetime a, .comment-timestamp a',
  text: '.comment-content',
  link: '.datetime a, .comment-timestamp a',
  notText: '.comment-header, .comment-actions, .comment-replies',
};

/** "January 2, 2024 at 10:00 am", "March 11th, 2015 at 02:57" → an instant (read as UTC). */
export function looseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const dotted = /\d\.\d{1,2}\.\d/.test(raw);
  const iso = dotted ? null : toIso(raw);
  if (iso) return iso;
  // "29 januari 2019", "le 3 mars 2021": Date.parse knows English month names only.
  const printed = textDate(raw);
  const s = raw
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/\s+at\s+/i, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const t = Date.parse(`${s} UTC`);
  // The printed day wins over Date.parse's reading of month names it half knows and of dotted
  // dates, which it reads month first ("11.09.2011 23:31" is 11 September, not 9 November).
  if (
    !Number.isNaN(t) &&
    (/[a-z]{3}/i.test(s) || dotted) &&
    printed &&
    printed !== new Date(t).toISOString().slice(0, 10)
  )
    return atClock(printed, s);
  return Number.isNaN(t) ? (printed ? atClock(printed, s) : toIso(s)) : toIso(new Date(t).toISOString());
}

/** The printed day at the clock time printed beside it ("26.06.2012 10:43", "9/03/15 8:00pm"), else the day. */
function atClock(day: string, s: string): string | null {
  const c = /(?<![\d:])(\d{1,2}):([0-5]\d)(?![\d:])\s*([ap])?\.?(m\b)?/i.exec(s);
  if (!c) return toIso(day);
  let h = Number(c[1]);
  const half = c[4] ? c[3]?.toLowerCase() : undefined;
  if (half === 'p' && h < 12) h += 12;
  if (half === 'a' && h === 12) h = 0;
  return toIso(h < 24 ? `${day}T${String(h).padStart(2, '0')}:${c[2]}:00Z` : day);
}

/**
 * Every comment of the thread, each built only when asked for: a page capture reads the post and
 * the thread snapshot, a right-click reads one comment, a link capture only the permalinks. One
 * querySelector per part of a comment (the first match is its own part unless the comment lacks
 * it and a nested reply has it) instead of querySelectorAll: 500 comments took 6.5 ms, now ~1 ms.
 */
export function readComments(
  root: ParentNode,
  ctx: Ctx,
  spec: CommentSpec,
  platform: Draft['platform'],
  postUrl: string | null,
  /** The comments, when the caller found them already (generic comment sections). */
  found?: Element[],
): Found[] {
  const base = ctx.url.href;
  // Absolute once: comment permalinks are built on it and the snapshot compares replies with it.
  const post = httpUrl(postUrl, base);
  // Numbered ids only: WordPress also has #comment-form, #comments-subscribe and the like.
  const items = found ?? Array.from(root.querySelectorAll(spec.item)).filter((c) => !c.id || /\d/.test(c.id));
  const isItem = new Set(items);
  const owner = (el: Element): Element | null => {
    for (let a: Element | null = el; a; a = a.parentElement) if (isItem.has(a)) return a;
    return null;
  };
  // Each item's parent item, and the items that hold replies, found once when the first comment is read.
  let parents: Map<Element, Element | null> | null = null;
  let holdsReplies: Set<Element | null> = new Set();
  const parentOf = (c: Element): Element | null => {
    if (!parents) {
      parents = new Map(items.map((i) => [i, i.parentElement ? owner(i.parentElement) : null]));
      holdsReplies = new Set(parents.values());
    }
    return parents.get(c) ?? null;
  };
  const own = (c: Element, sel: string): Element | null => {
    const first = firstIn(c, sel);
    // Only a comment holding replies can find a reply's part first: most hold none, and the walk up
    // from every part to its comment was a fifth of reading 500 comments.
    parentOf(c);
    if (!first || !holdsReplies.has(c) || owner(first) === c) return first;
    return Array.from(c.querySelectorAll(sel)).find((e) => owner(e) === c) ?? null;
  };
  // Selector lists match in document order; the first kind of element in the list wins.
  const ownFirst = (c: Element, sels: string[]) => {
    for (const sel of sels) {
      const e = own(c, sel);
      if (e) return e;
    }
    return null;
  };
  const authorSels = split(spec.author),
    timeSels = split(spec.time),
    textSels = split(spec.text);
  const urls = new Map<Element, string | null>();
  const postBase = post?.split('#')[0];
  const urlOf = (c: Element): string | null => {
    let u = urls.get(c);
    if (u !== undefined) return u;
    // A hostile page's id can be any length; a permalink must stay a valid mention URL.
    const byId = c.id && postBase && postBase.length + c.id.length < MAX_URL_CHARS ? `${postBase}#${c.id}` : null;
    const link = own(c, spec.link);
    // The usual permalink is the post's (parsed) address plus the comment's plain id: then the
    // link's attribute is that URL already, and reading href would parse it twice more for nothing.
    u = byId && PLAIN_ID.test(c.id) && link?.getAttribute('href') === byId ? byId : (linkUrl(link, base) ?? byId);
    urls.set(c, u);
    return u;
  };
  // Commenters recur (the author answering, regulars): each profile address is read once.
  const profiles = new Map<string, string | null>();
  const profileOf = (el: Element | null): string | null => {
    const raw = el?.getAttribute('href');
    if (!el || raw == null) return null;
    const k = `${el.tagName}\n${raw}`;
    let u = profiles.get(k);
    if (u === undefined) profiles.set(k, (u = linkUrl(el, base)));
    return u;
  };
  // The thread snapshot takes the fields straight from the markup (brief), without a draft.
  return items.map((c) =>
    lazyFound(
      c,
      () => urlOf(c),
      () => comment(c),
      'comment',
      () => read(c),
    ),
  );

  /** What the page shows of one comment; URLs absolute http(s) or null. */
  function read(c: Element): CommentFields {
    const a = ownFirst(c, authorSels);
    const t = ownFirst(c, timeSels);
    // Blogger's comment permalink carries the time as ?showComment=<epoch ms>; shown dates are localised.
    const ms = t?.getAttribute('href')?.match(/[?&]showComment=(\d{13})\b/)?.[1];
    const body = ownFirst(c, textSels);
    const from = body ?? c;
    // No text container: the comment's own paragraphs, so the name, date and counter printed around
    // them ("Mike May 26, 2016 1 …") stay out of its text.
    const paras = body ? [] : ownParagraphs(c);
    // matches() on every element was a third of reading a comment; most bodies hold no meta parts.
    const noMeta = !from.querySelector(spec.notText);
    const skip = (e: Element) => (isItem.has(e) && e !== c) || (!noMeta && e.matches(spec.notText));
    const parent = parentOf(c);
    return {
      id: c.id || null,
      url: urlOf(c),
      parentUrl: (parent ? urlOf(parent) : null) ?? post,
      name: a ? textOf(a, { inline: true }).replace(/\s+says:?\s*$/i, '') : null,
      profileUrl: profileOf(own(c, spec.profile)),
      publishedAt: t
        ? // An empty attribute (a permalink's title="") says nothing: read on to the shown date.
          looseDate(
            t.getAttribute('datetime') || t.getAttribute('content') || t.getAttribute('title') || ms || t.textContent,
          )
        : headerDate(c),
      text: paras.length ? paras.map((p) => textOf(p, { skip })).join('\n\n') : textOf(from, { skip }),
      lang: () => from.closest('[lang]')?.getAttribute('lang') ?? null,
    };
  }

  /** The <p> elements of comment c itself: not a nested reply's, not in its meta parts. */
  function ownParagraphs(c: Element): Element[] {
    const out: Element[] = [];
    for (const p of Array.from(c.querySelectorAll('p'))) {
      if (owner(p) !== c) continue;
      const meta = p.closest(spec.notText);
      if ((meta && c.contains(meta)) || !(p.textContent ?? '').trim()) continue;
      out.push(p);
    }
    return out;
  }

  function comment(c: Element): Draft {
    const f = read(c);
    const d = newDraft(platform, 'comment');
    d.author.name = f.name;
    d.author.profileUrl = f.profileUrl;
    d.publishedAt = f.publishedAt;
    d.url = f.url;
    d.postId = f.id;
    d.text = f.text;
    d.language = f.lang();
    d.parentUrl = f.parentUrl;
    if (spec.rating) d.metrics.rating = readRating(c, own(c, spec.rating));
    return d;
  }
}

/** An id that needs no escaping in a URL fragment (WordPress's comment-123, Blogger's c123). */
const PLAIN_ID = /^[\w-]+$/;

/**
 * No time element: the date a comment's header line prints ("Gerda 29 januari 2019 10:12"), or
 * phpBB's author line ("#1 Post by aGerman » 05 Sep 2018 10:44"); the first of them that holds one.
 */
function headerDate(c: Element): string | null {
  const hs = c.querySelectorAll('header, footer, [class*="meta"], [class*="info"], [class*="head"], p.author');
  for (let i = 0; i < hs.length && i < 6; i++) {
    const d = textDate(hs[i]!.textContent);
    if (d) return d;
  }
  return null;
}

const split = (list: string) => list.split(',').map((s) => s.trim());

/**
 * c.querySelector(sel), with "A B" answered as "the first B inside the first A" when that A has
 * one — the same element (an earlier B would need an earlier A) — because Chromium's scoped
 * querySelector with a descendant combinator cost 3 µs a comment against 0.2 µs for two simple ones.
 * A list "X, Y" of such selectors is answered the same way per selector, keeping the match that
 * comes first in the document (what querySelector gives for a list).
 */
function firstIn(c: Element, sel: string): Element | null {
  let plan = plans.get(sel);
  if (plan === undefined) plans.set(sel, (plan = planOf(sel)));
  if (!plan) return c.querySelector(sel);
  let first: Element | null = null;
  for (const parts of plan) {
    const hit =
      parts.length === 2
        ? (c.querySelector(parts[0]!)?.querySelector(parts[1]!) ?? c.querySelector(parts.join(' ')))
        : c.querySelector(parts[0]!);
    // 2 = DOCUMENT_POSITION_PRECEDING: the hit comes before the first match so far.
    if (hit && (!first || first.compareDocumentPosition(hit) & 2)) first = hit;
  }
  return first;
}

/** Each selector list split once: its selectors, each one simple selector or two joined by a space; null when not that simple. */
const plans = new Map<string, string[][] | null>();
function planOf(sel: string): string[][] | null {
  if (/["'()[\]>+~:\\]/.test(sel)) return null;
  const list = sel.split(',').map((s) => s.trim().split(/\s+/));
  return list.every((parts) => parts.length <= 2 && parts[0]) ? list : null;
}
