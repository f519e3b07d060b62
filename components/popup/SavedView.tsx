import { useEffect, useState } from 'preact/hooks';
import type { SyncDetail } from '../../domain/sync-detail';
import { send } from '../../messaging/client';
import { localTime } from '../format';
import { browserWords } from '../../browser-compat/words';
import type { Case } from '../../domain/case';
import { t } from '../i18n';
import { CATEGORY_LABEL, SEVERITY_LABEL } from '../labels';
import { wordProblem } from '../problem-words';

export type Props = {
  caseId: string;
  /** Added to the customer's earlier case instead of a new one. */
  attached: boolean;
  onOpenPanel: () => void;
  onCaptureAgain: () => void;
};

/** How long the popup watches the first push (a down backend answers within a second or two). */
const WATCH_MS = 8000;

/**
 * The confirmation after a save, with where the case stands with the backend: kept in this
 * browser, sent, or waiting, and then why and until when, so trouble is visible at save time.
 */
export function SavedView({ caseId, attached, onOpenPanel, onCaptureAgain }: Props) {
  const [sync, setSync] = useState<SyncDetail | null>(null);
  const [kase, setKase] = useState<Case | null>(null);
  useEffect(() => void send('case/get', { caseId }).then(setKase, () => {}), [caseId]);
  useEffect(() => {
    let stop = false;
    const started = Date.now();
    const poll = async () => {
      const d = await send('case/sync', { caseId }).catch(() => null);
      if (stop) return;
      if (d) setSync(d);
      if (d?.state === 'queued' && !d.problem && Date.now() - started < WATCH_MS) setTimeout(() => void poll(), 400);
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [caseId]);
  return (
    <section aria-live="polite" class="saved">
      <h1 data-testid="saved">{attached ? t('attached') : t('saved')}</h1>
      {kase && (
        <p class="saved-case" data-testid="saved-case">
          <span class={`sev sev-${kase.severity}`}>{t(SEVERITY_LABEL[kase.severity])}</span>{' '}
          {t(CATEGORY_LABEL[kase.category])} · {kase.owner ?? t('unassigned')}
        </p>
      )}
      <p data-testid="saved-sync">{syncLine(sync)}</p>
      {sync?.problem && (
        <p class="warnings" role="status" data-testid="saved-problem">
          {wordProblem(sync.problem)}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={onOpenPanel}>
          {t(browserWords.openPanel)}
        </button>
        <button type="button" class="secondary" onClick={onCaptureAgain}>
          {t('captureAnother')}
        </button>
      </div>
    </section>
  );
}

function syncLine(sync: SyncDetail | null): string {
  if (!sync) return '';
  if (sync.state === 'local') return t('savedLocal');
  if (sync.state === 'sent') return t('savedSent');
  if (sync.state === 'failed') return t('savedFailed');
  if (sync.problem)
    return sync.nextTryAt ? t('savedRetryAt', localTime(new Date(sync.nextTryAt).toISOString())) : t('savedRetry');
  return t('savedQueued');
}
