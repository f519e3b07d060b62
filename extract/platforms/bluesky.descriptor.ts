/** Bluesky: the platform's facts; the extractor is bluesky.ts. */
import { definePlatform } from './descriptor';

/** A post's permalink: /profile/<handle or did>/post/<record key>. */
export const BLUESKY_POST_PATH = /^\/profile\/([^/]+)\/post\/([a-z0-9]+)/i;

export const blueskyPlatform = definePlatform({
  id: 'bluesky',
  hosts: ['bsky.app'],
  postIdOf: (url) => BLUESKY_POST_PATH.exec(url.pathname)?.[2] ?? null,
  // A record key is unique per account only.
  idScope: 'account',
  authorKeysOf(url) {
    const [first, handle] = url.pathname.split('/').filter(Boolean);
    return first === 'profile' && handle ? [`bluesky:${handle.toLowerCase()}`] : [];
  },
  pageLevel: false,
});
