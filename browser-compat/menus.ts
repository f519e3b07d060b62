import { browser } from 'wxt/browser';

type Menus = typeof browser.contextMenus;

/**
 * The context-menu API: Chrome's `contextMenus`; Firefox's `menus`, asked for under that name
 * because only then do content scripts get `menus.getTargetElement` (see menu-target.ts).
 */
export function contextMenus(): Menus | undefined {
  return browser.contextMenus ?? (browser as unknown as { menus?: Menus }).menus;
}

/**
 * Whether menu items outlive the background that created them. Chrome (MV3) keeps them across
 * restarts of its worker and of the browser, so they are made once, at install. A Firefox MV2
 * background page keeps them only while it runs: after a browser restart they are gone unless it
 * makes them again, so there they are made at every start.
 */
export const MENUS_OUTLIVE_BACKGROUND = import.meta.env.MANIFEST_VERSION === 3;
