import type { Case, CaseStatus, LogEntry } from '../domain/case';
import { codedLogEntry, newLogEntry } from '../domain/case-records';
import { newOutboxEntry, type OutboxPatch } from '../domain/outbox';
import { ProblemError } from '../domain/problem';
import type { CaptureDb } from './db';

/** Which case an agent changes, who they are, and whether the change goes to a backend. */
export interface CaseChange {
  caseId: string;
  agent: string;
  syncEnabled: boolean;
  now?: Date;
}

/**
 * Applies a change, logs it, and queues it for the backend in the same transaction. A merged case
 * takes no more changes (they belong to the case it went into).
 */
export async function mutate(
  db: CaptureDb,
  input: CaseChange,
  change: (c: Case, at: string) => { entries: LogEntry[]; patch: OutboxPatch | null },
) {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  await db.transaction('rw', db.cases, db.outbox, async () => {
    const c = await db.cases.get(input.caseId);
    if (!c) throw new ProblemError('case_not_found', { caseId: input.caseId });
    if (c.mergedInto) throw new ProblemError('case_merged', { caseId: c.mergedInto });
    const { entries, patch } = change(c, at);
    if (!entries.length) return;
    c.log.push(...entries);
    c.updatedAt = at;
    if (input.syncEnabled && patch) {
      // A case not yet acknowledged is re-sent whole by its create; later changes ride behind it.
      if (c.syncState !== 'failed') c.syncState = 'queued';
      await db.outbox.add(newOutboxEntry({ caseId: c.id, op: 'update', patch, at: now.getTime() }));
    }
    await db.cases.put(c);
  });
}

/** Adds a note or a decision, with who and when. */
export function addLogEntry(db: CaptureDb, input: CaseChange & { kind: 'note' | 'decision'; text: string }) {
  return mutate(db, input, (_c, at) => {
    const e = newLogEntry(input.kind, input.agent, input.text.trim(), at);
    return { entries: [e], patch: { logEntryId: e.id } };
  });
}

/** Changes status and/or owner; each change becomes a log entry. */
export function updateCase(db: CaptureDb, input: CaseChange & { status?: CaseStatus; owner?: string | null }) {
  return mutate(db, input, (c, at) => {
    const entries: LogEntry[] = [];
    const patch: OutboxPatch = {};
    if (input.status && input.status !== c.status) {
      entries.push(codedLogEntry('status', input.agent, 'status_changed', { from: c.status, to: input.status }, at));
      c.status = input.status;
      patch.status = input.status;
    }
    if (input.owner !== undefined) {
      const owner = input.owner?.trim() || null;
      if (owner !== c.owner) {
        entries.push(
          owner
            ? codedLogEntry('owner', input.agent, 'owner_set', { owner }, at)
            : codedLogEntry('owner', input.agent, 'owner_removed', {}, at),
        );
        c.owner = owner;
        patch.owner = owner;
      }
    }
    return { entries, patch };
  });
}
