/**
 * Mastodon (any instance): the web app's .detailed-status (the toot of the page) and .status
 * items (ancestors above, replies below). Link prefixes hidden with span.invisible stay hidden.
 */
import { newDraft } from '../draft';
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { countIn, httpUrl } from '../dom/url';
import { pageMeta } from '../meta/page';
import type { Ctx, Extractor, Found } from '../types';
import { onPlatformUrl } from './descriptor';
import { mastodonPlatform, TOOT_PATH as TOOT } from './mastodon.descriptor';

const hidden = (el: Element) =>
  el.classList.contains('invisible') || el.classList.contains('status__content__spoiler-link');

function toot(el: Element, ctx: Ctx, focal: boolean): Found {
  const d = newDraft('mastodon');
  const link = el.querySelector('a.status__relative-time, a.detailed-status__datetime');
  d.url =
    httpUrl(link?.getAttribute('href'), ctx.url.href) ??
    (focal ? (httpUrl(pageMeta(ctx.doc).canonical, ctx.url.href) ?? ctx.url.href) : null);
  d.postId = el.getAttribute('data-id') ?? (d.url ? (new URL(d.url).pathname.match(TOOT)?.[2] ?? null) : null);
  const acct = cleanLine(el.querySelector('.display-name__account')?.textContent)?.replace(/^@/, '') ?? null;
  // Local accounts show as "@alice": the instance is the page's host.
  const handle = acct ? (acct.includes('@') ? acct : `${acct}@${ctx.url.hostname}`) : null;
  const nameEl = el.querySelector('.display-name__html, .display-name strong');
  d.author = {
    name: nameEl ? textOf(nameEl, { inline: true }) : null,
    handle,
    profileUrl: httpUrl(
      el.querySelector('a.status__display-name, a.detailed-status__display-name')?.getAttribute('href'),
      ctx.url.href,
    ),
    followers: null,
  };
  const body = el.querySelector('.status__content__text') ?? el.querySelector('.status__content');
  const cw = el.querySelector('.spoiler-text, .status__content__spoiler-text, .content-warning');
  d.text = (cw ? `${textOf(cw, { inline: true })}\n\n` : '') + textOf(body, { skip: hidden });
  d.language = body?.getAttribute('lang') ?? null;
  d.publishedAt = el.querySelector('time[datetime]')?.getAttribute('datetime') ?? (focal ? ogTime(ctx.doc) : null);
  if (focal) {
    d.metrics.reposts = countIn(el.querySelector('.detailed-status__reblogs')?.textContent);
    d.metrics.likes = countIn(el.querySelector('.detailed-status__favorites')?.textContent);
  }
  return { draft: d, el };
}

function ogTime(doc: Document): string | null {
  return doc.querySelector('meta[property="og:published_time"]')?.getAttribute('content') ?? pageMeta(doc).published;
}

export const mastodon: Extractor = {
  id: 'mastodon',
  matchesUrl: (u) => onPlatformUrl(mastodonPlatform, u),
  detect: ({ doc }) => !!doc.querySelector('#mastodon, .detailed-status, .status__content'),
  extract(ctx) {
    const items = Array.from(ctx.doc.querySelectorAll('.detailed-status, .status[data-id]')).filter(
      (el) => !el.parentElement?.closest('.status[data-id]'),
    );
    const found = items.map((el) => toot(el, ctx, el.classList.contains('detailed-status')));
    const i = found.findIndex((f) => f.el?.classList.contains('detailed-status'));
    if (i >= 0) {
      // Thread view: ancestors above the detailed toot, replies below it.
      found.forEach((f, j) => {
        f.draft.parentUrl = j <= i ? (found[j - 1]?.draft.url ?? null) : found[i]!.draft.url;
        if (j > i) f.draft.kind = 'comment';
      });
    }
    return found;
  },
  primary(found, ctx) {
    const id = ctx.url.pathname.match(TOOT)?.[2];
    return (
      found.find((f) => id && f.draft.postId === id) ?? found.find((f) => f.el?.classList.contains('detailed-status'))
    );
  },
};
