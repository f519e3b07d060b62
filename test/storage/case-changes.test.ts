import { describe, expect, it } from 'vitest';
import { saveCapture } from '../../storage/save-capture';
import { answerCase, deleteLocalCase, dismissCase } from '../../storage/case-removal';
import { mergeCases } from '../../storage/merge-cases';
import { updateCase } from '../../storage/update-case';
import { freshDb, mention, review } from '../helpers';

const actor = { agent: 'Sanne', syncEnabled: true };
const other = () =>
  mention({
    url: 'https://x.com/joost/status/2',
    postId: '2',
    author: { name: 'Joost', handle: 'joost', profileUrl: null, followers: 10 },
    text: 'Same outage here',
  });

describe('undoing mistakes', () => {
  it('deletes a case that never left this browser, with its mentions and its waiting push', async () => {
    const db = freshDb();
    const { caseId } = await saveCapture(db, { mention: mention(), review, ...actor });
    await deleteLocalCase(db, caseId);
    expect([await db.cases.count(), await db.mentions.count(), await db.outbox.count()]).toEqual([0, 0, 0]);
  });

  it('refuses to delete a case a backend may have, which is closed as not a complaint instead', async () => {
    const db = freshDb();
    const { caseId } = await saveCapture(db, { mention: mention(), review, ...actor });
    await db.outbox.toCollection().modify({ attempts: 1, lastError: 'network' });
    await expect(deleteLocalCase(db, caseId)).rejects.toMatchObject({ code: 'case_not_deletable' });
    expect(await db.cases.count()).toBe(1);

    await dismissCase(db, { caseId, reason: 'A joke, not a complaint', ...actor });
    const c = await db.cases.get(caseId);
    expect(c).toMatchObject({ status: 'resolved', dismissal: { reason: 'A joke, not a complaint', by: 'Sanne' } });
    expect(c?.log.at(-1)).toMatchObject({
      kind: 'dismissed',
      code: 'dismissed',
      params: { reason: 'A joke, not a complaint' },
    });
    const pushes = await db.outbox.where('caseId').equals(caseId).toArray();
    expect(pushes.at(-1)?.patch).toEqual({ status: 'resolved', logEntryId: c?.log.at(-1)?.id });
    // Resolved: out of the open queue, into the resolved list.
    expect(await db.cases.orderBy('queueRank').count()).toBe(0);
    expect(await db.cases.orderBy('doneAt').count()).toBe(1);
  });

  it('records the first response once, with its link, and queues it as a note', async () => {
    const db = freshDb();
    const { caseId } = await saveCapture(db, { mention: mention(), review, ...actor });
    expect(await db.cases.where('[severity+awaiting]').between(['high', 0], ['high', Infinity]).count()).toBe(1);
    await answerCase(db, {
      caseId,
      url: 'https://x.com/brand/status/9',
      ...actor,
      now: new Date('2026-11-23T10:00:00Z'),
    });
    await answerCase(db, { caseId, url: null, ...actor });
    const c = await db.cases.get(caseId);
    expect(c?.firstResponse).toEqual({
      url: 'https://x.com/brand/status/9',
      at: '2026-11-23T10:00:00.000Z',
      by: 'Sanne',
    });
    expect(c?.log.filter((e) => e.kind === 'answered')).toHaveLength(1);
    // Answered: the SLA clock stops, so it no longer counts towards overdue.
    expect(await db.cases.where('[severity+awaiting]').between(['high', 0], ['high', Infinity]).count()).toBe(0);
  });

  it('merges two cases: mentions and history move, the other leaves the queue and is closed on the backend', async () => {
    const db = freshDb();
    const a = await saveCapture(db, { mention: mention(), review: { ...review, note: 'first' }, ...actor });
    const b = await saveCapture(db, { mention: other(), review: { ...review, note: 'second' }, ...actor });
    // b was tried already: its ticket may exist, so it is closed there rather than forgotten.
    await db.outbox.where('caseId').equals(b.caseId).modify({ attempts: 1 });
    await mergeCases(db, { keepId: a.caseId, otherId: b.caseId, ...actor });
    const [keep, gone] = await db.cases.bulkGet([a.caseId, b.caseId]);
    expect(keep?.mentionIds).toEqual([a.mentionId, b.mentionId]);
    expect(keep?.log.map((e) => e.text || e.code)).toEqual(['captured', 'first', 'captured', 'second', 'merged_from']);
    expect(keep?.log.at(-1)?.params).toMatchObject({ caseId: b.caseId, who: 'Joost', mentions: '1' });
    expect(gone).toMatchObject({ mergedInto: a.caseId, status: 'resolved' });
    expect((await db.mentions.get(b.mentionId))?.caseId).toBe(a.caseId);
    // The queue lists one case: the merged one has no queue keys left (not listed, not searched).
    expect(await db.cases.orderBy('queueRank').primaryKeys()).toEqual([a.caseId]);
    expect(await db.cases.where('words').startsWith('joost').count()).toBe(0);
    const otherPushes = await db.outbox.where('caseId').equals(b.caseId).toArray();
    expect(otherPushes.at(-1)?.patch).toMatchObject({ status: 'resolved' });
    await expect(updateCase(db, { caseId: b.caseId, owner: 'x', ...actor })).rejects.toMatchObject({
      code: 'case_merged',
    });
    await expect(mergeCases(db, { keepId: a.caseId, otherId: a.caseId, ...actor })).rejects.toMatchObject({
      code: 'case_merge_self',
    });
  });

  it('a merged case that never left this browser drops its waiting pushes', async () => {
    const db = freshDb();
    const a = await saveCapture(db, { mention: mention(), review, ...actor });
    const b = await saveCapture(db, { mention: other(), review, ...actor });
    await mergeCases(db, { keepId: a.caseId, otherId: b.caseId, ...actor });
    expect(await db.outbox.where('caseId').equals(b.caseId).count()).toBe(0);
    expect((await db.cases.get(b.caseId))?.syncState).toBe('local');
  });
});

describe('the queue keys', () => {
  it('follow every write: owner, status, and a new owner through update()', async () => {
    const db = freshDb();
    const { caseId } = await saveCapture(db, { mention: mention(), review, agent: 'a', syncEnabled: false });
    expect((await db.cases.get(caseId))?.ownerKey).toBe('');
    await updateCase(db, { caseId, owner: 'Joost', agent: 'a', syncEnabled: false });
    expect(await db.cases.where('ownerKey').equals('joost').primaryKeys()).toEqual([caseId]);
    await db.cases.update(caseId, { owner: 'Anna' });
    expect(await db.cases.where('ownerKey').equals('anna').primaryKeys()).toEqual([caseId]);
    expect(await db.cases.where('ownerKey').equals('joost').count()).toBe(0);
    expect(new Set(await db.cases.where('words').startsWith('marl').primaryKeys())).toEqual(new Set([caseId]));
    expect(await db.cases.where('platform').equals('x').count()).toBe(1);
  });
});
