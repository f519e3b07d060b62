import { codedLogEntry } from '../domain/case-records';
import type { StoredEvidence } from '../domain/evidence';
import type { EvidenceMissing } from '../domain/evidence-missing';
import { newOutboxEntry } from '../domain/outbox';
import type { CaptureDb } from './db';

/** A record no saved capture claimed within this time is dropped (the agent closed the popup). */
export const UNCLAIMED_MS = 24 * 60 * 60_000;

/** Keeps a finished evidence record until the capture it was taken for is saved (caseId null). */
export async function putPendingEvidence(db: CaptureDb, record: StoredEvidence): Promise<void> {
  await db.evidence.put({ ...record, caseId: null, mentionId: null });
}

export interface Claim {
  evidenceId: string;
  caseId: string;
  mentionId: string;
  /** A backend is configured: the record is queued for it behind the case's create. */
  syncEnabled: boolean;
  now?: Date;
}

/**
 * Links a pending record to the case and mention its capture was saved as and, with a backend,
 * queues its upload (its own idempotency key), in one transaction. A record already linked is
 * left as it is: a capture is saved once, and so is its evidence.
 */
export async function claimEvidence(db: CaptureDb, c: Claim): Promise<'claimed' | 'missing' | 'already'> {
  const now = c.now ?? new Date();
  return db.transaction('rw', db.evidence, db.outbox, db.cases, async () => {
    const record = await db.evidence.get(c.evidenceId);
    if (!record) return 'missing';
    if (record.caseId !== null) return 'already';
    await db.evidence.update(c.evidenceId, { caseId: c.caseId, mentionId: c.mentionId });
    const kase = await db.cases.get(c.caseId);
    if (c.syncEnabled && kase) {
      await db.outbox.add(
        newOutboxEntry({ caseId: c.caseId, op: 'evidence', evidenceId: c.evidenceId, at: now.getTime() }),
      );
      if (kase.syncState !== 'failed') await db.cases.update(c.caseId, { syncState: 'queued' });
    }
    return 'claimed';
  });
}

/**
 * Says in the case's history that no image was kept for a capture, and why (the tab was no longer
 * in front, storage was full…): the agent must not believe there is evidence when there is none.
 */
export async function noteMissingEvidence(db: CaptureDb, caseId: string, missing: EvidenceMissing, now = new Date()) {
  await db.transaction('rw', db.cases, async () => {
    const c = await db.cases.get(caseId);
    if (!c) return;
    const at = now.toISOString();
    c.log.push(
      codedLogEntry(
        'mention',
        'Complaint Capture',
        'evidence_missing',
        {
          reason: missing.reason,
          ...(missing.detail ? { detail: missing.detail } : {}),
        },
        at,
      ),
    );
    await db.cases.put(c);
  });
}

/** A case's evidence, oldest first (by the caseId index). */
export async function evidenceOfCase(db: CaptureDb, caseId: string): Promise<StoredEvidence[]> {
  return (await db.evidence.where('caseId').equals(caseId).toArray()).sort((a, b) =>
    a.capturedAt.localeCompare(b.capturedAt),
  );
}

/** A mention's evidence (by the mentionId index). */
export function evidenceOfMention(db: CaptureDb, mentionId: string): Promise<StoredEvidence[]> {
  return db.evidence.where('mentionId').equals(mentionId).toArray();
}

/** Drops records never claimed by a saved capture, older than `UNCLAIMED_MS` (read by the time index). */
export async function dropUnclaimedEvidence(db: CaptureDb, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - UNCLAIMED_MS).toISOString();
  return db.evidence
    .where('capturedAt')
    .below(cutoff)
    .filter((r) => r.caseId === null)
    .delete();
}
