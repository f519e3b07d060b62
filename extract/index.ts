/**
 * Public API of the extraction module. Reads the DOM only: nothing is sent anywhere.
 * Both functions never throw: a page they do not understand still yields a mention with warnings.
 */
import type { Mention } from '../domain/mention';
import { dmCapture, type DmRangeInfo } from './dm-range';
import { finish, minimal } from './draft';
import { pageMeta } from './meta/page';
import { generic } from './platforms/generic';
import { isPrivateConversation } from './platforms/platforms';
import { readConversation } from './platforms/x-dm';
import { pickExtractor } from './registry';
import { choose } from './select';
import { threadSnapshot } from './thread';
import type { CaptureRequest, Ctx, Draft, Extractor, Found } from './types';

export type { CaptureRequest } from './types';
export type { DmRangeInfo } from './dm-range';

/** Why a private conversation was not read: the agent has not switched the capture of direct messages on. */
export const DM_OFF = 'direct messages are not captured: switch this on in the options first';

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
  const ctx: Ctx = { doc, url, now: req.now ?? new Date() };
  const ext = pickExtractor(ctx);
  let found: Found[] = [];
  try {
    found = ext.extract(ctx);
  } catch {
    found = [];
  }
  // A platform page the extractor could not read is still a page: read it as an article. Never a
  // private conversation's page (the inbox lists previews of messages).
  if (found.length === 0 && ext !== generic && !isPrivateConversation(url)) {
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

/** A private conversation the agent has not allowed to be read: true before anything is read. */
function refused(req: CaptureRequest): boolean {
  if (req.readPrivate) return false;
  try {
    return isPrivateConversation(new URL(req.url));
  } catch {
    return false;
  }
}

/** The one mention the agent means (pointer, link, selection, URL, viewport — in that order). */
export function extractMention(doc: Document, req: CaptureRequest): Mention {
  return readMention(doc, req, () => {});
}

/** extractMention, telling `onPick` the element of the post or comment it read. */
function readMention(doc: Document, req: CaptureRequest, onPick: (el: Element | null) => void): Mention {
  const now = req.now ?? new Date();
  // Not even the page's title: on X it names the person the agent is writing with.
  if (refused(req)) return minimal(req.url, null, now, DM_OFF);
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
  // A post whose extractor read its own context (a review's reply) keeps that, not the page's comments.
  if (m.kind !== 'post' || req.linkUrl || m.thread) return m;
  try {
    const thread = threadSnapshot(page.found, m.url, page.ctx.url.href);
    return thread ? { ...m, thread } : m;
  } catch {
    // The capture of the post matters more than its comments: keep it, and say what is missing.
    return { ...m, warnings: [...m.warnings, 'the comments under the post could not be read'] };
  }
}

/** What one capture holds: a mention, and for a conversation the rest of the chosen range. */
export type CaptureRead =
  { refused: true } | { refused: false; mention: Mention; also: Mention[]; dm: DmRangeInfo | null };

/**
 * The capture the agent asked for. On a private conversation, nothing is read unless the agent
 * allowed it (`refused`); when allowed, the customer's messages in the chosen range (dm-range.ts).
 * Anywhere else, `extractMention`.
 */
export function extractCapture(
  doc: Document,
  req: CaptureRequest,
  /**
   * Told the element the mention was read from (never called for a conversation, nor when the
   * mention is the page's as a whole): the capture script reports that element's box, to which
   * the evidence image is cut.
   */
  onElement: (el: Element | null) => void = () => {},
): CaptureRead {
  if (refused(req)) return { refused: true };
  const now = req.now ?? new Date();
  let url: URL | null = null;
  try {
    url = new URL(req.url);
  } catch {
    url = null;
  }
  if (url && isPrivateConversation(url)) {
    try {
      const ctx: Ctx = { doc, url, now };
      const conv = readConversation(ctx);
      const got = conv && dmCapture(conv, req, (d) => finish(d, url.href, null, now));
      if (got) return { refused: false, ...got };
    } catch {
      // Read as no conversation: the agent gets the warning below, not a crash.
    }
    const none = minimal(url.href, null, now, 'no message from the customer found in this conversation');
    return { refused: false, mention: { ...none, platform: 'x', kind: 'dm' }, also: [], dm: null };
  }
  return { refused: false, mention: readMention(doc, req, onElement), also: [], dm: null };
}

/** Every post and comment on the page, main post first (`npm run extract -- --all`). */
export function extractAll(doc: Document, req: CaptureRequest): Mention[] {
  const now = req.now ?? new Date();
  if (refused(req)) return [extractMention(doc, req)];
  try {
    const page = readPage(doc, req);
    if (!page || page.found.length === 0) return [extractMention(doc, req)];
    return page.found.map((f) => finish(f.draft, page.ctx.url.href, page.title, now));
  } catch {
    return [extractMention(doc, req)];
  }
}
