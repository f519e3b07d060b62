import { describe, expect, it } from 'vitest';
import { CaptureDb } from '../../storage/db';
import { saveCaptures } from '../../storage/save-capture';
import { linkedCases } from '../../storage/linked-cases';
import { MentionSchema, type Mention } from '../../domain/mention';

const post = 'https://blog.example/2026/11/outage/';
function comment(n: number): Mention {
  return MentionSchema.parse({
    platform: 'blog', kind: 'comment', url: `${post}#comment-${n}`, postId: `comment-${n}`,
    author: { name: `Reader ${n}`, handle: null, profileUrl: null, followers: null },
    text: `Comment ${n}: no internet here either.`, title: null, publishedAt: null, language: 'en', parentUrl: post,
    metrics: { views: null, likes: null, reposts: null, replies: null }, warnings: [], capturedAt: '2026-11-23T09:00:00.000Z',
  });
}
const review = { category: 'outage' as const, severity: 'high' as const, owner: null, note: '' };

describe('saveCaptures (issue 6: a post and all its comments in one transaction)', () => {
  it('stores one case, mention and outbox entry per capture, linked to the post like single saves', async () => {
    const db = new CaptureDb(`save-captures-${Math.random()}`);
    const res = await saveCaptures(db, [1, 2, 3].map((n) => ({ mention: comment(n), review, agent: 'Agent', syncEnabled: true })));
    expect(res).toHaveLength(3);
    expect(await db.mentions.count()).toBe(3);
    expect(await db.outbox.count()).toBe(3);
    const cases = await db.cases.bulkGet(res.map((r) => r.caseId));
    expect(cases.map((c) => [c?.syncState, c?.mentionIds])).toEqual(res.map((r) => ['queued', [r.mentionId]]));
    const linked = await linkedCases(db, post);
    expect(linked.map((l) => l.case.id).sort()).toEqual(res.map((r) => r.caseId).sort());
    expect(linked.every((l) => l.reasons.includes('thread') && l.mentions.length === 1)).toBe(true);
  });

  it('writes nothing when one row is refused (all or nothing)', async () => {
    const db = new CaptureDb(`save-captures-${Math.random()}`);
    const inputs = [1, 2].map((n) => ({ mention: comment(n), review, agent: 'Agent', syncEnabled: false }));
    await saveCaptures(db, inputs);
    // A refused write later in the same transaction (a duplicate idempotency key) undoes the bulk save.
    const first = (await db.cases.toArray())[0]!;
    await expect(db.transaction('rw', db.mentions, db.cases, db.outbox, async () => {
      await saveCaptures(db, [{ mention: comment(3), review, agent: 'Agent', syncEnabled: false }]);
      await db.cases.add({ ...first, id: 'dup' });
    })).rejects.toThrow();
    expect(await db.mentions.count()).toBe(2);
  });
});
