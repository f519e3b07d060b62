import { browser } from 'wxt/browser';
import { db } from '../storage/db';
import { createBackgroundRouter } from './handlers';
import { COMMAND_ID, MENU_ID, handleCommand, handleMenuClick, registerMenus } from './context-menu';
import { startPageBadge } from './page-badge';
import { startRetention } from './retention-alarm';
import { watchMarkerPermissions } from './markers';
import { startSync } from './sync';

/** Wires the background: every listener is registered synchronously, as MV3 requires. */
export function startBackground(): void {
  const route = createBackgroundRouter(db(), browser.runtime.id, `${self.location.origin}/`);
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  startSync();
  // Chrome: the toolbar button opens the popup; the side panel opens from its own menu entry.
  if (browser.sidePanel) void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});
  // The "Report as complaint" menu, the capture shortcut, the linked-cases badge, retention.
  browser.runtime.onInstalled.addListener(() => void registerMenus());
  (
    browser.contextMenus ?? (browser as unknown as { menus?: typeof browser.contextMenus }).menus
  )?.onClicked.addListener((info, tab) => void handleMenuClick(info, tab));
  browser.commands?.onCommand.addListener((command, tab) => void handleCommand(command, tab));
  startPageBadge(db());
  startRetention(db());
  watchMarkerPermissions();
  // The e2e build exposes the handlers the browser's menu and shortcut call (Playwright cannot click
  // them), and the database, so tests and screenshots seed fixture cases through its real code.
  if (__E2E__) Object.assign(globalThis, { __cc: { handleMenuClick, handleCommand, MENU_ID, COMMAND_ID, db: db() } });
}
