import { useState } from 'preact/hooks';
import type { Case } from '../../domain/case';
import { CASE_STATUSES } from '../../domain/enum-values';
import { send } from '../../messaging/client';
import { EnumSelect } from '../EnumSelect';
import { t } from '../i18n';
import { STATUS_LABEL } from '../labels';
import { problemField, wordError } from '../problem-words';
import { problemOf } from '../../domain/problem';

export type Props = {
  /** The case the actions change (through the background, which logs and queues each change). */
  kase: Case;
};

/** Status, owner (assign or take), and a note or a decision: the everyday actions on a case. */
export function CaseActions({ kase }: Props) {
  const [note, setNote] = useState('');
  const [owner, setOwner] = useState('');
  const [error, setError] = useState<{ text: string; field: string | null } | null>(null);
  const run = (p: Promise<unknown>, after?: () => void) =>
    p.then(
      () => {
        setError(null);
        after?.();
      },
      (e: unknown) => setError({ text: wordError(e), field: problemField(problemOf(e)) }),
    );
  const id = kase.id;
  const assign = () => void run(send('case/update', { caseId: id, owner: owner.trim() }), () => setOwner(''));
  return (
    <div class="actions" role="group" aria-label={t('caseActions')}>
      <EnumSelect
        name="status"
        label={t('status')}
        options={CASE_STATUSES}
        labels={STATUS_LABEL}
        value={kase.status}
        onChange={(status) => void run(send('case/update', { caseId: id, status }))}
      />
      <label>
        <span>{t('assignOwner')}</span>
        <input
          name="owner"
          value={owner}
          placeholder={kase.owner ?? t('unassigned')}
          onInput={(e) => setOwner(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && owner.trim()) assign();
          }}
        />
      </label>
      <div class="buttons">
        <button type="button" class="secondary" disabled={!owner.trim()} onClick={assign}>
          {t('assign')}
        </button>
        <button type="button" class="secondary" onClick={() => void run(send('case/take', { caseId: id }))}>
          {t('takeOwnership')}
        </button>
      </div>
      <label class="wide">
        <span>{t('note')}</span>
        <textarea
          name="note"
          rows={2}
          value={note}
          aria-invalid={error?.field === 'note' || undefined}
          placeholder={t('notePlaceholder')}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <div class="buttons">
        <button
          type="button"
          disabled={!note.trim()}
          onClick={() => void run(send('case/log', { caseId: id, kind: 'note', text: note }), () => setNote(''))}
        >
          {t('addNote')}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={!note.trim()}
          onClick={() => void run(send('case/log', { caseId: id, kind: 'decision', text: note }), () => setNote(''))}
        >
          {t('addDecision')}
        </button>
      </div>
      {error && (
        <p role="alert" class="error wide">
          {error.text}
        </p>
      )}
    </div>
  );
}
