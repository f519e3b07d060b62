import { browser } from 'wxt/browser';
import type { CaptureResult } from './capture-tab';

/** A pending capture older than this is stale: the agent opening the popup later wants a fresh read. */
const FRESH_MS = 5 * 60_000;
const key = (tabId: number) => `pendingCapture:${tabId}`;
/** Captures still being read, so a popup that opens first waits for them instead of reading the tab again. */
const inflight = new Map<number, Promise<unknown>>();

/**
 * The context menu and the shortcut read the page first (the right-clicked comment is only known
 * at that moment), then open the review; the popup picks the capture up here instead of reading
 * the tab again. Kept in storage.session: gone when the browser closes.
 */
export function trackPendingCapture(tabId: number, read: Promise<CaptureResult>): Promise<CaptureResult> {
  const stored = read.then(async (result) => {
    await browser.storage.session.set({ [key(tabId)]: { result, at: Date.now() } });
    return result;
  });
  inflight.set(tabId, stored);
  void stored.catch(() => {}).finally(() => inflight.get(tabId) === stored && inflight.delete(tabId));
  return stored;
}

/** Whether the tab has a capture pending or still being read (the popup then takes that one). */
export async function hasPendingCapture(tabId: number): Promise<boolean> {
  if (inflight.has(tabId)) return true;
  const k = key(tabId);
  return (await browser.storage.session.get(k))[k] !== undefined;
}

/** Takes (and removes) the tab's pending capture, waiting for one still being read. */
export async function takePendingCapture(tabId: number, now = Date.now()): Promise<CaptureResult | null> {
  await inflight.get(tabId)?.catch(() => null);
  const k = key(tabId);
  const stored = (await browser.storage.session.get(k))[k] as { result: CaptureResult; at: number } | undefined;
  if (!stored) return null;
  await browser.storage.session.remove(k);
  return now - stored.at < FRESH_MS ? stored.result : null;
}
