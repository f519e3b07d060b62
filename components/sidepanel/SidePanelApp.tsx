import { useEffect, useState } from 'preact/hooks';
import { db } from '../../storage/db';
import { linkedCases, recentCases } from '../../storage/linked-cases';
import { identityGroups } from '../../storage/identities';
import { authorKeysFromUrl } from '../../domain/page-authors';
import { useLiveQuery } from '../use-live-query';
import { useActivePage } from './use-active-page';
import { CaseCard } from './CaseCard';
import { DataTools, downloadText } from './DataTools';
import { MarkersToggle } from './MarkersToggle';
import { useFocusCase } from './use-focus-case';
import { casesById } from '../../storage/linked-cases';
import { t } from '../i18n';

/** A long thread can link hundreds of cases: the panel renders the most recent ones first. */
const LINKED_SHOWN = 25;

export type Props = {
  /** location.search of the panel page (the e2e build may pin a tab with it). */
  search: string;
};

/** The side panel: cases linked to the active page, then the most recent cases. Read-only on the database. */
export function SidePanelApp({ search }: Props) {
  const url = useActivePage(search);
  const [showAll, setShowAll] = useState(false);
  useEffect(() => setShowAll(false), [url]);
  const linked = useLiveQuery(
    () => (url ? linkedCases(db(), url, authorKeysFromUrl(url)) : Promise.resolve([])),
    [url],
  );
  const recent = useLiveQuery(() => recentCases(db(), 20), []);
  const focusId = useFocusCase(url);
  const focus = useLiveQuery(() => casesById(db(), focusId ? [focusId] : []), [focusId]).value ?? [];
  const linkedIds = new Set((linked.value ?? []).map((l) => l.case.id));
  const others = (recent.value ?? []).filter((r) => !linkedIds.has(r.case.id));
  const authorKeys = [
    ...new Set(
      [...(linked.value ?? []), ...others].flatMap((l) => l.mentions.map((m) => m.authorKey ?? '')).filter(Boolean),
    ),
  ];
  const identities = useLiveQuery(() => identityGroups(db(), authorKeys), [authorKeys.join('\n')]).value ?? {};
  return (
    <>
      <h1>{t('extName')}</h1>
      {focus.length > 0 && (
        <section aria-labelledby="focus-h" data-testid="focus">
          <h2 id="focus-h">{t('focusTitle')}</h2>
          {focus.map((l) => (
            <CaseCard key={l.case.id} item={l} identities={identities} />
          ))}
        </section>
      )}
      <section aria-labelledby="linked-h" data-testid="linked">
        <h2 id="linked-h">{t('linkedTitle')}</h2>
        {linked.error && <p role="alert">{linked.error}</p>}
        {linked.value?.length ? (
          linked.value
            .slice(0, showAll ? undefined : LINKED_SHOWN)
            .map((l) => <CaseCard key={l.case.id} item={l} identities={identities} />)
        ) : (
          <p>{t('noLinked')}</p>
        )}
        {!showAll && (linked.value?.length ?? 0) > LINKED_SHOWN && (
          <button type="button" class="secondary" onClick={() => setShowAll(true)}>
            {t('showAllCases', String(linked.value?.length))}
          </button>
        )}
      </section>
      <section aria-labelledby="recent-h" data-testid="recent">
        <h2 id="recent-h">{t('recentTitle')}</h2>
        {recent.error && <p role="alert">{recent.error}</p>}
        {others.length ? (
          others.map((l) => <CaseCard key={l.case.id} item={l} identities={identities} />)
        ) : recent.value?.length ? null : (
          <p>{t('noCases')}</p>
        )}
      </section>
      <MarkersToggle url={url} />
      <DataTools download={downloadText} />
    </>
  );
}
