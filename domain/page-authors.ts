/**
 * Author keys (see author-key.ts) that a page's address alone reveals: a profile or a post on X,
 * Mastodon, Bluesky, Reddit or Threads names its author in the URL (each platform's rule is in its
 * descriptor). The side panel uses them to show the same customer's other cases without reading
 * the page.
 */
import { PLATFORMS, platformOfHost } from '../extract/platforms/platforms';

export function authorKeysFromUrl(input: string): string[] {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return [];
  }
  const host = url.hostname.toLowerCase().replace(/^(www|mobile|m)\./, '');
  const own = platformOfHost(host);
  if (own) return own.authorKeysOf?.(url, host) ?? [];
  // Not a site of its own: a platform that runs on any host may still read it (Mastodon's /@user).
  for (const p of PLATFORMS) {
    const keys = p.hosts.length === 0 ? p.authorKeysOf?.(url, host) : undefined;
    if (keys?.length) return keys;
  }
  return [];
}
