/**
 * Which of a conversation's messages a capture holds: the message the agent pointed at or
 * selected, else the customer's last N. Only the customer's messages become mentions; the brand's
 * messages among and right after them are kept as the exchange's context (the newest mention's
 * thread), never as complaints. Only messages the page has loaded can be read: the capture says
 * when the agent asked for more.
 */
import type { Mention } from '../domain/mention';
import type { ThreadComment } from '../domain/thread';
import { cleanHandle, cleanLine, normaliseText } from './dom/normalise';
import { THREAD_COMMENT_MAX_CHARS } from '../domain/thread-limits';
import { DM_MAX_RANGE } from './dm-limits';
import { dmDraft, type Conversation, type DmMessage } from './platforms/x-dm';
import type { CaptureRequest, Draft } from './types';

export interface DmRangeInfo {
  /** The N of "the last N messages from the customer"; null when the agent pointed at one message. */
  requested: number | null;
  /** How many of the customer's messages the page has loaded. */
  customerLoaded: number;
  /** The agent asked for more messages than the page has loaded. */
  pastLoaded: boolean;
}

export interface DmCaptureResult {
  /** The newest message of the range, carrying the exchange as its thread. */
  mention: Mention;
  /** The range's other messages of the customer, oldest first. */
  also: Mention[];
  dm: DmRangeInfo;
}

function messageAt(conv: Conversation, node: Node | null | undefined): DmMessage | undefined {
  if (!node) return undefined;
  return conv.messages.find((m) => m.el === node || m.el.contains(node));
}

/** Where the agent's live selection starts, when they selected text (the capture script passes no node). */
function selectionAnchor(conv: Conversation, req: CaptureRequest): Node | null {
  if (!req.selection?.trim()) return null;
  try {
    return conv.messages[0]?.el.ownerDocument?.defaultView?.getSelection?.()?.anchorNode ?? null;
  } catch {
    return null;
  }
}

function contextComment(m: DmMessage, conv: Conversation): ThreadComment {
  const who = m.side === 'customer' ? conv.customer : conv.brand;
  return {
    id: m.id,
    url: conv.url,
    replyTo: null,
    author: { name: cleanLine(who.name, 300), handle: cleanHandle(who.handle), profileUrl: who.profileUrl },
    text: normaliseText(m.text).slice(0, THREAD_COMMENT_MAX_CHARS),
    publishedAt: m.publishedAt,
  };
}

/**
 * The capture of a conversation, or null when the page shows none. `toMention` finishes a draft
 * as extract/index.ts does for every mention.
 */
export function dmCapture(
  conv: Conversation,
  req: CaptureRequest,
  toMention: (d: Draft) => Mention,
): DmCaptureResult | null {
  const customer = conv.messages.filter((m) => m.side === 'customer');
  const warnings: string[] = [];
  const pointed = messageAt(conv, req.target) ?? messageAt(conv, req.selectionNode ?? selectionAnchor(conv, req));
  let range: DmMessage[];
  let requested: number | null = null;
  if (pointed?.side === 'customer') range = [pointed];
  else {
    if (pointed)
      warnings.push('the message under the pointer is your own — the customer’s latest message was captured');
    requested = Math.min(Math.max(1, Math.floor(req.dmLast ?? 1)), DM_MAX_RANGE);
    range = customer.slice(-requested);
  }
  const newest = range.at(-1);
  if (!newest) return null;
  // The exchange: every message from the first captured to the last, and the brand's answer after it.
  const first = conv.messages.indexOf(range[0]!);
  let last = conv.messages.indexOf(newest);
  while (conv.messages[last + 1]?.side === 'brand') last++;
  const exchange = conv.messages.slice(first, last + 1);
  const selection = req.selection?.trim() ? req.selection.trim() : null;
  const mentions = range.map((m) => {
    const d = dmDraft(m, conv);
    // A selection inside the one pointed message is what the agent means by it.
    if (selection && pointed === m && m.text.includes(selection)) d.text = selection;
    return d;
  });
  const top = mentions.at(-1)!;
  top.warnings.push(...warnings);
  top.thread = {
    comments: exchange.map((m) => contextComment(m, conv)),
    found: exchange.length,
    truncated: false,
  };
  const done = mentions.map(toMention);
  return {
    mention: done.at(-1)!,
    also: done.slice(0, -1),
    dm: { requested, customerLoaded: customer.length, pastLoaded: requested !== null && requested > customer.length },
  };
}
