/**
 * The brand's own accounts (settings): a post or comment they wrote is the team's, never a
 * complaint, and their reply under a case's post answers it. Zod-free (the popup checks too).
 */
import type { Author, Platform } from './mention';

export interface BrandAccountRef {
  platform: Platform;
  handle: string;
}

const fold = (s: string) => s.trim().replace(/^@/, '').toLowerCase();

/**
 * The brand account that wrote it, if any: the same platform, and the same handle (or, where the
 * page shows no handle, as on blogs, the same name), case-insensitive and with or without "@".
 */
export function brandAccountOf(
  who: { platform: Platform; author: Pick<Author, 'name' | 'handle'> },
  accounts: readonly BrandAccountRef[],
): BrandAccountRef | null {
  const names = [who.author.handle, who.author.name].filter((n): n is string => !!n?.trim()).map(fold);
  if (!names.length) return null;
  return accounts.find((b) => b.platform === who.platform && names.includes(fold(b.handle))) ?? null;
}

/** A reply found on the page: its permalink, when it was posted, and who wrote it. */
export interface FoundReply {
  url: string;
  at: string | null;
  author: string;
}

/**
 * The brand's reply to a case's post among a page's posts and comments: written by one of the
 * brand's accounts, and answering one of the case's posts (`caseKeys`: their normalised
 * permalinks, compared with each item's parent through `keyOf`). The earliest such reply wins.
 */
export function findBrandReply(
  items: readonly {
    platform: Platform;
    author: Pick<Author, 'name' | 'handle'>;
    url: string;
    parentUrl: string | null;
    publishedAt: string | null;
  }[],
  caseKeys: ReadonlySet<string>,
  accounts: readonly BrandAccountRef[],
  keyOf: (url: string) => string,
): FoundReply | null {
  const replies = items.filter(
    (m) =>
      m.parentUrl && caseKeys.has(keyOf(m.parentUrl)) && !caseKeys.has(keyOf(m.url)) && brandAccountOf(m, accounts),
  );
  replies.sort((a, b) => (a.publishedAt ?? '9').localeCompare(b.publishedAt ?? '9'));
  const r = replies[0];
  return r ? { url: r.url, at: r.publishedAt, author: r.author.handle ?? r.author.name ?? '' } : null;
}
