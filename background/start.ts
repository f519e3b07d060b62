import { browser } from 'wxt/browser';
import { db } from '../storage/db';
import { createRouter } from '../messaging/router';
import { createHandlers } from './handlers';
import { COMMAND_ID, MENU_ID, handleCommand, handleMenuClick, registerMenus } from './context-menu';
import { startPageBadge } from './page-badge';
import { startRetention } from './retention-alarm';
import { startMarkers } from './markers';
import { startSync } from './sync';
import { listenForPopupOpen } from './early-open';
import { afterStart } from './after-start';

/** Wires the background: every listener is registered synchronously, as MV3 requires. */
export function startBackground(): void {
  const handlers = createHandlers(db());
  const route = createRouter(handlers, browser.runtime.id, `${self.location.origin}/`);
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  // The toolbar popup's read starts when the browser asks for popup.html, not when its script asks.
  listenForPopupOpen((tabId) => handlers['capture/open']({ tabId, fresh: true }));
  startSync();
  // Chrome: the toolbar button opens the popup; the side panel opens from its own menu entry.
  if (browser.sidePanel)
    afterStart(() => browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {}));
  // Issue 5: "Report as complaint" menu, the capture shortcut, the linked-cases badge, retention.
  browser.runtime.onInstalled.addListener(() => void registerMenus());
  (
    browser.contextMenus ?? (browser as unknown as { menus?: typeof browser.contextMenus }).menus
  )?.onClicked.addListener((info, tab) => void handleMenuClick(info, tab));
  browser.commands?.onCommand.addListener((command, tab) => void handleCommand(command, tab));
  startPageBadge(db());
  startRetention(db());
  startMarkers(db());
  // The e2e build exposes the handlers the browser's menu and shortcut call (Playwright cannot click them).
  if (__E2E__) Object.assign(globalThis, { __cc: { handleMenuClick, handleCommand, MENU_ID, COMMAND_ID } });
}
