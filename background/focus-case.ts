import { browser } from 'wxt/browser';
import { FOCUS_KEY, type FocusRequest } from '../messaging/focus-case';
import { openSidePanelOnTab } from '../browser-compat/side-panel';

/** Shows a case in the side panel of a tab: remembered for the panel, which opens when the browser allows. */
export async function openSidePanelOn(tabId: number, caseId: string): Promise<{ ok: true }> {
  const focus: FocusRequest = { caseId, tabId, at: Date.now() };
  await browser.storage.session.set({ [FOCUS_KEY]: focus });
  // Chrome opens it in response to the click that sent this; Firefox's sidebar needs a gesture in
  // the extension's own UI (the marker's tooltip says so there) and shows this case first when opened.
  await openSidePanelOnTab(tabId);
  return { ok: true };
}
