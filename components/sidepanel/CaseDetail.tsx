import type { QueueRow } from '../../domain/queue-row';
import type { Settings } from '../../domain/settings';
import { syncDetail } from '../../domain/sync-detail';
import { db, type StoredCase } from '../../storage/db';
import type { LinkReason } from '../../storage/linked-cases';
import { t } from '../i18n';
import { REASON_LABEL } from '../labels';
import { AnswerBox } from './AnswerBox';
import { CaseActions } from './CaseActions';
import { CaseFacts } from './CaseFacts';
import { CaseMore } from './CaseMore';
import { EvidenceThumbnail } from './EvidenceThumbnail';
import { SyncBox } from './SyncBox';
import { useCaseDetail, useDrainProblem } from './use-case-detail';
import { TeamHistoryList } from './TeamHistoryList';
import { TeamNotice } from './TeamNotice';
import { useTeamCase } from './use-team-case';
import { useTeam } from './use-team-page';

export type Props = {
  kase: StoredCase;
  row: QueueRow;
  settings: Settings;
  /** Why the case is linked to the page the panel follows (none: it is not). */
  reasons: LinkReason[];
  /** The tab the panel follows, when this case belongs to its page (to look for the brand's reply). */
  pageTabId: number | null;
  now: number;
};

/** An open row: what the case is about, how urgent, its answer, its sync, the actions, and the rest folded. */
export function CaseDetail({ kase, row, settings, reasons, pageTabId, now }: Props) {
  const data = useCaseDetail(db(), kase.id, kase.mentionIds);
  const drainProblem = useDrainProblem();
  const sync = syncDetail(kase, data?.outbox ?? [], drainProblem);
  // A case the backend has: its history and who is on it are the team's.
  const view = useTeam().views.get(kase.id);
  const team = useTeamCase(kase.id, !!kase.backend);
  return (
    <div class="detail" data-testid="case-detail" role="region" aria-label={row.author ?? kase.id}>
      <TeamNotice view={view} data={team} now={now} />
      {reasons.length > 0 && (
        <p class="meta">
          {t('linkedBy')}{' '}
          {reasons.map((r) => (
            <span key={r} class="pill" data-testid="reason">
              {t(REASON_LABEL[r])}
            </span>
          ))}
        </p>
      )}
      <CaseFacts
        kase={kase}
        row={row}
        first={data?.mentions.find((m) => m.id === kase.mentionIds[0]) ?? data?.mentions[0] ?? null}
        protocol={settings.protocols[kase.category]}
        now={now}
      />
      <EvidenceThumbnail caseId={kase.id} />
      <AnswerBox kase={kase} tabId={pageTabId} hasBrandAccounts={settings.brandAccounts.length > 0} />
      <SyncBox kase={kase} detail={sync} />
      <CaseActions kase={kase} />
      {kase.backend && <TeamHistoryList data={team} />}
      {data && <CaseMore kase={kase} mentions={data.mentions} outbox={data.outbox} identities={data.identities} />}
    </div>
  );
}
