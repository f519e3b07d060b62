import type { CaptureDb } from '../storage/db';
import { createRouter, markersChannel, pagesChannel, type Handlers } from '../messaging/router';
import { createCaptureHandlers } from './capture-handlers';
import { createCaseHandlers } from './case-handlers';
import { createDataHandlers } from './data-handlers';
import { createDmSettingsHandlers } from './dm-settings-handlers';
import { createMarkerHandlers, createMarkerSiteHandlers } from './markers';
import { createSyncHandlers } from './sync-handlers';

/** The background's answers to the extension pages, one file per group of messages; each a thin call into storage/. */
export function createHandlers(db: CaptureDb): Handlers {
  return {
    ...createCaptureHandlers(db),
    ...createCaseHandlers(db),
    ...createDataHandlers(db),
    ...createMarkerSiteHandlers(),
    ...createSyncHandlers(db),
    ...createDmSettingsHandlers(),
  };
}

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
