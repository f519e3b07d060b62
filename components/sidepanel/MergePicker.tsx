import { useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { caseRows, searchIds } from '../../storage/queue';
import { db, type StoredCase } from '../../storage/db';
import { ago, t } from '../i18n';
import { wordError } from '../problem-words';
import { useLiveQuery } from '../use-live-query';

export type Props = {
  /** The case that stays: the other one's mentions and history move into it. */
  kase: StoredCase;
};

/** At most this many cases are offered for a merge: the agent narrows down by typing. */
const OFFERED = 8;

/** Find another case about the same complaint (by author, handle or words) and merge it into this one. */
export function MergePicker({ kase }: Props) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const found = useLiveQuery(async () => {
    const ids = await searchIds(db(), query);
    if (!ids) return [];
    const rows = await caseRows(db(), [...ids].filter((id) => id !== kase.id).slice(0, OFFERED * 2));
    return rows.filter((c) => !c.mergedInto).slice(0, OFFERED);
  }, [query, kase.id]).value;
  const merge = () =>
    chosen &&
    send('case/merge', { caseId: kase.id, otherId: chosen }).then(
      () => {
        setChosen(null);
        setQuery('');
        setError(null);
      },
      (e: unknown) => setError(wordError(e)),
    );
  return (
    <div class="merge" data-testid="merge">
      <label>
        <span>{t('mergeFind')}</span>
        <input name="mergeSearch" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {found && found.length > 0 && (
        <fieldset class="merge-list">
          <legend>{t('mergePick')}</legend>
          {found.map((c) => (
            <label class="choice" key={c.id}>
              <input
                type="radio"
                name="mergeWith"
                value={c.id}
                checked={chosen === c.id}
                onChange={() => setChosen(c.id)}
              />
              <span>
                {c.subject?.authorName ?? c.subject?.handle ?? '?'} · {ago(c.createdAt)} ·{' '}
                {(c.subject?.text ?? '').slice(0, 60)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {found && found.length === 0 && query.trim().length > 1 && <p class="meta">{t('mergeNone')}</p>}
      <button type="button" class="secondary" disabled={!chosen} onClick={() => void merge()}>
        {t('mergeInto')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
