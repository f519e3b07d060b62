/** Builders of a case's records, so every new case and log line is made the same way. */
import type { Case, CaptureReview, LogEntry } from './case';
import { subjectOf } from './case-subject';
import type { LogCode } from './log-codes';
import type { Mention } from './mention';

/** One line of a case's history in the agent's own words (a note, a decision); `at` is an ISO instant. */
export function newLogEntry(kind: LogEntry['kind'], by: string, text: string, at: string): LogEntry {
  return { id: crypto.randomUUID(), at, by, kind, text };
}

/** One line the extension writes itself: a code and its data, worded when shown (domain/log-codes.ts). */
export function codedLogEntry(
  kind: LogEntry['kind'],
  by: string,
  code: LogCode,
  params: Record<string, string>,
  at: string,
): LogEntry {
  return { id: crypto.randomUUID(), at, by, kind, text: '', code, params };
}

export interface NewCase {
  id: string;
  /** The stored mention the case is opened with. */
  mentionId: string;
  mention: Mention;
  review: CaptureReview;
  /** Who captured it (the agent's name). */
  agent: string;
  /** ISO instant of the capture. */
  at: string;
  /** Whether a backend is configured: the case then starts `queued` instead of `local`. */
  syncEnabled: boolean;
}

/** A new case as a reviewed capture opens it: status new, its log saying where it came from (and the note). */
export function newCase(input: NewCase): Case {
  const { agent, at, review, mention } = input;
  const log = [codedLogEntry('created', agent, 'captured', { platform: mention.platform, url: mention.url }, at)];
  if (review.note.trim()) log.push(newLogEntry('note', agent, review.note.trim(), at));
  return {
    id: input.id,
    idempotencyKey: crypto.randomUUID(),
    status: 'new',
    owner: review.owner?.trim() || null,
    category: review.category,
    severity: review.severity,
    mentionIds: [input.mentionId],
    log,
    createdAt: at,
    updatedAt: at,
    syncState: input.syncEnabled ? 'queued' : 'local',
    syncError: null,
    backend: null,
    subject: subjectOf(mention),
    firstResponse: null,
    dismissal: null,
    mergedInto: null,
    syncProblem: null,
  };
}
