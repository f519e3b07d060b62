import { browser } from 'wxt/browser';
import { db } from '../storage/db';
import { createBackgroundRouter } from './handlers';
import { handleCommand, handleMenuClick, registerMenus } from './context-menu';
import { installTestHooks } from './test-hooks';
import { startBadge } from './badge';
import { contextMenus, MENUS_OUTLIVE_BACKGROUND } from '../browser-compat/menus';
import { keepToolbarOnPopup } from '../browser-compat/side-panel';
import { startRetention } from './retention-alarm';
import { watchMarkerPermissions } from './markers';
import { startSync } from './sync';
import { startTeamFeed, teamService } from './team';
import { evidenceService } from './evidence';

/** Wires the background: every listener is registered synchronously, as MV3 requires. */
export function startBackground(): void {
  const route = createBackgroundRouter(
    db(),
    teamService(db()),
    evidenceService(db()),
    browser.runtime.id,
    `${self.location.origin}/`,
  );
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  startSync();
  startTeamFeed(db());
  keepToolbarOnPopup();
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
