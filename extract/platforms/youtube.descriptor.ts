/** YouTube: the platform's facts; the extractor is youtube.ts. */
import { definePlatform } from './descriptor';

/** A Short or a live video names itself in the path: /shorts/<id>, /live/<id>. */
const VIDEO_PATH = /^\/(?:shorts|live)\/([\w-]{6,20})/;

/** The video an address shows: `watch?v=<id>`, or the id in a Short's or live video's path. */
export function youtubeVideoId(url: URL): string | null {
  return url.searchParams.get('v') ?? VIDEO_PATH.exec(url.pathname)?.[1] ?? null;
}

export const youtubePlatform = definePlatform({
  id: 'youtube',
  hosts: ['youtube.com'],
  // m.youtube.com and www.youtube.com show the same videos and comments.
  keyHost: 'youtube.com',
  // A comment's permalink is its video's with `lc=<comment id>`; every other parameter (t, pp, si,
  // feature) only says how the page was reached.
  keptParams: ['v', 'lc'],
  // A comment (lc) is named before its video: the two are different mentions.
  postIdOf: (url) => url.searchParams.get('lc') ?? youtubeVideoId(url),
  idScope: 'global',
  authorKeysOf(url) {
    const first = url.pathname.split('/').filter(Boolean)[0] ?? '';
    return /^@[\w.-]{3,30}$/.test(first) ? [`youtube:${first.slice(1).toLowerCase()}`] : [];
  },
  pageLevel: false,
});
