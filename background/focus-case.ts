import { browser } from 'wxt/browser';
import { openSidePanelOnTab } from '../browser-compat/side-panel';

/** The case a marker click asked the side panel to show first (storage.session, read by the panel). */
export const FOCUS_KEY = 'focusCase';

/** Shows a case in the side panel of a tab: remembered for the panel, which opens when the browser allows. */
export async function openSidePanelOn(tabId: number, caseId: string): Promise<{ ok: true }> {
  await browser.storage.session.set({ [FOCUS_KEY]: { caseId, tabId, at: Date.now() } });
  // Chrome opens it in response to the click that sent this; Firefox's sidebar needs a gesture in
  // the extension's own UI (the marker's tooltip says so there) and shows this case first when opened.
  await openSidePanelOnTab(tabId);
  return { ok: true };
}
