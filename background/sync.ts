import { browser } from 'wxt/browser';
import { db } from '../storage/db';
import { syncStatusItem } from '../storage/sync-status';
import { readSettings, settingsItem } from '../storage/settings';
import { readCredentials, restrictAccess } from '../storage/credentials';
import { createAdapter } from '../sync/adapters/index';
import type { Adapter } from '../sync/adapter';
import type { BackendKind } from '../domain/settings';
import type { Credentials } from '../domain/credentials';
import { checkBackendUrl, originPattern } from '../sync/backend-url';
import { drainOutbox, recoverInflight } from '../sync/worker';
import { refreshFromBackend } from '../sync/refresh';
import { problem, type Problem } from '../domain/problem';
import { logLine } from '../components/log-words';
import { afterStart } from './after-start';

const RETRY_ALARM = 'sync-retry';
const REFRESH_ALARM = 'sync-refresh';
const REQUEST_TIMEOUT_MS = 15_000;

export { syncStatusItem } from '../storage/sync-status';

let running: Promise<void> | null = null;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = 0;

/**
 * Wires the outbox to the backend: a drain right after anything is queued, an alarm for the next
 * due retry (alarms survive the worker being stopped and the browser restarting), a periodic
 * refresh of status and owner. The badge follows the cases' sync state on its own (badge.ts).
 * Listeners are registered synchronously.
 */
export function startSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) requestSync();
    if (alarm.name === REFRESH_ALARM) void refreshNow().then(() => requestSync());
  });
  db().outbox.hook('creating', () => requestSync(50));
  settingsItem.watch(() => requestSync());
  // After a browser restart the worker is only started for events it listens to.
  browser.runtime.onStartup.addListener(() => requestSync());
  void restrictAccess();
  afterStart(async () => {
    // Creating an alarm again resets its clock, and this worker restarts more often than every
    // 5 minutes: create the periodic one only when it is missing.
    if (!(await browser.alarms.get(REFRESH_ALARM))) await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 5 });
  });
  // Whatever a stopped worker left marked in flight is recovered before this worker's first drain.
  afterStart(() => requestSync());
}

let recovery: Promise<unknown> | null = null;
/** This worker just started, so nothing is in flight here: whatever is marked so was cut off. Once per worker. */
const recovered = () => (recovery ??= recoverInflight(db()).catch(() => (recovery = null)));

/** Asks for a drain; one runs at a time, and a request during a run makes it run once more. */
export function requestSync(delayMs = 0): void {
  if (delayMs > 0) {
    // Keep an earlier timer: resetting it on every capture would starve the drain during a burst.
    const at = Date.now() + delayMs;
    if (timer !== undefined && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      requestSync();
    }, delayMs);
    return;
  }
  if (running) {
    again = true;
    return;
  }
  running = drainOnce()
    .catch(() => {})
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        requestSync();
      }
    });
}

/** The backend the settings name, checked (URL, credentials, permission), or the reason there is none. */
export async function backendConfig(): Promise<
  { kind: Exclude<BackendKind, 'none'>; url: string; creds: Credentials } | { problem: Problem | null }
> {
  const s = await readSettings();
  if (s.backend === 'none') return { problem: null };
  const url = checkBackendUrl(s.backendUrl);
  if (!url.ok) return { problem: problem(url.error) };
  const creds = await readCredentials();
  if (!creds) return { problem: problem('backend_credentials_missing') };
  // Firefox users can revoke host permissions at any time; without it every request would fail.
  if (!(await browser.permissions.contains({ origins: [originPattern(url.origin)] })))
    return { problem: problem('backend_permission', { origin: url.origin }) };
  return { kind: s.backend, url: url.url, creds };
}

/** The adapter for the current settings, or the reason there is none. */
export async function currentAdapter(): Promise<{ adapter: Adapter } | { problem: Problem | null }> {
  const c = await backendConfig();
  if (!('kind' in c)) return c;
  const adapter = createAdapter(c.kind, c.url, c.creds, {
    fetch: (...a) => fetch(...a),
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  return adapter ? { adapter } : { problem: null };
}

async function drainOnce(): Promise<void> {
  await recovered();
  const got = await currentAdapter();
  await syncStatusItem.setValue({ lastRunAt: Date.now(), problem: 'problem' in got ? got.problem : null });
  if (!('adapter' in got)) return;
  // A watchdog: if this worker is stopped mid-drain, the alarm starts it again.
  if (await db().outbox.count()) await browser.alarms.create(RETRY_ALARM, { when: Date.now() + 30_000 });
  const r = await drainOutbox(db(), got.adapter, { now: Date.now }, { concurrency: 6, logText: logLine });
  if (r.nextDueAt !== null) schedule(r.nextDueAt);
  else await browser.alarms.clear(RETRY_ALARM);
}

function schedule(at: number): void {
  // The alarm survives a stopped worker (Chrome rounds packed extensions up to 30 s);
  // the timer keeps short waits short while the worker is alive.
  void browser.alarms.create(RETRY_ALARM, { when: Math.max(at, Date.now() + 1000) });
  const wait = at - Date.now();
  if (wait < 60_000) requestSync(Math.max(wait, 10));
}

/** Reads status and owner of acknowledged cases back from the backend; returns how many changed. */
export async function refreshNow(): Promise<number> {
  const got = await currentAdapter();
  return 'adapter' in got ? refreshFromBackend(db(), got.adapter, { now: Date.now }) : 0;
}
