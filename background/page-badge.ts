import { browser } from 'wxt/browser';
import { liveQuery, type Subscription } from 'dexie';
import type { CaptureDb } from '../storage/db';
import { linkedCases } from '../storage/linked-cases';
import { authorKeysFromUrl } from '../domain/page-authors';
import { waitingCounts } from '../sync/requeue';
import { afterStart } from './after-start';

/**
 * The toolbar badge, agreed with the sync module: its TEXT is how many cases are linked to the
 * page in the active tab (same post, author or thread, as the side panel shows), set per tab; its
 * COLOUR stays the sync module's (red when a case needs attention); its TITLE says both counts,
 * "2 cases linked to this page · 3 waiting to sync".
 *
 * A live query follows the database: a capture, an import or a purge updates the count at once.
 */
export function startPageBadge(db: CaptureDb): void {
  let sub: Subscription | undefined;
  const follow = (tabId: number, url: string | undefined) => {
    sub?.unsubscribe();
    if (!url || !/^https?:/.test(url)) {
      void toolbar()
        ?.setBadgeText({ tabId, text: '' })
        .catch(() => {});
      void toolbar()
        ?.setTitle({ tabId, title: browser.i18n.getMessage('actionTitle') })
        .catch(() => {});
      return;
    }
    sub = liveQuery(() => Promise.all([linkedCases(db, url, authorKeysFromUrl(url)), waitingCounts(db)])).subscribe({
      next: ([linked, { waiting }]) => {
        void toolbar()
          ?.setBadgeText({ tabId, text: badgeText(linked.length) })
          .catch(() => {});
        void toolbar()
          ?.setTitle({ tabId, title: browser.i18n.getMessage('badgeTitle', [String(linked.length), String(waiting)]) })
          .catch(() => {});
      },
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
  afterStart(refresh);
}

type Action = Pick<typeof browser.action, 'setBadgeText' | 'setTitle'>;
/** Chrome MV3's `action`, Firefox MV2's `browserAction`. */
const toolbar = (): Action | undefined =>
  browser.action ?? (browser as unknown as { browserAction?: Action }).browserAction;

/** "" for none (no badge), the count up to 99, then "99+". */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}
