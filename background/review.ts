import { browser } from 'wxt/browser';
import type { CaptureOptions } from '../capture/outcome';
import { captureTab, type CaptureResult } from './capture-tab';
import { trackPendingCapture } from './pending-capture';
import { toolbar } from '../browser-compat/toolbar';

/**
 * The context menu's and the shortcut's path: read the tab now (what was right-clicked is only
 * known now), keep the result as the tab's pending capture, and open the review. The popup is
 * opened before the read finishes, while the click still counts as a user gesture.
 */
export function captureForReview(tabId: number, options: CaptureOptions): Promise<CaptureResult> {
  const read = trackPendingCapture(tabId, captureTab(tabId, options));
  void openReview(tabId).catch(() => {});
  return read;
}

/** The toolbar popup where the browser can open it; otherwise the same page in a small window. */
async function openReview(tabId: number): Promise<void> {
  const action = toolbar();
  // The e2e build skips the real popup: no test driver sees it, and it would take the pending capture.
  if (!__E2E__ && action?.openPopup) {
    try {
      await action.openPopup();
      return;
    } catch {
      // Older Chrome, or no focused window: fall through to a window.
    }
  }
  await browser.windows.create({
    url: browser.runtime.getURL(`/popup.html?review=${tabId}`),
    type: 'popup',
    width: 440,
    height: 680,
  });
}
