import { CASE_STATUSES, SEVERITIES } from '../../domain/enum-values';
import { QUEUE_VIEWS, type QueueFilter, type QueueView, type StatusFilter } from '../../domain/queue';
import type { Platform } from '../../domain/mention';
import { PLATFORM_IDS } from '../../extract/platforms/platforms';
import { t } from '../i18n';
import { platformLabel, SEVERITY_LABEL, STATUS_LABEL, VIEW_LABEL } from '../labels';

export type Props = {
  view: QueueView;
  onView: (v: QueueView) => void;
  /** How many cases each view holds after the filters. */
  counts: Record<QueueView, number> | null;
  filter: QueueFilter;
  onFilter: (f: QueueFilter) => void;
  /** The owners cases have, for the owner filter. */
  owners: { key: string; name: string }[];
};

/** Search, the four views with their counts, and the filters: what the queue shows. */
export function QueueToolbar({ view, onView, counts, filter, onFilter, owners }: Props) {
  const set = (patch: Partial<QueueFilter>) => onFilter({ ...filter, ...patch });
  return (
    <div class="toolbar">
      <input
        type="search"
        name="search"
        class="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchLabel')}
        value={filter.search}
        onInput={(e) => set({ search: e.currentTarget.value })}
      />
      <div class="views" role="tablist" aria-label={t('viewsLabel')}>
        {QUEUE_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            class={view === v ? 'on' : ''}
            data-testid={`view-${v}`}
            onClick={() => onView(v)}
          >
            <span>{t(VIEW_LABEL[v])}</span>
            <span class="count" data-testid={`count-${v}`}>
              {counts ? counts[v].toLocaleString() : '…'}
            </span>
          </button>
        ))}
      </div>
      <div class="filters">
        <label>
          <span>{t('status')}</span>
          <select
            name="statusFilter"
            value={filter.status}
            onChange={(e) => set({ status: e.currentTarget.value as StatusFilter })}
          >
            <option value="open">{t('filterOpen')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_LABEL[s])}
              </option>
            ))}
            <option value="any">{t('filterAny')}</option>
          </select>
        </label>
        <label>
          <span>{t('severity')}</span>
          <select
            name="severityFilter"
            value={filter.severity ?? ''}
            onChange={(e) => set({ severity: (e.currentTarget.value || null) as QueueFilter['severity'] })}
          >
            <option value="">{t('filterAny')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(SEVERITY_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('platform')}</span>
          <select
            name="platformFilter"
            value={filter.platform ?? ''}
            onChange={(e) => set({ platform: (e.currentTarget.value || null) as Platform | null })}
          >
            <option value="">{t('filterAny')}</option>
            {PLATFORM_IDS.map((p) => (
              <option key={p} value={p}>
                {t(platformLabel(p))}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('owner')}</span>
          <select
            name="ownerFilter"
            value={filter.owner ?? '*'}
            onChange={(e) => set({ owner: e.currentTarget.value === '*' ? null : e.currentTarget.value })}
          >
            <option value="*">{t('filterAny')}</option>
            <option value="">{t('unassigned')}</option>
            {owners.map((o) => (
              <option key={o.key} value={o.key}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
