/**
 * Author keys (see author-key.ts) that a page's address alone reveals: a profile or a post on X,
 * Mastodon, Bluesky or Reddit names its author in the URL. The side panel uses them to show the
 * same customer's other cases without reading the page.
 */
const X_RESERVED = new Set([
  'home',
  'explore',
  'i',
  'search',
  'notifications',
  'messages',
  'settings',
  'compose',
  'hashtag',
  'login',
  'signup',
  'tos',
  'privacy',
]);

export function authorKeysFromUrl(input: string): string[] {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return [];
  }
  const host = url.hostname.toLowerCase().replace(/^(www|mobile|m)\./, '');
  const parts = url.pathname.split('/').filter(Boolean);
  const first = parts[0] ?? '';
  if (host === 'x.com' || host === 'twitter.com') {
    return first && !X_RESERVED.has(first.toLowerCase()) && /^\w{1,15}$/.test(first)
      ? [`x:${first.toLowerCase()}`]
      : [];
  }
  if (host === 'bsky.app' && first === 'profile' && parts[1]) return [`bluesky:${parts[1].toLowerCase()}`];
  if (host.endsWith('reddit.com') && (first === 'user' || first === 'u') && parts[1])
    return [`reddit:${parts[1].toLowerCase()}`];
  const m = /^@([\w.]+)(?:@([\w.-]+))?$/.exec(first);
  if (m?.[1]) return [`mastodon:${m[1].toLowerCase()}@${(m[2] ?? host).toLowerCase()}`];
  return [];
}
