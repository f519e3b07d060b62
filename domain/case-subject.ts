import type { CaseSubject } from './case';
import type { Mention } from './mention';

/** How much of the first mention's text a case keeps for its row and its search words. */
export const SUBJECT_TEXT_CHARS = 1000;

/** The case's first mention in brief (what the queue shows and searches). */
export function subjectOf(
  m: Pick<Mention, 'platform' | 'kind' | 'url' | 'author' | 'text' | 'title' | 'publishedAt' | 'metrics'>,
): CaseSubject {
  return {
    platform: m.platform,
    kind: m.kind,
    url: m.url,
    authorName: m.author.name,
    handle: m.author.handle,
    followers: m.author.followers,
    text: m.text.slice(0, SUBJECT_TEXT_CHARS),
    title: m.title,
    publishedAt: m.publishedAt,
    metrics: {
      views: m.metrics.views,
      likes: m.metrics.likes,
      reposts: m.metrics.reposts,
      replies: m.metrics.replies,
    },
  };
}
