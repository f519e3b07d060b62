/** Facebook: the platform's facts; the extractor is facebook.ts. */
import { definePlatform } from './descriptor';

/** First path parts of facebook.com that are pages of the site, not people or pages. */
const NOT_PROFILES = new Set([
  'permalink.php',
  'story.php',
  'photo.php',
  'photo',
  'photos',
  'watch',
  'groups',
  'events',
  'marketplace',
  'reel',
  'share',
  'login',
  'hashtag',
  'help',
  'policies',
  'privacy',
  'settings',
  'notifications',
  'messages',
  'pages',
  'gaming',
  'stories',
  'friends',
  'bookmarks',
  'search',
]);

/** The post id in a path: /<page>/posts/<id>, /<page>/videos/<id>, /groups/<g>/permalink/<id>, /reel/<id>. */
const POST_IN_PATH = /\/(?:posts|videos|permalink|reel)\/([\w.-]+)/;

export const facebookPlatform = definePlatform({
  id: 'facebook',
  hosts: ['facebook.com'],
  // www., m., web. and mbasic.facebook.com show the same posts.
  keyHost: 'facebook.com',
  // Facebook appends tracking (`__cft__[0]`, `__tn__`, `mibextid`) to every link; these name the post.
  keptParams: ['story_fbid', 'id', 'fbid', 'v', 'comment_id', 'reply_comment_id'],
  // A reply's link names its comment too: the innermost id is what the address points at.
  postIdOf(url) {
    const q = url.searchParams;
    return (
      q.get('reply_comment_id') ??
      q.get('comment_id') ??
      q.get('story_fbid') ??
      q.get('fbid') ??
      q.get('v') ??
      POST_IN_PATH.exec(url.pathname)?.[1] ??
      null
    );
  },
  idScope: 'global',
  authorKeysOf(url) {
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'profile.php') {
      const id = url.searchParams.get('id');
      return id && /^\d+$/.test(id) ? [`facebook:${id}`] : [];
    }
    const first = parts[0] ?? '';
    return first && !NOT_PROFILES.has(first.toLowerCase()) && /^[\w.-]{2,80}$/.test(first)
      ? [`facebook:${first.toLowerCase()}`]
      : [];
  },
  pageLevel: false,
});
