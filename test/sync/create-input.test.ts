import { describe, expect, it } from 'vitest';
import type { Thread } from '../../domain/thread';
import { saveCapture } from '../../storage/save-capture';
import { createInput, threadForSync } from '../../sync/create-input';
import { freshDb, mention, review } from '../helpers';

const comment = (i: number, text = `Me too, day ${i}.`) => ({
  id: `c${i}`,
  url: `https://blog.example/p/#c${i}`,
  replyTo: null,
  author: { name: `Reader ${i}`, handle: null, profileUrl: null },
  text,
  publishedAt: null,
});

describe('the create body and the thread kept with a post', () => {
  it('sends the stored thread with the mention, and nothing of the row’s own keys', async () => {
    const db = freshDb();
    const thread: Thread = { comments: [comment(1), comment(2)], found: 2, truncated: false };
    const { caseId, mentionId } = await saveCapture(db, {
      mention: mention({ url: 'https://blog.example/p/', thread }),
      review,
      agent: 'a',
      syncEnabled: true,
    });
    const input = createInput((await db.cases.get(caseId))!, (await db.mentions.get(mentionId))!);
    expect(input.mention.thread).toEqual(thread);
    expect(input.mention).not.toHaveProperty('threadJson');
    expect(input.mention).not.toHaveProperty('urlKey');
  });

  it('cuts a thread too big for a request body, and says so', () => {
    const big: Thread = {
      comments: Array.from({ length: 100 }, (_, i) => comment(i, 'x'.repeat(4_000))),
      found: 120,
      truncated: true,
    };
    const sent = threadForSync(big);
    expect(JSON.stringify(sent).length).toBeLessThanOrEqual(210_000);
    expect(sent.comments.length).toBeGreaterThan(40);
    expect(sent.comments.length).toBeLessThan(100);
    expect(sent.truncated).toBe(true);
    const small: Thread = { comments: [comment(1)], found: 1, truncated: false };
    expect(threadForSync(small)).toBe(small);
  });

  it('leaves a damaged stored thread out instead of failing the case', async () => {
    const db = freshDb();
    const { caseId, mentionId } = await saveCapture(db, {
      mention: mention({ url: 'https://blog.example/p/' }),
      review,
      agent: 'a',
      syncEnabled: true,
    });
    const row = { ...(await db.mentions.get(mentionId))!, threadJson: '{broken' };
    const input = createInput((await db.cases.get(caseId))!, row);
    expect(input.mention.thread).toBeUndefined();
    expect(input.mention.url).toBe('https://blog.example/p/');
  });
});
