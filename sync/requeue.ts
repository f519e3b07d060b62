import type { CaptureDb } from '../storage/db';
import { newOutboxEntry, type OutboxEntry, type OutboxPatch } from '../domain/outbox';

/**
 * After the agent fixed settings: failed entries go back in the queue. A create or an evidence
 * upload that may have reached the backend (it was tried before) is looked up first. Nothing is dropped.
 */
export async function requeueFailed(db: CaptureDb, caseId?: string, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.cases, db.outbox, async () => {
    const failed = (await db.outbox.where('state').equals('failed').toArray()).filter(
      (e) => !caseId || e.caseId === caseId,
    );
    for (const e of failed) {
      await db.outbox.update(e.id!, {
        state: e.op !== 'update' && e.attempts > 0 ? 'unknown' : 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        lastProblem: null,
      });
      await db.cases.update(e.caseId, { syncState: 'queued', syncError: null, syncProblem: null });
    }
    return failed.length;
  });
}

/** Cases waiting to sync (queued or needing attention): the number on the toolbar badge. */
export async function waitingCounts(db: CaptureDb): Promise<{ waiting: number; failed: number }> {
  const [queued, failed] = await Promise.all([
    db.cases.where('syncState').equals('queued').count(),
    db.cases.where('syncState').equals('failed').count(),
  ]);
  return { waiting: queued + failed, failed };
}

/**
 * When a backend is configured after cases were kept locally, those cases are queued like new
 * captures: a create with the key made at capture, then updates that carry what changed since
 * (status, owner, each later note or decision), then their evidence, so the backend ends up with
 * the whole history. Returns how many cases were queued.
 */
export async function queueLocalCases(db: CaptureDb, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.cases, db.outbox, db.evidence, async () => {
    const local = await db.cases.where('syncState').equals('local').toArray();
    for (const c of local) {
      const update = (patch: OutboxPatch) => newOutboxEntry({ caseId: c.id, op: 'update', patch, at: now });
      const entries: OutboxEntry[] = [
        newOutboxEntry({ caseId: c.id, op: 'create', idempotencyKey: c.idempotencyKey, at: now }),
      ];
      if (c.status !== 'new' || c.owner) entries.push(update({ status: c.status, owner: c.owner }));
      // The capture's own note travels in the create; everything logged after it follows as updates.
      for (const e of c.log) {
        if (
          e.kind === 'created' ||
          e.kind === 'status' ||
          e.kind === 'owner' ||
          (e.kind === 'note' && e.at === c.createdAt)
        )
          continue;
        entries.push(update({ logEntryId: e.id }));
      }
      for (const evidenceId of await db.evidence.where('caseId').equals(c.id).primaryKeys())
        entries.push(newOutboxEntry({ caseId: c.id, op: 'evidence', evidenceId, at: now }));
      await db.outbox.bulkAdd(entries);
      await db.cases.update(c.id, { syncState: 'queued', syncError: null });
    }
    return local.length;
  });
}
