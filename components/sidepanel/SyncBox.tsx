import { useState } from 'preact/hooks';
import type { Case } from '../../domain/case';
import type { SyncDetail } from '../../domain/sync-detail';
import { send } from '../../messaging/client';
import { localTime } from '../format';
import { t } from '../i18n';
import { SYNC_LABEL, ticketLabel } from '../labels';
import { wordError, wordProblem } from '../problem-words';
import { SafeLink } from '../SafeLink';

export type Props = {
  kase: Case;
  /** Where it stands (domain/sync-detail.ts): why it waits, the next try, or why it was refused. */
  detail: SyncDetail;
};

/**
 * The case's place in the team's backend, where the agent looks: a queued case says why it waits
 * and when it is tried again, one needing attention shows the backend's message and a Retry, a
 * sent one links to its ticket.
 */
export function SyncBox({ kase, detail }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const retry = () =>
    send('sync/retry', { caseId: kase.id }).then(
      () => setMessage(t('retryQueued')),
      (e: unknown) => setMessage(wordError(e)),
    );
  const ticket = kase.backend?.url ?? null;
  return (
    <div class={`syncbox ${detail.state}`} data-testid="sync-box">
      <p>
        <strong>{t(SYNC_LABEL[detail.state])}</strong>
        {detail.state === 'local' && ` · ${t('syncLocalWhy')}`}
        {detail.state === 'queued' && detail.nextTryAt !== null && detail.problem && (
          <span data-testid="next-try"> · {t('nextTry', localTime(new Date(detail.nextTryAt).toISOString()))}</span>
        )}
      </p>
      {detail.problem && (
        <p class={detail.state === 'failed' ? 'error' : ''} data-testid="sync-reason">
          {wordProblem(detail.problem)}
        </p>
      )}
      {!detail.problem && kase.syncError && detail.state === 'failed' && <p class="error">{kase.syncError}</p>}
      {detail.state === 'failed' && (
        <button type="button" onClick={() => void retry()}>
          {t('retry')}
        </button>
      )}
      {ticket && (
        <p>
          <SafeLink href={ticket}>
            <span data-testid="ticket-link">{t(ticketLabel(kase.backend!.adapter))}</span>
          </SafeLink>
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
