import type { Case, StoredMention } from '../domain/case';
import { urlKey } from '../domain/url-key';
import type { CaptureDb } from './db';
import { expandAuthorKeys } from './identities';

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
export async function linkedCases(db: CaptureDb, pageUrl: string, authorKeys: string[] = []): Promise<LinkedCase[]> {
  const key = urlKey(pageUrl);
  const [byPost, byThread] = await Promise.all([db.mentions.where('urlKey').equals(key).toArray(), db.mentions.where('threadKey').equals(key).toArray()]);
  // Authors of stored captures of this post or its comments are authors seen on this page, so
  // their other cases are linked too (issue 5: a commenter's complaints on other posts).
  const authors = new Set(authorKeys);
  for (const m of [...byPost, ...byThread]) if (m.authorKey) authors.add(m.authorKey);
  // Linked identities count as one author (issue 5).
  const allAuthors = await expandAuthorKeys(db, [...authors]);
  const byAuthor = allAuthors.length ? await db.mentions.where('authorKey').anyOf(allAuthors).toArray() : [];
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
  const [cases, mentions] = await Promise.all([db.cases.bulkGet(ids), db.mentions.where('caseId').anyOf(ids).toArray()]);
  const out: LinkedCase[] = [];
  for (const c of cases) {
    if (!c) continue;
    out.push({ case: c, mentions: mentions.filter((m) => m.caseId === c.id), reasons: [...(reasons.get(c.id) ?? [])] });
  }
  return out.sort((a, b) => b.case.updatedAt.localeCompare(a.case.updatedAt));
}

/** The most recently updated cases, with their mentions. */
export async function recentCases(db: CaptureDb, limit = 20): Promise<LinkedCase[]> {
  const cases = await db.cases.orderBy('updatedAt').reverse().limit(limit).toArray();
  const mentions = await db.mentions.where('caseId').anyOf(cases.map((c) => c.id)).toArray();
  return cases.map((c) => ({ case: c, mentions: mentions.filter((m) => m.caseId === c.id), reasons: [] }));
}

/** Given cases with their mentions (a case a page marker asked to show). */
export async function casesById(db: CaptureDb, ids: string[]): Promise<LinkedCase[]> {
  const cases = (await db.cases.bulkGet(ids)).filter((c): c is Case => !!c);
  const mentions = cases.length ? await db.mentions.where('caseId').anyOf(cases.map((c) => c.id)).toArray() : [];
  return cases.map((c) => ({ case: c, mentions: mentions.filter((m) => m.caseId === c.id), reasons: [] }));
}
