import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { CaptureDb } from '../storage/db';
import { markerProtocol, type MarkerMessageType } from '../messaging/protocol';
import { openSidePanelOn } from './focus-case';
import { readSettings } from '../storage/settings';
import { checkBackendUrl, originPattern } from '../sync/backend-url';

/** Sites (origins) where the agent switched case markers on. Off everywhere by default. */
export const markerSitesItem = storage.defineItem<string[]>('local:markerSites', { fallback: [], version: 1 });
const scriptId = (origin: string) => `markers-${origin.replace(/\W/g, '_')}`;

/**
 * Registers (or removes) the markers script for one site; the host permission must be granted already.
 * Its patterns leave out the port, which Firefox refuses in a match pattern (a site on a port is
 * matched on every port of its host, as the permission is).
 */
export async function setMarkers(origin: string, on: boolean): Promise<void> {
  const id = scriptId(origin);
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
  const sites = new Set(await markerSitesItem.getValue());
  if (on) {
    if (!(await browser.permissions.contains({ origins: [originPattern(origin)] })))
      throw new Error(`No permission for ${origin}`);
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
  const out: Record<string, { caseId: string; status: 'new' | 'open' | 'waiting' | 'resolved' }> = {};
  for (const m of mentions) {
    const c = byId.get(m.caseId);
    if (c) out[m.urlKey] = { caseId: c.id, status: c.status };
  }
  return out;
}

const EnvelopeSchema = z.object({ id: z.number(), type: z.string(), payload: z.unknown() });

/** Answers the markers content script over its port; anything else connecting is dropped. */
export function startMarkers(db: CaptureDb): void {
  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name !== 'markers' || port.sender?.id !== browser.runtime.id || tabId === undefined)
      return port.disconnect();
    port.onMessage.addListener(async (raw: unknown) => {
      const env = EnvelopeSchema.safeParse(raw);
      if (!env.success || !(env.data.type in markerProtocol)) return;
      const type = env.data.type as MarkerMessageType;
      const req = markerProtocol[type].request.safeParse(env.data.payload);
      if (!req.success) return port.postMessage({ id: env.data.id, ok: false, error: 'invalid request' });
      try {
        const value =
          type === 'markers/lookup'
            ? await lookupMarkers(db, (req.data as { keys: string[] }).keys)
            : await openSidePanelOn(tabId, (req.data as { caseId: string }).caseId);
        port.postMessage({ id: env.data.id, ok: true, value });
      } catch (e) {
        port.postMessage({ id: env.data.id, ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    });
  });
  // A host permission the agent took back in the browser's settings turns that site's markers off.
  browser.permissions.onRemoved.addListener(async ({ origins = [] }) => {
    for (const site of await markerSitesItem.getValue())
      if (origins.includes(originPattern(site))) await setMarkers(site, false).catch(() => {});
  });
}
