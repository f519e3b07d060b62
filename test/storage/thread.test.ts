import { describe, expect, it } from 'vitest';
import type { Thread } from '../../domain/thread';
import { exportJson, importJson } from '../../storage/export-import';
import { saveCapture } from '../../storage/save-capture';
import { threadOf } from '../../storage/thread';
import { freshDb, mention, review } from '../helpers';

const thread: Thread = {
  comments: [
    {
      id: 'c1',
      url: 'https://blog.example/p/#c1',
      replyTo: null,
      author: { name: 'Karin', handle: null, profileUrl: null },
      text: 'Me too!',
      publishedAt: '2026-11-20T09:00:00.000Z',
    },
    {
      id: 'c2',
      url: 'https://blog.example/p/#c2',
      replyTo: 'https://blog.example/p/#c1',
      author: { name: 'Acme', handle: null, profileUrl: 'https://acme.example/' },
      text: 'Sorry, we are on it.',
      publishedAt: null,
    },
  ],
  found: 2,
  truncated: false,
};

describe('a stored thread snapshot', () => {
  it('is one JSON string in the mention row, read back whole', async () => {
    const db = freshDb();
    const { mentionId } = await saveCapture(db, {
      mention: mention({ url: 'https://blog.example/p/', thread }),
      review,
      agent: 'a',
      syncEnabled: true,
    });
    const row = (await db.mentions.get(mentionId))!;
    expect(typeof row.threadJson).toBe('string');
    expect(row.threadCount).toBe(2);
    expect(row).not.toHaveProperty('thread');
    expect(threadOf(row)).toEqual({ ok: true, thread });
    expect(await db.cases.count()).toBe(1);
  });

  it('is reported, not thrown, when the stored JSON is damaged', () => {
    expect(threadOf({ threadJson: '{"comments":' })).toEqual({
      ok: false,
      error: 'the stored comments could not be read',
    });
    expect(
      threadOf({ threadJson: '{"comments":[{"url":"javascript:alert(1)"}],"found":1,"truncated":false}' }),
    ).toMatchObject({ ok: false });
    expect(threadOf({})).toEqual({ ok: true, thread: null });
  });

  it('goes through the JSON export as an object and comes back from an import', async () => {
    const a = freshDb();
    await saveCapture(a, {
      mention: mention({ url: 'https://blog.example/p/', thread }),
      review,
      agent: 'a',
      syncEnabled: false,
    });
    const file = await exportJson(a);
    expect(file.mentions[0]).toMatchObject({ thread });
    expect(file.mentions[0]).not.toHaveProperty('threadJson');
    const b = freshDb();
    expect(await importJson(b, JSON.stringify(file))).toMatchObject({ ok: true, cases: 1, mentions: 1 });
    expect(threadOf((await b.mentions.toArray())[0]!)).toEqual({ ok: true, thread });
    // A thread with a javascript: link is refused with the rest of the file.
    const bad = JSON.stringify({
      ...file,
      mentions: [
        {
          ...file.mentions[0],
          thread: { ...thread, comments: [{ ...thread.comments[0], url: 'javascript:alert(1)' }] },
        },
      ],
    });
    expect(await importJson(freshDb(), bad)).toMatchObject({ ok: false });
  });
});
