import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../domain/case';
import { newCase } from '../../domain/case-records';
import { newOutboxEntry, OutboxEntrySchema } from '../../domain/outbox';
import { mention } from '../helpers';

const xMention = mention({
  url: 'https://x.com/a/status/1',
  author: { name: 'A', handle: 'a', profileUrl: null, followers: 40000 },
  text: 'Nobody calls back.',
});

const KEY = '7b0c9e2e-3c1f-4f9a-9d0e-2f6b1b2a9c11';

describe('newOutboxEntry', () => {
  it('a create carries the case’s own key and no patch, due at once', () => {
    const e = newOutboxEntry({ caseId: 'c1', op: 'create', idempotencyKey: KEY, at: 1000 });
    expect(OutboxEntrySchema.parse(e)).toEqual({
      caseId: 'c1',
      op: 'create',
      idempotencyKey: KEY,
      patch: null,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: 1000,
      lastError: null,
      createdAt: 1000,
    });
  });

  it('each update gets a key of its own and carries what changed', () => {
    const a = newOutboxEntry({ caseId: 'c1', op: 'update', patch: { status: 'open' }, at: 5 });
    const b = newOutboxEntry({ caseId: 'c1', op: 'update', patch: { logEntryId: 'l1' }, at: 5 });
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
    expect([a.patch, b.patch]).toEqual([{ status: 'open' }, { logEntryId: 'l1' }]);
    expect(OutboxEntrySchema.safeParse({ ...a, patch: { status: 'closed' } }).success).toBe(false);
  });
});

describe('newCase', () => {
  it('opens a new case whose log says where it came from, with the note', () => {
    const c = newCase({
      id: 'c1',
      mentionId: 'm1',
      mention: xMention,
      review: { category: 'outage', severity: 'high', owner: '  ', note: ' call back ' },
      agent: 'Sanne',
      at: '2026-11-23T09:00:00.000Z',
      syncEnabled: true,
    });
    expect(CaseSchema.parse(c)).toMatchObject({ status: 'new', owner: null, syncState: 'queued', mentionIds: ['m1'] });
    expect(c.log.map((l) => [l.kind, l.by, l.text, l.code, l.params])).toEqual([
      ['created', 'Sanne', '', 'captured', { platform: 'x', url: 'https://x.com/a/status/1' }],
      ['note', 'Sanne', 'call back', undefined, undefined],
    ]);
    // The first mention in brief, for the queue's row and search.
    expect(c.subject).toMatchObject({ platform: 'x', handle: 'a', followers: 40000, text: 'Nobody calls back.' });
    expect([c.firstResponse, c.dismissal, c.mergedInto, c.syncProblem]).toEqual([null, null, null, null]);
  });
});
