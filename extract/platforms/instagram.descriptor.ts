/** Instagram: the platform's facts; the extractor is instagram.ts. */
import { definePlatform } from './descriptor';

/**
 * A post's permalink: /p/<code>/, /reel/<code>/ or /tv/<code>/, lately also under its author's
 * name (/<user>/p/<code>/); a comment's adds /c/<comment id>/ (and a reply's /r/<reply id>/).
 */
export const INSTAGRAM_POST_PATH = /^(?:\/[\w.]+)?\/(?:p|reels?|tv)\/([\w-]+)(?:\/c\/(\d+)(?:\/r\/(\d+))?)?/;

const NOT_PROFILES = new Set([
  'p',
  'reel',
  'reels',
  'tv',
  'explore',
  'accounts',
  'stories',
  'direct',
  'about',
  'legal',
]);

export const instagramPlatform = definePlatform({
  id: 'instagram',
  hosts: ['instagram.com'],
  keyHost: 'instagram.com',
  // Nothing in the query names a post (igsh, img_index, utm_… say how it was reached).
  keptParams: [],
  // The same post is at /p/, /reel/ and under its author's name: keyed as /p/<code>.
  keyPath: (path) => path.replace(/^(?:\/[\w.]+)?\/(?:p|reels?|tv)\//, '/p/'),
  postIdOf(url) {
    const m = INSTAGRAM_POST_PATH.exec(url.pathname);
    return m ? (m[3] ?? m[2] ?? m[1] ?? null) : null;
  },
  idScope: 'global',
  authorKeysOf(url) {
    const parts = url.pathname.split('/').filter(Boolean);
    const first = parts[0] ?? '';
    // A profile (/<user>/) or a post under its author's name (/<user>/p/<code>/).
    if (!first || NOT_PROFILES.has(first.toLowerCase()) || !/^[\w.]{1,30}$/.test(first)) return [];
    return parts.length === 1 || /^(p|reels?|tv)$/.test(parts[1] ?? '') ? [`instagram:${first.toLowerCase()}`] : [];
  },
  pageLevel: false,
});
