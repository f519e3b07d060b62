import { describe, expect, it } from 'vitest';
import type { StoredMention } from '../../domain/case';
import { urlKey } from '../../domain/url-key';
import { attachMention } from '../../storage/attach-mention';
import type { CaptureDb } from '../../storage/db';
import { expandAuthorKeys, linkIdentities } from '../../storage/identities';
import { casesById, linkedCases, recentCases, type LinkReason } from '../../storage/linked-cases';
import { saveCapture } from '../../storage/save-capture';
import { freshDb, mention, review } from '../helpers';

/**
 * What linkedCases() must answer, computed the plain way from every row (the query was rewritten
 * to read far less; this keeps it answering the same): cases with a mention of this post,
 * of this thread, or by an author seen on the page (named by the address, or author of a stored
 * mention of the post or thread), linked identities counted as one author.
 */
async function expected(db: CaptureDb, pageUrl: string, pageAuthors: string[]) {
  const key = urlKey(pageUrl);
  const all = await db.mentions.toArray();
  const seen = all.filter((m) => m.urlKey === key || m.threadKey === key);
  const authors = new Set(
    await expandAuthorKeys(db, [
      ...new Set([...pageAuthors, ...seen.flatMap((m) => (m.authorKey ? [m.authorKey] : []))]),
    ]),
  );
  const reasons = new Map<string, Set<LinkReason>>();
  const add = (m: StoredMention, r: LinkReason) => reasons.set(m.caseId, (reasons.get(m.caseId) ?? new Set()).add(r));
  for (const m of all) {
    if (m.urlKey === key) add(m, 'post');
    if (m.threadKey === key) add(m, 'thread');
    if (m.authorKey && authors.has(m.authorKey)) add(m, 'author');
  }
  return [...reasons]
    .map(([caseId, r]) => ({
      caseId,
      reasons: [...r].sort(),
      mentions: all
        .filter((m) => m.caseId === caseId)
        .map((m) => m.id)
        .sort(),
    }))
    .sort((a, b) => a.caseId.localeCompare(b.caseId));
}

const shape = (linked: Awaited<ReturnType<typeof linkedCases>>) =>
  linked
    .map((l) => ({ caseId: l.case.id, reasons: [...l.reasons].sort(), mentions: l.mentions.map((m) => m.id).sort() }))
    .sort((a, b) => a.caseId.localeCompare(b.caseId));

const tweet = (author: string, n: number, parent: string | null = null) =>
  mention({
    url: `https://x.com/${author}/status/${n}`,
    postId: String(n),
    parentUrl: parent,
    author: { name: author, handle: author, profileUrl: null, followers: null },
  });
const comment = (post: number, reader: string, n: number) =>
  mention({
    platform: 'blog',
    kind: 'comment',
    url: `https://blog.example/p/${post}/#comment-${n}`,
    postId: null,
    parentUrl: `https://blog.example/p/${post}/`,
    author: { name: reader, handle: null, profileUrl: null, followers: null },
  });

describe('linkedCases', () => {
  it('finds the same cases, reasons and mentions as a plain scan of every row', async () => {
    const db = freshDb();
    const save = async (m: ReturnType<typeof mention>) =>
      (await saveCapture(db, { mention: m, review, agent: 'a', syncEnabled: false })).caseId;
    const ids: string[] = [];
    // A busy blog post: 40 comments by 3 readers (one with more than 16 here), who
    // also comment elsewhere; replies to a company tweet; customers tweeting.
    for (let i = 0; i < 40; i++) ids.push(await save(comment(1, ['Anna', 'Anna', 'Bram', 'Cor'][i % 4]!, i)));
    for (let i = 40; i < 60; i++) ids.push(await save(comment(2 + (i % 3), ['Anna', 'Bram', 'Dirk'][i % 3]!, i)));
    for (let i = 0; i < 30; i++)
      ids.push(await save(tweet(`cust${i % 4}`, 100 + i, i % 3 === 0 ? 'https://x.com/acme/status/1' : null)));
    // Cases holding mentions by other authors and from other threads.
    for (let i = 0; i < 10; i++)
      await attachMention(db, {
        caseId: ids[i * 7]!,
        mention: tweet(`other${i}`, 500 + i),
        note: '',
        agent: 'a',
        syncEnabled: false,
      });
    await attachMention(db, {
      caseId: ids[70]!,
      mention: comment(1, 'Eva', 999),
      note: '',
      agent: 'a',
      syncEnabled: false,
    });
    // The same person on X and on a blog.
    await linkIdentities(db, 'blog:dirk', 'x:cust3');
    await linkIdentities(db, 'x:cust1', 'blog:cor');
    for (const [url, authors] of [
      ['https://blog.example/p/1/', []],
      ['https://blog.example/p/3/', []],
      ['https://x.com/acme/status/1', ['x:acme']],
      ['https://x.com/cust3/status/103', ['x:cust3']],
      ['https://x.com/cust1', ['x:cust1']],
      ['https://x.com/other4/status/504', ['x:other4']],
      ['https://nothing.example/', []],
    ] as [string, string[]][]) {
      expect(shape(await linkedCases(db, url, authors)), url).toEqual(await expected(db, url, authors));
    }
  });

  it("lists a case's mentions first capture first, newest updated case first", async () => {
    const db = freshDb();
    const a = await saveCapture(db, {
      mention: tweet('anna', 1),
      review,
      agent: 'a',
      syncEnabled: false,
      now: new Date('2026-11-01T10:00:00Z'),
    });
    const b = await saveCapture(db, {
      mention: tweet('anna', 2),
      review,
      agent: 'a',
      syncEnabled: false,
      now: new Date('2026-11-02T10:00:00Z'),
    });
    for (let i = 0; i < 5; i++)
      await attachMention(db, {
        caseId: a.caseId,
        mention: tweet(`x${i}`, 10 + i),
        note: '',
        agent: 'a',
        syncEnabled: false,
        now: new Date(`2026-11-0${3 + i}T10:00:00Z`),
      });
    const order = (await db.cases.get(a.caseId))!.mentionIds;
    const linked = await linkedCases(db, 'https://x.com/anna', ['x:anna']);
    expect(linked.map((l) => l.case.id)).toEqual([a.caseId, b.caseId]);
    expect(linked[0]!.mentions.map((m) => m.id)).toEqual(order);
    expect((await casesById(db, [a.caseId]))[0]!.mentions.map((m) => m.id)).toEqual(order);
    expect((await recentCases(db, 1))[0]!.mentions.map((m) => m.id)).toEqual(order);
  });

  it('still shows a mention its case does not list (an import of a hand-edited file)', async () => {
    const db = freshDb();
    const a = await saveCapture(db, { mention: tweet('anna', 1), review, agent: 'a', syncEnabled: false });
    const stray = {
      ...(await db.mentions.get(a.mentionId))!,
      id: 'stray',
      url: 'https://x.com/anna/status/2',
      urlKey: 'x.com/anna/status/2',
      threadKey: 'x.com/anna/status/2',
    };
    await db.mentions.add(stray);
    const [linked] = await linkedCases(db, 'https://x.com/anna/status/2', []);
    expect(linked?.mentions.map((m) => m.id).sort()).toEqual([a.mentionId, 'stray'].sort());
    expect(linked?.reasons).toEqual(['post', 'thread', 'author']);
  });
});
