import type { Case, StoredMention } from '../domain/case';
import type { Mention } from '../domain/mention';
import { authorKey } from '../domain/author-key';
import { urlKey } from '../domain/url-key';
import type { CaptureDb } from './db';
import { expandAuthorKeys } from './identities';

/**
 * The stored mention of the same post, if any: the same normalised permalink, or the same
 * platform and post id (a post reached through another URL). Issue 5: no duplicate cases.
 */
export async function findDuplicate(db: CaptureDb, mention: Mention): Promise<StoredMention | undefined> {
  const byUrl = await db.mentions.where('urlKey').equals(urlKey(mention.url)).first();
  if (byUrl) return byUrl;
  if (!mention.postId || !ID_SCOPE[mention.platform]) return undefined;
  const same = await db.mentions.where('[platform+postId]').equals([mention.platform, mention.postId]).toArray();
  if (ID_SCOPE[mention.platform] === 'global') return same[0];
  // Mastodon ids are per instance and Bluesky's per account: the same id elsewhere is another post.
  const host = hostOf(urlKey(mention.url));
  const author = authorKey(mention);
  return same.find((m) => hostOf(m.urlKey) === host && m.authorKey === author);
}

/**
 * Where a platform's post ids are unique: X, Reddit, Threads and LinkedIn ids name one post
 * anywhere; Mastodon's and Bluesky's only on one instance and account. Blog comment ids
 * (comment-12) repeat on every post, so blogs and other pages match by permalink only.
 */
const ID_SCOPE: Partial<Record<Mention['platform'], 'global' | 'account'>> = {
  x: 'global',
  reddit: 'global',
  threads: 'global',
  linkedin: 'global',
  mastodon: 'account',
  bluesky: 'account',
};
const hostOf = (key: string) => key.split('/')[0] ?? key;

/**
 * The cases of the same author (through linked identities too), most recently updated first:
 * a new capture may be attached to one of them instead of opening a new case.
 */
export async function casesOfAuthor(
  db: CaptureDb,
  mention: Pick<Mention, 'platform' | 'author'>,
  limit = 5,
): Promise<Case[]> {
  const key = authorKey(mention);
  if (!key) return [];
  const keys = await expandAuthorKeys(db, [key]);
  const mentions = await db.mentions.where('authorKey').anyOf(keys).toArray();
  const ids = [...new Set(mentions.map((m) => m.caseId))];
  const cases = (await db.cases.bulkGet(ids)).filter((c): c is Case => !!c);
  return cases.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit);
}
