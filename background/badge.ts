import { browser } from 'wxt/browser';
import { afterStart } from './after-start';
import { liveQuery, type Subscription } from 'dexie';
import type { CaptureDb } from '../storage/db';
import { linkedCases } from '../storage/linked-cases';
import { authorKeysFromUrl } from '../domain/page-authors';
import { waitingCounts } from '../sync/requeue';
import { toolbar } from '../browser-compat/toolbar';

/** What the badge is made of: the page's linked cases and the sync state. */
export interface BadgeInputs {
  /** Cases linked to the page in the tab (same post, author or thread); null when it is no web page. */
  linked: number | null;
  /** Cases that still wait to reach the backend, and how many of them need attention. */
  waiting: number;
  failed: number;
}

export interface BadgeView {
  text: string;
  colour: string;
  title: string;
}

export const BADGE_COLOURS = { attention: '#b3261e', quiet: '#44546a' } as const;

type Message = (key: 'actionTitle' | 'badgeTitle', subs?: string[]) => string;

/**
 * The badge, from its inputs: the TEXT is the page's linked-case count (as the side panel lists
 * them), the COLOUR turns red when a case needs sync attention, the TITLE says both counts,
 * "2 cases linked to this page · 3 waiting to sync".
 */
export function badgeView(
  { linked, waiting, failed }: BadgeInputs,
  message: Message = (k, s) => browser.i18n.getMessage(k, s),
): BadgeView {
  return {
    text: badgeText(linked ?? 0),
    colour: failed > 0 ? BADGE_COLOURS.attention : BADGE_COLOURS.quiet,
    title: linked === null ? message('actionTitle') : message('badgeTitle', [String(linked), String(waiting)]),
  };
}

/** "" for none (no badge), the count up to 99, then "99+". */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}

/**
 * The badge's one owner. It follows the active tab, and one live query over the database feeds it
 * both inputs: a capture, an import, a purge or a sync result updates it at once. Text and title
 * are set per tab (they are about that tab's page); the colour, about sync, for all tabs.
 */
export function startBadge(db: CaptureDb): void {
  let sub: Subscription | undefined;
  let followed: number | undefined;
  const follow = (tabId: number, url: string | undefined) => {
    sub?.unsubscribe();
    followed = tabId;
    const page = url && /^https?:/.test(url) ? url : null;
    sub = liveQuery(() =>
      Promise.all([page ? linkedCases(db, page, authorKeysFromUrl(page)) : null, waitingCounts(db)]),
    ).subscribe({
      next: ([linked, sync]) => show(tabId, badgeView({ linked: linked?.length ?? null, ...sync })),
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
  // Closing the followed tab (a review window, say) gives no activation event where focus stays put.
  browser.tabs.onRemoved.addListener((tabId) => {
    if (tabId === followed) void refresh();
  });
  afterStart(refresh);
}

function show(tabId: number, view: BadgeView): void {
  const bar = toolbar();
  if (!bar) return;
  void bar.setBadgeText({ tabId, text: view.text }).catch(() => {});
  void bar.setTitle({ tabId, title: view.title }).catch(() => {});
  void bar.setBadgeBackgroundColor({ color: view.colour }).catch(() => {});
}
