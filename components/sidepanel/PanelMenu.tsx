import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { MarkersToggle } from './MarkersToggle';

export type Props = {
  /** The active page, for the case markers of its site. */
  url: string | null;
};

/** What is not the queue, one click away: the settings page (backend, SLA, protocols, data) and case markers. */
export function PanelMenu({ url }: Props) {
  return (
    <details class="menu">
      <summary aria-label={t('menuLabel')} title={t('menuLabel')}>
        ⋯
      </summary>
      <div class="menu-body">
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openSettings')}
        </button>
        <MarkersToggle url={url} />
      </div>
    </details>
  );
}
