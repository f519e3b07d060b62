import { useEffect, useState } from 'preact/hooks';
import type { Case } from '../../domain/case';
import type { FoundReply } from '../../domain/brand';
import { send } from '../../messaging/client';
import { localTime } from '../format';
import { t } from '../i18n';
import { wordError } from '../problem-words';
import { SafeLink } from '../SafeLink';

export type Props = {
  kase: Case;
  /** The tab to look in for the brand's reply, when the case belongs to the page in it. */
  tabId: number | null;
  /** Whether the brand's accounts are set in the options (else there is nothing to look for). */
  hasBrandAccounts: boolean;
};

/**
 * "Mark as answered": with the brand's reply found on the page (its permalink offered), or a
 * link the agent pastes, or none. Once answered: when, and the reply's link.
 */
export function AnswerBox({ kase, tabId, hasBrandAccounts }: Props) {
  const [found, setFound] = useState<FoundReply | null>(null);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const answered = kase.firstResponse;
  useEffect(() => {
    if (answered || tabId === null || !hasBrandAccounts) return;
    let live = true;
    // Reading the page is the background's (it injects the capture script into the tab).
    send('case/find-reply', { caseId: kase.id, tabId }).then(
      (r) => {
        if (!live) return;
        setFound(r.reply);
        if (r.reply) setUrl(r.reply.url);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [kase.id, tabId, !!answered, hasBrandAccounts]);

  if (answered)
    return (
      <p class="answered" data-testid="answered">
        {t('answeredOn', localTime(answered.at), answered.by)}{' '}
        {answered.url && <SafeLink href={answered.url}>{t('theReply')}</SafeLink>}
      </p>
    );
  const mark = () =>
    send('case/answer', { caseId: kase.id, url: url.trim() || null }).then(
      () => setError(null),
      (e: unknown) => setError(wordError(e)),
    );
  return (
    <div class="answer" data-testid="answer-box">
      {found && (
        <p class="found" data-testid="brand-reply">
          {t('brandReplyFound', found.author)} <SafeLink href={found.url}>{t('theReply')}</SafeLink>
        </p>
      )}
      <div class="row">
        <label>
          <span>{t('answerUrl')}</span>
          <input
            name="answerUrl"
            type="url"
            value={url}
            placeholder="https://"
            aria-invalid={!!error || undefined}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <button type="button" onClick={() => void mark()}>
          {t('markAnswered')}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
