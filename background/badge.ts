import { browser } from 'wxt/browser';
import { afterStart } from './after-start';
import { liveQuery, type Subscription } from 'dexie';
import type { CaptureDb } from '../storage/db';
import { linkedCases } from '../storage/linked-cases';
import { authorKeysFromUrl } from '../domain/page-authors';
import { overdueCount } from '../storage/queue';
import { readSettings, settingsItem } from '../storage/settings';
import { waitingCounts } from '../sync/requeue';
import { toolbar } from '../browser-compat/toolbar';
import { teamActivityItem } from './team-feed';

/** What the badge is made of: the page's linked cases, the overdue cases and the sync state. */
export interface BadgeInputs {
  /** Cases linked to the page in the tab (same post, author or thread); null when it is no web page. */
  linked: number | null;
  /** Cases past their time to first response (SLA), whatever the page. */
  overdue: number;
  /** Cases that still wait to reach the backend, and how many of them need attention. */
  waiting: number;
  failed: number;
  /**
   * What the team did while the side panel was closed (the change feed, read every minute): cases
   * handed to this agent, and cases held here that a colleague changed. Left out: none.
   */
  handedToMe?: number;
  teamChanged?: number;
}

export interface BadgeView {
  text: string;
  colour: string;
  title: string;
}

export const BADGE_COLOURS = { attention: '#b3261e', quiet: '#44546a', team: '#0b5cad' } as const;

type Message = (key: 'actionTitle' | 'badgeTitle' | 'overdueCount' | 'badgeTeam', subs?: string[]) => string;

/**
 * The badge, from its inputs: the TEXT is the overdue count when a case is overdue (what needs the
 * agent first), else the cases a colleague handed to the agent, else the page's linked-case count
 * (as the side panel lists them); the COLOUR turns red when a case is overdue or needs sync
 * attention, blue when a case was handed to the agent; the TITLE says every count,
 * "2 overdue · 1 handed to you, 3 changed by the team · 2 cases linked to this page · 3 waiting to sync".
 */
export function badgeView(
  { linked, overdue, waiting, failed, handedToMe = 0, teamChanged = 0 }: BadgeInputs,
  message: Message = (k, s) => browser.i18n.getMessage(k, s),
): BadgeView {
  const base = linked === null ? message('actionTitle') : message('badgeTitle', [String(linked), String(waiting)]);
  const team =
    handedToMe + teamChanged > 0 ? `${message('badgeTeam', [String(handedToMe), String(teamChanged)])} · ` : '';
  const title = `${team}${base}`;
  return {
    text: badgeText(overdue > 0 ? overdue : handedToMe > 0 ? handedToMe : (linked ?? 0)),
    colour:
      failed > 0 || overdue > 0 ? BADGE_COLOURS.attention : handedToMe > 0 ? BADGE_COLOURS.team : BADGE_COLOURS.quiet,
    title: overdue > 0 ? `${message('overdueCount', [String(overdue)])} · ${title}` : title,
  };
}

/** Overdue depends on the clock as well as on the data: the badge is looked at again every minute. */
const TICK_ALARM = 'badge-overdue';

/** "" for none (no badge), the count up to 99, then "99+". */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}

/**
 * The badge's one owner. It follows the active tab, and one live query over the database feeds it
 * its inputs: a capture, an answer, an import, a purge or a sync result updates it at once. Text and title
 * are set per tab (they are about that tab's page); the colour, about sync, for all tabs.
 */
export function startBadge(db: CaptureDb): void {
  let sub: Subscription | undefined;
  let followed: number | undefined;
  // The team's activity lives in session storage (the feed's alarm writes it), not in the database.
  let team = { handedToMe: 0, teamChanged: 0 };
  const follow = (tabId: number, url: string | undefined) => {
    sub?.unsubscribe();
    followed = tabId;
    const page = url && /^https?:/.test(url) ? url : null;
    sub = liveQuery(async () => {
      const { slaHours } = await readSettings();
      return Promise.all([
        page ? linkedCases(db, page, authorKeysFromUrl(page)) : null,
        waitingCounts(db),
        overdueCount(db, slaHours, Date.now()),
      ]);
    }).subscribe({
      next: ([linked, sync, overdue]) =>
        show(tabId, badgeView({ linked: linked?.length ?? null, overdue, ...sync, ...team })),
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
  // Cases become overdue as time passes, and new SLA hours change which are.
  browser.alarms.onAlarm.addListener((a) => a.name === TICK_ALARM && void refresh());
  settingsItem.watch(() => void refresh());
  // No team activity readable (no session storage yet) still leaves the local counts to show.
  const readTeam = async () => {
    const a = await teamActivityItem.getValue().catch(() => null);
    if (a) team = { handedToMe: a.handedToMe.length, teamChanged: a.changed.length };
  };
  teamActivityItem.watch(
    () =>
      void readTeam()
        .catch(() => {})
        .then(refresh),
  );
  // The first count and the tick's alarm wait until the browser has started (after-start.ts).
  afterStart(async () => {
    if (!(await browser.alarms.get(TICK_ALARM))) await browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
    await readTeam();
    await refresh();
  });
}

function show(tabId: number, view: BadgeView): void {
  const bar = toolbar();
  if (!bar) return;
  void bar.setBadgeText({ tabId, text: view.text }).catch(() => {});
  void bar.setTitle({ tabId, title: view.title }).catch(() => {});
  void bar.setBadgeBackgroundColor({ color: view.colour }).catch(() => {});
}
