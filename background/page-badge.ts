import { browser } from 'wxt/browser';
import { liveQuery, type Subscription } from 'dexie';
import type { CaptureDb } from '../storage/db';
import { linkedCases } from '../storage/linked-cases';
import { authorKeysFromUrl } from '../domain/page-authors';

/**
 * The toolbar badge's text: how many cases are linked to the page in the active tab (same post,
 * author or thread, as the side panel shows). Set per tab, so it never hides the sync module's
 * own global badge state (its colour and title say how many cases wait to be synced).
 *
 * A live query follows the database: a capture, an import or a purge updates the count at once.
 */
export function startPageBadge(db: CaptureDb): void {
  let sub: Subscription | undefined;
  const follow = (tabId: number, url: string | undefined) => {
    sub?.unsubscribe();
    if (!url || !/^https?:/.test(url)) {
      void toolbar()?.setBadgeText({ tabId, text: '' }).catch(() => {});
      return;
    }
    sub = liveQuery(() => linkedCases(db, url, authorKeysFromUrl(url))).subscribe({
      next: (linked) => void toolbar()?.setBadgeText({ tabId, text: badgeText(linked.length) }).catch(() => {}),
      error: () => {},
    });
  };
  const refresh = async () => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) follow(tab.id, tab.url);
  };
  browser.tabs.onActivated.addListener(() => void refresh());
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // X is a single-page app: the URL changes without a load.
    if (tab.active && (change.url || change.status === 'complete')) follow(tabId, tab.url);
  });
  browser.windows?.onFocusChanged.addListener(() => void refresh());
  void refresh();
}

type Action = Pick<typeof browser.action, 'setBadgeText'>;
/** Chrome MV3's `action`, Firefox MV2's `browserAction`. */
const toolbar = (): Action | undefined => browser.action ?? (browser as unknown as { browserAction?: Action }).browserAction;

/** "" for none (no badge), the count up to 99, then "99+". */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}
