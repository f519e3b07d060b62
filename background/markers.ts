import { browser } from 'wxt/browser';
import { ProblemError } from '../domain/problem';
import { storage } from 'wxt/utils/storage';
import type { CaseStatus } from '../domain/case';
import type { CaptureDb } from '../storage/db';
import type { Handlers, MarkerHandlers } from '../messaging/router';
import type { MessageType } from '../messaging/protocol';
import { openSidePanelOn } from './focus-case';
import { readSettings } from '../storage/settings';
import { checkBackendUrl, originPattern } from '../sync/backend-url';

/** Sites (origins) where the agent switched case markers on. Off everywhere by default. */
const markerSitesItem = storage.defineItem<string[]>('local:markerSites', { fallback: [], version: 1 });
const scriptId = (origin: string) => `markers-${origin.replace(/\W/g, '_')}`;

/**
 * Registers (or removes) the markers script for one site; the host permission must be granted already.
 * Its patterns leave out the port, which Firefox refuses in a match pattern (a site on a port is
 * matched on every port of its host, as the permission is).
 */
async function setMarkers(origin: string, on: boolean): Promise<void> {
  const id = scriptId(origin);
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
  const sites = new Set(await markerSitesItem.getValue());
  if (on) {
    if (!(await browser.permissions.contains({ origins: [originPattern(origin)] })))
      throw new ProblemError('marker_permission', { origin });
    if (!registered)
      await browser.scripting.registerContentScripts([
        { id, matches: [originPattern(origin)], js: ['/markers.js'], runAt: 'document_idle' },
      ]);
    // Tabs already open on the site get markers now, not after a reload.
    for (const tab of await browser.tabs.query({ url: originPattern(origin) })) {
      if (tab.id !== undefined)
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/markers.js'] }).catch(() => {});
    }
    sites.add(origin);
  } else {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [id] });
    sites.delete(origin);
    // Least privilege: the site's permission was asked for the markers only, so it goes with them
    // (unless the team's backend lives on that origin and sync needs it).
    const backend = checkBackendUrl((await readSettings()).backendUrl);
    if (!backend.ok || backend.origin !== origin)
      await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
  }
  await markerSitesItem.setValue([...sites]);
}

/** Which stored permalinks have a case: one indexed lookup for a batch of keys. */
export async function lookupMarkers(db: CaptureDb, keys: string[]) {
  const mentions = keys.length ? await db.mentions.where('urlKey').anyOf(keys).toArray() : [];
  const cases = await db.cases.bulkGet([...new Set(mentions.map((m) => m.caseId))]);
  const byId = new Map(cases.filter((c) => !!c).map((c) => [c.id, c]));
  const out: Record<string, { caseId: string; status: CaseStatus }> = {};
  for (const m of mentions) {
    const c = byId.get(m.caseId);
    if (c) out[m.urlKey] = { caseId: c.id, status: c.status };
  }
  return out;
}

/** The side panel's switch: on which sites markers show (messaging/protocol.ts, `markers/…`). */
export function createMarkerSiteHandlers(): Pick<Handlers, Extract<MessageType, `markers/${string}`>> {
  return {
    'markers/sites': async () => ({ origins: await markerSitesItem.getValue() }),
    'markers/set': async ({ origin, on }) => {
      await setMarkers(origin, on);
      return { ok: true as const };
    },
  };
}

/** The answers to the markers content script (messaging/protocol.ts, markerProtocol). */
export function createMarkerHandlers(db: CaptureDb): MarkerHandlers {
  return {
    'markers/lookup': ({ keys }) => lookupMarkers(db, keys),
    'markers/open': async ({ caseId }, sender) => {
      // The router lets only a content script in a tab through; this keeps the type honest.
      if (sender.tab?.id === undefined) throw new ProblemError('marker_no_tab');
      return openSidePanelOn(sender.tab.id, caseId);
    },
  };
}

/** A host permission the agent took back in the browser's settings turns that site's markers off. */
export function watchMarkerPermissions(): void {
  browser.permissions.onRemoved.addListener(async ({ origins = [] }) => {
    for (const site of await markerSitesItem.getValue())
      if (origins.includes(originPattern(site))) await setMarkers(site, false).catch(() => {});
  });
}
