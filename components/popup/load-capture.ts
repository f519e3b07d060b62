import { browser } from 'wxt/browser';
import { send } from '../../messaging/client';
import type { CaseSummary } from '../../domain/case-summary';
import type { Mention } from '../../domain/mention';
import type { DmRange } from '../../capture/outcome';

export interface Opened {
  mention: Mention;
  /** The case already holding this post: a post is never stored twice. */
  duplicate: CaseSummary | null;
  /** A conversation's other messages in the range, oldest first. */
  also?: Mention[];
  /** How a conversation's range came out. */
  dm?: DmRange | null;
  /** A private conversation while direct messages are off: nothing was read. */
  refused?: 'dm-off' | null;
  /** The capture's evidence: asked for once the form shows, named when saving. */
  evidenceId?: string | null;
}

/**
 * What the popup reviews, in one round trip to the background: the capture the context menu or
 * shortcut just made for this tab, or else a fresh read of the tab (`fresh`: always read again),
 * and the case already holding that post. Everything else waits until the form shows.
 */
export async function openCapture(tabId: number, fresh = false, dmLast?: number): Promise<Opened> {
  const { mention, duplicate, also, dm, refused, evidenceId } = await send('capture/open', {
    tabId,
    fresh,
    ...(dmLast ? { dmLast } : {}),
  });
  return { mention, duplicate, also, dm, refused, evidenceId };
}

/** The same customer's earlier cases, to attach the capture to; not needed for the first paint. */
export async function authorCases(mention: Mention): Promise<CaseSummary[]> {
  return (await send('capture/author-cases', { mention })).cases;
}

/** The capture shortcut as the browser has it bound (the agent may have changed it), or null. */
export async function captureShortcut(): Promise<string | null> {
  const all = await browser.commands?.getAll().catch(() => []);
  return all?.find((c) => c.name === 'capture-in-view')?.shortcut || null;
}
