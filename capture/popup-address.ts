/**
 * The tab a popup address names, read by the popup and by the background (which starts the read
 * when the browser asks it for popup.html, see background/early-open.ts): `?review=<tab>` when the
 * context menu opened the popup in a window, and in the e2e build `?tabId=<tab>` (a test cannot
 * open the real popup). null when it names none: the toolbar popup captures the active tab.
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
