/**
 * Public API of the extraction module. Reads the DOM only: nothing is sent anywhere.
 * Both functions never throw: a page they do not understand still yields a mention with warnings.
 */
import type { Mention } from '../domain/mention';
import { finish, minimal } from './draft';
import { pageMeta } from './meta/page';
import { generic } from './platforms/generic';
import { pickExtractor } from './registry';
import { choose } from './select';
import { threadSnapshot } from './thread';
import type { CaptureRequest, Ctx, Draft, Extractor, Found } from './types';

export type { CaptureRequest } from './types';

/** One read of a page: its extractor and everything it found, before a mention is chosen. */
interface PageRead {
  ctx: Ctx;
  ext: Extractor;
  found: Found[];
  title: string | null;
  now: Date;
}

function readPage(doc: Document, req: CaptureRequest): PageRead | null {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return null;
  }
  const ctx: Ctx = { doc, url };
  const ext = pickExtractor(ctx);
  let found: Found[] = [];
  try {
    found = ext.extract(ctx);
  } catch {
    found = [];
  }
  // A platform page the extractor could not read is still a page: read it as an article.
  if (found.length === 0 && ext !== generic) {
    try {
      found = generic.extract(ctx);
    } catch {
      found = [];
    }
  }
  const title = safeTitle(doc);
  return { ctx, ext, found, title, now: req.now ?? new Date() };
}

function safeTitle(doc: Document): string | null {
  try {
    return pageMeta(doc).ogTitle ?? pageMeta(doc).title;
  } catch {
    return null;
  }
}

/** The one mention the agent means (pointer, link, selection, URL, viewport — in that order). */
export function extractMention(doc: Document, req: CaptureRequest): Mention {
  return extractCapture(doc, req).mention;
}

/**
 * extractMention, and the element the mention was read from (null when it came from the page as
 * a whole, a selection outside any post, or a linked post not on the page): the capture script
 * reports that element's box, to which the evidence image is cut.
 */
export function extractCapture(doc: Document, req: CaptureRequest): { mention: Mention; element: Element | null } {
  let element: Element | null = null;
  const mention = readMention(doc, req, (el) => (element = el));
  return { mention, element };
}

function readMention(doc: Document, req: CaptureRequest, onPick: (el: Element | null) => void): Mention {
  const now = req.now ?? new Date();
  try {
    const page = readPage(doc, req);
    if (!page)
      return minimal(
        'https://invalid.invalid/',
        safeTitle(doc),
        now,
        'page address could not be read',
        req.selection ?? '',
      );
    const toMention = (d: Draft) => finish(d, page.ctx.url.href, page.title, now);
    const m = choose(page.ctx, page.ext, page.found, req, toMention, page.title, now, onPick);
    return withThread(m, page, req);
  } catch (e) {
    onPick(null);
    const title = safeTitle(doc);
    return minimal(
      req.url,
      title,
      now,
      `extraction failed (${e instanceof Error ? e.message.slice(0, 80) : 'unknown error'})`,
      req.selection ?? '',
    );
  }
}

/**
 * A post captured from its own page keeps the page's comments as its thread: the evidence of how
 * a complaint spread. Not for a comment, nor for a link capture (the comments here are not under
 * the linked post). A timeline's posts are not comments, so a tweet captured there gets no thread.
 */
function withThread(m: Mention, page: PageRead, req: CaptureRequest): Mention {
  if (m.kind !== 'post' || req.linkUrl) return m;
  try {
    const thread = threadSnapshot(page.found, m.url, page.ctx.url.href);
    return thread ? { ...m, thread } : m;
  } catch {
    // The capture of the post matters more than its comments: keep it, and say what is missing.
    return { ...m, warnings: [...m.warnings, 'the comments under the post could not be read'] };
  }
}

/** Every post and comment on the page, main post first (`npm run extract -- --all`). */
export function extractAll(doc: Document, req: CaptureRequest): Mention[] {
  const now = req.now ?? new Date();
  try {
    const page = readPage(doc, req);
    if (!page || page.found.length === 0) return [extractMention(doc, req)];
    return page.found.map((f) => finish(f.draft, page.ctx.url.href, page.title, now));
  } catch {
    return [extractMention(doc, req)];
  }
}
