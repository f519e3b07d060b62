import { useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { localTime } from '../format';
import { t } from '../i18n';
import { HandoffPicker } from './HandoffPicker';
import { useTeam } from './use-team-page';

export type Props = {
  /** The case (a local id, or a colleague's `team:…` id). */
  caseId: string;
  /** Runs an action once the agent's name is known (components/sidepanel/NamePrompt.tsx). */
  act: (work: () => Promise<unknown>) => void;
  /** Words a failed action where the other actions show theirs. */
  onError: (e: unknown) => void;
};

type Ask = { owner: string; since: string | null } | { unchecked: true } | null;

/**
 * Taking a case and handing it off. Ownership is a team fact: taking a case a colleague owns asks
 * first ("Anna owns this case since 10:02. Take it over?"), and is recorded as "Anna → you"; a
 * hand-off goes to someone from the team's list (or a typed name) with a note they see first.
 */
export function OwnerActions({ caseId, act, onError }: Props) {
  const team = useTeam();
  const [ask, setAsk] = useState<Ask>(null);
  const [picking, setPicking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const take = (confirm: boolean) =>
    act(() =>
      send('team/take', { caseId, confirm }).then((r) => {
        if (r.status === 'owned-by-other') return setAsk({ owner: r.owner, since: r.since });
        if (r.status === 'unchecked') return setAsk({ unchecked: true });
        if (r.status === 'need-agent-name') return onError(new Error(t('needAgentName')));
        setAsk(null);
        setDone(r.previous && r.previous !== r.owner ? t('takenFrom', r.previous) : null);
        team.refresh();
      }, onError),
    );
  return (
    <>
      <div class="buttons">
        <button type="button" class="secondary" onClick={() => take(false)}>
          {t('takeOwnership')}
        </button>
        <button
          type="button"
          class="secondary"
          aria-expanded={picking}
          onClick={() => act(async () => setPicking((p) => !p))}
        >
          {t('handOff')}
        </button>
      </div>
      {ask && (
        <div class="ask wide" role="alertdialog" aria-label={t('takeOver')} data-testid="take-confirm">
          <p>
            {'unchecked' in ask
              ? t('takeUnchecked')
              : t('takeConfirm', ask.owner, ask.since ? localTime(ask.since) : '?')}
          </p>
          <div class="buttons">
            <button type="button" onClick={() => take(true)}>
              {t('takeOver')}
            </button>
            <button type="button" class="secondary" onClick={() => setAsk(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {picking && (
        <HandoffPicker
          caseId={caseId}
          onDone={(to) => {
            setPicking(false);
            setDone(t('handedTo', to));
            team.refresh();
          }}
          onCancel={() => setPicking(false)}
          act={act}
        />
      )}
      {done && (
        <p class="meta wide" role="status" data-testid="owner-done">
          {done}
        </p>
      )}
    </>
  );
}
