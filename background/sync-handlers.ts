import type { CaptureDb } from '../storage/db';
import type { Handlers } from '../messaging/router';
import { readSettings, settingsItem } from '../storage/settings';
import { readCredentials, writeCredentials } from '../storage/credentials';
import { credentialHint, type Credentials } from '../domain/credentials';
import { problem, problemOf, ProblemError, type Problem } from '../domain/problem';
import { createAdapter } from '../sync/adapters/index';
import { checkBackendUrl } from '../sync/backend-url';
import { queueLocalCases, requeueFailed, waitingCounts } from '../sync/requeue';
import { refreshNow, requestSync, syncStatusItem } from './sync';

type SyncMessages =
  | 'sync/retry'
  | 'sync/refresh'
  | 'sync/status'
  | 'settings/get'
  | 'settings/save'
  | 'settings/evidence'
  | 'settings/workbench'
  | 'settings/test-connection';

/** The background's answers for sync and backend settings. */
export function createSyncHandlers(db: CaptureDb): Pick<Handlers, SyncMessages> {
  /** The form's credentials; an empty token means "the saved one", but only for the saved origin. */
  async function credentialsToUse(input: Credentials, backendUrl: string): Promise<Credentials | null> {
    if (input.token) return input;
    const saved = await readCredentials();
    const s = await readSettings();
    const same = checkBackendUrl(s.backendUrl);
    const next = checkBackendUrl(backendUrl);
    // Never send a saved secret to an address it was not saved for.
    if (!saved || !same.ok || !next.ok || same.origin !== next.origin) return null;
    return { ...saved, email: input.email ?? saved.email, authMode: input.authMode ?? saved.authMode };
  }

  return {
    'sync/retry': async ({ caseId }) => {
      const requeued = await requeueFailed(db, caseId);
      requestSync();
      return { requeued };
    },
    'sync/refresh': async () => ({ changed: await refreshNow() }),
    'sync/status': async () => {
      const [counts, status] = await Promise.all([waitingCounts(db), syncStatusItem.getValue()]);
      return { ...counts, ...status };
    },
    'settings/get': async () => {
      const [settings, creds] = await Promise.all([readSettings(), readCredentials()]);
      return {
        settings,
        credentialHint: credentialHint(creds),
        email: creds?.email ?? null,
        authMode: creds?.authMode ?? null,
      };
    },
    'settings/save': async ({ settings: backend, credentials }) => {
      // The backend form's part; the triage settings and the evidence switch stay as they are.
      let settings = { ...(await readSettings()), ...backend };
      if (settings.backend !== 'none') {
        const url = checkBackendUrl(settings.backendUrl);
        if (!url.ok) throw new ProblemError(url.error, { field: 'backendUrl' });
        settings = { ...settings, backendUrl: url.url };
      }
      const creds = settings.backend === 'none' ? null : await credentialsToUse(credentials, settings.backendUrl);
      if (settings.backend !== 'none' && !creds)
        throw new ProblemError('backend_credentials_missing', { field: 'token' });
      await writeCredentials(creds);
      // The DM switch is saved on its own: a form that does not send it keeps the saved one.
      await settingsItem.setValue({ ...settings, dmCapture: settings.dmCapture ?? (await readSettings()).dmCapture });
      // Cases kept in this browser before a backend was configured go to it now.
      if (settings.backend !== 'none') await queueLocalCases(db);
      requestSync();
      return { credentialHint: credentialHint(creds) };
    },
    'settings/evidence': async ({ on }) => {
      await settingsItem.setValue({ ...(await readSettings()), evidence: on });
      return { on: (await readSettings()).evidence };
    },
    'settings/workbench': async (workbench) => {
      await settingsItem.setValue({ ...(await readSettings()), ...workbench });
      return { ok: true as const };
    },
    'settings/test-connection': async ({ backend, backendUrl, credentials }) => {
      const refused = (p: Problem) => ({ ok: false, problem: p, connected: null });
      if (backend === 'none') return refused(problem('backend_choose', { field: 'backend' }));
      const url = checkBackendUrl(backendUrl);
      if (!url.ok) return refused(problem(url.error, { field: 'backendUrl' }));
      const creds = await credentialsToUse(credentials, backendUrl);
      if (!creds) return refused(problem('backend_credentials_missing', { field: 'token' }));
      const adapter = createAdapter(backend, url.url, creds, { fetch: (...a) => fetch(...a), timeoutMs: 10_000 });
      try {
        return { ok: true, problem: null, connected: await adapter!.testConnection() };
      } catch (e) {
        return { ok: false, problem: problemOf(e), connected: null };
      }
    },
  };
}
