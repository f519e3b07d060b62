import { browser } from 'wxt/browser';
import { COMMAND_ID, MENU_ID, handleCommand, handleMenuClick } from './context-menu';
import { contextMenus } from '../browser-compat/menus';
import { db } from '../storage/db';

/** The loopback address a test visits to ask the extension to open one of its own pages. */
const OPEN_REQUEST = /^http:\/\/127\.0\.0\.1:\d+\/__e2e__\/open\?(.*)$/;

/**
 * The e2e build only (start.ts calls this under `__E2E__`, so the real build has none of it): what
 * a test cannot do through the browser's own UI. It exposes the handlers the browser's menu and
 * shortcut call (no test driver clicks a browser menu) and the database (tests and screenshots seed
 * fixture cases through its real code and keys), and opens the extension's own pages on
 * request: Firefox refuses a WebDriver BiDi navigation to a moz-extension:// address, but drives a
 * page the extension opened itself.
 */
export function installTestHooks(): void {
  Object.assign(globalThis, {
    __cc: { handleMenuClick, handleCommand, MENU_ID, COMMAND_ID, browser, menus: contextMenus(), db: db() },
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    const asked = change.url ? OPEN_REQUEST.exec(change.url) : null;
    const path = asked ? new URLSearchParams(asked[1]).get('path') : null;
    if (path) void browser.tabs.update(tabId, { url: browser.runtime.getURL(`/${path}` as '/popup.html') });
  });
}
