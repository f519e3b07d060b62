import { emptyAuthor, emptyMetrics } from '../domain/empty-mention';
import type { Mention } from '../domain/mention';

/** The warning a fallback mention carries (worded by the popup, components/labels.ts). */
export const UNREADABLE_WARNING = 'page could not be read — only its address and title were kept';

/**
 * The mention made when a web page itself cannot be read (a PDF, a refused injection): the agent
 * still gets a form holding the page's real address and title, and is told why. Only for http(s)
 * pages: anything else is refused before (domain/page-kind.ts), so no permalink is ever made up.
 */
export function fallbackMention(url: string, title: string, now = new Date()): Mention {
  return {
    platform: 'web',
    kind: 'post',
    url,
    postId: null,
    author: emptyAuthor(),
    text: '',
    title: title.trim() || null,
    publishedAt: null,
    language: null,
    parentUrl: null,
    metrics: emptyMetrics(),
    quoted: null,
    warnings: [UNREADABLE_WARNING],
    capturedAt: now.toISOString(),
  };
}
