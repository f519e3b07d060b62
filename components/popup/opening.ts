import { browser } from 'wxt/browser';
import { tabNamedBy } from '../../capture/popup-address';
import { openCapture, type Opened } from './load-capture';

/** The tab the popup captures, and its first read (null when there is no tab to read). */
export interface Opening {
  tabId: number | null;
  opened: Promise<Opened> | null;
}

/** The tab to capture: the one the popup's address names (capture/popup-address.ts), else the active tab. */
export async function resolveTabId(search: string): Promise<number | null> {
  const named = tabNamedBy(search);
  if (named !== null) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * Asks the background for the popup's first read: the first thing the popup's script does, so the
 * answer travels while the rest of the popup starts (the background has usually read the tab
 * already, see background/early-open.ts).
 */
export function startOpening(search: string): Promise<Opening> {
  return resolveTabId(search).then((tabId) => ({ tabId, opened: tabId === null ? null : openCapture(tabId) }));
}
