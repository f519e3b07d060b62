import type { Case, CaseStatus, LogEntry } from '../domain/case';
import type { CaptureDb } from './db';
import { logEntry } from './save-capture';

interface Common {
  caseId: string;
  agent: string;
  syncEnabled: boolean;
  now?: Date;
}

/** Queues the change for the backend in the same transaction as the change itself. */
async function queueUpdate(
  db: CaptureDb,
  c: Case,
  patch: { status?: string; owner?: string | null; logEntryId?: string },
  at: string,
) {
  await db.outbox.add({
    caseId: c.id,
    op: 'update',
    idempotencyKey: crypto.randomUUID(),
    patch,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: Date.parse(at),
    lastError: null,
    createdAt: Date.parse(at),
  });
}

async function mutate(
  db: CaptureDb,
  input: Common,
  change: (c: Case, at: string) => { entries: LogEntry[]; patch: Parameters<typeof queueUpdate>[2] | null },
) {
  const at = (input.now ?? new Date()).toISOString();
  await db.transaction('rw', db.cases, db.outbox, async () => {
    const c = await db.cases.get(input.caseId);
    if (!c) throw new Error(`No case ${input.caseId}`);
    const { entries, patch } = change(c, at);
    if (!entries.length) return;
    c.log.push(...entries);
    c.updatedAt = at;
    if (input.syncEnabled && patch) {
      // A case not yet acknowledged is re-sent whole by its create; later changes ride behind it.
      if (c.syncState !== 'failed') c.syncState = 'queued';
      await queueUpdate(db, c, patch, at);
    }
    await db.cases.put(c);
  });
}

/** Adds a note or a decision, with who and when. */
export function addLogEntry(db: CaptureDb, input: Common & { kind: 'note' | 'decision'; text: string }) {
  return mutate(db, input, (_c, at) => {
    const e = logEntry(input.kind, input.agent, input.text.trim(), at);
    return { entries: [e], patch: { logEntryId: e.id } };
  });
}

/** Changes status and/or owner; each change becomes a log entry. */
export function updateCase(db: CaptureDb, input: Common & { status?: CaseStatus; owner?: string | null }) {
  return mutate(db, input, (c, at) => {
    const entries: LogEntry[] = [];
    const patch: { status?: string; owner?: string | null } = {};
    if (input.status && input.status !== c.status) {
      entries.push(logEntry('status', input.agent, `Status ${c.status} → ${input.status}`, at));
      c.status = input.status;
      patch.status = input.status;
    }
    if (input.owner !== undefined) {
      const owner = input.owner?.trim() || null;
      if (owner !== c.owner) {
        entries.push(logEntry('owner', input.agent, owner ? `Owner: ${owner}` : 'Owner removed', at));
        c.owner = owner;
        patch.owner = owner;
      }
    }
    return { entries, patch };
  });
}
