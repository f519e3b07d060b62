/** Blogger / Blogspot: .post-body, h3.post-title, .post-author .fn, abbr.published, Blogger comments. */
import { BLOGGER_COMMENTS, looseDate, readComments } from '../dom/comments';
import { textOf } from '../dom/text';
import { httpUrl } from '../dom/url';
import { tidyName } from '../meta/byline';
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
    // A list page (home, archive) has many posts: only an item page ("/2016/12/name.html", one
    // post, perhaps with others in a related-posts widget) is read as one post.
    const item = /\/\d{4}\/\d{2}\/[^/]+\.html$/.test(ctx.url.pathname);
    const content = posts.length === 1 || (item && posts.length > 0) ? posts[0]! : null;
    const root = content?.closest('.post, .post-outer, article') ?? null;
    const f = articleDraft(ctx, 'blog', content ? { content, root } : {});
    const d = f.draft;
    const scope: ParentNode = root ?? doc;
    // The post's own "Posted by" line wins over names elsewhere (profile widgets, contributors lists).
    const by = ['.post-author [itemprop="name"]', '.post-author .fn', '.post-author a', '.post-author']
      .map((sel) => scope.querySelector(sel))
      .find((e) => e && textOf(e, { inline: true }).trim());
    const name = by
      ? tidyName(textOf(by, { inline: true }).replace(/^(publicado\s*por|posted\s*by|by)\s*/i, ''))
      : null;
    if (by && name) {
      d.author.name = name;
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
