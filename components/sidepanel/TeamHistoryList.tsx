import type { TeamHistoryEntry } from '../../domain/team';
import { CASE_STATUSES } from '../../domain/enum-values';
import { localTime } from '../format';
import { t } from '../i18n';
import { STATUS_LABEL } from '../labels';
import type { TeamCaseData } from './use-team-case';

export type Props = {
  data: TeamCaseData | null;
};

/**
 * A case's whole history as the team's backend has it, newest first: notes, decisions, status
 * and owner changes by any agent, each with who and when; a hand-off shows "Anna → Bram" and its note.
 */
export function TeamHistoryList({ data }: Props) {
  if (!data) return <p class="meta">{t('historyLoading')}</p>;
  return (
    <section class="team-history" data-testid="team-history" aria-label={t('teamHistory')}>
      <h2>{data.source === 'team' ? t('teamHistory') : t('teamHistoryLocal')}</h2>
      <ol>
        {[...data.entries].reverse().map((e, i) => (
          <li key={`${e.at}-${i}`} class={`h-${e.kind}`} data-kind={e.kind}>
            <span class="h-head">{t('history_by', e.by ?? t('history_unknownAgent'), localTime(e.at))}</span>
            <span class="h-text">{entryText(e)}</span>
            {e.kind === 'owner' && e.note && <span class="handoff-note">{e.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

const isStatus = (s: string): s is (typeof CASE_STATUSES)[number] => (CASE_STATUSES as readonly string[]).includes(s);

/** One entry in the agent's language where its kind says what it is; the backend's words otherwise. */
function entryText(e: TeamHistoryEntry): string {
  switch (e.kind) {
    case 'created':
      return t('history_created');
    case 'decision':
      return t('history_decision', e.text);
    case 'owner':
      return e.from !== null || e.to !== null ? t('history_owner', e.from ?? t('nobody'), e.to ?? t('nobody')) : e.text;
    case 'status': {
      const to = /(\w+)\s*$/.exec(e.text)?.[1];
      return to && isStatus(to) ? t('history_status', t(STATUS_LABEL[to])) : e.text;
    }
    default:
      return e.text;
  }
}
