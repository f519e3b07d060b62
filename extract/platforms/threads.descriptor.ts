/** Threads: the platform's facts; the extractor is threads.ts. */
import { definePlatform } from './descriptor';

/** A post's permalink: /@<handle>/post/<code>. */
export const THREADS_POST_PATH = /^\/@([^/]+)\/post\/([A-Za-z0-9_-]+)/;

export const threadsPlatform = definePlatform({
  id: 'threads',
  hosts: ['threads.net', 'threads.com'],
  postIdOf: (url) => THREADS_POST_PATH.exec(url.pathname)?.[2] ?? null,
  idScope: 'global',
  authorKeysOf(url) {
    const first = url.pathname.split('/').filter(Boolean)[0] ?? '';
    const m = /^@([\w.]+)$/.exec(first);
    return m?.[1] ? [`threads:${m[1].toLowerCase()}`] : [];
  },
  pageLevel: false,
});
