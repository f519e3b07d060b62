import { describe, expect, it, vi } from 'vitest';
import { requestSync } from '../../background/sync';
import { db } from '../../storage/db';

describe('sync after the worker starts', () => {
  it('recovers what a stopped worker left in flight before this worker’s first drain, once', async () => {
    const outbox = db().outbox;
    const base = { idempotencyKey: 'k', patch: null, attempts: 1, nextAttemptAt: 0, lastError: null, createdAt: 0 };
    await outbox.bulkAdd([
      { ...base, caseId: 'c1', op: 'create', state: 'inflight', inflightAt: 1 },
      { ...base, caseId: 'c2', op: 'update', state: 'inflight', inflightAt: 1 },
    ] as never);
    requestSync();
    await vi.waitFor(async () => expect((await outbox.toArray()).map((e) => e.state)).toEqual(['unknown', 'pending']));
    // A later drain of the same worker leaves an entry it finds in flight alone (its own request is out).
    await outbox.update(1, { state: 'inflight', inflightAt: 2 });
    requestSync();
    await new Promise((ok) => setTimeout(ok, 200));
    expect((await outbox.get(1))?.state).toBe('inflight');
  });
});
