import { browser } from 'wxt/browser';
import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import { addLogEntry, updateCase } from '../storage/update-case';
import type { TeamService } from './team-service';

type CaseMessage = Extract<MessageType, `case/${string}`>;

/**
 * Reading a case and the agent's changes to it: notes, decisions, status, owner (each logged). A
 * case id may name a colleague's case not held here (`team:…`): it is kept here first.
 */
export function createCaseHandlers(db: CaptureDb, team: TeamService): Pick<Handlers, CaseMessage> {
  const actor = () => team.actor();
  return {
    'case/get': async ({ caseId }) => (await db.cases.get(caseId)) ?? null,
    'case/log': async ({ caseId, kind, text }) => {
      await addLogEntry(db, { caseId: await team.resolve(caseId), kind, text, ...(await actor()) });
      return { ok: true as const };
    },
    'case/take': async ({ caseId }) => {
      // The side panel's button: taken from whoever has it (team/take asks first).
      const r = await team.take(caseId, true);
      if (r.status === 'need-agent-name')
        throw new Error(message('needAgentName', 'Enter your name in the options first'));
      if (r.status !== 'taken') throw new Error(r.status === 'unchecked' ? r.message : `Owned by ${r.owner}`);
      return { ok: true as const };
    },
    'case/update': async ({ caseId, status, owner }) => {
      await updateCase(db, { caseId: await team.resolve(caseId), status, owner, ...(await actor()) });
      return { ok: true as const };
    },
  };
}

/** A sentence from the agent's message catalogue (English where the browser gives none, as in tests). */
function message(key: 'needAgentName', fallback: string): string {
  try {
    return browser.i18n.getMessage(key) || fallback;
  } catch {
    return fallback;
  }
}
