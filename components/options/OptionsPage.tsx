import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../messaging/client';
import { checkBackendUrl, originPattern } from '../../sync/backend-url';
import { BackendForm, type BackendFormValue } from './BackendForm';
import { DataTools, downloadText } from './DataTools';
import { SyncStatusView } from './SyncStatusView';
import { EvidenceOption } from './EvidenceOption';
import { WorkbenchForm } from './WorkbenchForm';
import type { WorkbenchSettings } from '../../domain/settings';
import { DmOptIn } from './DmOptIn';
import { t } from '../i18n';
import { wordError, wordProblem } from '../problem-words';
import type { Problem } from '../../domain/problem';

export type Props = Record<string, never>;

const EMPTY: BackendFormValue = {
  agentName: '',
  backend: 'none',
  backendUrl: '',
  token: '',
  email: '',
  authMode: 'api-token',
};

/** The options page: loads settings from the background and saves them back through it. */
export function OptionsPage(_: Props) {
  const [value, setValue] = useState<BackendFormValue>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  const [workbench, setWorkbench] = useState<WorkbenchSettings | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [dmCapture, setDmCapture] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [status, setStatus] = useState({ waiting: 0, failed: 0, problem: null as Problem | null });

  const loadStatus = () => send('sync/status', {}).then(setStatus, () => {});
  useEffect(() => {
    void send('settings/get', {}).then((saved) => {
      const { brandAccounts, slaHours, protocols, dmCapture: dm, ...backend } = saved.settings;
      setValue({ ...EMPTY, ...backend, email: saved.email ?? '', authMode: saved.authMode ?? 'api-token' });
      setWorkbench({ brandAccounts, slaHours, protocols });
      setHint(saved.credentialHint);
      setDmCapture(dm);
      setLoaded(true);
    });
    void loadStatus();
    const poll = setInterval(loadStatus, 2000);
    return () => clearInterval(poll);
  }, []);

  /** Asks for the backend's origin at run time; must run first in the click, while it counts as a user gesture. */
  async function permit(): Promise<boolean> {
    if (value.backend === 'none') return true;
    const url = checkBackendUrl(value.backendUrl);
    if (!url.ok) {
      setMessage({ ok: false, text: wordProblem({ code: url.error, params: {} }) });
      return false;
    }
    const granted = await browser.permissions.request({ origins: [originPattern(url.origin)] }).catch(() => false);
    if (!granted) setMessage({ ok: false, text: t('options_noPermission', url.origin) });
    return granted;
  }

  const creds = () => ({
    token: value.token,
    ...(value.backend === 'zendesk' ? { authMode: value.authMode, email: value.email } : {}),
  });

  async function run(task: () => Promise<{ ok: boolean; text: string } | null>) {
    setBusy(true);
    setMessage(null);
    try {
      const m = await task();
      if (m) setMessage(m);
    } catch (e) {
      setMessage({ ok: false, text: wordError(e) });
    } finally {
      setBusy(false);
      void loadStatus();
    }
  }

  const onSave = () =>
    run(async () => {
      if (!(await permit())) return null;
      const saved = await send('settings/save', {
        settings: { agentName: value.agentName, backend: value.backend, backendUrl: value.backendUrl },
        credentials: creds(),
      });
      setHint(saved.credentialHint);
      setValue((v) => ({ ...v, token: '' }));
      return { ok: true, text: t('options_saved') };
    });

  const onTest = () =>
    run(async () => {
      if (!(await permit())) return null;
      const test = await send('settings/test-connection', {
        backend: value.backend,
        backendUrl: value.backendUrl,
        credentials: creds(),
      });
      return {
        ok: test.ok,
        text: test.problem
          ? t('options_testFailed', wordProblem(test.problem))
          : test.connected?.agent
            ? t('options_connectedAs', test.connected.backend, test.connected.agent)
            : t('options_connected', test.connected?.backend ?? ''),
      };
    });

  const onRetry = () =>
    run(async () => {
      const { requeued } = await send('sync/retry', {});
      return { ok: true, text: t('options_requeued', String(requeued)) };
    });

  return (
    <main>
      <h1>{t('options_title')}</h1>
      <section aria-labelledby="backend-h">
        <h2 id="backend-h">{t('options_backendTitle')}</h2>
        {/* The form appears once the saved settings are in, so a late answer never overwrites an edit. */}
        {loaded && (
          <BackendForm
            value={value}
            onChange={setValue}
            credentialHint={hint}
            busy={busy}
            onSave={onSave}
            onTest={onTest}
          />
        )}
        {message && (
          <p role={message.ok ? 'status' : 'alert'} data-testid="options-message">
            {message.text}
          </p>
        )}
        <SyncStatusView {...status} busy={busy} onRetry={onRetry} />
      </section>
      {workbench && <WorkbenchForm initial={workbench} />}
      <EvidenceOption />
      {loaded && <DmOptIn initial={dmCapture} />}
      <DataTools download={downloadText} />
    </main>
  );
}
