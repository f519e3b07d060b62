import type { Case, StoredMention } from '../domain/case';
import { urlKey } from '../domain/url-key';
import type { CaptureDb } from './db';
import { expandAuthorKeys } from './identities';

/**
 * Mentions whose `index` equals any of `keys`: one getAll per key, all in flight at once. Dexie's
 * anyOf() walks a cursor instead, one IndexedDB round trip per row: with 100,000 mentions the side
 * panel's query took 70–320 ms on pages with matches (issue 6; `npm run bench`).
 */
export async function mentionsWhere(db: CaptureDb, index: 'authorKey' | 'caseId' | 'urlKey' | 'threadKey', keys: string[]): Promise<StoredMention[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  // One read transaction for all of them: a transaction per request costs more than the request.
  const parts = await db.transaction('r', db.mentions, () => Promise.all(unique.map((k) => db.mentions.where(index).equals(k).toArray())));
  return parts.flat();
}

function groupByCase(mentions: StoredMention[]): Map<string, StoredMention[]> {
  const out = new Map<string, StoredMention[]>();
  for (const m of mentions) {
    const list = out.get(m.caseId);
    if (list) list.push(m);
    else out.set(m.caseId, [m]);
  }
  return out;
}

/** Why a case is shown next to the page the agent is on. */
export type LinkReason = 'post' | 'author' | 'thread';

export interface LinkedCase {
  case: Case;
  mentions: StoredMention[];
  reasons: LinkReason[];
}

/**
 * Cases linked to a page: the same post (its normalised URL), the same thread (comments of the
 * same blog post, replies under the same post) and, given the authors seen on the page, the same author.
 * Every lookup goes through an index, so it stays fast with hundreds of thousands of mentions.
 */
export function linkedCases(db: CaptureDb, pageUrl: string, authorKeys: string[] = []): Promise<LinkedCase[]> {
  // One read transaction over every table for all the lookups (issue 6): each lookup outside one
  // opens a transaction of its own, which costs more than the lookup.
  return db.transaction('r', db.tables, () => queryLinked(db, pageUrl, authorKeys));
}

async function queryLinked(db: CaptureDb, pageUrl: string, authorKeys: string[]): Promise<LinkedCase[]> {
  const key = urlKey(pageUrl);
  const [byPost, byThread] = await Promise.all([db.mentions.where('urlKey').equals(key).toArray(), db.mentions.where('threadKey').equals(key).toArray()]);
  // Authors of stored captures of this post or its comments are authors seen on this page, so
  // their other cases are linked too (issue 5: a commenter's complaints on other posts).
  const authors = new Set(authorKeys);
  for (const m of [...byPost, ...byThread]) if (m.authorKey) authors.add(m.authorKey);
  // Linked identities count as one author (issue 5).
  const allAuthors = await expandAuthorKeys(db, [...authors]);
  const byAuthor = await mentionsWhere(db, 'authorKey', allAuthors);
  const reasons = new Map<string, Set<LinkReason>>();
  const add = (ms: StoredMention[], why: LinkReason) => {
    for (const m of ms) {
      const set = reasons.get(m.caseId) ?? new Set<LinkReason>();
      set.add(why);
      reasons.set(m.caseId, set);
    }
  };
  add(byPost, 'post');
  add(byThread, 'thread');
  add(byAuthor, 'author');
  const ids = [...reasons.keys()];
  const [cases, mentions] = await Promise.all([db.cases.bulkGet(ids), mentionsWhere(db, 'caseId', ids)]);
  const byCase = groupByCase(mentions);
  const out: LinkedCase[] = [];
  for (const c of cases) {
    if (!c) continue;
    out.push({ case: c, mentions: byCase.get(c.id) ?? [], reasons: [...(reasons.get(c.id) ?? [])] });
  }
  return out.sort((a, b) => b.case.updatedAt.localeCompare(a.case.updatedAt));
}

/** The most recently updated cases, with their mentions. */
export async function recentCases(db: CaptureDb, limit = 20): Promise<LinkedCase[]> {
  const cases = await db.cases.orderBy('updatedAt').reverse().limit(limit).toArray();
  const byCase = groupByCase(await mentionsWhere(db, 'caseId', cases.map((c) => c.id)));
  return cases.map((c) => ({ case: c, mentions: byCase.get(c.id) ?? [], reasons: [] }));
}

/** Given cases with their mentions (a case a page marker asked to show). */
export async function casesById(db: CaptureDb, ids: string[]): Promise<LinkedCase[]> {
  const cases = (await db.cases.bulkGet(ids)).filter((c): c is Case => !!c);
  const byCase = groupByCase(await mentionsWhere(db, 'caseId', cases.map((c) => c.id)));
  return cases.map((c) => ({ case: c, mentions: byCase.get(c.id) ?? [], reasons: [] }));
}
