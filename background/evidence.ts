import { browser } from 'wxt/browser';
import { measureRemembered } from '../capture/view';
import { canvasImageTools } from '../evidence/image';
import { CapturePacer } from '../evidence/pacer';
import { createEvidenceService, type EvidenceService } from '../evidence/service';
import type { EvidenceDeps } from '../evidence/take';
import type { CaptureDb } from '../storage/db';
import { evidenceEnabled } from '../storage/settings';

/**
 * The browser side of evidence: tabs.captureVisibleTab of the captured tab's window (granted by
 * activeTab from the same click, shortcut or menu that allowed reading the page), the box
 * measured again in that tab, and the canvas that cuts the image.
 */
export function browserEvidenceDeps(): EvidenceDeps {
  return {
    getTab: (tabId) => browser.tabs.get(tabId),
    measure: async (tabId, token) => {
      const [first] = await browser.scripting.executeScript({
        target: { tabId },
        func: measureRemembered,
        args: [token],
      });
      return first?.result ?? null;
    },
    captureVisible: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    image: canvasImageTools,
    pacer: new CapturePacer(),
    now: () => new Date(),
  };
}

let shared: EvidenceService | undefined;
/** The one evidence service of this background (its pacer spaces every capture of the browser). */
export function evidenceService(db: CaptureDb): EvidenceService {
  shared ??= createEvidenceService(db, browserEvidenceDeps(), evidenceEnabled);
  return shared;
}
