import type { CaptureDb } from '../storage/db';
import { createRouter, markersChannel, pagesChannel, type Handlers } from '../messaging/router';
import { createCaptureHandlers } from './capture-handlers';
import { createCaseHandlers } from './case-handlers';
import { createDataHandlers } from './data-handlers';
import { createDmSettingsHandlers } from './dm-settings-handlers';
import { createMarkerHandlers, createMarkerSiteHandlers } from './markers';
import { createSyncHandlers } from './sync-handlers';
import { createTeamHandlers } from './team-handlers';
import type { TeamService } from './team-service';
import { NO_EVIDENCE, type EvidenceService } from '../evidence/service';

/**
 * The background's answers to the extension pages, one file per group of messages; each a thin
 * call into storage/, the team service or the evidence service (none in tests that do not ask).
 */
export function createHandlers(db: CaptureDb, team: TeamService, evidence: EvidenceService = NO_EVIDENCE): Handlers {
  return {
    ...createCaptureHandlers(db, team, evidence),
    ...createCaseHandlers(db, team),
    ...createDataHandlers(db),
    ...createMarkerSiteHandlers(),
    ...createSyncHandlers(db),
    ...createTeamHandlers(team),
    ...createDmSettingsHandlers(),
  };
}

/**
 * The background's one message listener: the extension pages' protocol and the markers content
 * script's, each answered only for its own senders (messaging/router.ts).
 */
export function createBackgroundRouter(
  db: CaptureDb,
  handlers: Handlers,
  extensionId: string,
  extensionOrigin: string,
) {
  return createRouter(
    pagesChannel(handlers, extensionId, extensionOrigin),
    markersChannel(createMarkerHandlers(db), extensionId, extensionOrigin),
  );
}
