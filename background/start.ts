import { browser } from 'wxt/browser';
import { db } from '../storage/db';
import { createBackgroundRouter, createHandlers } from './handlers';
import { handleCommand, handleMenuClick, registerMenus } from './context-menu';
import { installTestHooks } from './test-hooks';
import { startBadge } from './badge';
import { contextMenus, MENUS_OUTLIVE_BACKGROUND } from '../browser-compat/menus';
import { keepToolbarOnPopup } from '../browser-compat/side-panel';
import { startRetention } from './retention-alarm';
import { watchMarkerPermissions } from './markers';
import { startSync } from './sync';
import { startTeamFeed, teamService } from './team';
import { listenForPopupOpen } from './early-open';
import { afterStart } from './after-start';
import { evidenceService } from './evidence';

/** Wires the background: every listener is registered synchronously, as MV3 requires. */
export function startBackground(): void {
  const handlers = createHandlers(db(), teamService(db()), evidenceService(db()));
  const route = createBackgroundRouter(db(), handlers, browser.runtime.id, `${self.location.origin}/`);
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  // The toolbar popup's read starts when the browser asks for popup.html, not when its script asks.
  listenForPopupOpen((tabId) => handlers['capture/open']({ tabId, fresh: true }));
  startSync();
  startTeamFeed(db());
  afterStart(keepToolbarOnPopup);
  // The "Report as complaint" menu, the capture shortcut, the badge, retention.
  if (MENUS_OUTLIVE_BACKGROUND) browser.runtime.onInstalled.addListener(() => void registerMenus());
  else void registerMenus();
  contextMenus()?.onClicked.addListener((info, tab) => void handleMenuClick(info, tab));
  browser.commands?.onCommand.addListener((command, tab) => void handleCommand(command, tab));
  startBadge(db());
  startRetention(db());
  watchMarkerPermissions();
  if (__E2E__) installTestHooks();
}
