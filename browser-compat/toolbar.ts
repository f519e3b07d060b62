import { browser } from 'wxt/browser';

/** The calls the extension makes on its toolbar button; both browsers take the same arguments. */
export type Toolbar = Pick<
  typeof browser.action,
  'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle' | 'openPopup'
>;

/** The toolbar button: Chrome MV3 calls it `action`, Firefox MV2 `browserAction`. */
export function toolbar(): Toolbar | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: Toolbar }).browserAction;
}
