import { browser } from 'wxt/browser';
import { EARLY_OPEN_KEY, tabNamedBy, type EarlyOpen } from '../../capture/popup-opening';
import { openCapture, type Opened } from './load-capture';

/** The tab the popup captures, and its first read (null when there is no tab to read). */
export interface Opening {
  tabId: number | null;
  opened: Promise<Opened> | null;
}

/** The tab to capture: the one the popup's address names (capture/popup-opening.ts), else the active tab. */
export async function resolveTabId(search: string): Promise<number | null> {
  const named = tabNamedBy(search);
  if (named !== null) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * The popup's first read: the first thing the popup's script does. The background has usually
 * read the tab already, when the browser asked it for popup.html (background/early-open.ts), and
 * left the result in storage.session; otherwise capture/open asks it (and waits for a read under way).
 */
export function startOpening(search: string): Promise<Opening> {
  return resolveTabId(search).then((tabId) => ({
    tabId,
    opened: tabId === null ? null : earlyOpen(tabId).then((early) => early ?? openCapture(tabId)),
  }));
}

/** The read the background finished for this very popup (taken once), or null. */
async function earlyOpen(tabId: number): Promise<Opened | null> {
  const got = await browser.storage.session.get(EARLY_OPEN_KEY).catch(() => ({}) as Record<string, unknown>);
  const early = got[EARLY_OPEN_KEY] as EarlyOpen | undefined;
  if (!early) return null;
  void browser.storage.session.remove(EARLY_OPEN_KEY).catch(() => {});
  // Started for this page's own navigation: the background saw it after this page's time origin
  // (a copy left by an earlier popup is older).
  return early.tabId === tabId && early.at >= performance.timeOrigin - 50 ? early.opened : null;
}
