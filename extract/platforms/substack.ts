/** Substack (substack.com and custom domains): .available-content / .body.markup holds the post. */
import { mainContent } from '../dom/content';
import type { Extractor } from '../types';
import { articleDraft } from './generic';

export const substack: Extractor = {
  id: 'substack',
  matchesUrl: null,
  detect: ({ doc, url }) =>
    /(^|\.)substack\.com$/.test(url.hostname) || !!doc.querySelector('link[href*="substackcdn.com"], script[src*="substackcdn.com"], meta[content*="substackcdn.com"]'),
  extract(ctx) {
    const content = ctx.doc.querySelector('.available-content .body, .body.markup, .available-content') ?? mainContent(ctx.doc);
    return [articleDraft(ctx, 'blog', { content, root: content?.closest('article') ?? null })];
  },
};
