import { browser } from 'wxt/browser';

type SidebarAction = { open(): Promise<void> };
const sidebarAction = () => (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;

/**
 * Opens the side panel (Chrome's `sidePanel`) or the sidebar (Firefox's `sidebarAction`) of the
 * window this page is in. Call it first thing in a click handler: both browsers open it only in
 * answer to the agent's gesture, and Firefox only when nothing was awaited before the call.
 */
export function openSidePanel(): Promise<void> {
  const sidebar = sidebarAction();
  if (sidebar) return sidebar.open();
  if (!browser.sidePanel) return Promise.resolve();
  return browser.windows.getCurrent().then(async (win) => {
    if (win.id !== undefined) await browser.sidePanel.open({ windowId: win.id });
  });
}

/**
 * Opens the side panel on a tab from the background, for a click in a page (a case marker).
 * Chrome allows it; Firefox opens its sidebar only from a gesture in the extension's own UI
 * (toolbar popup, menu, shortcut), so there this returns false and the UI says where to look.
 */
export async function openSidePanelOnTab(tabId: number): Promise<boolean> {
  if (!browser.sidePanel) return false;
  return browser.sidePanel.open({ tabId }).then(
    () => true,
    () => false,
  );
}

/** Chrome: the toolbar button keeps opening the popup; the side panel opens from its own menu entry. */
export function keepToolbarOnPopup(): void {
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});
}
