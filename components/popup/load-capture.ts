import { browser } from 'wxt/browser';
import { send } from '../../messaging/client';
import type { CaseSummary } from '../../domain/case-summary';
import type { Mention } from '../../domain/mention';
import type { ResponseOf } from '../../messaging/protocol';

/** What the popup opens on (messaging/protocol.ts, `capture/open`). */
export type Opened = ResponseOf<'capture/open'>;

/**
 * What the popup reviews, in one round trip to the background: the capture the context menu or
 * shortcut just made for this tab, or else a fresh read of the tab (`fresh`: always read again),
 * the case already holding that post, whether the brand's own account wrote it, and the
 * categories' default owners. Everything else waits until the form shows.
 */
export function openCapture(tabId: number, fresh = false, dmLast?: number): Promise<Opened> {
  return send('capture/open', { tabId, fresh, ...(dmLast ? { dmLast } : {}) });
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
