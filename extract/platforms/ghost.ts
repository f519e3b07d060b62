/** Ghost: generator "Ghost x.y"; the post is .gh-content / .post-content / .kg-post. */
import { mainContent } from '../dom/content';
import { pageMeta } from '../meta/page';
import type { Extractor } from '../types';
import { articleDraft } from './generic';

export const ghost: Extractor = {
  id: 'ghost',
  matchesUrl: null,
  detect: ({ doc }) => /^ghost\b/i.test(pageMeta(doc).generator ?? ''),
  extract(ctx) {
    const content =
      ctx.doc.querySelector('.gh-content, .post-content, .kg-post, .article-content') ?? mainContent(ctx.doc);
    return [articleDraft(ctx, 'blog', { content, root: content?.closest('article') ?? null })];
  },
};
