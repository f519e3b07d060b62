/** TikTok: the platform's facts; the extractor is tiktok.ts. */
import { definePlatform } from './descriptor';

/** A video's (or photo post's) permalink: /@<user>/video/<id>. */
export const TIKTOK_VIDEO_PATH = /^\/@([\w.-]+)\/(?:video|photo)\/(\d+)/;

/**
 * TikTok's page gives a comment no id or link of its own, so a comment's permalink is its video's
 * with `#comment-<n>`, n a number derived from its author and words (tiktok.ts): the same person
 * writing the same words under the same video is the same comment.
 */
export const TIKTOK_COMMENT_HASH = /^#comment-(\d+)$/;

export const tiktokPlatform = definePlatform({
  id: 'tiktok',
  hosts: ['tiktok.com'],
  keyHost: 'tiktok.com',
  keptParams: [],
  postIdOf(url) {
    const comment = TIKTOK_COMMENT_HASH.exec(url.hash)?.[1];
    if (comment) return `comment-${comment}`;
    return TIKTOK_VIDEO_PATH.exec(url.pathname)?.[2] ?? null;
  },
  idScope: 'global',
  authorKeysOf(url) {
    const first = url.pathname.split('/').filter(Boolean)[0] ?? '';
    return /^@[\w.-]{2,24}$/.test(first) ? [`tiktok:${first.slice(1).toLowerCase()}`] : [];
  },
  pageLevel: false,
});
