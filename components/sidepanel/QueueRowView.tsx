import type { ComponentChildren } from 'preact';
import { reachPoints } from '../../domain/priority';
import type { QueueRow } from '../../domain/queue-row';
import { compact } from '../format';
import { ago, t } from '../i18n';
import { platformLabel, SEVERITY_LABEL, STATUS_LABEL, SYNC_LABEL } from '../labels';

export type Props = {
  row: QueueRow;
  open: boolean;
  /** Opens this row (and closes any other), or closes it. */
  onToggle: () => void;
  /** Shown under the row when it is open: the case's detail and actions. */
  children?: ComponentChildren;
  /** The page's own case, pinned above the list. */
  pinned?: boolean;
};

/** The sync mark: one glyph, its meaning in the tooltip and for screen readers. */
const SYNC_MARK = { local: '○', queued: '↻', sent: '✓', failed: '!' } as const;

/**
 * One case as one compact row: status, severity in colour, platform, author, first words, reach,
 * age, owner (or unassigned), sync mark, and the overdue mark. One click opens its detail.
 */
export function QueueRowView({ row, open, onToggle, children, pinned }: Props) {
  const who = row.author ?? (row.handle ? `@${row.handle}` : t('authorUnknown'));
  return (
    <li
      class={`qrow${open ? ' open' : ''}${row.overdue ? ' late' : ''}${pinned ? ' pinned' : ''}`}
      data-testid="case-row"
      data-case-id={row.id}
      data-open={open ? 'true' : undefined}
    >
      <button type="button" class="qrow-head" aria-expanded={open} onClick={onToggle}>
        <span class="l1">
          <span class="pill" data-testid="status">
            {t(STATUS_LABEL[row.status])}
          </span>
          <span class={`sev sev-${row.severity}`} data-testid="severity">
            {t(SEVERITY_LABEL[row.severity])}
          </span>
          <span class="who" data-testid="author">
            {who}
          </span>
          {row.overdue && (
            <span class="overdue" data-testid="overdue">
              {t('overdue')}
            </span>
          )}
          <span class="age" title={new Date(row.since).toLocaleString()}>
            {ago(row.since)}
          </span>
          {row.syncState && (
            <span
              class={`sync-mark ${row.syncState}`}
              data-testid="sync"
              data-state={row.syncState}
              title={t(SYNC_LABEL[row.syncState])}
              aria-label={t(SYNC_LABEL[row.syncState])}
            >
              {SYNC_MARK[row.syncState]}
            </span>
          )}
        </span>
        <span class="l2">
          <span class="plat">{row.platform ? t(platformLabel(row.platform)) : ''}</span>
          <span class="excerpt" data-testid="excerpt">
            {row.dismissed ? t('dismissedMark') : row.excerpt}
          </span>
          {/* Reach that adds no priority points is not worth the row's room. */}
          {row.reach !== null && reachPoints(row.reach) > 0 && (
            <span class="reach-n" data-testid="row-reach" title={t('reach')}>
              {compact(row.reach)}
            </span>
          )}
          <span class={`owner${row.owner ? '' : ' none'}`} data-testid="owner">
            {row.owner ?? t('unassigned')}
          </span>
        </span>
      </button>
      {open && children}
    </li>
  );
}
