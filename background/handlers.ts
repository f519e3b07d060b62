import { browser } from 'wxt/browser';
import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import { saveCapture } from '../storage/save-capture';
import { addLogEntry, updateCase } from '../storage/update-case';
import { createCaptureHandlers } from './capture-handlers';
import { findDuplicate } from '../storage/find-existing';
import { createWorkflowHandlers } from './workflow-handlers';
import { createSyncHandlers } from './sync-handlers';
import { createTeamHandlers } from './team-handlers';
import type { TeamService } from './team-service';

/**
 * The background's answers to the protocol; each is a thin call into storage/ or the team service.
 * A case id may name a colleague's case not held here (`team:…`): it is kept here first.
 */
export function createHandlers(db: CaptureDb, team: TeamService): Handlers {
  const actor = () => team.actor();
  return {
    ...createWorkflowHandlers(db, team, actor),
    ...createCaptureHandlers(db, team),
    'case/get': async ({ caseId }) => (await db.cases.get(caseId)) ?? null,
    'capture/save': async ({ mention, review }) => {
      const who = await actor();
      // Issue 5: a post already stored never gets a second case; its note goes to the existing one.
      const dup = await findDuplicate(db, mention);
      if (dup) {
        if (review.note.trim()) await addLogEntry(db, { caseId: dup.caseId, kind: 'note', text: review.note, ...who });
        return { caseId: dup.caseId, mentionId: dup.id };
      }
      // Nor one the team has: the popup was told so, but the team may have answered after it opened.
      const known = await team.knownPost(mention);
      if (known) {
        const caseId = await team.resolve(known);
        if (review.note.trim()) await addLogEntry(db, { caseId, kind: 'note', text: review.note, ...who });
        return { caseId, mentionId: (await db.cases.get(caseId))?.mentionIds[0] ?? '' };
      }
      return saveCapture(db, { mention, review, ...who });
    },
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
    ...createSyncHandlers(db),
    ...createTeamHandlers(team),
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
