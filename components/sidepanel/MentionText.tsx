import { useState } from 'preact/hooks';
import { t } from '../i18n';

export type Props = {
  /** The mention's text, from the page: rendered as a text node only. */
  text: string;
};

/** Beyond this, a card shows a preview: a 100,000-character post would stall the panel's layout. */
const PREVIEW_CHARS = 600;

export function MentionText({ text }: Props) {
  const [all, setAll] = useState(false);
  const long = text.length > PREVIEW_CHARS;
  return (
    <>
      <p class="mention-text" data-testid="mention-text">
        {long && !all ? `${text.slice(0, PREVIEW_CHARS)}…` : text}
      </p>
      {long && (
        <button type="button" class="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('showLess') : t('showAll', text.length.toLocaleString())}
        </button>
      )}
    </>
  );
}
