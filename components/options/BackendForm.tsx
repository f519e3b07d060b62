import type { BackendKind } from '../../domain/settings';

export interface BackendFormValue {
  agentName: string;
  backend: BackendKind;
  backendUrl: string;
  /** Empty: keep the saved secret. */
  token: string;
  email: string;
  authMode: 'api-token' | 'oauth';
}

export type Props = {
  /** The form's current values. */
  value: BackendFormValue;
  /** Called with the whole new value on every edit. */
  onChange: (v: BackendFormValue) => void;
  /** "••••abcd" when a secret is saved: shown instead of the secret itself. */
  credentialHint: string | null;
  /** Disables the buttons while a request runs. */
  busy: boolean;
  onSave: () => void;
  onTest: () => void;
};

const KINDS: { value: BackendKind; label: string }[] = [
  { value: 'none', label: 'None: cases stay in this browser' },
  { value: 'http', label: 'Own backend (Complaint Capture HTTP contract)' },
  { value: 'zendesk', label: 'Zendesk Support' },
  { value: 'freshdesk', label: 'Freshdesk' },
];

const URL_HINT: Record<BackendKind, string> = {
  none: '',
  http: 'https://cases.example.org (http:// only for 127.0.0.1 or localhost)',
  zendesk: 'https://yourcompany.zendesk.com',
  freshdesk: 'https://yourcompany.freshdesk.com',
};

function tokenLabel(v: BackendFormValue): string {
  if (v.backend === 'zendesk') return v.authMode === 'oauth' ? 'OAuth access token' : 'API token';
  if (v.backend === 'freshdesk') return 'API key';
  return 'Bearer token';
}

/** The backend settings form; all text goes in as text children. */
export function BackendForm({ value, onChange, credentialHint, busy, onSave, onTest }: Props) {
  const set = (patch: Partial<BackendFormValue>) => onChange({ ...value, ...patch });
  const input = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <label>
        Your name (recorded as who captured and in the case log)
        <input name="agentName" value={value.agentName} maxLength={200} onInput={(e) => set({ agentName: input(e) })} />
      </label>
      <label>
        Case backend
        <select name="backend" value={value.backend} onChange={(e) => set({ backend: input(e) as BackendKind })}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {value.backend !== 'none' && (
        <fieldset>
          <legend>Connection</legend>
          <label>
            Backend URL
            <input name="backendUrl" type="url" placeholder={URL_HINT[value.backend]} value={value.backendUrl} onInput={(e) => set({ backendUrl: input(e) })} />
          </label>
          {value.backend === 'zendesk' && (
            <label>
              Sign-in method
              <select name="authMode" value={value.authMode} onChange={(e) => set({ authMode: input(e) as BackendFormValue['authMode'] })}>
                <option value="api-token">Email + API token</option>
                <option value="oauth">OAuth access token (kept until the browser closes)</option>
              </select>
            </label>
          )}
          {value.backend === 'zendesk' && value.authMode === 'api-token' && (
            <label>
              Zendesk agent email
              <input name="email" type="email" autoComplete="off" value={value.email} onInput={(e) => set({ email: input(e) })} />
            </label>
          )}
          <label>
            {tokenLabel(value)}
            <input
              name="token"
              type="password"
              autoComplete="off"
              placeholder={credentialHint ? `Saved (${credentialHint}); leave empty to keep` : ''}
              value={value.token}
              onInput={(e) => set({ token: input(e) })}
            />
          </label>
        </fieldset>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        {value.backend !== 'none' && (
          <button type="button" disabled={busy} onClick={onTest}>
            Test connection
          </button>
        )}
      </div>
    </form>
  );
}
