/** X (formerly Twitter): the platform's facts; the extractor is x.ts. */
import { definePlatform } from './descriptor';

/** First path parts of x.com that are pages of the site, not profiles. */
const NOT_PROFILES = new Set([
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

/** A handle: letters, digits and underscores, at most 15 (X's own rule). */
const HANDLE = /^\w{1,15}$/;

/** The status id in a permalink or a link's href (`/someone/status/1790…`, `/i/web/status/…`). */
export function xStatusId(pathOrUrl: string): string | null {
  return /\/status(?:es)?\/(\d{1,25})/.exec(pathOrUrl)?.[1] ?? null;
}

export const xPlatform = definePlatform({
  id: 'x',
  hosts: ['x.com', 'twitter.com'],
  hostAliases: {
    'twitter.com': 'x.com',
    'mobile.twitter.com': 'x.com',
    'mobile.x.com': 'x.com',
    'm.twitter.com': 'x.com',
    'fxtwitter.com': 'x.com',
    'vxtwitter.com': 'x.com',
  },
  // Handles are case-insensitive on X, and /i/web/status/ is another path to the same tweet.
  keyPath: (path) => path.toLowerCase().replace(/^\/i\/web\/status\//, '/i/status/'),
  postIdOf: (url) => xStatusId(url.pathname),
  idScope: 'global',
  authorKeysOf(url) {
    const first = url.pathname.split('/').filter(Boolean)[0] ?? '';
    return first && !NOT_PROFILES.has(first.toLowerCase()) && HANDLE.test(first) ? [`x:${first.toLowerCase()}`] : [];
  },
  bareHandle: HANDLE,
  pageLevel: false,
  // Direct messages: the inbox and every conversation, in the classic (/messages/…) and the newer
  // (/i/chat/…) view. Read only when the agent has switched that on (options) and asks on it.
  privatePaths: /^\/(?:messages|i\/chat)(?:\/|$)/,
});
