import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../messaging/client';
import { originPattern } from '../../sync/backend-url';
import { t } from '../i18n';
import { wordError } from '../problem-words';

export type Props = {
  /** The active tab's address; markers are switched per site (its origin). */
  url: string | null;
};

/**
 * Case markers on one site (optional), asked as an optional host permission from this
 * click (the permission prompt needs the agent's gesture). Off by default everywhere.
 */
export function MarkersToggle({ url }: Props) {
  const origin = url && /^https?:/.test(url) ? new URL(url).origin : null;
  const [sites, setSites] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () =>
      void send('markers/sites', {}).then(
        (r) => setSites(r.origins),
        () => {},
      ),
    [],
  );
  if (!origin) return null;
  const on = sites.includes(origin);
  const host = new URL(origin).host;
  const toggle = async () => {
    setError(null);
    if (!on && !(await browser.permissions.request({ origins: [originPattern(origin)] })))
      return setError(t('markersRefused', host));
    await send('markers/set', { origin, on: !on });
    setSites((await send('markers/sites', {})).origins);
  };
  return (
    <p>
      <button
        type="button"
        class="secondary"
        data-testid="markers-toggle"
        onClick={() => void toggle().catch((e: unknown) => setError(wordError(e)))}
      >
        {on ? t('markersOff', host) : t('markersOn', host)}
      </button>
      {error && (
        <span role="alert" class="error">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}
