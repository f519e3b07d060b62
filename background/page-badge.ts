import { browser } from 'wxt/browser';
import { liveQuery, type Subscription } from 'dexie';
import type { CaptureDb } from '../storage/db';
import { linkedCases } from '../storage/linked-cases';
import { overdueCount } from '../storage/queue';
import { readSettings, settingsItem } from '../storage/settings';
import { authorKeysFromUrl } from '../domain/page-authors';
import { waitingCounts } from '../sync/requeue';

/** Overdue depends on the clock as well as on the data: the badge is looked at again every minute. */
const TICK_ALARM = 'badge-overdue';

export const BADGE_COLOURS = { attention: '#b3261e', quiet: '#44546a' } as const;

/**
 * What the badge shows: the overdue count when a case is overdue, else the page's linked cases;
 * red when something needs the agent (a case overdue, or a sync needing attention).
 */
export function badgeFor(linked: number, overdue: number, failed: number): { text: string; colour: string } {
  return {
    text: badgeText(overdue > 0 ? overdue : linked),
    colour: overdue > 0 || failed > 0 ? BADGE_COLOURS.attention : BADGE_COLOURS.quiet,
  };
}

/**
 * The toolbar badge, agreed with the sync module: its TEXT is how many cases are overdue (their
 * first response is past the SLA, in red), else how many are linked to the page in the active tab
 * (same post, author or thread, as the side panel shows), set per tab; its TITLE says every count,
 * "2 overdue · 2 cases linked to this page · 3 waiting to sync".
 *
 * A live query follows the database: a capture, an answer, an import or a purge updates it at once.
 */
export function startPageBadge(db: CaptureDb): void {
  let sub: Subscription | undefined;
  let followed: { tabId: number; url: string | undefined } | null = null;
  const follow = (tabId: number, url: string | undefined) => {
    sub?.unsubscribe();
    followed = { tabId, url };
    const page = url && /^https?:/.test(url) ? url : null;
    sub = liveQuery(async () => {
      const { slaHours } = await readSettings();
      return Promise.all([
        page ? linkedCases(db, page, authorKeysFromUrl(page)) : [],
        waitingCounts(db),
        overdueCount(db, slaHours, Date.now()),
      ]);
    }).subscribe({
      next: ([linked, { waiting, failed }, overdue]) => {
        const view = badgeFor(linked.length, overdue, failed);
        void toolbar()
          ?.setBadgeText({ tabId, text: view.text })
          .catch(() => {});
        void toolbar()
          ?.setBadgeBackgroundColor({ tabId, color: view.colour })
          .catch(() => {});
        const title = page
          ? browser.i18n.getMessage('badgeTitle', [String(linked.length), String(waiting)])
          : browser.i18n.getMessage('actionTitle');
        void toolbar()
          ?.setTitle({
            tabId,
            title: overdue > 0 ? `${browser.i18n.getMessage('overdueCount', [String(overdue)])} · ${title}` : title,
          })
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
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === TICK_ALARM && followed) follow(followed.tabId, followed.url);
  });
  void browser.alarms.get(TICK_ALARM).then(async (a) => {
    if (!a) await browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
  });
  // New SLA hours change what is overdue.
  settingsItem.watch(() => void refresh());
  void refresh();
}

type Action = Pick<typeof browser.action, 'setBadgeText' | 'setTitle' | 'setBadgeBackgroundColor'>;
/** Chrome MV3's `action`, Firefox MV2's `browserAction`. */
const toolbar = (): Action | undefined =>
  browser.action ?? (browser as unknown as { browserAction?: Action }).browserAction;

/** "" for none (no badge), the count up to 99, then "99+". */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}
