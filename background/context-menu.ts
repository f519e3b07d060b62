import { browser } from 'wxt/browser';
import type { CaptureOptions } from '../capture/outcome';
import type { CaptureResult } from './capture-tab';
import { captureForReview } from './review';
import { contextMenus } from '../browser-compat/menus';

export const MENU_ID = 'report-complaint';
export const COMMAND_ID = 'capture-in-view';

/** The parts of a menu click (the browser's OnClickData) the capture uses. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
  /** Firefox only: the right-clicked element. */
  targetElementId?: number;
}

/** Registers "Report as complaint" on pages, selections and links (see MENUS_OUTLIVE_BACKGROUND for when). */
export async function registerMenus(): Promise<void> {
  const api = contextMenus();
  if (!api) return;
  await api.removeAll();
  api.create({ id: MENU_ID, title: browser.i18n.getMessage('menuReport'), contexts: ['page', 'selection', 'link'] });
}

/** What to read, from what was right-clicked: a selection, a link, or the post under the pointer. */
export function optionsForClick(info: MenuClick): CaptureOptions {
  if (info.selectionText?.trim()) return { useSelection: true };
  if (info.linkUrl) return { useSelection: false, linkUrl: info.linkUrl };
  return {
    useSelection: false,
    underPointer: true,
    ...(info.targetElementId !== undefined ? { targetElementId: info.targetElementId } : {}),
  };
}

/** The menu click handler (the listener only wraps it; e2e tests call it directly). */
export function handleMenuClick(info: MenuClick, tab: { id?: number } | undefined): Promise<CaptureResult> | null {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return null;
  return captureForReview(tab.id, optionsForClick(info));
}

/** The keyboard shortcut: capture the post in view of the active tab. */
export async function handleCommand(command: string, tab?: { id?: number }): Promise<CaptureResult | null> {
  if (command !== COMMAND_ID) return null;
  const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  return id === undefined ? null : captureForReview(id, { useSelection: true, inView: true });
}
