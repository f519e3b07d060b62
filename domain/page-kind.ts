/**
 * Pages Complaint Capture can never read: the browser's own pages (settings, new tab, about:),
 * extension pages (its own and others'), source views, local files, and the extension stores,
 * where browsers forbid scripts. Such a page gets a message, never a form with a made-up post.
 * Zod-free.
 */

/** Stores where browsers refuse every extension's scripts (Chrome Web Store, Firefox and Edge add-ons). */
const STORE_PAGES = [
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
];

/** True for an address a capture script can run on: an http(s) page that is not an extension store. */
export function isReadablePage(url: string | undefined | null): url is string {
  if (!url || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return false;
  return !STORE_PAGES.some((p) => p.test(url));
}
