import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import { readActor } from '../storage/settings';
import { addLogEntry, updateCase } from '../storage/update-case';

type CaseMessage = Extract<MessageType, `case/${string}`>;

/** Reading a case and the agent's changes to it: notes, decisions, status, owner (each logged). */
export function createCaseHandlers(db: CaptureDb): Pick<Handlers, CaseMessage> {
  return {
    'case/get': async ({ caseId }) => (await db.cases.get(caseId)) ?? null,
    'case/log': async ({ caseId, kind, text }) => {
      await addLogEntry(db, { caseId, kind, text, ...(await readActor()) });
      return { ok: true as const };
    },
    'case/take': async ({ caseId }) => {
      const actor = await readActor();
      await updateCase(db, { caseId, owner: actor.agent, ...actor });
      return { ok: true as const };
    },
    'case/update': async ({ caseId, status, owner }) => {
      await updateCase(db, { caseId, status, owner, ...(await readActor()) });
      return { ok: true as const };
    },
  };
}
