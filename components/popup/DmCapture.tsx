import { useState } from 'preact/hooks';
import type { DmRange } from '../../capture/outcome';
import type { Mention } from '../../domain/mention';
import { t } from '../i18n';

export type Props = {
  /** The captured messages of the customer, oldest first (the form edits the newest). */
  messages: Mention[];
  /** How the range came out: what was asked for and what the conversation had loaded. */
  range: DmRange | null;
  /** Reads the conversation again for the customer's last `n` messages. */
  onRange: (n: number) => void;
  /** True while a read is in flight. */
  busy: boolean;
};

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(navigator.language, { dateStyle: 'short', timeStyle: 'short' }) : '';

/**
 * A capture of a direct message: marked private, the customer's messages it holds with their
 * times, the range to read again, and a note when that range reaches past the loaded messages.
 */
export function DmCapture({ messages, range, onRange, busy }: Props) {
  const [n, setN] = useState(String(range?.requested ?? Math.max(1, messages.length)));
  const asked = Number(n);
  const valid = Number.isInteger(asked) && asked >= 1 && asked <= 50;
  return (
    <section class="dm" aria-labelledby="dm-h" data-testid="dm-capture">
      <p id="dm-h" class="dm-private">
        <span class="badge private" data-testid="dm-private">
          {t('dm_private')}
        </span>{' '}
        {t('dm_privateNote')}
      </p>
      <p class="meta">{t('dm_messages', String(messages.length))}</p>
      <ol class="dm-messages" data-testid="dm-messages">
        {messages.map((m, i) => (
          <li key={i}>
            <span class="meta">{when(m.publishedAt)}</span> <span class="dm-text">{m.text}</span>
          </li>
        ))}
      </ol>
      {range?.pastLoaded && (
        <p role="status" class="warnings" data-testid="dm-past-loaded">
          {t('dm_pastLoaded', String(range.requested ?? 0), String(range.customerLoaded))}
        </p>
      )}
      {/* Inside the review form: no form of its own (forms do not nest). Enter here reads again;
          Ctrl/Cmd+Enter still saves, handled by the review form. */}
      <div class="row dm-range" role="group" aria-label={t('dm_rangeLabel')}>
        <label>
          <span>{t('dm_rangeLabel')}</span>
          <input
            name="dmLast"
            type="number"
            min={1}
            max={50}
            value={n}
            onInput={(e) => setN(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
              e.preventDefault();
              e.stopPropagation();
              if (valid && !busy) onRange(asked);
            }}
          />
        </label>
        <button type="button" class="secondary" disabled={busy || !valid} onClick={() => onRange(asked)}>
          {t('dm_rangeButton')}
        </button>
      </div>
    </section>
  );
}
