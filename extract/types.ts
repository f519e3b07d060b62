/** Types shared by the registry and the platform extractors. */
import type { Author, Mention, MentionKind, Metrics, Platform } from '../domain/mention';
import type { Thread } from '../domain/thread';

/** A mention before it is checked: capturedAt and language are filled by finish(). */
export interface Draft {
  platform: Platform;
  kind: MentionKind;
  url: string | null;
  postId: string | null;
  author: Author;
  text: string;
  title: string | null;
  publishedAt: string | null;
  /** Raw lang attribute or tag ("en-US"); reduced to a primary tag later. */
  language: string | null;
  parentUrl: string | null;
  metrics: Metrics;
  quoted: Mention['quoted'];
  warnings: string[];
  /**
   * Context the extractor read with this post itself (a company's reply under a review, the brand's
   * side of a conversation): kept as the mention's thread instead of the page's comments.
   */
  thread?: Thread;
}

/** One post or comment found on the page, with the element it occupies (for target/selection). */
export interface Found {
  /** May be a lazy getter: on a 1,000-post page only the chosen post is read in full. */
  readonly draft: Draft;
  el: Element | null;
  /** Permalink, when the extractor can read it without building the draft (may be a getter). */
  readonly key?: string | null;
  /**
   * Post or comment, when known without building the draft: the thread snapshot of a captured
   * post takes the page's comments, and must not build 1,000 tweet drafts to learn they are not.
   */
  readonly kind?: Draft['kind'];
  /** The comment's fields as the thread snapshot needs them, read without building a draft (blog comment lists). */
  readonly brief?: () => CommentFields;
}

/** A Found whose draft is built on first use (and then kept). */
export function lazyFound(
  el: Element | null,
  key: string | null | (() => string | null),
  build: () => Draft,
  kind?: Draft['kind'],
  brief?: () => CommentFields,
): Found {
  let d: Draft | undefined;
  let k: string | null | undefined = typeof key === 'function' ? undefined : key;
  return {
    el,
    kind,
    brief,
    get key() {
      return k !== undefined ? k : (k = (key as () => string | null)());
    },
    get draft() {
      return (d ??= build());
    },
  };
}

export interface Ctx {
  doc: Document;
  url: URL;
  /** When the capture runs: pages that say "2h" or "Yesterday" are dated from it. */
  now: Date;
}

export interface Extractor {
  id: string;
  /** Cheap first pick by address; `null` means "any address, decide from the DOM". */
  matchesUrl: ((url: URL) => boolean) | null;
  /** Confirms from the DOM that this page is what the extractor understands. */
  detect: (ctx: Ctx) => boolean;
  /** Every post and comment on the page, main post first. Empty = not understood. */
  extract: (ctx: Ctx) => Found[];
  /** The mention the agent means when nothing was pointed at or selected; default: the first. */
  primary?: (found: Found[], ctx: Ctx) => Found | undefined;
}

/** What the capture script knows about what the agent asked for. */
export interface CaptureRequest {
  /** The page's address (location.href). */
  url: string;
  /** The text the agent selected, if any: it becomes the mention's text. */
  selection?: string | null;
  /** The node where the selection starts (live Selection's anchorNode), when the browser has one. */
  selectionNode?: Node | null;
  /** The element under the pointer (context menu), if known. */
  target?: Element | null;
  /** Context menu on a link: capture the post that link points to, as seen on this page. */
  linkUrl?: string | null;
  now?: Date;
  /**
   * The agent switched on the capture of direct messages. Without it a private conversation is
   * never read: the capture stops before any extractor looks at the page.
   */
  readPrivate?: boolean;
  /** A conversation captured with nothing pointed at: the customer's last this many messages (default 1). */
  dmLast?: number;
}

/** One comment as read from the page; URLs already absolute http(s) (or null). */
export interface CommentFields {
  id: string | null;
  url: string | null;
  parentUrl: string | null;
  name: string | null;
  handle?: string | null;
  profileUrl: string | null;
  publishedAt: string | null;
  text: string;
  /** The comment's language attribute, looked up only when a draft needs it. */
  lang: () => string | null;
}
