import type { LogEntry } from '../domain/case';
import { codedLogEntry } from '../domain/case-records';
import { canDelete, canMerge } from '../domain/case-rules';
import { newOutboxEntry, type OutboxEntry } from '../domain/outbox';
import { ProblemError } from '../domain/problem';
import type { CaptureDb } from './db';

export interface MergeInput {
  /** The case that stays (the one the agent opened). */
  keepId: string;
  /** The case merged into it: it leaves the queue. */
  otherId: string;
  agent: string;
  syncEnabled: boolean;
  now?: Date;
}

/**
 * Merges two cases about the same complaint into one, in one transaction. The kept case gets the
 * other's mentions and history (each line as it was, plus one saying what was merged) and the
 * earlier first response; the other is resolved, marked as merged into it, and leaves the queue.
 * With a backend, the kept case's ticket gets a note; the other's ticket, when it has one (or may
 * have one), a note and its closing; when it never left this browser, its waiting pushes go.
 */
export async function mergeCases(db: CaptureDb, input: MergeInput): Promise<void> {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  await db.transaction('rw', db.cases, db.mentions, db.outbox, async () => {
    const [keep, other] = await db.cases.bulkGet([input.keepId, input.otherId]);
    if (!keep) throw new ProblemError('case_not_found', { caseId: input.keepId });
    if (!other) throw new ProblemError('case_not_found', { caseId: input.otherId });
    if (keep.id === other.id) throw new ProblemError('case_merge_self');
    if (!canMerge(keep, other))
      throw new ProblemError('case_merged', { caseId: keep.mergedInto ?? other.mergedInto ?? '' });
    const otherEntries = await db.outbox.where('caseId').equals(other.id).toArray();

    const moved = await db.mentions.where('caseId').equals(other.id).primaryKeys();
    await db.mentions.where('caseId').equals(other.id).modify({ caseId: keep.id });
    const who = other.subject?.authorName ?? other.subject?.handle ?? '';
    const mergedFrom = codedLogEntry(
      'merged',
      input.agent,
      'merged_from',
      { caseId: other.id, who, mentions: String(moved.length) },
      at,
    );
    const mergedInto = codedLogEntry('merged', input.agent, 'merged_into', { caseId: keep.id }, at);
    keep.mentionIds = [...new Set([...keep.mentionIds, ...other.mentionIds, ...moved])];
    keep.log = [...keep.log, ...other.log].sort(byTime).concat(mergedFrom);
    if (other.firstResponse && (!keep.firstResponse || other.firstResponse.at < keep.firstResponse.at))
      keep.firstResponse = other.firstResponse;
    keep.updatedAt = at;
    other.mergedInto = keep.id;
    other.status = 'resolved';
    other.log.push(mergedInto);
    other.updatedAt = at;

    const pushes: OutboxEntry[] = [];
    if (input.syncEnabled) {
      if (keep.syncState !== 'failed') keep.syncState = 'queued';
      pushes.push(
        newOutboxEntry({ caseId: keep.id, op: 'update', patch: { logEntryId: mergedFrom.id }, at: now.getTime() }),
      );
      if (canDelete({ backend: other.backend, mergedInto: null }, otherEntries)) {
        // It never reached the backend: nothing to close there.
        await db.outbox.bulkDelete(otherEntries.map((e) => e.id!));
        other.syncState = 'local';
      } else {
        if (other.syncState !== 'failed') other.syncState = 'queued';
        pushes.push(
          newOutboxEntry({
            caseId: other.id,
            op: 'update',
            patch: { status: 'resolved', logEntryId: mergedInto.id },
            at: now.getTime(),
          }),
        );
      }
    }
    await Promise.all([db.cases.bulkPut([keep, other]), pushes.length ? db.outbox.bulkAdd(pushes) : null]);
  });
}

const byTime = (a: LogEntry, b: LogEntry) => a.at.localeCompare(b.at);
