import { browser } from 'wxt/browser';
import { t } from '../i18n';

export type Props = Record<string, never>;

/** Shown instead of the form on a private conversation while direct messages are off: nothing was read. */
export function DmRefused(_: Props) {
  return (
    <section role="alert" data-testid="dm-refused" aria-labelledby="dm-off-h">
      <h1 id="dm-off-h">{t('dm_offTitle')}</h1>
      <p>{t('dm_offBody')}</p>
      <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('dm_offOptions')}
      </button>
    </section>
  );
}
