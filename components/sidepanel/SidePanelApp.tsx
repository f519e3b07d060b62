import { db } from '../../storage/db';
import { linkedCases, recentCases } from '../../storage/linked-cases';
import { authorKeysFromUrl } from '../../domain/page-authors';
import { useLiveQuery } from '../use-live-query';
import { useActivePage } from './use-active-page';
import { CaseCard } from './CaseCard';
import { t } from '../i18n';

export type Props = {
  /** location.search of the panel page (the e2e build may pin a tab with it). */
  search: string;
};

/** The side panel: cases linked to the active page, then the most recent cases. Read-only on the database. */
export function SidePanelApp({ search }: Props) {
  const url = useActivePage(search);
  const linked = useLiveQuery(() => (url ? linkedCases(db(), url, authorKeysFromUrl(url)) : Promise.resolve([])), [url]);
  const recent = useLiveQuery(() => recentCases(db(), 20), []);
  const linkedIds = new Set((linked.value ?? []).map((l) => l.case.id));
  const others = (recent.value ?? []).filter((r) => !linkedIds.has(r.case.id));
  return (
    <>
      <h1>{t('extName')}</h1>
      <section aria-labelledby="linked-h" data-testid="linked">
        <h2 id="linked-h">{t('linkedTitle')}</h2>
        {linked.error && <p role="alert">{t('error', linked.error)}</p>}
        {linked.value?.length ? linked.value.map((l) => <CaseCard key={l.case.id} item={l} />) : <p>{t('noLinked')}</p>}
      </section>
      <section aria-labelledby="recent-h" data-testid="recent">
        <h2 id="recent-h">{t('recentTitle')}</h2>
        {recent.error && <p role="alert">{t('error', recent.error)}</p>}
        {others.length ? others.map((l) => <CaseCard key={l.case.id} item={l} />) : recent.value?.length ? null : <p>{t('noCases')}</p>}
      </section>
    </>
  );
}
