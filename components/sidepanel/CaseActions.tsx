import { useState } from 'preact/hooks';
import type { Case } from '../../domain/case';
import { CASE_STATUSES } from '../../domain/enum-values';
import { send } from '../../messaging/client';
import { EnumSelect } from '../EnumSelect';
import { t } from '../i18n';
import { STATUS_LABEL } from '../labels';
import { wordError } from '../problem-words';

export type Props = {
  /** The case the actions change (through the background, which logs and queues each change). */
  kase: Case;
};

export function CaseActions({ kase }: Props) {
  const [note, setNote] = useState('');
  const [owner, setOwner] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>, after?: () => void) =>
    p.then(
      () => {
        setError(null);
        after?.();
      },
      (e: unknown) => setError(wordError(e)),
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
          placeholder={kase.owner ?? ''}
          onInput={(e) => setOwner(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && owner.trim()) assign();
          }}
        />
      </label>
      <button type="button" class="secondary" disabled={!owner.trim()} onClick={assign}>
        {t('assign')}
      </button>
      <button type="button" class="secondary" onClick={() => void run(send('case/take', { caseId: id }))}>
        {t('takeOwnership')}
      </button>
      <label style={{ flexBasis: '100%' }}>
        <span>{t('note')}</span>
        <textarea
          name="note"
          rows={2}
          value={note}
          placeholder={t('notePlaceholder')}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
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
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
