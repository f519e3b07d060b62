import type { TeamCaseView } from '../../domain/team-view';
import { ownerOf } from '../../domain/team-row';
import { localTime } from '../format';
import { t } from '../i18n';
import { CATEGORY_LABEL, REASON_LABEL, ticketLabel } from '../labels';
import { SafeLink } from '../SafeLink';
import { CaseActions } from './CaseActions';
import { TeamHistoryList } from './TeamHistoryList';
import { TeamNotice } from './TeamNotice';
import { useTeamCase } from './use-team-case';

export type Props = {
  /** A colleague's case this browser does not hold, as the team view gives it. */
  view: TeamCaseView;
  now: number;
};

/**
 * An open colleague's case: what the backend says about it, its whole history from the backend,
 * and the same actions as on a local case (acting keeps a copy here, sent to the same case).
 */
export function TeamCaseDetail({ view, now }: Props) {
  const data = useTeamCase(view.id, true);
  const kind = /^team:([a-z]+):/.exec(view.id)?.[1] ?? 'http';
  return (
    <div class="detail" data-testid="case-detail" data-source="team" role="region" aria-label={view.author ?? view.id}>
      <TeamNotice view={view} data={data} now={now} />
      {view.reasons.length > 0 && (
        <p class="meta">
          {t('linkedBy')}{' '}
          {view.reasons.map((r) => (
            <span key={r} class="pill" data-testid="reason">
              {t(REASON_LABEL[r])}
            </span>
          ))}
        </p>
      )}
      <p class="meta">
        {view.postUrl && <SafeLink href={view.postUrl}>{t('openPost')}</SafeLink>}
        {view.postUrl && view.url && ' · '}
        {view.url && <SafeLink href={view.url}>{t(ticketLabel(kind))}</SafeLink>}
      </p>
      {view.text && <p class="mention-text">{view.text}</p>}
      <dl class="grid">
        <dt>{t('capturedByLabel')}</dt>
        <dd data-testid="team-captured-by">{view.capturedBy ?? t('history_unknownAgent')}</dd>
        <dt>{t('owner')}</dt>
        <dd data-testid="team-owner">{ownerOf(view) ?? t('unassigned')}</dd>
        <dt>{t('category')}</dt>
        <dd>{t(CATEGORY_LABEL[view.category])}</dd>
        {view.latestDecision && (
          <>
            <dt>{t('latestDecision')}</dt>
            <dd data-testid="latest-decision">
              {view.latestDecision.text} ({view.latestDecision.by ?? t('history_unknownAgent')},{' '}
              {localTime(view.latestDecision.at)})
            </dd>
          </>
        )}
      </dl>
      <p class="meta">{t('teamOnly')}</p>
      <CaseActions kase={{ id: view.id, status: view.status, owner: ownerOf(view) }} />
      <TeamHistoryList data={data} />
    </div>
  );
}
