import type { Case } from '../domain/case';
import { codedLogEntry, newLogEntry } from '../domain/case-records';
import type { Mention } from '../domain/mention';
import { newOutboxEntry } from '../domain/outbox';
import { toStoredMention } from '../domain/stored-mention';
import { ProblemError } from '../domain/problem';
import type { CaptureDb } from './db';

export interface AttachInput {
  caseId: string;
  mention: Mention;
  /** A conversation's other messages in the range, added with `mention`. */
  also?: Mention[];
  note: string;
  agent: string;
  syncEnabled: boolean;
  now?: Date;
}

/**
 * Adds a new capture to an earlier case of the same customer instead of opening a new
 * one: the mention is stored under that case, the log says so, and the change is queued for the
 * backend in the same transaction.
 */
export async function attachMention(db: CaptureDb, input: AttachInput): Promise<{ caseId: string; mentionId: string }> {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const mentionId = crypto.randomUUID();
  await db.transaction('rw', db.mentions, db.cases, db.outbox, async () => {
    const c: Case | undefined = await db.cases.get(input.caseId);
    if (!c) throw new ProblemError('case_not_found', { caseId: input.caseId });
    const also = (input.also ?? []).map((m) => toStoredMention(m, crypto.randomUUID(), c.id));
    await db.mentions.bulkAdd([toStoredMention(input.mention, mentionId, c.id), ...also]);
    // A conversation's messages came together: the history says how many, not one line each.
    const params = { platform: input.mention.platform, url: input.mention.url };
    const entry = codedLogEntry(
      'mention',
      input.agent,
      'mention_added',
      also.length ? { ...params, messages: String(also.length + 1) } : params,
      at,
    );
    c.mentionIds.push(mentionId, ...also.map((m) => m.id));
    c.log.push(entry);
    const note = input.note.trim() ? newLogEntry('note', input.agent, input.note.trim(), at) : null;
    if (note) c.log.push(note);
    c.updatedAt = at;
    if (input.syncEnabled) {
      if (c.syncState !== 'failed') c.syncState = 'queued';
      // The mention (the backend then finds the case by its post), and the note as its own change.
      const patches = [{ logEntryId: entry.id, mentionId }, ...(note ? [{ logEntryId: note.id }] : [])];
      await db.outbox.bulkAdd(
        patches.map((patch) => newOutboxEntry({ caseId: c.id, op: 'update', patch, at: now.getTime() })),
      );
    }
    await db.cases.put(c);
  });
  return { caseId: input.caseId, mentionId };
}
