import { useEffect } from 'preact/hooks';
import type { TeamCaseView } from '../../domain/team-view';
import { send } from '../../messaging/client';
import { localTime } from '../format';
import { t } from '../i18n';
import type { TeamCaseData } from './use-team-case';

export type Props = {
  /** What the team view says about the case (handed to this agent?). */
  view: TeamCaseView | undefined;
  data: TeamCaseData | null;
  now: number;
};

/** "Anna is on this" counts while her last action is this recent. */
const ON_THIS_MS = 2 * 60 * 60_000;

/**
 * What the agent must read before acting, at the top of an open case: a hand-off to them with its
 * note, and a colleague who is working on the case right now ("Anna is on this (since 10:02)").
 */
export function TeamNotice({ view, data, now }: Props) {
  const handed = view?.handedToMe ? data?.entries.findLast((e) => e.kind === 'owner') : undefined;
  const remoteId = view?.remoteId;
  // Seen here: the badge stops counting it.
  useEffect(() => {
    if (remoteId && view?.handedToMe) void send('team/seen', { remoteIds: [remoteId] }).catch(() => {});
  }, [remoteId, view?.handedToMe]);
  const on = data?.onThis;
  // Handed over by that colleague: the hand-off already says who, and it is this agent's now.
  const busy =
    !view?.handedToMe && on?.agent && !on.isMe && on.lastAt && now - Date.parse(on.lastAt) < ON_THIS_MS ? on : null;
  if (!view?.handedToMe && !busy) return null;
  return (
    <div class="team-notice">
      {view?.handedToMe && (
        <div class="handed-box" data-testid="handed-to-you" role="status">
          <strong>{t('handedToYouBy', handed?.by ?? view.lastActivity?.by ?? t('history_unknownAgent'))}</strong>
          {handed?.note && <p class="handoff-note">{handed.note}</p>}
        </div>
      )}
      {busy && (
        <p class="on-this" data-testid="on-this" role="status">
          <strong>{t('onThis', busy.agent!, localTime(busy.since ?? busy.lastAt!))}</strong> {t('onThisHint')}
        </p>
      )}
    </div>
  );
}
