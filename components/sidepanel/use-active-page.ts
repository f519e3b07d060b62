import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface ActivePage {
  url: string | null;
  tabId: number | null;
}

/**
 * The page the agent is looking at in this panel's window (its address and tab), following tab
 * switches and in-page navigation (X is a single-page app: its URL changes without a load). In the
 * e2e build a test may pin the tab with `?tabId=`, since the panel page is opened as a tab there.
 */
export function useActivePage(search: string): ActivePage {
  const [page, setPage] = useState<ActivePage>({ url: null, tabId: null });
  useEffect(() => {
    const pinned = __E2E__ ? Number(new URLSearchParams(search).get('tabId')) || null : null;
    const refresh = async () => {
      const tab = pinned
        ? await browser.tabs.get(pinned).catch(() => undefined)
        : // Its own window's tab: each window has its own panel (Chrome) or sidebar (Firefox),
          // which must not show another window's page when that one has the focus.
          (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      setPage({ url: tab?.url ?? null, tabId: tab?.id ?? null });
    };
    const onUpdated = (tabId: number, change: { url?: string; status?: string }, tab: { active?: boolean }) => {
      if ((pinned ? tabId === pinned : tab.active) && (change.url || change.status === 'complete')) void refresh();
    };
    const onActivated = () => void refresh();
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows.onFocusChanged.addListener(onActivated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows.onFocusChanged.removeListener(onActivated);
    };
  }, [search]);
  return page;
}
