import { describe, expect, it } from 'vitest';
import { CaptureDb } from '../../storage/db';
import { saveCapture } from '../../storage/save-capture';
import { linkedCases, recentCases } from '../../storage/linked-cases';
import { addLogEntry, updateCase } from '../../storage/update-case';
import { mention } from '../helpers';

const review = { category: 'outage' as const, severity: 'high' as const, owner: null, note: 'Customer since 2009' };

describe('saveCapture', () => {
  it('writes mention, case and outbox entry together when a backend is configured', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const { caseId, mentionId } = await saveCapture(db, {
      mention: mention(),
      review,
      agent: 'Sanne',
      syncEnabled: true,
    });
    const c = await db.cases.get(caseId);
    expect(c?.mentionIds).toEqual([mentionId]);
    expect(c?.syncState).toBe('queued');
    expect(c?.log.map((e) => [e.kind, e.by])).toEqual([
      ['created', 'Sanne'],
      ['note', 'Sanne'],
    ]);
    const outbox = await db.outbox.where('caseId').equals(caseId).toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.idempotencyKey).toBe(c?.idempotencyKey);
    expect((await db.mentions.get(mentionId))?.authorKey).toBe('x:marloesdv');
  });

  it('keeps the case local, with no outbox entry, when no backend is configured', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const { caseId } = await saveCapture(db, { mention: mention(), review, agent: 'Sanne', syncEnabled: false });
    expect((await db.cases.get(caseId))?.syncState).toBe('local');
    expect(await db.outbox.count()).toBe(0);
  });

  it('rolls back everything when one write fails', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const first = await saveCapture(db, { mention: mention(), review, agent: 'a', syncEnabled: true });
    const kase = await db.cases.get(first.caseId);
    // A second case with the same idempotency key violates the unique index: nothing of it may stay.
    const spy = crypto.randomUUID;
    crypto.randomUUID = (() => kase!.idempotencyKey) as typeof crypto.randomUUID;
    try {
      await expect(
        saveCapture(db, {
          mention: mention({ url: 'https://x.com/a/status/2' }),
          review,
          agent: 'a',
          syncEnabled: true,
        }),
      ).rejects.toThrow();
    } finally {
      crypto.randomUUID = spy;
    }
    expect(await db.cases.count()).toBe(1);
    expect(await db.mentions.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('linked cases', () => {
  it('finds the same post across twitter.com/x.com and tracking parameters, the same author, and the thread', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const post = await saveCapture(db, { mention: mention(), review, agent: 'a', syncEnabled: false });
    const other = await saveCapture(db, {
      mention: mention({ url: 'https://x.com/marloesdv/status/1790000000000000099', postId: '1790000000000000099' }),
      review,
      agent: 'a',
      syncEnabled: false,
    });
    const blog = await saveCapture(db, {
      mention: mention({
        platform: 'blog',
        kind: 'comment',
        url: 'https://blog.example/p/1#comment-7',
        parentUrl: 'https://blog.example/p/1',
        author: { name: 'Piet', handle: null, profileUrl: null, followers: null },
      }),
      review,
      agent: 'a',
      syncEnabled: false,
    });
    const onPost = await linkedCases(db, 'https://twitter.com/marloesdv/status/1790000000000000001?s=20&utm_source=x', [
      'x:marloesdv',
    ]);
    const byId = new Map(onPost.map((l) => [l.case.id, l.reasons]));
    expect(byId.get(post.caseId)).toEqual(expect.arrayContaining(['post', 'author']));
    expect(byId.get(other.caseId)).toEqual(['author']);
    expect(byId.has(blog.caseId)).toBe(false);
    const onBlog = await linkedCases(db, 'https://blog.example/p/1/');
    expect(onBlog.map((l) => l.case.id)).toEqual([blog.caseId]);
    expect(onBlog[0]?.reasons).toEqual(['thread', 'author']);
    expect((await recentCases(db, 2)).length).toBe(2);
  });
});

describe('case updates', () => {
  it('logs status, owner and decisions with who and when, and queues them for the backend', async () => {
    const db = new CaptureDb(`t-${crypto.randomUUID()}`);
    const { caseId } = await saveCapture(db, { mention: mention(), review, agent: 'a', syncEnabled: true });
    await updateCase(db, {
      caseId,
      status: 'open',
      owner: 'Joost',
      agent: 'Sanne',
      syncEnabled: true,
      now: new Date('2026-11-23T10:00:00Z'),
    });
    await addLogEntry(db, {
      caseId,
      kind: 'decision',
      text: 'Refund one month',
      agent: 'Joost',
      syncEnabled: true,
      now: new Date('2026-11-23T11:00:00Z'),
    });
    const c = await db.cases.get(caseId);
    expect(c?.status).toBe('open');
    expect(c?.owner).toBe('Joost');
    expect(c?.log.slice(2).map((e) => [e.kind, e.by, e.code ?? e.text, e.params])).toEqual([
      ['status', 'Sanne', 'status_changed', { from: 'new', to: 'open' }],
      ['owner', 'Sanne', 'owner_set', { owner: 'Joost' }],
      ['decision', 'Joost', 'Refund one month', undefined],
    ]);
    expect(c?.updatedAt).toBe('2026-11-23T11:00:00.000Z');
    expect(await db.outbox.count()).toBe(3);
  });
});
