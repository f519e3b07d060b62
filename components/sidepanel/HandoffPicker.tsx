import { useEffect, useState } from 'preact/hooks';
import type { Roster } from '../../domain/team';
import { send } from '../../messaging/client';
import { t } from '../i18n';
import { wordError } from '../problem-words';

export type Props = {
  caseId: string;
  /** The hand-off was recorded; `to` names who has the case now. */
  onDone: (to: string) => void;
  onCancel: () => void;
  act: (work: () => Promise<unknown>) => void;
};

/** The typed-name choice of the list (no roster id). */
const OTHER = '__other__';

/**
 * Hands a case to a colleague or a group from the team's list (the backend's agents and groups),
 * with a note the receiver sees first. With no backend (or its list unreadable) a typed name does.
 */
export function HandoffPicker({ caseId, onDone, onCancel, act }: Props) {
  const [roster, setRoster] = useState<{ list: Roster; me: string | null; read: boolean } | null>(null);
  const [pick, setPick] = useState('');
  const [typed, setTyped] = useState('');
  const [group, setGroup] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void send('team/roster', {}).then(
      (r) => setRoster({ list: r.roster, me: r.me.name, read: r.team.state === 'ok' }),
      () => setRoster({ list: { agents: [], groups: [] }, me: null, read: false }),
    );
  }, []);
  const agents = roster?.list.agents.filter((a) => a.name !== roster.me) ?? [];
  const groups = roster?.list.groups ?? [];
  const hasList = agents.length + groups.length > 0;
  const choice = hasList ? pick : OTHER;
  const [kind, id] = choice.split(':', 2) as ['agent' | 'group', string];
  const member = choice === OTHER ? undefined : (kind === 'agent' ? agents : groups).find((m) => m.id === id);
  const name = typed.trim();
  const chosen =
    choice === OTHER
      ? name
        ? { kind: group ? ('group' as const) : ('agent' as const), id: null, name }
        : null
      : member
        ? { kind, id: member.id, name: member.name }
        : null;
  const submit = () => {
    if (!chosen) return;
    act(() =>
      send('team/handoff', { caseId, to: chosen, note: note.trim() }).then(
        (r) =>
          r.status === 'handed'
            ? onDone(chosen.kind === 'group' ? t('teamGroup', chosen.name) : chosen.name)
            : setError(t('needAgentName')),
        (e: unknown) => setError(wordError(e)),
      ),
    );
  };
  return (
    <form
      class="ask handoff wide"
      data-testid="handoff"
      aria-label={t('handOffTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <strong>{t('handOffTitle')}</strong>
      {roster && !roster.read && <p class="meta">{t('handOffNoRoster')}</p>}
      {hasList && (
        <label>
          <span>{t('handOffTo')}</span>
          <select name="handoffTo" value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
            <option value="" disabled>
              {t('handOffPick')}
            </option>
            {agents.length > 0 && (
              <optgroup label={t('handOffAgents')}>
                {agents.map((a) => (
                  <option key={a.id} value={`agent:${a.id}`}>
                    {a.name}
                  </option>
                ))}
              </optgroup>
            )}
            {groups.length > 0 && (
              <optgroup label={t('handOffGroups')}>
                {groups.map((g) => (
                  <option key={g.id} value={`group:${g.id}`}>
                    {g.name}
                  </option>
                ))}
              </optgroup>
            )}
            <option value={OTHER}>{t('handOffOther')}</option>
          </select>
        </label>
      )}
      {choice === OTHER && (
        <>
          <label>
            <span>{t('handOffName')}</span>
            <input name="handoffName" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          </label>
          <label class="check">
            <input type="checkbox" checked={group} onChange={(e) => setGroup(e.currentTarget.checked)} />
            <span>{t('handOffAsGroup')}</span>
          </label>
        </>
      )}
      <label>
        <span>{t('handOffNote')}</span>
        <textarea
          name="handoffNote"
          rows={2}
          value={note}
          placeholder={t('handOffNotePlaceholder')}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <div class="buttons">
        <button type="submit" disabled={!chosen}>
          {t('handOffSend')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
