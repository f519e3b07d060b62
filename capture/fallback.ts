import { emptyAuthor, emptyMetrics } from '../domain/empty-mention';
import type { Mention } from '../domain/mention';

/**
 * The mention made when the page itself cannot be read (a browser page, a PDF, a refused
 * injection): the agent still gets a form holding the address and title, and is told why.
 */
export function fallbackMention(url: string, title: string, reason: string, now = new Date()): Mention {
  const safeUrl = /^https?:\/\//i.test(url) && URL.canParse(url) ? url : 'https://unknown.invalid/';
  return {
    platform: 'web',
    kind: 'post',
    url: safeUrl,
    postId: null,
    author: emptyAuthor(),
    text: '',
    title: title.trim() || null,
    publishedAt: null,
    language: null,
    parentUrl: null,
    metrics: emptyMetrics(),
    quoted: null,
    warnings: [
      `The page could not be read (${reason}): only its address and title were kept. Fill in the author and text.`,
      ...(safeUrl === url ? [] : ['The page has no web address: enter the permalink by hand.']),
    ],
    capturedAt: now.toISOString(),
  };
}
