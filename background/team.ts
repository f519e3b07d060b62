import { browser } from 'wxt/browser';
import type { CaptureDb } from '../storage/db';
import { readSettings, settingsItem } from '../storage/settings';
import { createAdapter } from '../sync/adapters/index';
import { backendConfig, requestSync } from './sync';
import { pollTeamFeed } from './team-feed';
import { TeamService, type Identity, type TeamBackend } from './team-service';
import { storage } from 'wxt/utils/storage';
import { afterStart } from './after-start';

/** Team reads answer a panel, not a queue: each request gets this long (the service's budget is shorter still). */
const TEAM_REQUEST_TIMEOUT_MS = 5000;
export const TEAM_FEED_ALARM = 'team-feed';

let service: TeamService | undefined;
let config: { at: number; value: ReturnType<typeof backendConfig> } | undefined;
const CONFIG_MS = 10_000;
let memo: { key: string; value: TeamBackend } | undefined;

/**
 * The adapter for team reads. One instance per configured backend and credentials, so its name
 * caches and its pacer (the helpdesk's rate-limit state) last as long as the worker does; new
 * settings make a new one and drop every cached answer.
 */
async function teamBackend(): Promise<TeamBackend> {
  // The popup's check asks this on every open: the settings, credentials and permission read here
  // are kept a few seconds (new settings clear them at once, see startTeamFeed).
  if (!config || Date.now() - config.at > CONFIG_MS) config = { at: Date.now(), value: backendConfig() };
  const c = await config.value;
  // The team view gets the problem's code (domain/problem.ts), for the page to word.
  if (!('kind' in c)) return { problem: c.problem?.code ?? null };
  const key = JSON.stringify([c.kind, c.url, c.creds]);
  if (memo?.key !== key) {
    const adapter = createAdapter(c.kind, c.url, c.creds, {
      fetch: (...a) => fetch(...a),
      timeoutMs: TEAM_REQUEST_TIMEOUT_MS,
    });
    if (memo) service?.reset();
    memo = { key, value: adapter ? { adapter } : { problem: null } };
  }
  return memo.value;
}

/** The background's one team service. */
export function teamService(db: CaptureDb): TeamService {
  service ??= new TeamService({
    db,
    backend: teamBackend,
    settings: readSettings,
    requestSync,
    remember: (identity) => identityItem.setValue({ ...identity, key: memo?.key ?? '' }),
    recall: async () => {
      const v = await identityItem.getValue();
      return v && v.key === memo?.key ? v : null;
    },
  });
  return service;
}

/** The backend's answer to "who am I", for the credentials it was given for (worker restarts keep it). */
const identityItem = storage.defineItem<(Identity & { backend: string; key: string }) | null>('session:teamIdentity', {
  fallback: null,
});

/** Reads the change feed every minute (an alarm survives the worker stopping), so the badge knows. */
export function startTeamFeed(db: CaptureDb): void {
  const poll = () =>
    void pollTeamFeed({
      db,
      backend: teamBackend,
      backendId: async () => {
        const c = await backendConfig();
        return 'kind' in c ? `${c.kind}|${c.url}` : null;
      },
      me: async () => (await teamService(db).identity()).name,
      now: Date.now,
    })
      .then((n) => n && teamService(db).invalidate())
      .catch(() => {});
  browser.alarms.onAlarm.addListener((a) => a.name === TEAM_FEED_ALARM && poll());
  settingsItem.watch(() => (config = undefined));
  browser.permissions.onRemoved?.addListener(() => (config = undefined));
  // Who the agent is, asked once the worker has answered what woke it (writes use the last answer,
  // never wait for it); the feed's alarm is created only when missing (creating it resets its clock).
  afterStart(() =>
    teamService(db)
      .identity()
      .catch(() => {}),
  );
  afterStart(async () => {
    if (!(await browser.alarms.get(TEAM_FEED_ALARM)))
      await browser.alarms.create(TEAM_FEED_ALARM, { periodInMinutes: 1 });
  });
}
