import { browser } from 'wxt/browser';
import type { ResponseOf } from '../messaging/protocol';
import { EARLY_OPEN_KEY, tabNamedBy, type EarlyOpen } from '../capture/popup-opening';
import { hasPendingCapture } from './pending-capture';

type Opened = ResponseOf<'capture/open'>;

/**
 * The toolbar popup's read, started when the browser asks this worker for popup.html instead of
 * when the popup's script has loaded and sends `capture/open` (~40 ms later here): reading the tab
 * (injection, extraction, the duplicate check) then runs while the popup's page loads.
 *
 * - Done before the popup asks: it waits in storage.session, which the popup reads without a round
 *   trip through this worker (~2 ms here, 10 and more under load, while this worker answers).
 * - Still under way: the popup's capture/open waits for it.
 *
 * Chrome's extension service worker controls the extension's own pages, so the popup's navigation
 * is a fetch event here; the listener only looks, it never answers, and the page loads as before.
 * Static routes (set at install) send every other request of the extension's pages straight to its
 * files, so no other page waits for this worker. Firefox's MV2 background is a page: no fetch
 * events there, and the popup reads as before.
 */

/** An early read is for the popup that just asked for popup.html: it asks within ~100 ms. */
const KEEP_MS = 5_000;
/** Everything but the popup's own navigation bypasses this worker. */
const ROUTES = [
  { condition: { not: { requestMode: 'navigate', urlPattern: { pathname: '/popup.html' } } }, source: 'network' },
];

let early: { at: number; tabId: Promise<number | null>; opened: Promise<Opened | null> } | null = null;

/**
 * Starts the read for a popup at `url`: of the tab its address names, else the active tab of the
 * window it opens in. Not when that tab has a capture pending (the context menu or shortcut read it
 * already: the popup takes that one). `open` is the capture/open handler's fresh read.
 */
export function startEarlyOpen(url: string, open: (tabId: number) => Promise<Opened>, now = Date.now()): void {
  const named = tabNamedBy(new URL(url).search);
  const tabId =
    named !== null
      ? Promise.resolve(named)
      : browser.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => tab?.id ?? null);
  const opened = tabId
    .then(async (id) => (id === null || (await hasPendingCapture(id)) ? null : open(id)))
    .catch(() => null);
  const slot = { at: now, tabId: tabId.catch(() => null), opened };
  early = slot;
  void opened.then(async (found) => {
    const id = await slot.tabId;
    // Not when capture/open has taken it already (a copy left behind anyway is refused by its time).
    if (!found || id === null || early !== slot) return;
    const stored: EarlyOpen = { tabId: id, at: now, opened: found };
    await browser.storage.session.set({ [EARLY_OPEN_KEY]: stored }).catch(() => {});
  });
}

/** The early read for `tabId` if one was started for it just now (taken once), else null. */
export async function takeEarlyOpen(tabId: number, now = Date.now()): Promise<Opened | null> {
  const e = early;
  early = null;
  void browser.storage.session.remove(EARLY_OPEN_KEY).catch(() => {});
  if (!e || now - e.at > KEEP_MS || (await e.tabId) !== tabId) return null;
  return e.opened;
}

interface FetchEvent {
  request: { url: string; mode: string };
}
interface InstallEvent {
  addRoutes?: (rules: typeof ROUTES) => Promise<void>;
}

/** Registers the listeners (synchronously, at the worker's start) in Chrome's service worker only. */
export function listenForPopupOpen(open: (tabId: number) => Promise<Opened>): void {
  if (typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope === 'undefined') return;
  const sw = globalThis as unknown as {
    addEventListener(type: 'install', fn: (e: InstallEvent) => void): void;
    addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  };
  // Routes can only be set while a version installs; a browser without them sends every request
  // through the listener below, which lets all but the popup's navigation pass untouched.
  sw.addEventListener('install', (e) => void e.addRoutes?.(ROUTES).catch(() => {}));
  sw.addEventListener('fetch', (e) => {
    if (e.request.mode === 'navigate' && new URL(e.request.url).pathname === '/popup.html')
      startEarlyOpen(e.request.url, open);
  });
}
