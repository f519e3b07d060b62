import { useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { t } from '../i18n';
import { wordError } from '../problem-words';
import './dm-opt-in.css';

export type Props = {
  /** Whether the agent has switched the capture of direct messages on (saved setting). */
  initial: boolean;
};

/** The opt-in for direct messages: its own switch, saved at once, apart from the backend form. */
export function DmOptIn({ initial }: Props) {
  const [on, setOn] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const change = (next: boolean) => {
    setError(null);
    send('settings/dm-capture', { on: next }).then(
      (r) => setOn(r.on),
      (e: unknown) => setError(wordError(e)),
    );
  };
  return (
    <section class="dm-opt-in" aria-labelledby="dm-opt-h" data-testid="dm-opt-in">
      <h2 id="dm-opt-h">{t('options_dmTitle')}</h2>
      <label>
        <input
          type="checkbox"
          name="dmCapture"
          checked={on}
          aria-describedby="dm-opt-help"
          onChange={(e) => change(e.currentTarget.checked)}
        />
        <span>{t('options_dmLabel')}</span>
      </label>
      <p id="dm-opt-help" class="help">
        {t('options_dmHelp')}
      </p>
      <p role="status" data-testid="dm-opt-state">
        {on ? t('options_dmOn') : t('options_dmOff')}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
