import type { CaptureDb } from '../storage/db';
import { createRouter, markersChannel, pagesChannel, type Handlers } from '../messaging/router';
import { saveCapture } from '../storage/save-capture';
import { addLogEntry, updateCase } from '../storage/update-case';
import { readActor } from '../storage/settings';
import { createCaptureHandlers } from './capture-handlers';
import { findDuplicate } from '../storage/find-existing';
import { createWorkflowHandlers } from './workflow-handlers';
import { createSyncHandlers } from './sync-handlers';
import { createMarkerHandlers } from './markers';

/**
 * The background's one message listener: the extension pages' protocol and the markers content
 * script's, each answered only for its own senders (messaging/router.ts).
 */
export function createBackgroundRouter(db: CaptureDb, extensionId: string, extensionOrigin: string) {
  return createRouter(
    pagesChannel(createHandlers(db), extensionId, extensionOrigin),
    markersChannel(createMarkerHandlers(db), extensionId, extensionOrigin),
  );
}

/** The background's answers to the protocol; each is a thin call into storage/. */
export function createHandlers(db: CaptureDb): Handlers {
  return {
    ...createWorkflowHandlers(db),
    ...createCaptureHandlers(db),
    'case/get': async ({ caseId }) => (await db.cases.get(caseId)) ?? null,
    'capture/save': async ({ mention, review }) => {
      const actor = await readActor();
      // Issue 5: a post already stored never gets a second case; its note goes to the existing one.
      const dup = await findDuplicate(db, mention);
      if (dup) {
        if (review.note.trim())
          await addLogEntry(db, { caseId: dup.caseId, kind: 'note', text: review.note, ...actor });
        return { caseId: dup.caseId, mentionId: dup.id };
      }
      return saveCapture(db, { mention, review, ...actor });
    },
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
    ...createSyncHandlers(db),
  };
}
