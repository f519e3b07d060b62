import type { Case, StoredMention } from '../domain/case';
import { urlKey } from '../domain/url-key';
import type { CaptureDb } from './db';

/** Why a case is shown next to the page the agent is on. */
export type LinkReason = 'post' | 'author' | 'thread';

export interface LinkedCase {
  case: Case;
  /** The case's mentions in its own order (`Case.mentionIds`: first capture first). */
  mentions: StoredMention[];
  reasons: LinkReason[];
}

/**
 * Cases linked to a page: the same post (its normalised URL), the same thread (comments of the
 * same blog post, replies under the same post) and, given the authors seen on the page, the same
 * author (linked identities count as one author). Authors of stored captures of this post
 * or its comments are authors seen on this page too. Newest update first.
 *
 * Every lookup goes through an index or a primary key, all in one read transaction (a transaction
 * per lookup costs more than the lookup). What keeps it fast over 100,000 mentions
 * (`npm run bench`; it took 7–10 ms on a tweet page and 50–80 ms on a blog post with 100 linked
 * cases): each step sends all its requests at once, and there are as few steps as the data allows
 * (two on a tweet page: the post, its thread and the author; then the cases); a case's mentions come
 * from its `mentionIds`, nearly always already in hand, instead of one index query per case; and
 * commenters found in a thread are asked for mention ids, not rows they mostly share with it.
 */
export function linkedCases(db: CaptureDb, pageUrl: string, authorKeys: string[] = []): Promise<LinkedCase[]> {
  return db.transaction('r', db.mentions, db.cases, db.identities, () =>
    new LinkedQuery(db, urlKey(pageUrl)).run(authorKeys),
  );
}

/** An author with at least this many mentions in hand is asked for ids first (see askAuthors). */
const IDS_FIRST = 16;

/** The state of one linkedCases() call: what has been read, and what is still to ask. */
class LinkedQuery {
  /** Every mention row read so far, by id. */
  private readonly rows = new Map<string, StoredMention>();
  /** Linked cases as read (undefined: gone since), by id. */
  private readonly cases = new Map<string, Case | undefined>();
  /** Authors that count as seen on the page (linked identities included). */
  private readonly authors = new Set<string>();
  /** Authors whose mentions (and identity group) were asked for. */
  private readonly askedAuthors = new Set<string>();
  private readonly askedGroups = new Set<string>();
  /** Ids of mentions known to belong to a linked case or author but not read yet. */
  private readonly wanted = new Set<string>();

  constructor(
    private readonly db: CaptureDb,
    private readonly key: string,
  ) {}

  async run(pageAuthors: string[]): Promise<LinkedCase[]> {
    const byIndex = (index: 'urlKey' | 'threadKey') => this.db.mentions.where(index).equals(this.key).toArray();
    // Step 1: the post, its thread, and the authors the address names, with their rows (nothing
    // of theirs is in hand yet).
    const [byPost, byThread] = await Promise.all([
      byIndex('urlKey'),
      byIndex('threadKey'),
      this.askAuthors(pageAuthors),
    ]);
    this.keep(byPost);
    this.keep(byThread);
    for (const m of [...byPost, ...byThread]) if (m.authorKey) this.authors.add(m.authorKey);
    // Then, until nothing is left to ask: authors found on the page and their identity groups, the
    // cases found so far, and any mention row still missing; each step's requests together.
    for (;;) {
      const steps: Promise<void>[] = [];
      const authors = [...this.authors].filter((a) => !this.askedAuthors.has(a));
      if (authors.length) steps.push(this.askAuthors(authors));
      const caseIds = this.caseIdsOf(this.rows.values()).filter((id) => !this.cases.has(id));
      if (caseIds.length) steps.push(this.readCases(caseIds));
      const missing = [...this.wanted].filter((id) => !this.rows.has(id));
      if (missing.length) steps.push(this.readMentions(missing));
      if (!steps.length) break;
      await Promise.all(steps);
    }
    return this.result();
  }

  /**
   * Mentions and identity rows of `keys`. An author with many mentions in hand (the commenters of
   * a blog post just read) is asked for ids only, and only the rows not in hand are read after:
   * reading 300 rows again cost more than all the rest. Others are asked for their rows at once.
   */
  private async askAuthors(keys: string[]): Promise<void> {
    const unique = [...new Set(keys)].filter((k) => !this.askedAuthors.has(k));
    if (!unique.length) return;
    const inHand = new Map<string, number>();
    for (const m of this.rows.values()) if (m.authorKey) inHand.set(m.authorKey, (inHand.get(m.authorKey) ?? 0) + 1);
    for (const k of unique) {
      this.askedAuthors.add(k);
      this.authors.add(k);
    }
    const where = (k: string) => this.db.mentions.where('authorKey').equals(k);
    const [identities] = await Promise.all([
      this.db.identities.bulkGet(unique),
      ...unique.map(async (k) => {
        if ((inHand.get(k) ?? 0) < IDS_FIRST) this.keep(await where(k).toArray());
        else for (const id of await where(k).primaryKeys()) this.wanted.add(id);
      }),
    ]);
    // Linked identities count as one author; a group holds all its members, so one
    // look-up per group finds every identity linked to these.
    const groups = [...new Set(identities.flatMap((r) => (r ? [r.groupId] : [])))].filter(
      (g) => !this.askedGroups.has(g),
    );
    if (!groups.length) return;
    for (const g of groups) this.askedGroups.add(g);
    const members = await Promise.all(groups.map((g) => this.db.identities.where('groupId').equals(g).toArray()));
    for (const m of members.flat()) this.authors.add(m.authorKey);
  }

  private async readCases(ids: string[]): Promise<void> {
    for (const id of ids) this.cases.set(id, undefined);
    for (const c of await this.db.cases.bulkGet(ids)) {
      if (!c) continue;
      this.cases.set(c.id, c);
      for (const id of c.mentionIds) this.wanted.add(id);
    }
  }

  private async readMentions(ids: string[]): Promise<void> {
    for (const m of await this.db.mentions.bulkGet(ids)) if (m) this.keep([m]);
    // Purged or never stored: do not ask again.
    for (const id of ids) if (!this.rows.has(id)) this.wanted.delete(id);
  }

  private keep(ms: StoredMention[]): void {
    for (const m of ms) this.rows.set(m.id, m);
  }

  /** Cases that a mention in hand links to the page (not cases of co-mentions read for display). */
  private caseIdsOf(ms: Iterable<StoredMention>): string[] {
    const ids = new Set<string>();
    for (const m of ms) if (this.reasonsOf(m).length) ids.add(m.caseId);
    return [...ids];
  }

  private reasonsOf(m: StoredMention): LinkReason[] {
    const out: LinkReason[] = [];
    if (m.urlKey === this.key) out.push('post');
    if (m.threadKey === this.key) out.push('thread');
    if (m.authorKey && this.authors.has(m.authorKey)) out.push('author');
    return out;
  }

  private result(): LinkedCase[] {
    const reasons = new Map<string, Set<LinkReason>>();
    // A mention read by its keys but missing from its case's mentionIds (an import of a
    // hand-edited file) is still shown with the case.
    const unlisted = new Map<string, StoredMention[]>();
    for (const m of this.rows.values()) {
      for (const r of this.reasonsOf(m)) {
        const set = reasons.get(m.caseId) ?? new Set<LinkReason>();
        set.add(r);
        reasons.set(m.caseId, set);
      }
      const c = this.cases.get(m.caseId);
      if (c && !c.mentionIds.includes(m.id)) unlisted.set(c.id, [...(unlisted.get(c.id) ?? []), m]);
    }
    const out: LinkedCase[] = [];
    for (const [id, c] of this.cases) {
      const why = reasons.get(id);
      if (!c || !why) continue;
      const mentions = c.mentionIds.flatMap((mid) => this.rows.get(mid) ?? []);
      out.push({
        case: c,
        mentions: [...mentions, ...(unlisted.get(id) ?? [])],
        reasons: (['post', 'thread', 'author'] as const).filter((r) => why.has(r)),
      });
    }
    return out.sort((a, b) => b.case.updatedAt.localeCompare(a.case.updatedAt));
  }
}

/** Given cases with their mentions (from `Case.mentionIds`, in that order): one bulkGet for all. */
async function withMentions(db: CaptureDb, cases: Case[]): Promise<LinkedCase[]> {
  const rows = await db.mentions.bulkGet(cases.flatMap((c) => c.mentionIds));
  const byId = new Map(rows.filter((m): m is StoredMention => !!m).map((m) => [m.id, m]));
  return cases.map((c) => ({ case: c, mentions: c.mentionIds.flatMap((id) => byId.get(id) ?? []), reasons: [] }));
}

/** The most recently updated cases, with their mentions. */
export function recentCases(db: CaptureDb, limit = 20): Promise<LinkedCase[]> {
  return db.transaction('r', db.mentions, db.cases, async () =>
    withMentions(db, await db.cases.orderBy('updatedAt').reverse().limit(limit).toArray()),
  );
}

/** Given cases with their mentions (a case a page marker asked to show). */
export function casesById(db: CaptureDb, ids: string[]): Promise<LinkedCase[]> {
  return db.transaction('r', db.mentions, db.cases, async () =>
    withMentions(
      db,
      (await db.cases.bulkGet(ids)).filter((c): c is Case => !!c),
    ),
  );
}
