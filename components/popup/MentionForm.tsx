import type { ComponentChildren } from 'preact';
import type { CaptureReview } from '../../domain/case';
import { CATEGORIES, SEVERITIES } from '../../domain/enum-values';
import { readField, writeField, type EditableField, type UnsavedCapture } from './unsaved-capture';
import { Warnings } from './Warnings';
import { EnumSelect } from '../EnumSelect';
import { t, type MessageKey } from '../i18n';
import { CATEGORY_LABEL, KIND_LABEL, platformLabel, SEVERITY_LABEL } from '../labels';

export type Props = {
  /** The capture being reviewed. */
  capture: UnsavedCapture;
  /** Called with the whole new capture on every edit. */
  onChange: (c: UnsavedCapture) => void;
  /** Called when the agent saves. */
  onSave: () => void;
  /** True while the save is in flight (the button is disabled, the input kept). */
  saving: boolean;
  /** Shown above the save button (the choice to attach to the author's earlier case). */
  extra?: ComponentChildren;
};

const FIELDS: { f: EditableField; label: MessageKey; multiline?: boolean }[] = [
  { f: 'authorName', label: 'authorName' },
  { f: 'authorHandle', label: 'authorHandle' },
  { f: 'text', label: 'text', multiline: true },
  { f: 'url', label: 'permalink' },
  { f: 'publishedAt', label: 'publishedAt' },
  { f: 'language', label: 'language' },
];

export function MentionForm({ capture, onChange, onSave, saving, extra }: Props) {
  const m = capture.mention;
  const setReview = (r: Partial<CaptureReview>) => onChange({ ...capture, review: { ...capture.review, ...r } });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <p class="meta">
        <span data-testid="platform" title={t(platformLabel(m.platform))}>
          {m.platform}
        </span>{' '}
        · {t(KIND_LABEL[m.kind])}
        {m.author.followers !== null ? ` · ${m.author.followers.toLocaleString()} ${t('followers')}` : ''}
      </p>
      <Warnings warnings={m.warnings} />
      {/* A direct message's exchange is shown by DmCapture; these are a post's comments. */}
      {m.thread && m.kind !== 'dm' && (
        <p class="meta" data-testid="thread-note">
          {m.thread.truncated && m.thread.found > m.thread.comments.length
            ? t('threadKeptTruncated', m.thread.comments.length.toLocaleString(), m.thread.found.toLocaleString())
            : t('threadKept', m.thread.comments.length.toLocaleString())}
        </p>
      )}
      {FIELDS.map(({ f, label, multiline }) => (
        <label key={f}>
          <span>{t(label)}</span>
          {multiline ? (
            <textarea
              name={f}
              rows={5}
              value={readField(m, f)}
              onInput={(e) => onChange({ ...capture, mention: writeField(m, f, e.currentTarget.value) })}
            />
          ) : (
            <input
              name={f}
              value={readField(m, f)}
              onChange={(e) => onChange({ ...capture, mention: writeField(m, f, e.currentTarget.value) })}
            />
          )}
        </label>
      ))}
      <div class="row">
        <EnumSelect
          name="category"
          label={t('category')}
          options={CATEGORIES}
          labels={CATEGORY_LABEL}
          value={capture.review.category}
          onChange={(category) => setReview({ category })}
        />
        <EnumSelect
          name="severity"
          label={t('severity')}
          options={SEVERITIES}
          labels={SEVERITY_LABEL}
          value={capture.review.severity}
          onChange={(severity) => setReview({ severity })}
        />
      </div>
      <label>
        <span>{t('owner')}</span>
        <input
          name="owner"
          value={capture.review.owner ?? ''}
          onInput={(e) => setReview({ owner: e.currentTarget.value || null })}
        />
      </label>
      <label>
        <span>{t('note')}</span>
        <textarea
          name="note"
          rows={3}
          value={capture.review.note}
          onInput={(e) => setReview({ note: e.currentTarget.value })}
        />
      </label>
      {extra}
      <button type="submit" disabled={saving}>
        {saving ? t('saving') : t('save')}
      </button>
    </form>
  );
}
