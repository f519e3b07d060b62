/** Trustpilot: the platform's facts; the extractor is trustpilot.ts. */
import { definePlatform } from './descriptor';

/** A review's own page: /reviews/<id> (the company's page is /review/<domain>). */
export const TRUSTPILOT_REVIEW_PATH = /^\/reviews\/([0-9a-f]{16,32})/i;

export const trustpilotPlatform = definePlatform({
  id: 'trustpilot',
  hosts: ['trustpilot.com'],
  // Every country site (nl., uk., de.trustpilot.com) shows the same reviews under the same ids.
  keyHost: 'trustpilot.com',
  keptParams: [],
  postIdOf: (url) => TRUSTPILOT_REVIEW_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null,
  idScope: 'global',
  authorKeysOf(url) {
    const [first, id] = url.pathname.split('/').filter(Boolean);
    return first === 'users' && id && /^[0-9a-f]{16,32}$/i.test(id) ? [`trustpilot:${id.toLowerCase()}`] : [];
  },
  pageLevel: false,
});
