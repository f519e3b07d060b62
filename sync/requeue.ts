import type { CaptureDb } from '../storage/db';

/**
 * After the agent fixed settings: failed entries go back in the queue. A create that may have
 * reached the backend (it was tried before) is looked up by its key first. Nothing is dropped.
 */
export async function requeueFailed(db: CaptureDb, caseId?: string, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.cases, db.outbox, async () => {
    const failed = (await db.outbox.where('state').equals('failed').toArray()).filter((e) => !caseId || e.caseId === caseId);
    for (const e of failed) {
      await db.outbox.update(e.id!, { state: e.op === 'create' && e.attempts > 0 ? 'unknown' : 'pending', attempts: 0, nextAttemptAt: now, lastError: null });
      await db.cases.update(e.caseId, { syncState: 'queued', syncError: null });
    }
    return failed.length;
  });
}

/** Cases waiting to sync (queued or needing attention): the number on the toolbar badge. */
export async function waitingCounts(db: CaptureDb): Promise<{ waiting: number; failed: number }> {
  const [queued, failed] = await Promise.all([db.cases.where('syncState').equals('queued').count(), db.cases.where('syncState').equals('failed').count()]);
  return { waiting: queued + failed, failed };
}
