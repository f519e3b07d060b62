import { useEffect, useMemo, useState } from 'preact/hooks';
import { NO_FILTER, type QueueFilter, type QueueView } from '../../domain/queue';
import { rowFromCase } from '../../domain/queue-row';
import { db } from '../../storage/db';
import { caseRows, overdueCount, queueOwners } from '../../storage/queue';
import { t } from '../i18n';
import { useLiveQuery } from '../use-live-query';
import { useSettings } from '../use-settings';
import { CaseDetail } from './CaseDetail';
import { PanelMenu } from './PanelMenu';
import { QueueRowView } from './QueueRowView';
import { QueueToolbar } from './QueueToolbar';
import { useActivePage } from './use-active-page';
import { useFocusCase } from './use-focus-case';
import { useQueue } from './use-queue';
import { VirtualList } from './VirtualList';

export type Props = {
  /** location.search of the panel page (the e2e build may pin a tab with it). */
  search: string;
};

/** A closed row's height in pixels (two lines). */
const ROW_HEIGHT = 54;

/** The clock the ages, priorities and overdue marks are shown at: a minute's precision is enough. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(tick);
  }, []);
  return now;
}

/**
 * The side panel: the agent's queue. One compact row per case, the page's own case pinned first,
 * one row open at a time with the case's detail and actions; views (this page, mine, unassigned,
 * all) with counts, filters and search, all served by the database's indexes. Read-only on the
 * database: every change goes through the background.
 */
export function SidePanelApp({ search }: Props) {
  const page = useActivePage(search);
  const settings = useSettings();
  const now = useNow();
  const [view, setView] = useState<QueueView>('page');
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const [openId, setOpenId] = useState<string | null>(null);
  const [range, setRange] = useState<[number, number]>([0, 30]);
  const queue = useQueue(db(), filter, view, page.url, settings.agentName);
  const focusId = useFocusCase(page.url);
  useEffect(() => {
    if (focusId) setOpenId(focusId);
  }, [focusId]);

  const pinned = focusId ?? queue.pinned;
  const list = useMemo(() => {
    const ids = queue.lists?.[view] ?? [];
    return pinned ? ids.filter((id) => id !== pinned) : ids;
  }, [queue.lists, view, pinned]);
  const visible = list.slice(range[0], range[1]);
  const wanted = pinned ? [pinned, ...visible] : visible;
  // Rows read ahead with the result show at once; the live read keeps them current.
  const rows = useLiveQuery(() => caseRows(db(), wanted), [wanted.join('\n')]).value;
  const live = new Map((rows ?? []).map((c) => [c.id, c]));
  const rowOf = (id: string) => live.get(id) ?? queue.known.get(id);
  const owners = useLiveQuery(() => queueOwners(db()), []).value ?? [];
  const overdue = useLiveQuery(() => overdueCount(db(), settings.slaHours, now), [settings.slaHours, now]).value ?? 0;
  const counts = queue.lists
    ? {
        page: queue.lists.page.length,
        mine: queue.lists.mine.length,
        unassigned: queue.lists.unassigned.length,
        all: queue.lists.all.length,
      }
    : null;

  const render = (id: string, pinnedRow = false) => {
    const c = rowOf(id);
    if (!c) return <li key={id} class="qrow loading" aria-hidden="true" />;
    const row = rowFromCase(c, settings.slaHours, now);
    const open = openId === id;
    return (
      <QueueRowView key={id} row={row} open={open} pinned={pinnedRow} onToggle={() => setOpenId(open ? null : id)}>
        <CaseDetail
          kase={c}
          row={row}
          settings={settings}
          reasons={queue.reasons.get(id) ?? []}
          pageTabId={queue.reasons.has(id) ? page.tabId : null}
          now={now}
        />
      </QueueRowView>
    );
  };

  const empty = queue.lists && list.length === 0 && !pinned;
  return (
    <div class="panel">
      <header class="panel-head">
        <h1>{t('extName')}</h1>
        {overdue > 0 && (
          <span class="overdue" data-testid="overdue-count">
            {t('overdueCount', String(overdue))}
          </span>
        )}
        <PanelMenu url={page.url} />
      </header>
      <QueueToolbar view={view} onView={setView} counts={counts} filter={filter} onFilter={setFilter} owners={owners} />
      {queue.error && <p role="alert">{queue.error}</p>}
      {pinned && (
        <section
          aria-label={focusId ? t('focusTitle') : t('pinnedTitle')}
          class="pinned-box"
          data-testid={focusId ? 'focus' : 'pinned'}
        >
          <ul class="queue-pinned">{render(pinned, true)}</ul>
        </section>
      )}
      {empty ? (
        <p class="empty" data-testid="queue-empty">
          {counts?.all === 0 && !filter.search ? t('noCases') : view === 'page' ? t('noLinked') : t('noMatch')}
        </p>
      ) : (
        <VirtualList
          count={list.length}
          rowHeight={ROW_HEIGHT}
          openIndex={openId ? list.indexOf(openId) : -1}
          onRange={(from, to) => setRange((r) => (r[0] === from && r[1] === to ? r : [from, to]))}
          renderRow={(i) => render(list[i]!)}
          label={t('queueLabel')}
          resetKey={`${view}|${JSON.stringify(filter)}`}
        />
      )}
    </div>
  );
}
