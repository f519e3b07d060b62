/**
 * Microformats h-entry (IndieWeb blogs) and the older hAtom .hentry: p-author/h-card, dt-published,
 * e-content, p-name. Nested h-entry/h-cite inside an entry are its comments (u-comment).
 */
import { looseDate } from '../dom/comments';
import { newDraft } from '../draft';
import { textOf } from '../dom/text';
import { httpUrl } from '../dom/url';
import type { Ctx, Extractor, Found } from '../types';
import { articleDraft } from './generic';

function entry(el: Element, ctx: Ctx, kind: 'post' | 'comment', parentUrl: string | null): Found {
  const own = (sel: string) =>
    Array.from(el.querySelectorAll(sel)).find((e) => e.parentElement?.closest('.h-entry, .h-cite, .hentry') === el) ??
    null;
  const d = newDraft('blog', kind);
  const author = own('.p-author, .author');
  const name = author?.querySelector('.p-name, .fn') ?? author;
  d.author.name = name ? textOf(name, { inline: true }) : null;
  d.author.profileUrl = httpUrl(
    (author?.matches('a') ? author : author?.querySelector('.u-url, a'))?.getAttribute('href'),
    ctx.url.href,
  );
  const t = own('.dt-published, .published, time[datetime]');
  d.publishedAt = looseDate(
    t?.getAttribute('datetime') ?? t?.getAttribute('title') ?? t?.getAttribute('value') ?? t?.textContent,
  );
  const body = own('.e-content, .entry-content, .p-summary');
  const nested = (e: Element) => e !== el && e.matches('.h-entry, .h-cite, .hentry, .u-comment');
  d.text = textOf(body ?? el, { skip: nested });
  const title = own('.p-name, .entry-title');
  d.title = kind === 'post' && title && title !== body ? textOf(title, { inline: true }) : null;
  d.url =
    httpUrl(own('.u-url, .u-uid, a[rel="bookmark"]')?.getAttribute('href'), ctx.url.href) ??
    (kind === 'post' ? ctx.url.href : null);
  d.parentUrl = parentUrl;
  d.language = el.closest('[lang]')?.getAttribute('lang') ?? null;
  return { draft: d, el };
}

export const hentry: Extractor = {
  id: 'hentry',
  matchesUrl: null,
  detect: ({ doc }) => !!doc.querySelector('.h-entry .e-content, .h-entry .p-author, .hentry .entry-content'),
  extract(ctx) {
    const all = Array.from(ctx.doc.querySelectorAll('.h-entry, .hentry'));
    const top = all.filter((e) => !e.parentElement?.closest('.h-entry, .hentry'));
    if (top.length !== 1) return [articleDraft(ctx, 'blog')];
    const post = entry(top[0]!, ctx, 'post', null);
    if (!post.draft.author.name)
      post.draft.author.name = articleDraft(ctx, 'blog', { content: null }).draft.author.name;
    const comments = Array.from(top[0]!.querySelectorAll('.h-cite, .u-comment.h-entry, .h-entry .h-entry')).map((c) =>
      entry(c, ctx, 'comment', post.draft.url),
    );
    return [post, ...comments];
  },
};
