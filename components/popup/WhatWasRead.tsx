import type { Mention } from '../../domain/mention';
import { languageName, toLocalInput } from '../format';
import { t, type MessageKey } from '../i18n';
import { readField, writeField, type EditableField } from './unsaved-capture';

export type Props = {
  mention: Mention;
  onChange: (m: Mention) => void;
  /** Opened (the text is missing, or a field to fix is in here). */
  open: boolean;
  onToggle: (open: boolean) => void;
  /** The input to highlight, if a problem named one of these fields. */
  invalid: string | null;
};

const TEXT_FIELDS: { f: EditableField; label: MessageKey }[] = [
  { f: 'authorName', label: 'authorName' },
  { f: 'authorHandle', label: 'authorHandle' },
  { f: 'title', label: 'title' },
  { f: 'url', label: 'permalink' },
];

/** Languages offered beside the one read (the ones webcare teams meet most). */
const LANGUAGES = ['nl', 'en', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'tr', 'ar'];

/**
 * What the extractor read, collapsed: still editable when it got something wrong. The time is in
 * the agent's local time and the language by its name; both are stored as before (UTC, a tag).
 */
export function WhatWasRead({ mention: m, onChange, open, onToggle, invalid }: Props) {
  const set = (f: EditableField, v: string) => onChange(writeField(m, f, v));
  const langs = m.language && !LANGUAGES.includes(m.language) ? [m.language, ...LANGUAGES] : LANGUAGES;
  return (
    <details class="read" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>{t('whatWasRead')}</summary>
      <label>
        <span>{t('text')}</span>
        <textarea
          name="text"
          rows={5}
          value={m.text}
          aria-invalid={invalid === 'text' || undefined}
          placeholder={t('textPlaceholder')}
          onInput={(e) => set('text', e.currentTarget.value)}
        />
      </label>
      {TEXT_FIELDS.map(({ f, label }) => (
        <label key={f}>
          <span>{t(label)}</span>
          <input
            name={f}
            value={readField(m, f)}
            aria-invalid={invalid === f || undefined}
            onChange={(e) => set(f, e.currentTarget.value)}
          />
        </label>
      ))}
      <div class="row">
        <label>
          <span>{t('publishedAt')}</span>
          <input
            name="publishedAt"
            type="datetime-local"
            value={toLocalInput(m.publishedAt)}
            aria-invalid={invalid === 'publishedAt' || undefined}
            onChange={(e) => set('publishedAt', e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{t('language')}</span>
          <select name="language" value={m.language ?? ''} onChange={(e) => set('language', e.currentTarget.value)}>
            <option value="">{t('languageUnknown')}</option>
            {langs.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </details>
  );
}
