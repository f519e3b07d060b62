import { useEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { t } from '../i18n';
import './evidence-option.css';

export type Props = Record<string, never>;

/**
 * The switch for evidence images. Self-contained: it reads and saves the one setting on its own
 * (settings/evidence), so the rest of the options form neither holds nor overwrites it.
 */
export function EvidenceOption(_: Props) {
  const [on, setOn] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(
    () =>
      void send('settings/get', {}).then(
        (s) => setOn(s.settings.evidence),
        () => {},
      ),
    [],
  );
  if (on === null) return null;
  const change = (next: boolean) =>
    send('settings/evidence', { on: next }).then(
      (r) => {
        setOn(r.on);
        setMessage({ ok: true, text: t('options_saved') });
      },
      (e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }),
    );
  return (
    <section class="evidence-option" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('options_evidenceTitle')}</h2>
      <label>
        <input type="checkbox" name="evidence" checked={on} onChange={(e) => void change(e.currentTarget.checked)} />
        <span>{t('options_evidence')}</span>
      </label>
      <p class="hint">{t('options_evidenceHint')}</p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} data-testid="evidence-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
