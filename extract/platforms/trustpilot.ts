/**
 * Trustpilot company pages (/review/<domain>) and single reviews (/reviews/<id>). Each review is an
 * article[data-service-review-card-paper] whose parts carry Trustpilot's own data- attributes:
 * data-consumer-name-typography (reviewer), data-consumer-profile-link (/users/<id>),
 * data-service-review-rating, data-service-review-title-typography, -text-typography,
 * time[data-service-review-date-time-ago], the title's link data-review-title-typography
 * (/reviews/<id>, the permalink) and the company's reply (data-service-review-business-reply-…),
 * kept as the review's context, never as a complaint. The page's JSON-LD Review objects stand in
 * when no card is rendered.
 */
import { newDraft } from '../draft';
import { cleanLine } from '../dom/normalise';
import { textOf } from '../dom/text';
import { httpUrl } from '../dom/url';
import { get, ldObjects, str } from '../json-in-page';
import { threadSnapshot } from '../thread';
import type { Ctx, Draft, Extractor, Found } from '../types';
import { onPlatformUrl } from './descriptor';
import { nearestViewportMiddle } from './viewport';
import { TRUSTPILOT_REVIEW_PATH, trustpilotPlatform } from './trustpilot.descriptor';

const CARD = 'article[data-service-review-card-paper]';
/** Trustpilot's server HTML writes `dateTime` (React's spelling); browsers lower-case it, other parsers may not. */
const datetime = (t: Element | null | undefined) => t?.getAttribute('datetime') ?? t?.getAttribute('dateTime') ?? null;
const REPLY = '[data-service-review-business-reply-text-typography]';

/** Stars out of 5: the card's data-service-review-rating, else its star image ("Rated 2 out of 5 stars"). */
function ratingOf(card: Element): number | null {
  const el = card.querySelector('[data-service-review-rating]');
  const n = Number(el?.getAttribute('data-service-review-rating'));
  if (Number.isFinite(n) && n >= 1 && n <= 5) return n;
  const alt = card.querySelector('img[alt]')?.getAttribute('alt') ?? '';
  const m = /(\d(?:[.,]\d)?)\D+5\b/.exec(alt);
  return m ? Number(m[1]!.replace(',', '.')) : null;
}

/**
 * The company the page is about (its replies' author): the JSON-LD node of the company's own page
 * (its @id is under /review/<domain>; Trustpilot describes itself in the same graph), else the
 * company's name in the page heading.
 */
function companyName(ctx: Ctx): string | null {
  const org = ldObjects(ctx.doc).find(
    (x) => /Organization|LocalBusiness|Corporation/.test(x.type) && /\/review\//.test(str(x.o['@id']) ?? ''),
  );
  return str(get(org?.o, 'name')) ?? cleanLine(textOf(ctx.doc.querySelector('h1 span, h1'), { inline: true }));
}

/** The company's reply under a review, as the review's context (a thread of one). */
function replyOf(card: Element, review: Draft, ctx: Ctx, company: string | null): Draft['thread'] {
  const text = card.querySelector(REPLY);
  if (!text || !review.url) return undefined;
  const d = newDraft('trustpilot', 'comment');
  const heading = cleanLine(
    textOf(card.querySelector('[data-service-review-business-reply-title-typography]'), { inline: true }),
  );
  d.author = { name: company ?? heading, handle: null, profileUrl: null, followers: null };
  d.text = textOf(text);
  d.publishedAt = datetime(card.querySelector('time[data-service-review-business-reply-date-time-ago]'));
  d.parentUrl = review.url;
  return threadSnapshot([{ draft: d, el: text, kind: 'comment' }], review.url, ctx.url.href);
}

function review(card: Element, ctx: Ctx, company: string | null): Draft {
  const base = ctx.url.href;
  const d = newDraft('trustpilot');
  const profile = card.querySelector('a[data-consumer-profile-link]');
  const userId = /\/users\/([0-9a-f]+)/i.exec(profile?.getAttribute('href') ?? '')?.[1] ?? null;
  d.author = {
    name: cleanLine(textOf(card.querySelector('[data-consumer-name-typography]'), { inline: true })),
    // Trustpilot has no handles; the reviewer's id is what names them across reviews.
    handle: userId?.toLowerCase() ?? null,
    profileUrl: httpUrl(profile?.getAttribute('href'), base),
    followers: null,
  };
  const link = card.querySelector('a[data-review-title-typography]') ?? card.querySelector('a[href*="/reviews/"]');
  // A review's own page (/reviews/<id>) may show its card without a link to itself: the page is it.
  const ownPage = TRUSTPILOT_REVIEW_PATH.test(ctx.url.pathname) ? base : null;
  d.url = httpUrl(link?.getAttribute('href'), base) ?? ownPage;
  d.postId = d.url ? (TRUSTPILOT_REVIEW_PATH.exec(new URL(d.url).pathname)?.[1]?.toLowerCase() ?? null) : null;
  d.title = cleanLine(textOf(card.querySelector('[data-service-review-title-typography]'), { inline: true }), 1000);
  d.text = textOf(card.querySelector('[data-service-review-text-typography]'));
  d.language = card.querySelector('[data-service-review-text-typography][lang]')?.getAttribute('lang') ?? null;
  const time =
    card.querySelector('time[data-service-review-date-time-ago]') ??
    Array.from(card.querySelectorAll('time')).find((t) => !t.closest('[class*="reply" i]'));
  d.publishedAt = datetime(time);
  d.metrics.rating = ratingOf(card);
  if (!d.url) d.warnings.push('review permalink not found');
  d.thread = replyOf(card, d, ctx, company);
  return d;
}

/** Reviews as the page's JSON-LD lists them, for a page whose cards are not rendered. */
function fromLd(ctx: Ctx): Found[] {
  return ldObjects(ctx.doc)
    .filter((x) => /\bReview\b/.test(x.type) && (x.o.reviewBody || x.o.headline))
    .map(({ o }) => {
      const d = newDraft('trustpilot');
      d.author = {
        name: str(get(o, 'author', 'name')),
        handle: null,
        profileUrl: httpUrl(str(get(o, 'author', 'url')), ctx.url.href),
        followers: null,
      };
      d.url = httpUrl(str(o.url) ?? str(o['@id'])?.replace(/#.*$/, ''), ctx.url.href);
      d.title = str(o.headline);
      d.text = str(o.reviewBody) ?? '';
      d.publishedAt = str(o.datePublished);
      d.language = str(o.inLanguage);
      const stars = Number(str(get(o, 'reviewRating', 'ratingValue')));
      d.metrics.rating = stars >= 1 && stars <= 5 ? stars : null;
      return { draft: d, el: null };
    });
}

export const trustpilot: Extractor = {
  id: 'trustpilot',
  matchesUrl: (u) => onPlatformUrl(trustpilotPlatform, u),
  detect: () => true,
  extract(ctx) {
    const company = companyName(ctx);
    const cards = Array.from(ctx.doc.querySelectorAll(CARD));
    if (cards.length === 0) return fromLd(ctx);
    return cards.map((card) => ({ draft: review(card, ctx, company), el: card }));
  },
  primary(found, ctx) {
    const id = TRUSTPILOT_REVIEW_PATH.exec(ctx.url.pathname)?.[1]?.toLowerCase();
    return (id && found.find((f) => f.draft.postId === id)) || nearestViewportMiddle(found);
  },
};
