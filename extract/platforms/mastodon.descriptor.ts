/** Mastodon (any instance): the platform's facts; the extractor is mastodon.ts. */
import { definePlatform } from './descriptor';

/** A toot's permalink: /@user/<id> (the user may carry @their-instance). */
export const TOOT_PATH = /^\/@([^/]+)\/(\d+)/;

export const mastodonPlatform = definePlatform({
  id: 'mastodon',
  // Any host can be an instance: pages are recognised by these paths and confirmed by their markup.
  hosts: [],
  paths: /^\/(@[^/]+|users\/[^/]+\/statuses)(\/\d+)?\/?$/,
  postIdOf: (url) => TOOT_PATH.exec(url.pathname)?.[2] ?? null,
  // Ids are numbered per instance: the same id on another instance is another toot.
  idScope: 'account',
  authorKeysOf(url, host) {
    const first = url.pathname.split('/').filter(Boolean)[0] ?? '';
    const m = /^@([\w.]+)(?:@([\w.-]+))?$/.exec(first);
    // A local account (/@alice) lives on the page's instance.
    return m?.[1] ? [`mastodon:${m[1].toLowerCase()}@${(m[2] ?? host).toLowerCase()}`] : [];
  },
  pageLevel: false,
  federated: true,
});
