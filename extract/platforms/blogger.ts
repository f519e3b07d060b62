/** Blogger / Blogspot: .post-body, h3.post-title, .post-author .fn, abbr.published, Blogger comments. */
import { BLOGGER_COMMENTS, looseDate, readComments } from '../dom/comments';
import { textOf } from '../dom/text';
import { httpUrl } from '../dom/url';
import { pageMeta } from '../meta/page';
import type { Extractor } from '../types';
import { articleDraft } from './generic';

export const blogger: Extractor = {
  id: 'blogger',
  matchesUrl: null,
  detect: ({ doc, url }) =>
    /blogspot\.|\.blogger\.com$/.test(url.hostname) || /blogger/i.test(pageMeta(doc).generator ?? ''),
  extract(ctx) {
    const { doc } = ctx;
    const posts = doc.querySelectorAll('.post-body');
    // A list page (home, archive) has many posts: only a single-post page is read as one post.
    const content = posts.length === 1 ? posts[0]! : null;
    const root = content?.closest('.post, .post-outer, article') ?? null;
    const f = articleDraft(ctx, 'blog', content ? { content, root } : {});
    const d = f.draft;
    const scope: ParentNode = root ?? doc;
    const by = scope.querySelector('.post-author .fn, .post-author a, .g-profile, .post-author');
    if (by && !d.author.name) {
      d.author.name = textOf(by, { inline: true }).replace(/^(posted|written)?\s*by\s*/i, '');
      d.author.profileUrl = httpUrl(
        by.closest('a')?.getAttribute('href') ?? by.querySelector('a')?.getAttribute('href'),
        ctx.url.href,
      );
    }
    if (!d.publishedAt) {
      const t = scope.querySelector(
        'abbr.published[title], .published[title], time.published, abbr[itemprop="datePublished"]',
      );
      d.publishedAt = looseDate(t?.getAttribute('title') ?? t?.getAttribute('datetime') ?? t?.textContent);
    }
    const h = scope.querySelector('h3.post-title, h1.post-title, .post-title');
    if (h) d.title = textOf(h, { inline: true });
    return [f, ...readComments(doc, ctx, BLOGGER_COMMENTS, 'blog', d.url)];
  },
};
