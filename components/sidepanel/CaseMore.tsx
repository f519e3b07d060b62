import { useState } from 'preact/hooks';
import type { StoredMention } from '../../domain/case';
import { canDelete } from '../../domain/case-rules';
import type { OutboxEntry } from '../../domain/outbox';
import { send } from '../../messaging/client';
import type { StoredCase } from '../../storage/db';
import { t } from '../i18n';
import { logLine } from '../log-words';
import { wordError } from '../problem-words';
import { IdentityLink } from './IdentityLink';
import { MergePicker } from './MergePicker';
import { ThreadSnapshot } from './ThreadSnapshot';

export type Props = {
  kase: StoredCase;
  mentions: StoredMention[];
  outbox: OutboxEntry[];
  identities: Record<string, string[]>;
};

/**
 * The rest of a case, folded: its history (worded in the agent's language), the authors'
 * identities, the comments kept at capture, and undoing a mistake (delete while it never left
 * this browser, else close as not a complaint; merge with another case).
 */
export function CaseMore({ kase, mentions, outbox, identities }: Props) {
  const authors = [...new Set(mentions.map((m) => m.authorKey).filter((k): k is string => !!k))];
  return (
    <>
      <details class="more" data-testid="history">
        <summary>
          {t('logTitle')} ({kase.log.length})
        </summary>
        <ol class="log">
          {kase.log.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> · {e.by}: {logLine(e)}
            </li>
          ))}
        </ol>
      </details>
      {mentions.some((m) => m.threadJson !== undefined) && (
        <div class="more">
          {mentions.map((m) => (
            <ThreadSnapshot key={m.id} mention={m} />
          ))}
        </div>
      )}
      {mentions.length > 1 && (
        <details class="more">
          <summary>{t('otherPosts', String(mentions.length - 1))}</summary>
          {mentions.slice(1).map((m) => (
            <p key={m.id} class="mention-text">
              {m.author.name ?? m.author.handle}: {m.text.slice(0, 400)}
            </p>
          ))}
        </details>
      )}
      <details class="more">
        <summary>{t('identitiesTitle')}</summary>
        {authors.map((k) => (
          <IdentityLink key={k} authorKey={k} linked={identities[k] ?? []} />
        ))}
      </details>
      <details class="more" data-testid="undo">
        <summary>{t('fixMistake')}</summary>
        <MergePicker kase={kase} />
        {canDelete(kase, outbox) ? (
          <DeleteCase caseId={kase.id} />
        ) : (
          !kase.dismissal && <DismissCase caseId={kase.id} />
        )}
      </details>
    </>
  );
}

function DeleteCase({ caseId }: { caseId: string }) {
  const [sure, setSure] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = () => send('case/delete', { caseId }).catch((e: unknown) => setError(wordError(e)));
  return (
    <div class="danger">
      <p class="meta">{t('deleteWhy')}</p>
      {sure ? (
        <p>
          <button type="button" class="bad" onClick={() => void remove()}>
            {t('deleteConfirm')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setSure(false)}>
            {t('cancel')}
          </button>
        </p>
      ) : (
        <button type="button" class="secondary" onClick={() => setSure(true)}>
          {t('deleteCase')}
        </button>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}

function DismissCase({ caseId }: { caseId: string }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dismiss = () =>
    send('case/dismiss', { caseId, reason }).then(
      () => setError(null),
      (e: unknown) => setError(wordError(e)),
    );
  return (
    <div class="danger">
      <p class="meta">{t('dismissWhy')}</p>
      <div class="row">
        <label>
          <span>{t('dismissReason')}</span>
          <input
            name="reason"
            value={reason}
            aria-invalid={!!error || undefined}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </label>
        <button type="button" class="secondary" disabled={!reason.trim()} onClick={() => void dismiss()}>
          {t('dismissCase')}
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
