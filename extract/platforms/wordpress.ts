/**
 * WordPress (any theme): the post is .entry-content (or the generic finder's pick), the comment
 * thread li.comment#comment-N; comments and the "Leave a Reply" form never enter the post text.
 */
import { readComments, WORDPRESS_COMMENTS } from '../dom/comments';
import { mainContent } from '../dom/content';
import { pageMeta } from '../meta/page';
import type { Ctx, Extractor } from '../types';
import { articleDraft } from './generic';

export function isWordPress(doc: Document): boolean {
  return (
    /wordpress/i.test(pageMeta(doc).generator ?? '') ||
    !!doc.querySelector(
      'link[href*="/wp-content/"], link[href*="/wp-includes/"], script[src*="/wp-content/"], script[src*="/wp-includes/"], #wpadminbar, link[rel="https://api.w.org/"]',
    )
  );
}

export function blogWithComments(ctx: Ctx, content: Element | null, root: Element | null) {
  const post = articleDraft(ctx, 'blog', { content, root });
  const comments = readComments(ctx.doc, ctx, WORDPRESS_COMMENTS, 'blog', post.draft.url).filter(
    (c) => !content?.contains(c.el),
  );
  return [post, ...comments];
}

export const wordpress: Extractor = {
  id: 'wordpress',
  matchesUrl: null,
  detect: ({ doc }) => isWordPress(doc),
  extract(ctx) {
    // The post's own .entry-content: comment themes reuse the class inside each comment (hAtom).
    const content =
      Array.from(ctx.doc.querySelectorAll('.entry-content, .post-content, .wp-block-post-content')).find(
        (e) => !e.closest('.comment, [id^="comment-"], #comments'),
      ) ?? mainContent(ctx.doc);
    const root = content?.closest('article, .post, .hentry') ?? null;
    return blogWithComments(ctx, content, root);
  },
};
