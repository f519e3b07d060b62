/**
 * Substack (substack.com and custom domains): .available-content / .body.markup holds the post, and
 * the discussion under it is a tree of div.comment#comment-<id>: .commenter-name (the author's
 * link to their Substack profile), a.comment-date (the comment's permalink /p/<slug>/comment/<id>,
 * its title the full date), .comment-body, replies in .comment-list-children.
 */
import { mainContent } from '../dom/content';
import { readComments, type CommentSpec } from '../dom/comments';
import type { Extractor } from '../types';
import { articleDraft } from './generic';

const SUBSTACK_COMMENTS: CommentSpec = {
  item: 'div.comment[id^="comment-"]',
  author: '.commenter-name a, .commenter-name',
  profile: '.commenter-name a',
  time: 'a.comment-date, .comment-date',
  text: '.comment-body',
  link: 'a.comment-date, a[href*="/comment/"]',
  notText: '.comment-meta, .comment-actions, .comment-list-children, .comment-head',
};

/**
 * Custom-domain Substack loads its assets from substackcdn.com. Looked up in <head> and the
 * script list only: an attribute-substring selector over a whole 500-comment page took 1.4 ms.
 */
function fromSubstackCdn(doc: Document): boolean {
  if (
    doc.head?.querySelector(
      'link[href*="substackcdn.com"], meta[content*="substackcdn.com"], script[src*="substackcdn.com"]',
    )
  )
    return true;
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++)
    if (scripts[i]!.getAttribute('src')?.includes('substackcdn.com')) return true;
  return false;
}

export const substack: Extractor = {
  id: 'substack',
  matchesUrl: null,
  detect: ({ doc, url }) => /(^|\.)substack\.com$/.test(url.hostname) || fromSubstackCdn(doc),
  extract(ctx) {
    const content =
      ctx.doc.querySelector('.available-content .body, .body.markup, .available-content') ?? mainContent(ctx.doc);
    const post = articleDraft(ctx, 'blog', { content, root: content?.closest('article') ?? null });
    const discussion = ctx.doc.querySelector('.comments-page, #discussion, .comments-section');
    return discussion ? [post, ...readComments(discussion, ctx, SUBSTACK_COMMENTS, 'blog', post.draft.url)] : [post];
  },
};
