import { describe, expect, it } from 'vitest';
import { saveCapture } from '../../storage/save-capture';
import { casesOfAuthor, findDuplicate } from '../../storage/find-existing';
import { attachMention } from '../../storage/attach-mention';
import { expandAuthorKeys, linkIdentities, linkedIdentities, unlinkIdentity } from '../../storage/identities';
import { linkedCases } from '../../storage/linked-cases';
import { freshDb, mention, review } from '../helpers';

describe('duplicates', () => {
  it('finds the stored post by normalised permalink or by platform + post id', async () => {
    const db = freshDb();
    const { caseId } = await saveCapture(db, { mention: mention(), review, agent: 'a', syncEnabled: false });
    expect(
      (await findDuplicate(db, mention({ url: 'https://twitter.com/MarloesDV/status/1790000000000000001?s=20' })))
        ?.caseId,
    ).toBe(caseId);
    expect((await findDuplicate(db, mention({ url: 'https://x.com/i/web/status/1790000000000000001' })))?.caseId).toBe(
      caseId,
    );
    expect(await findDuplicate(db, mention({ url: 'https://x.com/marloesdv/status/2', postId: '2' }))).toBeUndefined();
    expect(await findDuplicate(db, mention({ url: 'https://x.com/marloesdv/status/3', postId: null }))).toBeUndefined();
  });

  it('matches blog comment ids only by permalink, Mastodon ids only on the same instance and account', async () => {
    const db = freshDb();
    const comment = (url: string) =>
      mention({
        platform: 'blog',
        kind: 'comment',
        url,
        postId: '12',
        author: { name: 'Piet', handle: null, profileUrl: null, followers: null },
      });
    await saveCapture(db, {
      mention: comment('https://blog.example/a#comment-12'),
      review,
      agent: 'a',
      syncEnabled: false,
    });
    expect(await findDuplicate(db, comment('https://blog.example/b#comment-12'))).toBeUndefined();
    const toot = (url: string, handle: string) =>
      mention({
        platform: 'mastodon',
        url,
        postId: '111',
        author: { name: null, handle, profileUrl: null, followers: null },
      });
    await saveCapture(db, {
      mention: toot('https://mastodon.social/@anouk/111', 'anouk@mastodon.social'),
      review,
      agent: 'a',
      syncEnabled: false,
    });
    expect(
      await findDuplicate(db, toot('https://mastodon.social/@anouk/111?utm_source=x', 'anouk@mastodon.social')),
    ).toBeDefined();
    expect(
      await findDuplicate(db, toot('https://mastodon.social/statuses/111', 'anouk@mastodon.social')),
    ).toBeDefined();
    expect(await findDuplicate(db, toot('https://fosstodon.org/@bert/111', 'bert@fosstodon.org'))).toBeUndefined();
  });
});

describe('attaching to the author’s earlier case', () => {
  it('lists the author’s cases and attaches a capture with a logged, queued entry', async () => {
    const db = freshDb();
    const first = await saveCapture(db, { mention: mention(), review, agent: 'a', syncEnabled: true });
    const next = mention({
      url: 'https://x.com/marloesdv/status/5',
      postId: '5',
      author: { name: 'M', handle: 'MarloesDV', profileUrl: null, followers: null },
    });
    expect((await casesOfAuthor(db, next)).map((c) => c.id)).toEqual([first.caseId]);
    const { mentionId } = await attachMention(db, {
      caseId: first.caseId,
      mention: next,
      note: 'same outage',
      agent: 'Sanne',
      syncEnabled: true,
    });
    const c = await db.cases.get(first.caseId);
    expect(c?.mentionIds).toEqual([first.mentionId, mentionId]);
    expect(c?.log.slice(-2).map((e) => [e.kind, e.by])).toEqual([
      ['mention', 'Sanne'],
      ['note', 'Sanne'],
    ]);
    expect(await db.cases.count()).toBe(1);
    const queued = await db.outbox.where('caseId').equals(first.caseId).toArray();
    // The mention goes with its own update (the backend then finds the case by that post), the note with another.
    expect(queued.map((o) => [o.op, o.patch?.mentionId ?? null, !!o.patch?.logEntryId])).toEqual([
      ['create', null, false],
      ['update', mentionId, true],
      ['update', null, true],
    ]);
    expect(queued[2]!.patch?.logEntryId).toBe(c?.log.at(-1)?.id);
    expect((await findDuplicate(db, next))?.id).toBe(mentionId);
  });

  it('refuses to attach to a case that does not exist, storing nothing', async () => {
    const db = freshDb();
    await expect(
      attachMention(db, { caseId: 'nope', mention: mention(), note: '', agent: 'a', syncEnabled: true }),
    ).rejects.toMatchObject({ code: 'case_not_found' });
    expect(await db.mentions.count()).toBe(0);
  });
});

describe('linked identities', () => {
  it('counts linked identities as one author for attach offers and the side panel', async () => {
    const db = freshDb();
    const blog = mention({
      platform: 'blog',
      kind: 'comment',
      url: 'https://blog.example/p#comment-1',
      postId: null,
      parentUrl: 'https://blog.example/p',
      author: { name: 'Marloes de Vries', handle: null, profileUrl: null, followers: null },
    });
    const b = await saveCapture(db, { mention: blog, review, agent: 'a', syncEnabled: false });
    expect(await casesOfAuthor(db, mention())).toEqual([]);
    await linkIdentities(db, 'x:marloesdv', 'blog:marloes de vries');
    expect((await casesOfAuthor(db, mention())).map((c) => c.id)).toEqual([b.caseId]);
    const onX = await linkedCases(db, 'https://x.com/marloesdv', ['x:marloesdv']);
    expect(onX.map((l) => [l.case.id, l.reasons])).toEqual([[b.caseId, ['author']]]);
    await unlinkIdentity(db, 'blog:marloes de vries');
    expect(await casesOfAuthor(db, mention())).toEqual([]);
    expect(await db.identities.count()).toBe(0);
  });

  it('merges groups when two linked groups are linked', async () => {
    const db = freshDb();
    await linkIdentities(db, 'x:a', 'blog:a');
    await linkIdentities(db, 'mastodon:a@m.social', 'bluesky:a.bsky.social');
    await linkIdentities(db, 'blog:a', 'bluesky:a.bsky.social');
    expect((await expandAuthorKeys(db, ['x:a'])).sort()).toEqual([
      'blog:a',
      'bluesky:a.bsky.social',
      'mastodon:a@m.social',
      'x:a',
    ]);
    expect(await linkedIdentities(db, 'x:unknown')).toEqual([]);
    await expect(linkIdentities(db, 'x:a', 'x:a')).rejects.toThrow();
  });
});
