import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import { syncDetail } from '../domain/sync-detail';
import { ProblemError } from '../domain/problem';
import { answerCase, deleteLocalCase, dismissCase } from '../storage/case-removal';
import { mergeCases } from '../storage/merge-cases';
import { syncStatusItem } from '../storage/sync-status';
import { addLogEntry, updateCase } from '../storage/update-case';
import { findBrandReply } from './brand-reply';
import type { TeamService } from './team-service';

type CaseMessage = Extract<MessageType, `case/${string}`>;

/**
 * Reading a case and the agent's changes to it: notes, decisions, status, owner (each logged), and
 * undoing mistakes: deleting a case that never left, closing one as not a complaint, merging two.
 * A case id may name a colleague's case not held here (`team:…`): it is kept here first.
 */
export function createCaseHandlers(db: CaptureDb, team: TeamService): Pick<Handlers, CaseMessage> {
  const actor = () => team.actor();
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
      await addLogEntry(db, { caseId: await team.resolve(caseId), kind, text, ...(await actor()) });
      return ok;
    },
    'case/take': async ({ caseId }) => {
      // The side panel's button: taken from whoever has it (team/take asks first).
      const r = await team.take(caseId, true);
      if (r.status === 'need-agent-name') throw new ProblemError('agent_name_missing', { field: 'agentName' });
      if (r.status === 'unchecked') throw new ProblemError('unexpected', { detail: r.message });
      if (r.status !== 'taken') throw new ProblemError('case_owned', { owner: r.owner });
      return ok;
    },
    'case/update': async ({ caseId, status, owner }) => {
      await updateCase(db, { caseId: await team.resolve(caseId), status, owner, ...(await actor()) });
      return ok;
    },
    'case/delete': async ({ caseId }) => {
      await deleteLocalCase(db, caseId);
      return ok;
    },
    'case/dismiss': async ({ caseId, reason }) => {
      await dismissCase(db, { caseId: await team.resolve(caseId), reason, ...(await actor()) });
      return ok;
    },
    'case/merge': async ({ caseId, otherId }) => {
      await mergeCases(db, { keepId: caseId, otherId, ...(await actor()) });
      return ok;
    },
    'case/answer': async ({ caseId, url }) => {
      await answerCase(db, { caseId: await team.resolve(caseId), url, ...(await actor()) });
      return ok;
    },
    'case/find-reply': async ({ caseId, tabId }) => ({ reply: await findBrandReply(db, caseId, tabId) }),
  };
}
