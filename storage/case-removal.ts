import { codedLogEntry } from '../domain/case-records';
import { canDelete } from '../domain/case-rules';
import { ProblemError } from '../domain/problem';
import type { CaptureDb } from './db';
import { mutate, type CaseChange } from './update-case';

/**
 * Deletes a case that never left this browser (domain/case-rules.ts: canDelete), with its
 * mentions and its waiting pushes, in one transaction: a mistaken capture leaves nothing behind.
 */
export async function deleteLocalCase(db: CaptureDb, caseId: string): Promise<void> {
  await db.transaction('rw', db.cases, db.mentions, db.outbox, async () => {
    const [c, entries] = await Promise.all([db.cases.get(caseId), db.outbox.where('caseId').equals(caseId).toArray()]);
    if (!c) throw new ProblemError('case_not_found', { caseId });
    if (!canDelete(c, entries)) throw new ProblemError('case_not_deletable', { caseId });
    await Promise.all([
      db.mentions.where('caseId').equals(caseId).delete(),
      db.outbox.bulkDelete(entries.map((e) => e.id!)),
      db.cases.delete(caseId),
    ]);
  });
}

/**
 * Closes a case as "not a complaint" (what a case already sent gets instead of a delete): resolved,
 * the reason kept on the case and in its history, and both sent to the backend.
 */
export function dismissCase(db: CaptureDb, input: CaseChange & { reason: string }) {
  const reason = input.reason.trim();
  return mutate(db, input, (c, at) => {
    if (c.dismissal) return { entries: [], patch: null };
    const entry = codedLogEntry('dismissed', input.agent, 'dismissed', { reason }, at);
    c.dismissal = { reason, at, by: input.agent };
    c.status = 'resolved';
    return { entries: [entry], patch: { status: 'resolved', logEntryId: entry.id } };
  });
}

/**
 * Records the team's first response: the reply's permalink when there is one (the brand's reply
 * found on the page, or a link the agent gives), when, and who recorded it. Only the first counts.
 */
export function answerCase(db: CaptureDb, input: CaseChange & { url: string | null }) {
  return mutate(db, input, (c, at) => {
    if (c.firstResponse) return { entries: [], patch: null };
    const entry = codedLogEntry('answered', input.agent, 'answered', { url: input.url ?? '' }, at);
    c.firstResponse = { url: input.url, at, by: input.agent };
    return { entries: [entry], patch: { logEntryId: entry.id } };
  });
}
