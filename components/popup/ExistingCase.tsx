import { useState } from 'preact/hooks';
import type { CaseSummary } from '../../domain/case-summary';
import { ago, t } from '../i18n';
import { STATUS_LABEL } from '../labels';
import { SafeLink } from '../SafeLink';
import { wordError } from '../problem-words';
import { logLine } from '../log-words';

export type Props = {
  /** The case that already holds the captured post. */
  summary: CaseSummary;
  /** Adds a note to that case; rejects with the reason when it fails. */
  onAddNote: (text: string) => Promise<void>;
};

/** Shown instead of the form when the post is already stored (no second case): the case, and a note box. */
export function ExistingCase({ summary, onAddNote }: Props) {
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ busy: boolean; done: boolean; error: string | null }>({
    busy: false,
    done: false,
    error: null,
  });
  const add = () => {
    setState({ busy: true, done: false, error: null });
    onAddNote(note).then(
      () => {
        setNote('');
        setState({ busy: false, done: true, error: null });
      },
      (e: unknown) => setState({ busy: false, done: false, error: wordError(e) }),
    );
  };
  return (
    <section data-testid="duplicate" aria-labelledby="dup-h">
      <h1 id="dup-h">{t('duplicateTitle')}</h1>
      <p>{t('duplicateBody')}</p>
      <p data-testid="duplicate-status">
        {t('caseStatusOwner', t(STATUS_LABEL[summary.status]), summary.owner ?? t('ownerNone'))}
      </p>
      <p class="meta">
        {t('firstSeen', ago(summary.createdAt))} · {t('updated', ago(summary.updatedAt))} ·{' '}
        <SafeLink href={summary.url}>{t('permalink')}</SafeLink>
      </p>
      {/* Scrolls past 8em: focusable, so a keyboard can scroll it too (Firefox's axe run asks for it). */}
      <p class="mention-text" tabIndex={0}>
        {summary.text}
      </p>
      <ol class="log">
        {summary.recentLog.map((e) => (
          <li key={e.id}>
            {e.by}: {logLine(e)}
          </li>
        ))}
      </ol>
      <label>
        <span>{t('note')}</span>
        <textarea name="note" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <button type="button" disabled={!note.trim() || state.busy} onClick={add}>
        {t('addNote')}
      </button>
      <div aria-live="polite">
        {state.done && <p data-testid="note-added">{t('noteAdded')}</p>}
        {state.error && (
          <p role="alert" class="error">
            {state.error}
          </p>
        )}
      </div>
    </section>
  );
}
