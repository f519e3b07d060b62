import { browser } from 'wxt/browser';
import { db } from '../storage/db';
import { createRouter } from '../messaging/router';
import { createHandlers } from './handlers';
import { startSync } from './sync';

/** Wires the background: every listener is registered synchronously, as MV3 requires. */
export function startBackground(): void {
  const route = createRouter(createHandlers(db()), browser.runtime.id, `${self.location.origin}/`);
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  startSync();
  // Chrome: the toolbar button opens the popup; the side panel opens from its own menu entry.
  if (browser.sidePanel) void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});
}
