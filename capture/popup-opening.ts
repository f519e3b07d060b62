import type { ResponseOf } from '../messaging/protocol';

/**
 * What the popup and the background agree on about opening the popup (the background starts the
 * popup's read when the browser asks it for popup.html, see background/early-open.ts).
 *
 * The tab a popup address names: `?review=<tab>` when the context menu opened the popup in a
 * window, and in the e2e build `?tabId=<tab>` (a test cannot open the real popup). null when it
 * names none: the toolbar popup captures the active tab.
 */
export function tabNamedBy(search: string): number | null {
  const params = new URLSearchParams(search);
  const review = Number(params.get('review'));
  if (Number.isInteger(review) && review > 0) return review;
  if (__E2E__) {
    const fromQuery = Number(params.get('tabId'));
    if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  }
  return null;
}

/** storage.session key of a read the background finished for a popup that has not asked yet. */
export const EARLY_OPEN_KEY = 'earlyPopupOpen';

/** That read: for which tab, when the popup's navigation reached the background (epoch ms), and what it found. */
export interface EarlyOpen {
  tabId: number;
  at: number;
  opened: ResponseOf<'capture/open'>;
}
