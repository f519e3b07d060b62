/** Medium (medium.com and custom domains): the story is the <article>; author from meta/JSON-LD. */
import type { Extractor } from '../types';
import { articleDraft } from './generic';

export const medium: Extractor = {
  id: 'medium',
  matchesUrl: null,
  detect: ({ doc, url }) =>
    /(^|\.)medium\.com$/.test(url.hostname) || !!doc.querySelector('meta[property="al:ios:app_name"][content="Medium"], meta[property="og:site_name"][content="Medium"]'),
  extract(ctx) {
    const article = ctx.doc.querySelector('article');
    // The whole article: a story is split into several <section>s.
    const content = article ?? null;
    return [articleDraft(ctx, 'blog', { content, root: article })];
  },
};
