import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { t } from '../i18n';
import { wordError } from '../problem-words';
import { useTeam } from './use-team-page';

export type Props = {
  /** Saves the name (kept in the options) and goes on with the action that asked for it. */
  onSave: (name: string) => Promise<void>;
  onCancel: () => void;
};

/** Asks the agent's name before their first action: every change is recorded with it, never as "agent". */
export function NamePrompt({ onSave, onCancel }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Asked in the middle of an action: the keyboard goes straight to the name.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const save = () => void onSave(name.trim()).catch((e: unknown) => setError(wordError(e)));
  return (
    <form
      class="ask"
      data-testid="name-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) save();
      }}
    >
      <p>{t('nameAsk')}</p>
      <label>
        <span>{t('nameLabel')}</span>
        <input ref={input} name="agentName" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <div class="buttons">
        <button type="submit" disabled={!name.trim()}>
          {t('nameSave')}
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

/**
 * Runs an action on a case once the agent's name is known: with none set (no backend name, none in
 * the options), the first action asks for it, then goes on. `prompt` is what to show meanwhile.
 */
export function useNamedAction(): { act: (work: () => Promise<unknown>) => void; prompt: VNode | null } {
  const team = useTeam();
  const [waiting, setWaiting] = useState(false);
  const pending = useRef<(() => Promise<unknown>) | null>(null);
  const act = (work: () => Promise<unknown>) => {
    if (team.me) return void work();
    void send('team/me', {}).then(
      (me) => {
        if (me.name) return void work();
        pending.current = work;
        setWaiting(true);
      },
      () => void work(),
    );
  };
  const prompt = waiting ? (
    <NamePrompt
      onSave={async (name) => {
        await send('team/set-name', { name });
        setWaiting(false);
        const work = pending.current;
        pending.current = null;
        team.refresh();
        await work?.();
      }}
      onCancel={() => {
        pending.current = null;
        setWaiting(false);
      }}
    />
  ) : null;
  return { act, prompt };
}
