/** Reddit: the platform's facts; the extractor is reddit.ts. */
import { definePlatform } from './descriptor';

/** The post of a thread's address: /r/<sub>/comments/<post id>/<slug>/… */
export const REDDIT_POST_PATH = /\/comments\/([a-z0-9]+)/;

export const redditPlatform = definePlatform({
  id: 'reddit',
  hosts: ['reddit.com'],
  // The old, new, mobile and image-viewer sites show the same posts.
  hostAliases: {
    'old.reddit.com': 'reddit.com',
    'new.reddit.com': 'reddit.com',
    'np.reddit.com': 'reddit.com',
    'm.reddit.com': 'reddit.com',
    'i.reddit.com': 'reddit.com',
  },
  // A comment's permalink adds its own id after the slug: that is the id it names.
  postIdOf(url) {
    const m = /\/comments\/([a-z0-9]+)(?:\/[^/]*\/([a-z0-9]+))?/.exec(url.pathname);
    return m ? (m[2] ?? m[1] ?? null) : null;
  },
  idScope: 'global',
  authorKeysOf(url) {
    const [first, name] = url.pathname.split('/').filter(Boolean);
    return (first === 'user' || first === 'u') && name ? [`reddit:${name.toLowerCase()}`] : [];
  },
  pageLevel: false,
});
