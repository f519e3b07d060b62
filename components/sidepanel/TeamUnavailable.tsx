import { t } from '../i18n';

/** The team's backend did not answer: say so plainly, above the local cases that are still shown. */
export function TeamUnavailable() {
  return (
    <p class="team-off" role="status" data-testid="team-unavailable" title={t('teamUnavailableWhy')}>
      {t('teamUnavailable')}
    </p>
  );
}
