import { browser } from 'wxt/browser';
import { tabNamedBy } from '../../capture/popup-address';
import { openCapture, type Opened } from './load-capture';

/** The tab the popup captures, and its first read (null when there is no tab to read). */
export interface Opening {
  tabId: number | null;
  opened: Promise<Opened> | null;
}

declare global {
  /** Set by /popup-opening.js, the classic script in popup.html's head (see startOpening). */
  var __complaintCaptureOpening: Promise<Opening> | undefined;
}

/** The tab to capture: the one the popup's address names (capture/popup-address.ts), else the active tab. */
export async function resolveTabId(search: string): Promise<number | null> {
  const named = tabNamedBy(search);
  if (named !== null) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * Asks the background for the popup's first read. /popup-opening.js calls this from popup.html's
 * head, while the page is still parsing: the answer then travels while the popup's modules load
 * instead of after (the background has usually read the tab by then, see background/early-open.ts).
 */
export function startOpening(search: string): Promise<Opening> {
  return resolveTabId(search).then((tabId) => ({ tabId, opened: tabId === null ? null : openCapture(tabId) }));
}

/** The opening the head script started (taken once), or one started now if it did not run. */
export function takeOpening(search: string): Promise<Opening> {
  const started = globalThis.__complaintCaptureOpening;
  globalThis.__complaintCaptureOpening = undefined;
  return started ?? startOpening(search);
}
