import type { CaseSummary } from '../../domain/case-summary';
import { ago, t } from '../i18n';
import { STATUS_LABEL } from '../labels';

export type Props = {
  /** The same customer's earlier cases (linked identities included), newest first. */
  cases: CaseSummary[];
  /** The case chosen to attach to, or null for a new case. */
  value: string | null;
  onChange: (caseId: string | null) => void;
};

/** A capture from an author who has cases may go to one of them instead of a new case. */
export function AuthorCases({ cases, value, onChange }: Props) {
  if (!cases.length) return null;
  return (
    <fieldset class="author-cases" data-testid="author-cases">
      <legend>
        {t('authorCasesTitle')} — {t('attachLegend')}
      </legend>
      <label class="choice">
        <input type="radio" name="attach" value="" checked={value === null} onChange={() => onChange(null)} />
        <span>{t('newCase')}</span>
      </label>
      {cases.map((c) => (
        <label class="choice" key={c.id}>
          <input type="radio" name="attach" value={c.id} checked={value === c.id} onChange={() => onChange(c.id)} />
          <span>
            {t('attachTo', ago(c.createdAt), c.text.slice(0, 80) || c.id)} ({t(STATUS_LABEL[c.status])}
            {c.capturedBy ? ` · ${t('capturedBy', c.capturedBy)}` : ''})
          </span>
        </label>
      ))}
    </fieldset>
  );
}
