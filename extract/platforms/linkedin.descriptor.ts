/** LinkedIn: the platform's facts; the extractor is linkedin.ts. */
import { definePlatform } from './descriptor';

export const linkedinPlatform = definePlatform({
  id: 'linkedin',
  hosts: ['linkedin.com'],
  // /feed/update/urn:li:activity:<id>/ and /posts/<name>_<slug>-activity-<id>-<code>/ name the same activity.
  postIdOf: (url) => /activity[-:](\d+)/.exec(url.pathname)?.[1] ?? null,
  idScope: 'global',
  pageLevel: false,
});
