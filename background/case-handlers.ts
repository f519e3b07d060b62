import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import { syncDetail } from '../domain/sync-detail';
import { ProblemError } from '../domain/problem';
import { answerCase, deleteLocalCase, dismissCase } from '../storage/case-removal';
import { mergeCases } from '../storage/merge-cases';
import { readActor } from '../storage/settings';
import { addLogEntry, updateCase } from '../storage/update-case';
import { findBrandReply } from './brand-reply';
import { syncStatusItem } from './sync';

type CaseMessage = Extract<MessageType, `case/${string}`>;

/**
 * Reading a case and the agent's changes to it: notes, decisions, status, owner (each logged), and
 * undoing mistakes: deleting a case that never left, closing one as not a complaint, merging two.
 */
export function createCaseHandlers(db: CaptureDb): Pick<Handlers, CaseMessage> {
  const ok = { ok: true as const };
  return {
    'case/get': async ({ caseId }) => (await db.cases.get(caseId)) ?? null,
    'case/sync': async ({ caseId }) => {
      const [c, entries, status] = await Promise.all([
        db.cases.get(caseId),
        db.outbox.where('caseId').equals(caseId).toArray(),
        syncStatusItem.getValue(),
      ]);
      if (!c) throw new ProblemError('case_not_found', { caseId });
      return syncDetail(c, entries, status.problem);
    },
    'case/log': async ({ caseId, kind, text }) => {
      await addLogEntry(db, { caseId, kind, text, ...(await readActor()) });
      return ok;
    },
    'case/take': async ({ caseId }) => {
      const actor = await readActor();
      await updateCase(db, { caseId, owner: actor.agent, ...actor });
      return ok;
    },
    'case/update': async ({ caseId, status, owner }) => {
      await updateCase(db, { caseId, status, owner, ...(await readActor()) });
      return ok;
    },
    'case/delete': async ({ caseId }) => {
      await deleteLocalCase(db, caseId);
      return ok;
    },
    'case/dismiss': async ({ caseId, reason }) => {
      await dismissCase(db, { caseId, reason, ...(await readActor()) });
      return ok;
    },
    'case/merge': async ({ caseId, otherId }) => {
      await mergeCases(db, { keepId: caseId, otherId, ...(await readActor()) });
      return ok;
    },
    'case/answer': async ({ caseId, url }) => {
      await answerCase(db, { caseId, url, ...(await readActor()) });
      return ok;
    },
    'case/find-reply': async ({ caseId, tabId }) => ({ reply: await findBrandReply(db, caseId, tabId) }),
  };
}
