import type { Case, StoredMention } from '../domain/case';
import { MentionSchema, type Mention } from '../domain/mention';
import type { Thread } from '../domain/thread';
import { exportedMention } from '../storage/thread';
import type { CreateInput } from './adapter';

/**
 * The comments kept with a post go to the backend too (the next agent, on another machine, sees
 * how the complaint spread), but at most this many characters of them: a backend's body limit
 * (1 MB for the reference server) must never turn a case into one that can never be sent.
 */
export const SYNC_THREAD_MAX_CHARS = 200_000;

/** The thread as sent: the first comments that fit, `truncated` when some were left out. */
export function threadForSync(thread: Thread, max = SYNC_THREAD_MAX_CHARS): Thread {
  let size = 0;
  let n = 0;
  for (const c of thread.comments) {
    size += JSON.stringify(c).length + 1;
    if (size > max) break;
    n++;
  }
  return n === thread.comments.length ? thread : { ...thread, comments: thread.comments.slice(0, n), truncated: true };
}

/**
 * A stored mention as a backend gets it: the row as exported (thread back as an object, a damaged
 * one left out rather than blocking the case: the post is what matters), its thread cut to what a
 * request may carry, and without the keys only this browser uses.
 */
export function syncMention(row: StoredMention): Mention {
  const { id: _id, caseId: _c, urlKey: _u, authorKey: _a, threadKey: _t, thread, ...mention } = exportedMention(row);
  return MentionSchema.parse(thread ? { ...mention, thread: threadForSync(thread) } : mention);
}

/**
 * The create body is rebuilt from what was fixed at capture (first mention, category, severity,
 * the capture note, who captured), never from later edits: a retry must send the same body for
 * the same idempotency key, or the backend rightly answers 422.
 */
export function createInput(c: Case, first: StoredMention): CreateInput {
  const created = c.log.find((e) => e.kind === 'created');
  const note = c.log.find((e) => e.kind === 'note' && e.at === c.createdAt);
  return {
    caseId: c.id,
    idempotencyKey: c.idempotencyKey,
    mention: syncMention(first),
    category: c.category,
    severity: c.severity,
    note: note?.text ?? '',
    capturedBy: created?.by ?? 'agent',
  };
}
