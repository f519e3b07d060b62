import type { Case, StoredMention } from '../domain/case';
import type { Mention } from '../domain/mention';
import { authorKey } from '../domain/author-key';
import { urlKey } from '../domain/url-key';
import { platformById } from '../extract/platforms/platforms';
import type { CaptureDb } from './db';
import { expandAuthorKeys } from './identities';

/**
 * The stored mention of the same post, if any: the same normalised permalink, or the same
 * platform and post id (a post reached through another URL): a post never gets a second case.
 */
export async function findDuplicate(db: CaptureDb, mention: Mention): Promise<StoredMention | undefined> {
  if (mention.kind === 'dm') return findSameMessage(db, mention);
  const byUrl = await db.mentions.where('urlKey').equals(urlKey(mention.url)).first();
  if (byUrl) return byUrl;
  const scope = platformById[mention.platform].idScope;
  if (!mention.postId || !scope) return undefined;
  const same = await db.mentions.where('[platform+postId]').equals([mention.platform, mention.postId]).toArray();
  if (scope === 'global') return same[0];
  // Mastodon ids are per instance and Bluesky's per account: the same id elsewhere is another post.
  const host = hostOf(urlKey(mention.url));
  const author = authorKey(mention);
  return same.find((m) => hostOf(m.urlKey) === host && m.authorKey === author);
}

const hostOf = (key: string) => key.split('/')[0] ?? key;

/**
 * A direct message already stored. Every message of a conversation has the conversation's address
 * as permalink, so the address alone would call each later message a duplicate: the newer view
 * names each message by its id; the classic view shows none, so there it is the same time and text.
 */
async function findSameMessage(db: CaptureDb, m: Mention): Promise<StoredMention | undefined> {
  if (m.postId) {
    const same = await db.mentions.where('[platform+postId]').equals([m.platform, m.postId]).toArray();
    return same.find((s) => s.kind === 'dm');
  }
  const inConversation = await db.mentions.where('urlKey').equals(urlKey(m.url)).toArray();
  return inConversation.find((s) => s.kind === 'dm' && s.publishedAt === m.publishedAt && s.text === m.text);
}

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
