/** Building drafts and turning them into schema-valid mentions, whatever the page held. */
// Types only from domain/mention: its values would pull zod into the in-page bundle (see mention-check.ts).
import { emptyAuthor, emptyMetrics } from '../domain/empty-mention';
import type { Author, Mention, MentionKind, Platform } from '../domain/mention';
import { isPlaceholderText } from '../domain/field-rules';
import { capText, cleanHandle, cleanLine, normaliseText } from './dom/normalise';
import { httpUrl, toIso } from './dom/url';
import { detectLanguage, primaryTag } from './language';
import { mentionIssue } from './mention-check';
import { platformById } from './platforms/platforms';
import type { Draft } from './types';

export function newDraft(platform: Platform, kind: MentionKind = 'post'): Draft {
  return {
    platform,
    kind,
    url: null,
    postId: null,
    author: emptyAuthor(),
    text: '',
    title: null,
    publishedAt: null,
    language: null,
    parentUrl: null,
    metrics: emptyMetrics(),
    quoted: null,
    warnings: [],
  };
}

export function cleanAuthor(a: Partial<Author>, base?: string): Author {
  return {
    name: cleanLine(a.name ?? null, 300),
    handle: cleanHandle(a.handle ?? null),
    profileUrl: httpUrl(a.profileUrl ?? null, base),
    followers:
      typeof a.followers === 'number' && Number.isSafeInteger(a.followers) && a.followers >= 0 ? a.followers : null,
  };
}

function count(n: number | null): number | null {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/**
 * Normalises a draft into a Mention that passes MentionSchema, adding the warnings the agent
 * needs to see what is missing ("author not found", "publish time not found", "text not found …").
 */
export function finish(d: Draft, pageUrl: string, pageTitle: string | null, now: Date): Mention {
  const warnings = [...d.warnings];
  const url = httpUrl(d.url, pageUrl) ?? httpUrl(pageUrl) ?? 'https://invalid.invalid/';
  if (!httpUrl(pageUrl)) warnings.push('page address is not http(s)');
  const author = cleanAuthor(d.author, pageUrl);
  // "Loading…" on a page whose script has not run is no text (domain/field-rules.ts).
  const read = normaliseText(d.text);
  let text = isPlaceholderText(read) ? '' : read;
  const title = cleanLine(d.title, 1000);
  if (!author.name && !author.handle) warnings.push('author not found');
  const publishedAt = typeof d.publishedAt === 'string' ? toIso(d.publishedAt) : null;
  if (!publishedAt) warnings.push('publish time not found');
  if (!text) {
    // A page-level mention may stand on its title; a tweet or comment without text may not.
    const fallback = platformById[d.platform].pageLevel ? (title ?? cleanLine(pageTitle, 1000)) : null;
    text = fallback ?? '';
    warnings.push(fallback ? 'text not found — the mention holds the page title only' : 'text not found');
  }
  const capped = capText(text);
  if (capped.warning) warnings.push(capped.warning);
  const language = primaryTag(d.language) ?? detectLanguage(capped.text);
  const quoted = d.quoted
    ? {
        url: httpUrl(d.quoted.url, pageUrl),
        author: cleanAuthor(d.quoted.author, pageUrl),
        text: capText(normaliseText(d.quoted.text)).text,
      }
    : null;
  const m: Mention = {
    platform: d.platform,
    kind: d.kind,
    url,
    postId: cleanLine(d.postId, 200),
    author,
    text: capped.text,
    title,
    publishedAt,
    language,
    parentUrl: httpUrl(d.parentUrl, pageUrl),
    metrics: {
      views: count(d.metrics.views),
      likes: count(d.metrics.likes),
      reposts: count(d.metrics.reposts),
      replies: count(d.metrics.replies),
      // Only reviews carry a rating; other mentions keep the four counts they always had.
      ...(typeof d.metrics.rating === 'number' && d.metrics.rating >= 0 && d.metrics.rating <= 5
        ? { rating: Math.round(d.metrics.rating * 100) / 100 }
        : {}),
    },
    quoted,
    warnings: Array.from(new Set(warnings)),
    capturedAt: now.toISOString(),
    // What the extractor kept as the post's own context (a review's reply, a conversation's exchange).
    ...(d.thread ? { thread: d.thread } : {}),
  };
  const issue = mentionIssue(m);
  if (issue === null) return m;
  // Should not happen; if it does, keep what is certainly valid rather than throw in the page.
  return {
    ...m,
    postId: null,
    title: null,
    language: null,
    quoted: null,
    warnings: [...m.warnings, `extraction produced an invalid field (${issue})`],
  };
}

/** Minimal mention for a failure or a link that is not on the page. */
export function minimal(url: string, title: string | null, now: Date, warning: string, text = ''): Mention {
  const d = newDraft('web');
  d.url = url;
  d.title = title;
  d.text = text;
  d.warnings.push(warning);
  return finish(d, url, title, now);
}
