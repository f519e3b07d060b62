import { browser } from 'wxt/browser';

/** Opens the side panel (Chrome) or sidebar (Firefox) in the current window; must run in a user gesture. */
export async function openSidePanel(): Promise<void> {
  if (browser.sidePanel) {
    const win = await browser.windows.getCurrent();
    if (win.id !== undefined) await browser.sidePanel.open({ windowId: win.id });
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  await sidebar?.open();
}
