import { browser } from 'wxt/browser';
import { send } from '../../messaging/client';
import type { CaseSummary } from '../../domain/case-summary';
import type { Mention } from '../../domain/mention';

export interface Loaded {
  mention: Mention;
  /** The case already holding this post (issue 5: no duplicates). */
  duplicate: CaseSummary | null;
  /** The same customer's earlier cases, to attach the capture to. */
  authorCases: CaseSummary[];
}

/**
 * What the popup reviews: the capture the context menu or shortcut just made for this tab, or
 * else a fresh read of the tab; then what is already stored about that post and its author.
 */
export async function loadCapture(tabId: number, fresh = false): Promise<Loaded> {
  const pending = fresh ? null : await send('capture/pending', { tabId });
  const { mention } = pending ?? (await send('capture/tab', { tabId, options: {} }));
  return { mention, ...(await send('capture/check', { mention })) };
}

/** The capture shortcut as the browser has it bound (the agent may have changed it), or null. */
export async function captureShortcut(): Promise<string | null> {
  const all = await browser.commands?.getAll().catch(() => []);
  return all?.find((c) => c.name === 'capture-in-view')?.shortcut || null;
}
