import { t } from '../i18n';
import { wordProblem } from '../problem-words';
import type { Problem } from '../../domain/problem';

export type Props = {
  /** Cases not yet acknowledged by the backend (queued or needing attention). */
  waiting: number;
  /** Cases whose sync stopped on a permanent error. */
  failed: number;
  /** Why the backend cannot be reached at all, if so. */
  problem: Problem | null;
  busy: boolean;
  /** Puts every failed case back in the queue. */
  onRetry: () => void;
};

/** Where sync stands, and the one action the agent has: retry after fixing the settings. */
export function SyncStatusView({ waiting, failed, problem, busy, onRetry }: Props) {
  return (
    <section aria-labelledby="sync-status-title">
      <h3 id="sync-status-title">{t('options_syncTitle')}</h3>
      <p data-testid="sync-counts">
        {waiting === 0 ? t('options_allSynced') : t('options_waiting', String(waiting))}
        {failed > 0 ? ` ${t('options_needAttention', String(failed))}` : ''}
      </p>
      {problem && <p role="alert">{wordProblem(problem)}</p>}
      {failed > 0 && (
        <button type="button" disabled={busy} onClick={onRetry}>
          {t('options_retry')}
        </button>
      )}
    </section>
  );
}
