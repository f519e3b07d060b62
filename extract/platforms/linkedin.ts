/**
 * LinkedIn public pages: a post (/posts/…, /feed/update/…) shows as the logged-out
 * article.main-feed-activity-card with its comments (section.comment); a Pulse article is an
 * article read like a blog post (JSON-LD author and date).
 */
import { newDraft } from '../draft';
import { textOf } from '../dom/text';
import { countIn, httpUrl } from '../dom/url';
import { pageMeta } from '../meta/page';
import type { Ctx, Extractor, Found } from '../types';
import { onPlatformUrl } from './descriptor';
import { articleDraft } from './generic';
import { linkedinPlatform } from './linkedin.descriptor';

function activity(card: Element, ctx: Ctx): Found {
  const d = newDraft('linkedin');
  const actor = card.querySelector(
    'a[data-tracking-control-name$="feed-actor-name"], .main-feed-activity-card__header a[href*="/in/"], a[href*="/in/"], a[href*="/company/"]',
  );
  d.author.name = actor ? textOf(actor, { inline: true }) : null;
  d.author.profileUrl = httpUrl(actor?.getAttribute('href')?.split('?')[0], ctx.url.href);
  d.author.handle = d.author.profileUrl?.match(/\/(?:in|company)\/([^/?#]+)/)?.[1] ?? null;
  d.text = textOf(
    card.querySelector('[data-test-id="main-feed-activity-card__commentary"], .attributed-text-segment-list__content'),
  );
  const meta = pageMeta(ctx.doc);
  d.publishedAt = meta.ld.published;
  d.url = httpUrl(meta.canonical, ctx.url.href) ?? ctx.url.href;
  d.postId = card.getAttribute('data-activity-urn')?.split(':').pop() ?? null;
  d.metrics.likes = countIn(
    card
      .querySelector('[data-test-id="social-actions__reactions"], .social-counts-reactions')
      ?.getAttribute('data-num-reactions') ??
      card.querySelector('[data-test-id="social-actions__reaction-count"]')?.textContent,
  );
  d.metrics.replies = countIn(
    card
      .querySelector('[data-test-id="social-actions__comments"], .social-counts-comments')
      ?.getAttribute('data-num-comments'),
  );
  return { draft: d, el: card };
}

function comment(el: Element, ctx: Ctx, postUrl: string | null): Found {
  const d = newDraft('linkedin', 'comment');
  const a = el.querySelector('a.comment__author, a[data-tracking-control-name*="comment_actor"]');
  d.author.name = a ? textOf(a, { inline: true }) : null;
  d.author.profileUrl = httpUrl(a?.getAttribute('href')?.split('?')[0], ctx.url.href);
  d.author.handle = d.author.profileUrl?.match(/\/(?:in|company)\/([^/?#]+)/)?.[1] ?? null;
  d.text = textOf(el.querySelector('.comment__text, [data-test-id="comment__text"]'));
  const urn = el.getAttribute('data-id') ?? el.getAttribute('data-semaphore-content-urn');
  d.postId =
    urn
      ?.split(/[:,()]/)
      .filter(Boolean)
      .pop() ?? null;
  d.url = postUrl && urn ? `${postUrl.split('#')[0]}#${encodeURIComponent(urn)}` : postUrl;
  d.parentUrl = postUrl;
  return { draft: d, el };
}

export const linkedin: Extractor = {
  id: 'linkedin',
  matchesUrl: (u) => onPlatformUrl(linkedinPlatform, u),
  detect: () => true,
  extract(ctx) {
    const card = ctx.doc.querySelector('article.main-feed-activity-card, [data-test-id="main-feed-activity-card"]');
    if (!card) {
      // Pulse article: the author card is the one sure signal (pages have no author meta).
      const f = articleDraft(ctx, 'linkedin');
      const cardEl =
        ctx.doc
          .querySelector('.main-author-card, [data-tracking-control-name$="main-author-card"]')
          ?.closest('.main-author-card') ?? null;
      const name = cardEl?.querySelector('.base-main-card__title');
      if (name) {
        f.draft.author.name = textOf(name, { inline: true });
        f.draft.author.profileUrl = httpUrl(
          cardEl?.querySelector('a[href*="/in/"]')?.getAttribute('href')?.split('?')[0],
          ctx.url.href,
        );
        f.draft.author.handle = f.draft.author.profileUrl?.match(/\/in\/([^/?#]+)/)?.[1] ?? null;
      }
      if (!f.draft.publishedAt)
        f.draft.publishedAt = ctx.doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
      return [f];
    }
    const post = activity(card, ctx);
    const comments = Array.from(ctx.doc.querySelectorAll('section.comment, article.comment')).map((c) =>
      comment(c, ctx, post.draft.url),
    );
    return [post, ...comments];
  },
};
