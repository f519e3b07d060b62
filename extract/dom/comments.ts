/**
 * Blog comment threads (WordPress, Blogger, and look-alikes): each comment becomes its own
 * mention with author, text, time, permalink and parentUrl (the comment it answers, else the post).
 */
import { newDraft } from '../draft';
import { lazyFound, type Ctx, type Draft, type Found } from '../types';
import { textOf } from './text';
import { httpUrl, toIso } from './url';

export interface CommentSpec {
  item: string;
  author: string;
  profile: string;
  time: string;
  text: string;
  link: string;
  /** Parts of a comment that are not its text (author line, reply button, nested replies). */
  notText: string;
}

/** WordPress core markup and the older "commentlist" themes. */
export const WORDPRESS_COMMENTS: CommentSpec = {
  item: 'li.comment[id^="comment-"], li[id^="comment-"], div.comment[id^="comment-"], article.comment[id^="comment-"]',
  author: '.comment-author .fn, cite.fn, .fn, .comment-author',
  profile: '.comment-author a.url, a.url',
  time: 'time[datetime], abbr[title], .comment-metadata a, .comment-meta a, .commentmetadata a',
  text: '.comment-content, .comment-body > .entry-content, .entry-content, .comment-text',
  link: 'a[href*="#comment-"]',
  notText: '.comment-meta, .comment-metadata, .commentmetadata, .comment-author, .vcard, .reply, .comment-util, .comment-reply-link, .children, ul.children',
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
  const iso = toIso(raw);
  if (iso) return iso;
  const s = raw.replace(/(\d)(st|nd|rd|th)\b/g, '$1').replace(/\s+at\s+/i, ' ').replace(/\s+/g, ' ').trim();
  const t = Date.parse(`${s} UTC`);
  return Number.isNaN(t) ? toIso(s) : toIso(new Date(t).toISOString());
}

export function readComments(root: ParentNode, ctx: Ctx, spec: CommentSpec, platform: Draft['platform'], postUrl: string | null): Found[] {
  const base = ctx.url.href;
  // Numbered ids only: WordPress also has #comment-form, #comments-subscribe and the like.
  const items = Array.from(root.querySelectorAll(spec.item)).filter((c) => !c.id || /\d/.test(c.id));
  const isItem = new Set(items);
  const owner = (el: Element): Element | null => { for (let a: Element | null = el; a; a = a.parentElement) if (isItem.has(a)) return a; return null; };
  const own = (c: Element, sel: string) => Array.from(c.querySelectorAll(sel)).find((e) => owner(e) === c) ?? null;
  const urls = new Map<Element, string | null>();
  const out: Found[] = [];
  // Permalinks first (cheap), so a parent's URL is known without building its draft.
  for (const c of items) {
    const link = own(c, spec.link)?.getAttribute('href');
    urls.set(c, httpUrl(link, base) ?? (c.id && postUrl ? `${postUrl.split('#')[0]}#${c.id}` : null));
  }
  for (const c of items) out.push(lazyFound(c, urls.get(c) ?? null, () => comment(c)));
  return out;

  function comment(c: Element): Draft {
    const d = newDraft(platform, 'comment');
    const a = spec.author.split(',').map((sel) => own(c, sel.trim())).find(Boolean) ?? null;
    d.author.name = a ? textOf(a, { inline: true }).replace(/\s+says:?\s*$/i, '') : null;
    d.author.profileUrl = httpUrl(own(c, spec.profile)?.getAttribute('href'), base);
    // Selector lists match in document order; the first kind of time element in the list wins.
    const t = spec.time.split(',').map((sel) => own(c, sel.trim())).find(Boolean) ?? null;
    // Blogger's comment permalink carries the time as ?showComment=<epoch ms>; shown dates are localised.
    const ms = t?.getAttribute('href')?.match(/[?&]showComment=(\d{13})\b/)?.[1];
    d.publishedAt = looseDate(t?.getAttribute('datetime') ?? t?.getAttribute('title') ?? ms ?? t?.textContent);
    d.url = urls.get(c) ?? null;
    d.postId = c.id || null;
    const body = spec.text.split(',').map((sel) => own(c, sel.trim())).find(Boolean) ?? null;
    const skip = (e: Element) => e.matches(spec.notText) || (isItem.has(e) && e !== c);
    d.text = textOf(body ?? c, { skip });
    d.language = (body ?? c).closest('[lang]')?.getAttribute('lang') ?? null;
    const parent = c.parentElement ? owner(c.parentElement) : null;
    d.parentUrl = (parent ? urls.get(parent) : null) ?? postUrl;
    return d;
  }
}
