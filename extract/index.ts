import { emptyAuthor, emptyMetrics, type Mention } from '../domain/mention';

/** What the capture script knows about what the agent asked for. */
export interface CaptureRequest {
  /** The page's address (location.href). */
  url: string;
  /** The text the agent selected, if any: it becomes the mention's text. */
  selection?: string | null;
  /** The element under the pointer (context menu), if known. */
  target?: Element | null;
  /** Context menu on a link: capture the post that link points to, as seen on this page. */
  linkUrl?: string | null;
  now?: Date;
}

// PLACEHOLDER until the extraction module lands: reads URL, title and selection only.
export function extractMention(doc: Document, req: CaptureRequest): Mention {
  const title = doc.title.trim() || null;
  return {
    platform: 'web',
    kind: 'post',
    url: req.url,
    postId: null,
    author: emptyAuthor(),
    text: req.selection?.trim() || '',
    title,
    publishedAt: null,
    language: null,
    parentUrl: null,
    metrics: emptyMetrics(),
    quoted: null,
    warnings: ['author not found'],
    capturedAt: (req.now ?? new Date()).toISOString(),
  };
}

export function extractAll(doc: Document, req: CaptureRequest): Mention[] {
  return [extractMention(doc, req)];
}
