import type { AuthMode } from '../../domain/credentials';
import { AUTH_MODES, BACKEND_KINDS } from '../../domain/enum-values';
import type { BackendKind } from '../../domain/settings';
import { EnumSelect } from '../EnumSelect';
import { t } from '../i18n';
import { AUTH_MODE_LABEL, BACKEND_LABEL, URL_HINT } from '../labels';

export interface BackendFormValue {
  agentName: string;
  backend: BackendKind;
  backendUrl: string;
  /** Empty: keep the saved secret. */
  token: string;
  email: string;
  authMode: AuthMode;
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

function tokenLabel(v: BackendFormValue): string {
  if (v.backend === 'zendesk') return t(v.authMode === 'oauth' ? 'options_token_oauth' : 'options_token_zendesk');
  return t(v.backend === 'freshdesk' ? 'options_token_freshdesk' : 'options_token_http');
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
        {t('options_agentName')}
        <input name="agentName" value={value.agentName} maxLength={200} onInput={(e) => set({ agentName: input(e) })} />
      </label>
      <EnumSelect
        name="backend"
        label={t('options_backend')}
        options={BACKEND_KINDS}
        labels={BACKEND_LABEL}
        value={value.backend}
        onChange={(backend) => set({ backend })}
      />
      {value.backend !== 'none' && (
        <fieldset>
          <legend>{t('options_connection')}</legend>
          <label>
            {t('options_url')}
            <input
              name="backendUrl"
              type="url"
              placeholder={t(URL_HINT[value.backend])}
              value={value.backendUrl}
              onInput={(e) => set({ backendUrl: input(e) })}
            />
          </label>
          {value.backend === 'zendesk' && (
            <EnumSelect
              name="authMode"
              label={t('options_authMode')}
              options={AUTH_MODES}
              labels={AUTH_MODE_LABEL}
              value={value.authMode}
              onChange={(authMode) => set({ authMode })}
            />
          )}
          {value.backend === 'zendesk' && value.authMode === 'api-token' && (
            <label>
              {t('options_email')}
              <input
                name="email"
                type="email"
                autoComplete="off"
                value={value.email}
                onInput={(e) => set({ email: input(e) })}
              />
            </label>
          )}
          <label>
            {tokenLabel(value)}
            <input
              name="token"
              type="password"
              autoComplete="off"
              placeholder={credentialHint ? t('options_tokenSaved', credentialHint) : ''}
              value={value.token}
              onInput={(e) => set({ token: input(e) })}
            />
          </label>
        </fieldset>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('options_save')}
        </button>
        {value.backend !== 'none' && (
          <button type="button" disabled={busy} onClick={onTest}>
            {t('options_test')}
          </button>
        )}
      </div>
    </form>
  );
}
